// A reused Workspace (core/model/workspace.h) and Result never keep a previous evaluation's values: every
// scenario evaluated after others through one workspace gives exactly (to the bit, compared as result JSON,
// which writes every number's shortest round-trip text) what a fresh evaluation gives. The scenarios are
// the presets and generated ones of many sizes, visited large → small → large so stale tails would show.
#include <algorithm>

#include "io/presets.h"
#include "io/result_io.h"
#include "io/scenario_io.h"
#include "model/engine.h"
#include "random_scenario.h"
#include "scenario_builder.h"

using namespace pactscope;

namespace {

std::vector<Scenario> scenarios_of_many_sizes() {
    std::vector<Scenario> all;
    for (const auto& p : presets())
        if (auto ls = load_scenario(p.json); ls.scenario) all.push_back(*ls.scenario);
    for (std::uint64_t seed = 1; seed <= 150; ++seed)
        if (auto ls = load_scenario(test::random_scenario(seed).dump()); ls.scenario) all.push_back(*ls.scenario);
    // Largest first, then alternate: each evaluation follows one of a different size and shape.
    std::sort(all.begin(), all.end(), [](const Scenario& a, const Scenario& b) { return a.providers.size() * a.contract.size() > b.providers.size() * b.contract.size(); });
    std::vector<Scenario> zigzag;
    for (std::size_t i = 0, j = all.size(); i < j;) {
        zigzag.push_back(all[i++]);
        if (i < j) zigzag.push_back(all[--j]);
    }
    return zigzag;
}

}  // namespace

TEST_CASE("engine: a reused workspace and result give exactly a fresh evaluation's numbers, whatever ran before") {
    const std::vector<Scenario> all = scenarios_of_many_sizes();
    REQUIRE(all.size() > 100);
    Workspace ws;
    Result shared;
    int compared = 0;
    for (int pass = 0; pass < 2; ++pass)  // the second pass starts after the smallest scenario
        for (const Scenario& s : all) {
            const std::vector<double> v = s.medians();
            evaluate_into(s, v.data(), nullptr, ws, shared);
            const std::string reused = result_to_json(s, shared).dump();
            const std::string fresh = result_to_json(s, evaluate(s)).dump();
            if (reused != fresh) FAIL_CHECK("differs after reuse: " << s.name);
            ++compared;
        }
    CHECK(compared == 2 * static_cast<int>(all.size()));
}

TEST_CASE("engine: Workspace::reset sizes every per-entity array for the scenario and clears the clause lists") {
    Workspace ws;
    ws.reset(5, 3, 4, 8);
    ws.active_commitment.push_back(2);
    ws.alloc[7] = 42;
    ws.reset(2, 1, 1, 4);
    CHECK(ws.alloc.size() == 2);
    CHECK(ws.alloc[0] == 0);
    CHECK(ws.alloc[1] == 0);
    CHECK(ws.order == std::vector<int>{0, 1});  // each workload's merit order starts as the document order
    CHECK(ws.price.size() == 8);                // providers × quarters
    CHECK(ws.provider_commitment_begin.size() == 3);
    CHECK(ws.active_commitment.empty());
    CHECK(ws.reservation_of == std::vector<int>{-1, -1});
    CHECK(ws.clause_to == std::vector<int>{Workspace::kFarQuarters});
}
