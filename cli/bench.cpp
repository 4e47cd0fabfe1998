// bench.cpp — `pactscope bench`: throughput figures of the engine on one core (issue #3).
//
// For every shipped preset: µs per deterministic evaluation (median of 9 timed
// batches) and the wall time of N Monte Carlo trials on one thread (median of 3
// runs, sampling + engine + recording, including Simulation::start), plus the
// memory of 100,000 trials of commitment-2025q4. With --wasm PACTSCOPE.js the
// same figures are taken from the WASM build under Node and printed side by side
// with the WASM/native ratio. Figures, not pass/fail: these machines are noisy.
#include <algorithm>
#include <chrono>
#include <cstdio>
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

double seconds_since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

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

double peak_memory_mb() {
#ifdef __EMSCRIPTEN__
    return static_cast<double>(__builtin_wasm_memory_size(0)) * 65536.0 / 1e6;  // the heap only grows
#else
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return static_cast<double>(ru.ru_maxrss) / 1000.0;  // KiB → MB (approximately: ru_maxrss is KiB)
#endif
}

ojson measure(std::int64_t trials) {
    ojson out;
#ifdef __EMSCRIPTEN__
    out["build"] = "wasm";
#else
    out["build"] = "native";
#endif
    out["trials"] = trials;
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
        LoadedScenario ls = load_scenario(p->json);
        Simulation sim;
        sim.start(*ls.scenario, 100000, 1);
        sim.step(100000);
        out["memory_100k"] = {{"preset", p->id}, {"samples_mb", static_cast<double>(sim.memory_bytes()) / 1e6}, {"peak_process_mb", peak_memory_mb()}};
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
                  << " MB, peak process memory " << fixed(m["peak_process_mb"].get<double>(), 1) << " MB\n";
    };
    std::cout << "\n";
    mem("native", native);
    if (wasm) mem("wasm  ", *wasm);
}

}  // namespace

int cmd_bench(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--trials", "--wasm", "--format"}, o) || !o.positional.empty()) return kInvalid;
    auto trials = int_option(o, "--trials", 1, 1000000, 10000);
    auto format = format_option(o, {"text", "json"});
    if (!trials || !format) return kInvalid;
    const ojson native = measure(*trials);
    if (*format == "json") {
        std::cout << native.dump(2) << "\n";
        return kOk;
    }
    if (!o.has("--wasm")) {
        print_table(native, nullptr);
        return kOk;
    }
#ifdef __EMSCRIPTEN__
    std::cerr << "pactscope: --wasm is for the native build\n";
    return kInvalid;
#else
    if (o.last("--wasm").find('\'') != std::string::npos) {
        std::cerr << "pactscope: --wasm: the path must not contain a single quote\n";
        return kInvalid;
    }
    const std::string cmd = "node --no-experimental-fetch '" + o.last("--wasm") + "' bench --format json --trials " + std::to_string(*trials);
    std::string text;
    if (FILE* pipe = popen(cmd.c_str(), "r")) {
        char buf[4096];
        while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) text.append(buf, n);
        pclose(pipe);
    }
    const ojson wasm = ojson::parse(text, nullptr, false);
    if (wasm.is_discarded() || !wasm.contains("presets")) {
        std::cerr << "pactscope: could not run the WASM build: " << cmd << "\n";
        return kInternal;
    }
    print_table(native, &wasm);
    return kOk;
#endif
}

}  // namespace pactscope::cli
