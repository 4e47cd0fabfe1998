// record_command.cpp — `pactscope record`: every preset against the public record (docs/CALIBRATION.md).
//
//   pactscope record [PRESET...] [--record FILE] [--format text|json|csv] [--out PATH]
//
// PRESET is a preset id (open-2026 or preset:open-2026) or a scenario FILE, which the record knows by
// its file name without ".json" (so an edited copy of a preset is checked like the preset). No PRESET:
// every shipped preset. --record FILE compares with another record (the embedded assets/record.json by
// default), so further reported figures can be tried without rebuilding. The model's value is always the
// deterministic result (every input at its median, SPEC §2). Exit 0 whether or not a figure is inside
// its tolerance (the output says which); 2 on invalid input.
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli_common.h"
#include "model/engine.h"
#include "io/presets.h"
#include "io/record_io.h"

namespace pactscope::cli {

namespace {

std::optional<Record> load_record_option(const Options& o) {
    std::string text, name = "record";
    if (o.has("--record")) {
        name = o.last("--record");
        std::ifstream f(name, std::ios::binary);
        if (!f) {
            std::cerr << name << ": (document): cannot open the file\n";
            return std::nullopt;
        }
        std::ostringstream ss;
        ss << f.rdbuf();
        text = ss.str();
    } else {
        text = std::string(embedded_record_json());
    }
    LoadedRecord lr = load_record(text);
    for (const Issue& i : lr.issues) std::cerr << format_issue(name, i) << "\n";
    return std::move(lr.record);
}

// "open-2026", "preset:open-2026" or a file path; the id the record knows it by.
std::string record_id(const std::string& arg) {
    if (arg.rfind("preset:", 0) == 0) return arg.substr(7);
    if (find_preset(arg)) return arg;
    std::string base = arg.substr(arg.find_last_of("/\\") == std::string::npos ? 0 : arg.find_last_of("/\\") + 1);
    if (base.size() > 5 && base.compare(base.size() - 5, 5, ".json") == 0) base.resize(base.size() - 5);
    return base;
}

}  // namespace

int cmd_record(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--record", "--format", "--out"}, o)) return kInvalid;
    auto format = format_option(o, {"text", "json", "csv"});
    if (!format) return kInvalid;
    std::optional<Record> record = load_record_option(o);
    if (!record) return kInvalid;
    std::vector<std::string> args = o.positional;
    if (args.empty())
        for (const Preset& p : presets()) args.emplace_back(p.id);
    std::vector<RecordCheck> checks;
    int rc = kOk;
    for (const std::string& arg : args) {
        const bool is_preset = arg.rfind("preset:", 0) == 0 || find_preset(arg);
        auto s = load(is_preset && arg.rfind("preset:", 0) != 0 ? "preset:" + arg : arg);
        if (!s) {
            rc = kInvalid;
            continue;
        }
        checks.push_back(check_against_record(*record, record_id(arg), *s, evaluate(*s)));
    }
    if (rc != kOk) return rc;
    std::string text = *format == "text" ? record_checks_to_text(*record, checks)
                       : *format == "json" ? record_checks_to_json(*record, checks).dump(2) + "\n"
                                           : record_checks_to_csv(*record, checks);
    return write_output(o, text) ? kOk : kInvalid;
}

}  // namespace pactscope::cli
