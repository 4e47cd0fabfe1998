// analysis_commands.cpp — simulate, compare, sweep, sensitivity, breakeven, explain (MODEL §8, §9).
//
// Trials and seed default to the (first) scenario's `uncertainty` block; --trials
// and --seed override them. compare runs every scenario with the same trials and
// seed, so the draws of shared inputs pair up (common random numbers, MODEL §7).
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "io/input_limits.h"
#include "io/analysis_io.h"
#include "io/explanation_io.h"
#include "cli_common.h"
#include "model/quarter.h"

namespace pactscope::cli {

namespace {

std::string dump(const nlohmann::ordered_json& j) { return j.dump(2) + "\n"; }

std::optional<double> parse_number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(v)) return std::nullopt;
    return v;
}

struct ParamSpec {
    std::string pointer;
    double lo = 0, hi = 0;
    int steps = 2;
    bool quarters = false;
};

// "PATH=LO:HI:STEPS" (or "PATH=LO:HI" when steps are not wanted). LO and HI are numbers,
// or quarter labels for a quarter input such as the AGI date.
std::optional<ParamSpec> parse_param(const std::string& text, bool with_steps) {
    const char* form = with_steps ? "PATH=LO:HI:STEPS" : "PATH=LO:HI";
    auto fail = [&](const std::string& why) {
        std::cerr << "pactscope: --param \"" << text << "\": " << why << " (expected " << form << ", e.g. "
                  << "/providers/0/price_usd_per_h100e_hour=1.5:4" << (with_steps ? ":11" : "") << ")\n";
        return std::nullopt;
    };
    const auto eq = text.rfind('=');
    if (eq == std::string::npos || eq == 0 || text[0] != '/') return fail("PATH must be a JSON pointer followed by '='");
    ParamSpec p;
    p.pointer = text.substr(0, eq);
    std::vector<std::string> parts;
    std::string rest = text.substr(eq + 1);
    for (std::size_t start = 0;;) {
        const auto colon = rest.find(':', start);
        parts.push_back(rest.substr(start, colon - start));
        if (colon == std::string::npos) break;
        start = colon + 1;
    }
    if (parts.size() != (with_steps ? 3u : 2u)) return fail("wrong number of ':'-separated values");
    auto qlo = parse_quarter(parts[0]), qhi = parse_quarter(parts[1]);
    if (qlo && qhi) {
        p.quarters = true;
        p.lo = *qlo, p.hi = *qhi;
    } else {
        auto lo = parse_number(parts[0]), hi = parse_number(parts[1]);
        if (!lo || !hi) return fail("LO and HI must be numbers (or both quarter labels such as 2029Q1)");
        p.lo = *lo, p.hi = *hi;
    }
    if (with_steps) {
        auto st = parse_number(parts[2]);
        if (!st || *st != std::floor(*st) || *st < 1 || *st > 10000) return fail("STEPS must be a whole number from 1 to 10,000");
        p.steps = static_cast<int>(*st);
    } else {
        p.steps = p.quarters ? static_cast<int>(p.hi - p.lo) + 1 : 65;
    }
    return p;
}

std::optional<SweepAxis> make_axis(const std::vector<const Scenario*>& ss, const ParamSpec& p) {
    std::string error;
    auto axis = sweep_axis(ss, p.pointer, p.lo, p.hi, std::max(1, p.steps), p.quarters, error);
    if (!axis) std::cerr << "pactscope: --param " << p.pointer << ": " << error << "\n";
    return axis;
}

}  // namespace

// Loads 1..max scenarios named on the command line.
std::optional<std::vector<Scenario>> load_all(const Options& o, std::size_t min, std::size_t max) {
    if (o.positional.size() < min || o.positional.size() > max) {
        std::cerr << kUsage;
        return std::nullopt;
    }
    std::vector<Scenario> out;
    bool ok = true;
    for (const std::string& arg : o.positional) {
        auto s = load(arg);
        if (s) out.push_back(std::move(*s));
        else ok = false;
    }
    if (!ok) return std::nullopt;
    return out;
}

std::vector<const Scenario*> pointers(const std::vector<Scenario>& ss) {
    std::vector<const Scenario*> out;
    for (const Scenario& s : ss) out.push_back(&s);
    return out;
}

std::optional<Metric> metric_for(const Scenario& s, const std::string& name) {
    std::string error;
    auto m = parse_metric(s, name, error);
    if (!m) std::cerr << "pactscope: --metric: " << error << "\n";
    return m;
}

// Trials, seed and threads for Monte Carlo runs of `ss` (trials and seed from the first scenario unless
// given); refuses runs whose samples would exceed kMaxMonteCarloBytes before anything is allocated.
std::optional<McOptions> mc_options(const Options& o, const std::vector<Scenario>& ss) {
    const Scenario& first = ss.front();
    auto trials = int_option(o, "--trials", 1, kMaxTrials, first.uncertainty.trials);
    auto seed = seed_option(o, first.uncertainty.seed);
    auto threads = int_option(o, "--threads", 1, 256, default_threads());
    if (!trials || !seed || !threads) return std::nullopt;
    std::uint64_t bytes = 0;
    for (const Scenario& s : ss) bytes += Simulation::bytes_for(s, *trials);
    if (bytes > kMaxMonteCarloBytes) {
        std::cerr << "pactscope: " << *trials << " trials would need " << (bytes >> 20) << " MiB for their samples; at most "
                  << (kMaxMonteCarloBytes >> 20) << " MiB are allowed: lower --trials\n";
        return std::nullopt;
    }
    return McOptions{*trials, *seed, static_cast<int>(*threads)};
}

int cmd_simulate(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--trials", "--seed", "--format", "--out", "--samples", "--threads"}, o)) return kInvalid;
    auto format = format_option(o, {"json", "csv"});
    if (!format) return kInvalid;
    auto ss = load_all(o, 1, 1);
    if (!ss) return kInvalid;
    const Scenario& s = (*ss)[0];
    auto mc = mc_options(o, *ss);
    if (!mc) return kInvalid;
    Simulation sim;
    sim.start(s, mc->trials, mc->seed);
    sim.run(mc->threads);
    const McSummary m = sim.summary();
    const std::string text = *format == "json" ? dump(summary_to_json(s, m)) : summary_to_csv(s, m);
    if (o.has("--samples")) {
        Options so;
        so.flags["--out"] = {o.last("--samples")};
        if (!write_output(so, samples_to_csv(sim))) return kInvalid;
    }
    return write_output(o, text) ? kOk : kInvalid;
}

int cmd_compare(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--trials", "--seed", "--format", "--out", "--threads"}, o)) return kInvalid;
    auto format = format_option(o, {"json", "csv"});
    if (!format) return kInvalid;
    auto ss = load_all(o, 2, 4);
    if (!ss) return kInvalid;
    auto mc = mc_options(o, *ss);
    if (!mc) return kInvalid;
    std::vector<Simulation> sims(ss->size());
    std::vector<const Simulation*> runs;
    for (std::size_t k = 0; k < ss->size(); ++k) {
        sims[k].start((*ss)[k], mc->trials, mc->seed);
        sims[k].run(mc->threads);
        runs.push_back(&sims[k]);
    }
    const Comparison c = compare(runs);
    const auto ps = pointers(*ss);
    return write_output(o, *format == "json" ? dump(comparison_to_json(ps, c)) : comparison_to_csv(ps, c)) ? kOk : kInvalid;
}

int cmd_sweep(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--param", "--metric", "--format", "--out"}, o)) return kInvalid;
    auto format = format_option(o, {"json", "csv"});
    if (!format) return kInvalid;
    if (!o.has("--param") || o.flags.at("--param").size() > 2 || !o.has("--metric")) {
        std::cerr << "pactscope: sweep needs one or two --param PATH=LO:HI:STEPS and a --metric\n" << kUsage;
        return kInvalid;
    }
    auto ss = load_all(o, 1, 4);
    if (!ss) return kInvalid;
    const auto ps = pointers(*ss);
    std::vector<SweepAxis> axes;
    std::int64_t cells = 1;
    for (const std::string& text : o.flags.at("--param")) {
        auto spec = parse_param(text, true);
        if (!spec) return kInvalid;
        auto axis = make_axis(ps, *spec);
        if (!axis) return kInvalid;
        cells *= static_cast<std::int64_t>(axis->values.size());
        axes.push_back(std::move(*axis));
    }
    if (cells * static_cast<std::int64_t>(ss->size()) > kMaxSweepCells) {
        std::cerr << "pactscope: the sweep has " << cells * static_cast<std::int64_t>(ss->size()) << " cells; at most " << kMaxSweepCells
                  << " are allowed\n";
        return kInvalid;
    }
    std::vector<Metric> metrics;
    for (const Scenario& s : *ss) {
        auto m = metric_for(s, o.last("--metric"));
        if (!m) return kInvalid;
        metrics.push_back(*m);
    }
    const SweepGrid g = sweep(ps, metrics, axes);
    const std::vector<SweepCrossing> crossings = sweep_crossings(ps, metrics, g);  // break-evens between the curves
    const std::string& name = o.last("--metric");
    return write_output(o, *format == "json" ? dump(sweep_to_json(ps, name, g, crossings)) : sweep_to_csv(ps, name, g, crossings)) ? kOk
                                                                                                                                : kInvalid;
}

int cmd_sensitivity(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--metric", "--trials", "--seed", "--out", "--threads"}, o)) return kInvalid;
    auto ss = load_all(o, 1, 1);
    if (!ss) return kInvalid;
    const Scenario& s = (*ss)[0];
    auto m = metric_for(s, o.has("--metric") ? o.last("--metric") : "cost_usd");
    auto mc = mc_options(o, *ss);
    if (!m || !mc) return kInvalid;
    const Tornado t = tornado(s, *m);
    std::vector<Importance> imp;
    std::int64_t trials = 0;
    {  // every metric has Monte Carlo samples (MODEL §11.5: stakeholder figures included)
        Simulation sim;
        sim.start(s, mc->trials, mc->seed);
        sim.run(mc->threads);
        imp = importance(sim, sample_metric_index(sim, *m));
        trials = sim.trials_done();
    }
    return write_output(o, dump(sensitivity_to_json(s, m->name, t, imp, trials))) ? kOk : kInvalid;
}

int cmd_breakeven(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--param", "--metric", "--out"}, o)) return kInvalid;
    if (!o.has("--param") || o.flags.at("--param").size() != 1 || !o.has("--metric")) {
        std::cerr << "pactscope: breakeven needs one --param PATH=LO:HI and a --metric\n" << kUsage;
        return kInvalid;
    }
    auto ss = load_all(o, 2, 2);
    if (!ss) return kInvalid;
    const auto ps = pointers(*ss);
    auto spec = parse_param(o.last("--param"), false);
    if (!spec) return kInvalid;
    auto axis = make_axis(ps, *spec);
    auto ma = metric_for((*ss)[0], o.last("--metric"));
    auto mb = metric_for((*ss)[1], o.last("--metric"));
    if (!axis || !ma || !mb) return kInvalid;
    const BreakEven be = break_even((*ss)[0], *ma, (*ss)[1], *mb, *axis);
    return write_output(o, dump(break_even_to_json(ps, o.last("--metric"), *axis, be))) ? kOk : kInvalid;
}

int cmd_explain(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--metric", "--format", "--out", "--permutations"}, o)) return kInvalid;
    auto format = format_option(o, {"json", "csv"});
    if (!format) return kInvalid;
    if (!o.has("--metric")) {
        std::cerr << "pactscope: explain needs a --metric\n" << kUsage;
        return kInvalid;
    }
    auto permutations = int_option(o, "--permutations", 2, 100000, ShapleyOptions{}.permutations);
    if (!permutations) return kInvalid;
    auto ss = load_all(o, 2, 2);
    if (!ss) return kInvalid;
    const Scenario &a = (*ss)[0], &b = (*ss)[1];
    ShapleyOptions options;
    options.permutations = static_cast<int>(*permutations + (*permutations % 2));  // antithetic pairs
    std::string error;
    auto ex = explain_scenarios(a, b, o.last("--metric"), error, options);
    if (!ex) {
        std::cerr << "pactscope: --metric: " << error << "\n";
        return kInvalid;
    }
    return write_output(o, *format == "json" ? dump(explanation_to_json(a, b, *ex)) : explanation_to_csv(a, b, *ex)) ? kOk : kInvalid;
}

}  // namespace pactscope::cli
