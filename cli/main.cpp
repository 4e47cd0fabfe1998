// pactscope — the command line over core/ (SPEC §9).
//
// Exit codes: 0 success, 2 invalid input (each problem printed as
// "FILE: /json/pointer: message"), 1 internal error. Usage errors count as
// invalid input. Nothing here computes: it reads, calls core, writes.
#include <algorithm>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine.h"
#include "presets.h"
#include "result_io.h"
#include "scenario_io.h"

using namespace pactscope;

namespace {

constexpr int kOk = 0, kInternal = 1, kInvalid = 2;

const char* kUsage =
    "usage:\n"
    "  pactscope validate FILE...\n"
    "  pactscope run FILE|preset:ID [--format json|csv] [--out PATH]\n"
    "  pactscope presets\n";

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

// Loads a scenario or prints its problems. Returns nothing on invalid input.
std::optional<Scenario> load(const std::string& arg) {
    Input in = read_input(arg);
    if (!in.ok) return std::nullopt;
    LoadedScenario ls = load_scenario(in.text);
    for (const Issue& i : ls.issues) std::cerr << format_issue(in.name, i) << "\n";
    return std::move(ls.scenario);
}

struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::string> flags;
};

bool parse_options(int argc, char** argv, int first, const std::vector<std::string>& known, Options& o) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) == 0) {
            if (std::find(known.begin(), known.end(), a) == known.end() || i + 1 >= argc) {
                std::cerr << "pactscope: unknown option or missing value: " << a << "\n" << kUsage;
                return false;
            }
            o.flags[a] = argv[++i];
        } else {
            o.positional.push_back(a);
        }
    }
    return true;
}

bool write_output(const Options& o, const std::string& text) {
    auto out = o.flags.find("--out");
    if (out == o.flags.end()) {
        std::cout << text;
        return true;
    }
    std::ofstream f(out->second, std::ios::binary);
    f << text;
    if (!f) {
        std::cerr << out->second << ": (document): cannot write the file\n";
        return false;
    }
    return true;
}

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
    std::string format = o.flags.count("--format") ? o.flags["--format"] : "json";
    if (format != "json" && format != "csv") {
        std::cerr << "pactscope: --format must be json or csv\n";
        return kInvalid;
    }
    auto s = load(o.positional[0]);
    if (!s) return kInvalid;
    Result r = evaluate(*s);
    std::string text = format == "json" ? result_to_json(*s, r).dump(2) + "\n" : result_to_csv(*s, r);
    return write_output(o, text) ? kOk : kInvalid;
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

int main(int argc, char** argv) {
    try {
        if (argc < 2) {
            std::cerr << kUsage;
            return kInvalid;
        }
        std::string cmd = argv[1];
        if (cmd == "validate") return cmd_validate(argc, argv);
        if (cmd == "run") return cmd_run(argc, argv);
        if (cmd == "presets") return cmd_presets();
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
