// pactscope — the command line over core/ (MODEL §9).
//
// Exit codes: 0 success, 2 invalid input (each problem printed as
// "FILE: /json/pointer: message"), 1 internal error. Usage errors count as
// invalid input. Nothing here computes: it reads, calls core, writes.
//
// [SECTION] Shared helpers (cli_common.h)
// [SECTION] validate, run, presets
// [SECTION] main
#include <algorithm>
#include <charconv>
#include <exception>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cli_common.h"
#include "model/engine.h"
#include "io/presets.h"
#include "io/result_io.h"
#include "io/analysis_io.h"
#include "io/scenario_io.h"
#include "io/share_link.h"

namespace pactscope::cli {

const char* const kUsage =
    "usage:\n"
    "  pactscope validate FILE...\n"
    "  pactscope run FILE|preset:ID [--format json|csv] [--out PATH]\n"
    "  pactscope simulate FILE|preset:ID [--trials N] [--seed S] [--format json|csv] [--out PATH]\n"
    "                     [--samples PATH] [--threads N]\n"
    "  pactscope compare A B [C D] [--trials N] [--seed S] [--format json|csv] [--out PATH] [--threads N]\n"
    "  pactscope sweep FILE [FILE...] --param PATH=LO:HI:STEPS [--param ...] --metric METRIC\n"
    "                  [--format json|csv] [--out PATH]\n"
    "  pactscope sensitivity FILE --metric METRIC [--trials N] [--seed S] [--out PATH] [--threads N]\n"
    "  pactscope breakeven A B --param PATH=LO:HI --metric METRIC [--out PATH]\n"
    "  pactscope explain A B --metric METRIC [--format json|csv] [--out PATH] [--permutations N]\n"
    "  pactscope report FILE [FILE...] [--trials N] [--seed S] [--date YYYY-MM-DD] [--out PATH] [--threads N]\n"
    "                   one HTML report; the first FILE is the current deal, up to three more are pinned\n"
    "  pactscope presets\n"
    "  pactscope record [PRESET...] [--record FILE] [--format text|json|csv] [--out PATH]\n"
    "                   every preset's deterministic result against the public record (assets/record.json)\n"
    "  pactscope link URL|#s=v1.DATA [--out PATH]   the scenario a share link carries\n"
    "  pactscope bench [--trials N] [--wasm PACTSCOPE.js] [--reduced FILE] [--numpy SCRIPT] [--rounds N]\n"
    "                  [--part all|presets|reduced] [--format text|json]\n"
    "FILE may be preset:ID. METRIC is a total (cost_usd, served_fraction, ...) or a stakeholder\n"
    "figure (buyer.net_usd, azure.net_usd, ...).\n";

namespace {

struct Input {
    std::string name;  // file path or preset:ID, used in messages
    std::string text;
    bool ok = false;
};

Input read_input(const std::string& arg) {
    Input in{arg, "", false};
    if (arg.rfind("preset:", 0) == 0) {
        if (const Preset* p = find_preset(arg.substr(7))) {
            in.text = std::string(p->json);
            in.ok = true;
        } else {
            std::string ids;
            for (const Preset& x : presets()) ids += (ids.empty() ? "" : ", ") + std::string(x.id);
            std::cerr << arg << ": (document): no such preset; shipped presets: " << ids << "\n";
        }
        return in;
    }
    std::ifstream f(arg, std::ios::binary);
    if (!f) {
        std::cerr << arg << ": (document): cannot open the file\n";
        return in;
    }
    std::ostringstream ss;
    ss << f.rdbuf();
    in.text = ss.str();
    in.ok = true;
    return in;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Shared helpers (cli_common.h)
//-----------------------------------------------------------------------------

std::optional<Scenario> load(const std::string& arg) {
    Input in = read_input(arg);
    if (!in.ok) return std::nullopt;
    LoadedScenario ls = load_scenario(in.text);
    for (const Issue& i : ls.issues) std::cerr << format_issue(in.name, i) << "\n";
    return std::move(ls.scenario);
}

bool parse_options(int argc, char** argv, int first, const std::vector<std::string>& known, Options& o) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            if (std::find(known.begin(), known.end(), a) == known.end() || i + 1 >= argc) {
                std::cerr << "pactscope: unknown option or missing value: " << a << "\n" << kUsage;
                return false;
            }
            o.flags[a].push_back(argv[++i]);
        } else {
            o.positional.push_back(a);
        }
    }
    return true;
}

bool write_output(const Options& o, const std::string& text) {
    if (!o.has("--out")) {
        std::cout << text;
        return true;
    }
    const std::string& path = o.last("--out");
    std::ofstream f(path, std::ios::binary);
    f << text;
    if (!f) {
        std::cerr << path << ": (document): cannot write the file\n";
        return false;
    }
    return true;
}

std::optional<std::string> format_option(const Options& o, const std::vector<std::string>& allowed) {
    if (!o.has("--format")) return allowed.front();
    const std::string& f = o.last("--format");
    if (std::find(allowed.begin(), allowed.end(), f) != allowed.end()) return f;
    std::string list;
    for (const std::string& a : allowed) list += (list.empty() ? "" : " or ") + a;
    std::cerr << "pactscope: --format must be " << list << ", not \"" << f << "\"\n";
    return std::nullopt;
}

std::optional<std::int64_t> int_option(const Options& o, const std::string& flag, std::int64_t lo, std::int64_t hi, std::int64_t fallback) {
    if (!o.has(flag)) return fallback;
    const std::string& text = o.last(flag);
    std::int64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size() || v < lo || v > hi) {
        std::cerr << "pactscope: " << flag << " must be a whole number from " << lo << " to " << hi << ", not \"" << text << "\"\n";
        return std::nullopt;
    }
    return v;
}

std::optional<std::uint64_t> seed_option(const Options& o, std::uint64_t fallback) {
    if (!o.has("--seed")) return fallback;
    const std::string& text = o.last("--seed");
    std::uint64_t v = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || end != text.data() + text.size()) {
        std::cerr << "pactscope: --seed must be a whole number >= 0, not \"" << text << "\"\n";
        return std::nullopt;
    }
    return v;
}

int default_threads() {
#ifdef __EMSCRIPTEN__
    return 1;
#else
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
#endif
}

namespace {

//-----------------------------------------------------------------------------
// [SECTION] validate, run, presets
//-----------------------------------------------------------------------------

int cmd_validate(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << kUsage;
        return kInvalid;
    }
    int rc = kOk;
    for (int i = 2; i < argc; ++i)
        if (!load(argv[i])) rc = kInvalid;
    return rc;
}

int cmd_run(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--format", "--out"}, o) || o.positional.size() != 1) {
        if (o.positional.size() != 1) std::cerr << kUsage;
        return kInvalid;
    }
    auto format = format_option(o, {"json", "csv"});
    if (!format) return kInvalid;
    auto s = load(o.positional[0]);
    if (!s) return kInvalid;
    Result r = evaluate(*s);
    std::string text;
    if (*format == "json") {
        nlohmann::ordered_json j = result_to_json(*s, r);
        j["outside_horizon"] = outside_horizon_to_json(*s, outside_horizon(*s, r));  // an extra key: MODEL §8
        text = j.dump(2) + "\n";
    } else {
        text = result_to_csv(*s, r);
    }
    return write_output(o, text) ? kOk : kInvalid;
}

// Decodes a share link (a URL, "#s=v1.…" or its payload) into the scenario it carries, validated.
int cmd_link(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--out"}, o) || o.positional.size() != 1) {
        if (o.positional.size() != 1) std::cerr << kUsage;
        return kInvalid;
    }
    const DecodedLink d = decode_share_link(o.positional[0]);
    if (!d.error.empty()) {
        std::cerr << "link: " << d.error << "\n";
        return kInvalid;
    }
    // An analysis link (the page's pinned deals and tab, README "Share links") carries its current scenario
    // under "scenario": that is the scenario printed.
    std::string text = d.json;
    if (const nlohmann::json envelope = nlohmann::json::parse(text, nullptr, false); is_analysis(envelope)) {
        const auto scenario = envelope.find("scenario");
        if (scenario == envelope.end() || !scenario->is_object()) {
            std::cerr << "link: /scenario: " << kAnalysisNeedsScenario << "\n";
            return kInvalid;
        }
        text = scenario->dump();
    }
    LoadedScenario ls = load_scenario(text);
    for (const Issue& i : ls.issues) std::cerr << format_issue("link", i) << "\n";
    if (!ls.scenario) return kInvalid;
    return write_output(o, scenario_to_json(*ls.scenario).dump(2) + "\n") ? kOk : kInvalid;
}

int cmd_presets() {
    for (const Preset& p : presets()) {
        LoadedScenario ls = load_scenario(p.json);
        if (!ls.scenario) {
            std::cout << p.id << "  (invalid: " << ls.issues.front().message << ")\n";
            continue;
        }
        const Scenario& s = *ls.scenario;
        std::cout << p.id << "  " << s.name << "\n";
        if (!s.description.empty()) std::cout << "    " << s.description << "\n";
        for (const Source& src : s.sources) std::cout << "    [" << src.id << "] " << src.title << " (" << src.date << ")\n";
    }
    return kOk;
}

}  // namespace
}  // namespace pactscope::cli

//-----------------------------------------------------------------------------
// [SECTION] main
//-----------------------------------------------------------------------------

int main(int argc, char** argv) {
    using namespace pactscope::cli;
    try {
        if (argc < 2) {
            std::cerr << kUsage;
            return kInvalid;
        }
        std::string cmd = argv[1];
        if (cmd == "validate") return cmd_validate(argc, argv);
        if (cmd == "run") return cmd_run(argc, argv);
        if (cmd == "presets") return cmd_presets();
        if (cmd == "link") return cmd_link(argc, argv);
        if (cmd == "record") return cmd_record(argc, argv);
        if (cmd == "simulate") return cmd_simulate(argc, argv);
        if (cmd == "compare") return cmd_compare(argc, argv);
        if (cmd == "sweep") return cmd_sweep(argc, argv);
        if (cmd == "sensitivity") return cmd_sensitivity(argc, argv);
        if (cmd == "breakeven") return cmd_breakeven(argc, argv);
        if (cmd == "explain") return cmd_explain(argc, argv);
        if (cmd == "bench") return cmd_bench(argc, argv);
        if (cmd == "report") return cmd_report(argc, argv);
        if (cmd == "help" || cmd == "--help" || cmd == "-h") {
            std::cout << kUsage;
            return kOk;
        }
        std::cerr << "pactscope: unknown command \"" << cmd << "\"\n" << kUsage;
        return kInvalid;
    } catch (const std::exception& e) {
        std::cerr << "pactscope: internal error: " << e.what() << "\n";
        return kInternal;
    } catch (...) {
        std::cerr << "pactscope: internal error\n";
        return kInternal;
    }
}
