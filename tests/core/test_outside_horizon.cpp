// MODEL §8 "Outside the horizon": what reaches past the horizon's ends and moves a number, with the amount
// the model's own arithmetic gives. Goldens by hand (unit GPU: 1 MW = 1000 H100e, H = 2190 h).
#include <cmath>

#include "analysis/outside_horizon.h"
#include "analysis/settlements.h"
#include "io/presets.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

const HorizonEdge* find(const std::vector<HorizonEdge>& edges, HorizonEdge::Kind kind, const std::string& pointer) {
    for (const HorizonEdge& e : edges)
        if (e.kind == kind && e.pointer == pointer) return &e;
    return nullptr;
}

}  // namespace

TEST_CASE("outside the horizon: owned capex before the start, after the end, and capacity built after the end") {
    // Horizon 2025Q1–2026Q4. Owned o: $4M per MW amortised over 1 year (4 quarters).
    //   tranche 1, 1 MW online 2024Q3: 2 quarters amortised before the start: 1 × 4M × 2/4 = $2M not counted.
    //   tranche 2, 2 MW online 2026Q2: 3 quarters in the horizon, 1 after: 2 × 4M × 1/4 = $2M not counted.
    //   tranche 3, 3 MW planned 2026Q4, slipping 2 quarters to 2027Q2: none of its 3 × 4M = $12M is counted.
    json d = doc("2025Q1", "2026Q4");
    d["providers"].push_back({{"id", "o"},
                              {"name", "Own site"},
                              {"kind", "owned"},
                              {"capacity",
                               {{{"online", "2024Q3"}, {"mw", 1}, {"gpu", "U"}},
                                {{"online", "2026Q2"}, {"mw", 2}, {"gpu", "U"}},
                                {{"online", "2026Q4"}, {"mw", 3}, {"gpu", "U"}, {"slip_quarters", 2}}}},
                              {"capex_usd_per_mw", 4e6},
                              {"amortization_years", 1},
                              {"power_usd_per_mwh", 50}});
    d["workloads"].push_back(workload("w", "inference", 100, 0, 5));
    const Scenario s = load_ok(d);
    const Result r = evaluate(s);
    const auto edges = outside_horizon(s, r);
    REQUIRE(edges.size() == 3);
    const HorizonEdge* before = find(edges, HorizonEdge::Kind::capex_before_start, "/providers/0/capacity/0");
    REQUIRE(before);
    CHECK(before->amount_usd == Approx(2e6));
    CHECK(before->provider == 0);
    const HorizonEdge* after = find(edges, HorizonEdge::Kind::capex_after_end, "/providers/0/capacity/1");
    REQUIRE(after);
    CHECK(after->amount_usd == Approx(2e6));
    CHECK(after->text == "Own site tranche 2, 2026Q2 is online from 2026Q2 and amortised over 1 year, to 2027Q1: the part of its "
                         "capex after the horizon ends (2026Q4) is not counted");
    CHECK(after->moves == std::vector<std::string>{"cost_usd", "npv_usd", "fixed_usd", "usd_per_served_h100e_hour", "buyer.cost_usd",
                                                   "buyer.net_usd"});
    const HorizonEdge* built = find(edges, HorizonEdge::Kind::built_after_end, "/providers/0/capacity/2");
    REQUIRE(built);
    CHECK(built->amount_usd == Approx(12e6));
    CHECK(built->text.find("after a slip of 2 quarters") != std::string::npos);
    // What the horizon counts of tranche 2: 2 MW × 4M / 4 = 2M in each of 2026Q2–Q4 (beside tranche 1's 1M a
    // quarter), 6M; with the 2M left after the end, its whole 8M.
    CHECK(r.providers[0].fixed_usd[7] == Approx(1e6 + 2e6));
    CHECK(3 * 2e6 + after->amount_usd == Approx(2 * 4e6));
}

TEST_CASE("outside the horizon: a commitment not settled by the end, one that began before it, a reservation past it") {
    // Horizon 2025Q1–2026Q4, no sticky placement; 100 H100e of inference.
    //   commitment #1 on c, 2026Q1–2027Q4, $100M at take-or-pay 0.5: in 2026Q1–Q2 c ranks first and bills
    //     100 × 2190 × 2 = 438,000 a quarter; from 2026Q3 the reservation's prepaid capacity serves the workload
    //     (MODEL §11.2 step 1b), so 876,000 is spent: 0.5 × 100M − 876,000 = 49,124,000 is not yet due.
    //   commitment #2 on c, 2024Q1–2025Q2: spend before 2025Q1 is not modelled.
    //   reservation on r, 2026Q3–2027Q2 at 1.5 with take-or-pay 0.8: 2 quarters past the end,
    //     0.8 × 1000 × 2190 × 1.5 × 2 = 5,256,000 not counted.
    json d = doc("2025Q1", "2026Q4");
    d["providers"].push_back(cloud("c", 1, 2));
    d["providers"].push_back(cloud("r", 1, 3));
    d["workloads"].push_back(workload("w", "inference", 100, 0, 5));
    d["policy"] = {{"sticky", false}};
    d["contract"].push_back({{"type", "commitment"}, {"provider", "c"}, {"usd", 1e8}, {"take_or_pay", 0.5}, {"from", "2026Q1"}, {"to", "2027Q4"}});
    d["contract"].push_back({{"type", "commitment"}, {"provider", "c"}, {"usd", 1e6}, {"from", "2024Q1"}, {"to", "2025Q2"}});
    d["contract"].push_back({{"type", "reservation"}, {"provider", "r"}, {"price_usd_per_h100e_hour", 1.5}, {"take_or_pay", 0.8},
                             {"from", "2026Q3"}, {"to", "2027Q2"}});
    const Scenario s = load_ok(d);
    const Result r = evaluate(s);
    REQUIRE(r.commitments.size() == 2);
    CHECK(r.commitments[0].spent_usd == Approx(876000));
    CHECK_FALSE(r.commitments[0].settled);
    const auto edges = outside_horizon(s, r);
    const HorizonEdge* open = find(edges, HorizonEdge::Kind::commitment_not_settled, "/contract/0");
    REQUIRE(open);
    CHECK(open->amount_usd == Approx(49124000));
    CHECK(open->text == "commitment on c runs to 2027Q4, after the horizon ends (2026Q4): its take-or-pay is not yet due; the amount is "
                        "what it would strand if nothing more were spent");
    CHECK(open->moves == std::vector<std::string>{"stranded_usd", "cost_usd", "npv_usd", "buyer.cost_usd", "buyer.net_usd", "c.revenue_usd",
                                                  "c.net_usd"});
    const HorizonEdge* early = find(edges, HorizonEdge::Kind::commitment_before_start, "/contract/1");
    REQUIRE(early);
    CHECK(std::isnan(early->amount_usd));
    const HorizonEdge* reserved = find(edges, HorizonEdge::Kind::reservation_after_end, "/contract/2");
    REQUIRE(reserved);
    CHECK(reserved->amount_usd == Approx(5256000));
    CHECK(edges.size() == 3);
}

TEST_CASE("outside the horizon: the presets' Stargate capex past 2032, and nothing for a cloud without provider cost") {
    const Scenario s = preset("rofr-2025");
    const auto edges = outside_horizon(s, evaluate(s));
    // Stargate's owned sites (provider 8), tranche 2: 1100 MW planned 2027Q2, median slip √(2 × 8) = 4 → online
    // 2028Q2; 6 years = 24 quarters, 19 of them inside (2028Q2–2032Q4): 5/24 of 1100 × √(30M × 45M) is left.
    const HorizonEdge* late = find(edges, HorizonEdge::Kind::capex_after_end, "/providers/8/capacity/1");
    REQUIRE(late);
    CHECK(late->amount_usd == Approx(1100 * std::sqrt(30e6 * 45e6) * 5 / 24));
    // Tranche 1: 400 MW planned 2026Q3, median slip √(1 × 4) = 2 → online 2027Q1; its 24 quarters end in 2032Q4.
    CHECK_FALSE(find(edges, HorizonEdge::Kind::capex_after_end, "/providers/8/capacity/0"));
    // A cloud with no provider cost and no clauses leaves nothing outside the horizon.
    json d = doc("2025Q1", "2026Q4");
    d["providers"].push_back(cloud("c", 1, 2));
    d["workloads"].push_back(workload("w", "inference", 100, 0, 5));
    const Scenario x = load_ok(d);
    CHECK(outside_horizon(x, evaluate(x)).empty());
}

TEST_CASE("settlements: where commitments settle, for the cost fan's jump in its last quarter", "[outside_horizon]") {
    // commitment-2025q4 (assets/presets): the $250B Azure commitment runs 2025Q4–2032Q4, the horizon's last quarter.
    const auto ls = load_scenario(find_preset("commitment-2025q4")->json);
    REQUIRE(ls.scenario);
    Scenario s = *ls.scenario;
    CHECK(commitment_settlements(s) == "Microsoft Azure's in 2032Q4");
    CHECK(settlement_note(s).find("(Microsoft Azure's in 2032Q4).") != std::string::npos);
    std::size_t c = 0;
    while (c < s.contract.size() && s.contract[c].type != ClauseType::commitment) ++c;
    REQUIRE(c < s.contract.size());
    // A window ending after the horizon is not settled inside it (MODEL §3): nothing to say.
    s.contract[c].to = s.end + 4;
    CHECK(commitment_settlements(s).empty());
    CHECK(settlement_note(s).empty());
    s.contract[c].to_agi = true;
    CHECK(commitment_settlements(s) == "Microsoft Azure's at AGI (or the horizon's last quarter without one)");
    // rofr-2025 has no commitment.
    CHECK(settlement_note(*load_scenario(find_preset("rofr-2025")->json).scenario).empty());
}
