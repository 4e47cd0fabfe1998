// cli_common.h — what every `pactscope` verb shares: reading inputs, options,
// writing output, exit codes (MODEL §9). Verbs live in main.cpp (validate, run,
// presets), analysis_commands.cpp (simulate, compare, sweep, sensitivity,
// breakeven, explain), report_command.cpp (report), bench.cpp and record_command.cpp.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/scenario.h"

namespace pactscope::cli {

constexpr int kOk = 0, kInternal = 1, kInvalid = 2;

extern const char* const kUsage;

struct Options {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> flags;  // a flag may repeat (--param)
    bool has(const std::string& f) const { return flags.count(f) > 0; }
    const std::string& last(const std::string& f) const { return flags.at(f).back(); }
};

// Parses argv[first..] into positional arguments and `--flag value` pairs; prints usage on error.
bool parse_options(int argc, char** argv, int first, const std::vector<std::string>& known, Options& o);

// A scenario from a file or `preset:ID`, or nothing (its problems printed as "NAME: /pointer: message").
std::optional<Scenario> load(const std::string& arg);

// Writes to --out PATH or stdout.
bool write_output(const Options& o, const std::string& text);

// --format among `allowed` (first = default); nothing after printing an error.
std::optional<std::string> format_option(const Options& o, const std::vector<std::string>& allowed);

// An integer flag in [lo, hi], or `fallback` when absent; nothing after printing an error.
std::optional<std::int64_t> int_option(const Options& o, const std::string& flag, std::int64_t lo, std::int64_t hi, std::int64_t fallback);
std::optional<std::uint64_t> seed_option(const Options& o, std::uint64_t fallback);

// Threads for Monte Carlo: all cores natively, one in WASM (no threads there).
int default_threads();

// Loads min..max scenarios named on the command line (usage printed when the count is wrong).
std::optional<std::vector<Scenario>> load_all(const Options& o, std::size_t min, std::size_t max);
std::vector<const Scenario*> pointers(const std::vector<Scenario>& ss);

// Trials, seed and threads for Monte Carlo runs of `ss`: --trials and --seed, else the first scenario's;
// nothing (after a message) when the runs' samples would exceed kMaxMonteCarloBytes.
struct McOptions {
    std::int64_t trials;
    std::uint64_t seed;
    int threads;
};
std::optional<McOptions> mc_options(const Options& o, const std::vector<Scenario>& ss);

int cmd_simulate(int argc, char** argv);
int cmd_compare(int argc, char** argv);
int cmd_sweep(int argc, char** argv);
int cmd_sensitivity(int argc, char** argv);
int cmd_breakeven(int argc, char** argv);
int cmd_explain(int argc, char** argv);
int cmd_bench(int argc, char** argv);
int cmd_report(int argc, char** argv);  // report_command.cpp
int cmd_record(int argc, char** argv);  // record_command.cpp

}  // namespace pactscope::cli
