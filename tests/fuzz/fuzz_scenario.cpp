// fuzz_scenario.cpp — libFuzzer target: any bytes through import → validate → evaluate →
// export → re-import → re-export, and a few Monte Carlo trials (issue #6).
//
// Properties checked on every input (a violation aborts, which libFuzzer reports):
//   - a rejected input has at least one problem, each with a message and a JSON pointer ("" or "/...");
//   - an accepted scenario evaluates, exports, re-imports to an equal scenario and re-exports to
//     identical bytes; its results serialise; a few trials of its Monte Carlo run and summarise.
// ASan and UBSan (tests/fuzz.sh builds with both) catch memory and undefined-behaviour errors.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "model/engine.h"
#include "uncertainty/montecarlo.h"
#include "io/result_io.h"
#include "io/scenario_io.h"

using namespace pactscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    LoadedScenario ls = load_scenario(text);
    if (!ls.scenario) {
        if (ls.issues.empty()) std::abort();
        for (const Issue& i : ls.issues)
            if (i.message.empty() || (!i.pointer.empty() && i.pointer[0] != '/')) std::abort();
        return 0;
    }
    const Scenario& s = *ls.scenario;
    const Result r = evaluate(s);
    (void)result_to_json(s, r).dump();
    (void)result_to_csv(s, r);
    const std::string out = scenario_to_json(s).dump(2);
    LoadedScenario again = load_scenario(out);
    if (!again.scenario || !(*again.scenario == s)) std::abort();
    if (scenario_to_json(*again.scenario).dump(2) != out) std::abort();
    Simulation sim;
    sim.start(s, 4, s.uncertainty.seed);
    sim.step(4);
    (void)sim.summary();
    return 0;
}
