// bench.cpp — `pactscope bench`: throughput figures of the engine on one core (issues #3, #17).
//
// For every shipped preset: µs per deterministic evaluation (median of 9 timed
// batches) and the wall time of N Monte Carlo trials on one thread (median of 3
// runs, sampling + engine + recording, including Simulation::start), plus the
// memory of 100,000 trials of commitment-2025q4. With --wasm PACTSCOPE.js the
// same figures are taken from the WASM build under Node and printed side by side
// with the WASM/native ratio.
//
// The reduced scenario (--reduced FILE, default bench/reduced-two-clouds.json when it exists): µs per
// trial of what `simulate` computes before writing — Simulation::start, every trial, summary() — wall
// and CPU time, natively, in WASM (--wasm) and for the NumPy reference of the same model (--numpy
// SCRIPT, default bench/numpy_reduced.py when it exists, run with /usr/bin/python3, which times the
// same steps in-process: draws, model, percentiles). Each figure is the median over --rounds rounds
// (default 3); in each round every contestant runs once after the other (interleaved), and each run
// is itself a median of 3. Figures, not pass/fail: these machines are noisy.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "cli_common.h"
#include "uncertainty/montecarlo.h"
#include "io/presets.h"
#include "io/scenario_io.h"

#ifndef __EMSCRIPTEN__
#include <sys/resource.h>
#endif

namespace pactscope::cli {

namespace {

using Clock = std::chrono::steady_clock;
using ojson = nlohmann::ordered_json;

constexpr const char* kDefaultReduced = "bench/reduced-two-clouds.json";
#ifndef __EMSCRIPTEN__  // the NumPy reference runs natively only
constexpr const char* kDefaultNumpy = "bench/numpy_reduced.py";
constexpr const char* kPython = "/usr/bin/python3";  // Debian's, with python3-numpy (DEVELOPING §17)
#endif

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

double median(std::vector<double> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

bool file_exists(const std::string& path) { return std::ifstream(path).good(); }

double deterministic_us(const Scenario& s) {
    const std::vector<double> values = s.medians();
    Workspace ws;
    Result r;
    evaluate_into(s, values.data(), nullptr, ws, r);  // warm-up: sizes the workspace
    int reps = 1;
    for (;;) {  // calibrate a batch to ~20 ms
        auto t0 = Clock::now();
        for (int i = 0; i < reps; ++i) evaluate_into(s, values.data(), nullptr, ws, r);
        if (seconds_since(t0) > 0.02 || reps > (1 << 24)) break;
        reps *= 2;
    }
    std::vector<double> per_eval;
    for (int b = 0; b < 9; ++b) {
        auto t0 = Clock::now();
        for (int i = 0; i < reps; ++i) evaluate_into(s, values.data(), nullptr, ws, r);
        per_eval.push_back(seconds_since(t0) / reps * 1e6);
    }
    return median(per_eval);
}

double monte_carlo_s(const Scenario& s, std::int64_t trials) {
    std::vector<double> runs;
    for (int k = 0; k < 3; ++k) {
        Simulation sim;
        auto t0 = Clock::now();
        sim.start(s, trials, 1);
        sim.step(trials);
        runs.push_back(seconds_since(t0));
    }
    return median(runs);
}

// µs per trial (wall, CPU) of start + every trial + summary(): what `simulate` does before writing its
// output, and what the NumPy reference times (draws, model, percentiles). Median of 3 runs.
std::pair<double, double> reduced_us(const Scenario& s, std::int64_t trials) {
    std::vector<double> wall, cpu;
    double sink = 0;
    for (int k = 0; k < 3; ++k) {
        const auto t0 = Clock::now();
        const double c0 = cpu_seconds();
        Simulation sim;
        sim.start(s, trials, 1 + static_cast<std::uint64_t>(k));
        sim.step(trials);
        const McSummary m = sim.summary();
        cpu.push_back((cpu_seconds() - c0) / static_cast<double>(trials) * 1e6);
        wall.push_back(seconds_since(t0) / static_cast<double>(trials) * 1e6);
        sink += m.totals[0].p50;
    }
    if (sink == -1) std::cerr << "";  // keeps the summaries from being optimised away
    return {median(wall), median(cpu)};
}

// The summary of `trials` finished trials, whole and a piece at a time (summary_builder.h: the page works on
// it in short tasks, so its longest piece bounds a task's overrun): median ms of 3 whole summaries; per piece
// the fastest of 3 rounds, and the slowest such piece.
ojson summary_ms(const Scenario& s, std::int64_t trials) {
    Simulation sim;
    sim.start(s, trials, 1);
    sim.step(trials);
    std::vector<double> whole, piece_ms(static_cast<std::size_t>(sim.summary_pieces()), 1e300);
    double sink = 0;
    for (int k = 0; k < 3; ++k) {
        auto t0 = Clock::now();
        sink += sim.summary().totals[0].p50;
        whole.push_back(seconds_since(t0) * 1e3);
        McSummary m = sim.summary_begin();
        Simulation::SummaryScratch scratch;
        for (int p = 0; p < sim.summary_pieces(); ++p) {
            t0 = Clock::now();
            sim.summary_fill(m, p, scratch);
            piece_ms[static_cast<std::size_t>(p)] = std::min(piece_ms[static_cast<std::size_t>(p)], seconds_since(t0) * 1e3);
        }
        sink += m.totals[0].p50;
    }
    if (sink == -1) std::cerr << "";  // keeps the summaries from being optimised away
    return {{"ms", median(whole)}, {"pieces", sim.summary_pieces()}, {"longest_piece_ms", *std::max_element(piece_ms.begin(), piece_ms.end())}};
}

double peak_memory_mb() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0 / 1e6;  // the heap only grows
#else
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1000.0;  // KiB → MB (approximately: ru_maxrss is KiB)
#endif
}

const char* build_name() {
#ifdef __EMSCRIPTEN__
    return "wasm";
#else
    return "native";
#endif
}

// part: "all", "presets" (presets and memory) or "reduced".
ojson measure(std::int64_t trials, const std::string& part, const std::string& reduced) {
    ojson out;
    out["build"] = build_name();
    out["trials"] = trials;
    out["heap_mb_at_start"] = peak_memory_mb();
    // Memory first: the process's peak then is what 100,000 trials need, not the high-water mark the
    // timing runs below leave in the allocator.
    if (part != "reduced")
        if (const Preset* p = find_preset("commitment-2025q4")) {
            LoadedScenario ls = load_scenario(p->json);
            Simulation sim;
            sim.start(*ls.scenario, 100000, 1);
            sim.step(100000);
            out["memory_100k"] = {{"preset", p->id},
                                  {"samples_mb", static_cast<double>(sim.memory_bytes()) / 1e6},
                                  {"bytes_per_trial", static_cast<double>(Simulation::bytes_for(*ls.scenario, 1))},
                                  {"peak_process_mb", peak_memory_mb()}};
        }
    if (part != "reduced") {
        ojson rows = ojson::array();
        for (const Preset& p : presets()) {
            LoadedScenario ls = load_scenario(p.json);
            if (!ls.scenario) continue;
            const double us = deterministic_us(*ls.scenario);
            const double mc = monte_carlo_s(*ls.scenario, trials);
            rows.push_back({{"preset", p.id}, {"deterministic_us", us}, {"mc_seconds", mc}, {"mc_trials_per_second", static_cast<double>(trials) / mc}});
        }
        out["presets"] = rows;
        if (const Preset* p = find_preset("commitment-2025q4")) {
            ojson sm = summary_ms(*load_scenario(p->json).scenario, trials);
            sm["preset"] = p->id;
            out["summary"] = sm;
        }
    }
    if (part != "presets" && !reduced.empty()) {
        if (auto s = load(reduced)) {
            const auto [wall, cpu] = reduced_us(*s, trials);
            out["reduced"] = {{"file", reduced}, {"trials", trials}, {"us_per_trial", wall}, {"cpu_us_per_trial", cpu}};
        }
    }
    return out;
}

std::string fixed(double v, int digits) {
    std::ostringstream ss;
    ss << std::fixed << std::setprecision(digits) << v;
    return ss.str();
}

std::string pad(const std::string& s, std::size_t w) { return s.size() >= w ? s + " " : s + std::string(w - s.size(), ' '); }

void print_table(const ojson& native, const ojson* wasm) {
    const auto trials = native["trials"].get<std::int64_t>();
    std::cout << "pactscope bench: one core; deterministic = median of 9 batches; Monte Carlo = median of 3 runs of " << trials << " trials\n\n";
    std::cout << pad("preset", 20) << pad("det µs", 10) << pad("MC s", 9) << pad("trials/s", 10);
    if (wasm) std::cout << pad("wasm det µs", 13) << pad("ratio", 7) << pad("wasm MC s", 11) << pad("ratio", 7);
    std::cout << "\n";
    for (std::size_t i = 0; i < native["presets"].size(); ++i) {
        const ojson& n = native["presets"][i];
        std::cout << pad(n["preset"].get<std::string>(), 20) << pad(fixed(n["deterministic_us"].get<double>(), 1), 10)
                  << pad(fixed(n["mc_seconds"].get<double>(), 3), 9) << pad(fixed(n["mc_trials_per_second"].get<double>(), 0), 10);
        if (wasm && i < (*wasm)["presets"].size()) {
            const ojson& w = (*wasm)["presets"][i];
            std::cout << pad(fixed(w["deterministic_us"].get<double>(), 1), 13)
                      << pad(fixed(w["deterministic_us"].get<double>() / n["deterministic_us"].get<double>(), 2), 7)
                      << pad(fixed(w["mc_seconds"].get<double>(), 3), 11)
                      << pad(fixed(w["mc_seconds"].get<double>() / n["mc_seconds"].get<double>(), 2), 7);
        }
        std::cout << "\n";
    }
    auto mem = [](const char* build, const ojson& j) {
        if (!j.contains("memory_100k")) return;
        const ojson& m = j["memory_100k"];
        std::cout << build << ": 100,000 trials of " << m["preset"].get<std::string>() << ": samples " << fixed(m["samples_mb"].get<double>(), 1)
                  << " MB (" << fixed(m["bytes_per_trial"].get<double>(), 0) << " bytes a trial), peak "
                  << (j["build"] == "wasm" ? "WASM heap " : "process memory ") << fixed(m["peak_process_mb"].get<double>(), 1) << " MB";
        if (j["build"] == "wasm") std::cout << " (" << fixed(j["heap_mb_at_start"].get<double>(), 1) << " MB when the module starts)";
        std::cout << "\n";
    };
    auto summary = [&](const char* build, const ojson& j) {
        if (!j.contains("summary")) return;
        const ojson& m = j["summary"];
        std::cout << build << ": the summary of " << trials << " trials of " << m["preset"].get<std::string>() << ": "
                  << fixed(m["ms"].get<double>(), 1) << " ms in " << m["pieces"].get<int>() << " pieces, the longest "
                  << fixed(m["longest_piece_ms"].get<double>(), 2) << " ms\n";
    };
    std::cout << "\n";
    mem("native", native);
    if (wasm) mem("wasm  ", *wasm);
    summary("native", native);
    if (wasm) summary("wasm  ", *wasm);
}

#ifndef __EMSCRIPTEN__
std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// Runs a command and parses the JSON object it prints last; discarded on any failure.
ojson run_json(const std::string& cmd) {
    std::string text;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
        pclose(pipe);
    }
    return ojson::parse(text, nullptr, false);
}

std::string wasm_command(const std::string& js, const std::string& args) {
    return "node --no-experimental-fetch " + shell_quote(js) + " bench --format json " + args;
}

// The reduced scenario, interleaved: each round runs the engine here, then the WASM build, then NumPy.
void print_reduced(const std::string& file, std::int64_t trials, int rounds, const std::string* wasm_js, const std::string* numpy) {
    auto s = load(file);
    if (!s) return;
    std::vector<double> nw, nc, ww, wc, pw, pc;
    std::string numpy_version, numpy_error;
    for (int r = 0; r < rounds; ++r) {
        const auto [wall, cpu] = reduced_us(*s, trials);
        nw.push_back(wall), nc.push_back(cpu);
        if (wasm_js) {
            const ojson w = run_json(wasm_command(*wasm_js, "--part reduced --reduced " + shell_quote(file) + " --trials " + std::to_string(trials)));
            if (!w.is_discarded() && w.contains("reduced"))
                ww.push_back(w["reduced"]["us_per_trial"].get<double>()), wc.push_back(w["reduced"]["cpu_us_per_trial"].get<double>());
        }
        if (numpy) {
            const ojson n = run_json(std::string(kPython) + " " + shell_quote(*numpy) + " " + shell_quote(file) + " --json --repeat 3 --trials " +
                                     std::to_string(trials));
            if (!n.is_discarded() && n.contains("us_per_trial")) {
                pw.push_back(n["us_per_trial"].get<double>()), pc.push_back(n["cpu_us_per_trial"].get<double>());
                numpy_version = n["numpy"].get<std::string>();
            } else {
                numpy_error = "could not run " + std::string(kPython) + " " + *numpy + " (is python3-numpy installed?)";
            }
        }
    }
    std::cout << "\nreduced scenario " << file << ", " << trials << " trials: µs per trial of start + trials + percentiles, in-process\n"
              << "(median of " << rounds << " interleaved rounds, each a median of 3 runs; wall, and CPU time in brackets)\n";
    const double native = median(nw);
    std::cout << "  " << pad("pactscope native", 22) << fixed(native, 2) << " (" << fixed(median(nc), 2) << ")\n";
    if (!ww.empty())
        std::cout << "  " << pad("pactscope wasm", 22) << fixed(median(ww), 2) << " (" << fixed(median(wc), 2) << ")   wasm / native "
                  << fixed(median(ww) / native, 2) << "\n";
    if (!pw.empty()) {
        std::cout << "  " << pad("numpy " + numpy_version, 22) << fixed(median(pw), 2) << " (" << fixed(median(pc), 2) << ")\n";
        std::cout << "  native / numpy " << fixed(native / median(pw), 2) << " (numpy takes " << fixed(median(pw) / native, 2)
                  << "× the engine's time)";
        if (!ww.empty()) std::cout << "; wasm / numpy " << fixed(median(ww) / median(pw), 2);
        std::cout << "\n";
    } else if (!numpy_error.empty()) {
        std::cout << "  numpy: " << numpy_error << "\n";
    }
}
#endif

}  // namespace

int cmd_bench(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--trials", "--wasm", "--format", "--reduced", "--numpy", "--rounds", "--part"}, o) || !o.positional.empty())
        return kInvalid;
    auto trials = int_option(o, "--trials", 1, 1000000, 10000);
    auto rounds = int_option(o, "--rounds", 1, 100, 3);
    auto format = format_option(o, {"text", "json"});
    if (!trials || !format || !rounds) return kInvalid;
    const std::string part = o.has("--part") ? o.last("--part") : "all";
    if (part != "all" && part != "presets" && part != "reduced") {
        std::cerr << "pactscope: --part is all, presets or reduced\n";
        return kInvalid;
    }
    // The reduced scenario: given, or bench/'s when run from the repository's root.
    const std::string reduced = o.has("--reduced") ? o.last("--reduced") : file_exists(kDefaultReduced) ? kDefaultReduced : "";
    if (*format == "json") {
        std::cout << measure(*trials, part, reduced).dump(2) << "\n";
        return kOk;
    }
#ifdef __EMSCRIPTEN__
    if (o.has("--wasm") || o.has("--numpy")) {
        std::cerr << "pactscope: --wasm and --numpy are for the native build\n";
        return kInvalid;
    }
    print_table(measure(*trials, "presets", ""), nullptr);
    return kOk;
#else
    const ojson native = measure(*trials, "presets", "");
    const std::string* wasm_js = o.has("--wasm") ? &o.last("--wasm") : nullptr;
    ojson wasm;
    if (wasm_js) {
        wasm = run_json(wasm_command(*wasm_js, "--part presets --trials " + std::to_string(*trials)));
        if (wasm.is_discarded() || !wasm.contains("presets")) {
            std::cerr << "pactscope: could not run the WASM build: " << wasm_command(*wasm_js, "--part presets") << "\n";
            return kInternal;
        }
    }
    if (part != "reduced") print_table(native, wasm_js ? &wasm : nullptr);
    if (part != "presets" && !reduced.empty()) {
        const std::string numpy = o.has("--numpy") ? o.last("--numpy") : file_exists(kDefaultNumpy) ? kDefaultNumpy : "";
        print_reduced(reduced, *trials, static_cast<int>(*rounds), wasm_js, numpy.empty() ? nullptr : &numpy);
    } else if (part != "presets") {
        std::cout << "\n(no reduced scenario: give --reduced FILE or run from the repository's root for " << kDefaultReduced << ")\n";
    }
    return kOk;
#endif
}

}  // namespace pactscope::cli
