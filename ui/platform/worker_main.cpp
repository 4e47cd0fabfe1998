// worker_main.cpp — the Monte Carlo worker module (issue 17): the core only (no ImGui, no GL), built as
// pactscope_worker.{js,wasm}. web/mc_worker.js runs one instance in each Web Worker; the page's main thread
// (web/mc_pool.js) hands each worker blocks of trial indices and merges what comes back into its own
// Simulation (Simulation::accept_block, montecarlo.h). A trial depends only on (seed, trial, input), so
// the merged run is the CLI's `simulate` for any number of workers.
//
// The calls, all from web/mc_worker.js:
//   psw_start(scenario_json, trials, seed_text) -> 0, or -1 when the text is not a valid scenario
//   psw_run(lo, hi) -> trials run; the block is then at psw_columns() (psw_doubles() doubles per trial)
//                      and psw_bands() (psw_floats() floats per trial), laid out as montecarlo.h says
// (the worker reports its heap from the module's HEAP8 itself)
#include <emscripten.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "io/scenario_io.h"
#include "uncertainty/montecarlo.h"

namespace {

pactscope::Simulation g_sim;
std::vector<double> g_columns;
std::vector<float> g_bands;

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE int psw_start(const char* scenario_json, double trials, const char* seed_text) {
    pactscope::LoadedScenario ls = pactscope::load_scenario(std::string_view(scenario_json ? scenario_json : ""));
    if (!ls.scenario) return -1;
    // The seed is a 64-bit integer: it crosses as decimal text (a JS number holds only 53 bits).
    const std::uint64_t seed = std::strtoull(seed_text ? seed_text : "0", nullptr, 10);
    g_sim.start(*ls.scenario, static_cast<std::int64_t>(trials), seed, pactscope::Simulation::Storage::none);
    return 0;
}

EMSCRIPTEN_KEEPALIVE int psw_doubles() { return g_sim.block_doubles(); }
EMSCRIPTEN_KEEPALIVE int psw_floats() { return g_sim.block_floats(); }

EMSCRIPTEN_KEEPALIVE double psw_run(double lo, double hi) {
    if (!g_sim.started() || !(lo >= 0) || !(hi > lo) || hi > static_cast<double>(g_sim.trials())) return 0;
    const auto n = static_cast<std::size_t>(hi - lo);
    g_columns.resize(static_cast<std::size_t>(g_sim.block_doubles()) * n);
    g_bands.resize(static_cast<std::size_t>(g_sim.block_floats()) * n);
    g_sim.run_block(static_cast<std::int64_t>(lo), static_cast<std::int64_t>(hi), g_columns.data(), g_bands.data());
    return static_cast<double>(n);
}

EMSCRIPTEN_KEEPALIVE double* psw_columns() { return g_columns.data(); }
EMSCRIPTEN_KEEPALIVE float* psw_bands() { return g_bands.data(); }

}  // extern "C"
