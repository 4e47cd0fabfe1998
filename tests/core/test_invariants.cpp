// SPEC §7: invariants that hold for every valid scenario, checked on the presets
// and on 300 generated scenarios (fixed seeds).
#include <cmath>

#include "presets.h"
#include "random_scenario.h"
#include "result_io.h"
#include "scenario_builder.h"

using namespace test;

namespace {

constexpr double kTol = 1e-6;

bool close(double a, double b) { return std::fabs(a - b) <= kTol * std::max({1.0, std::fabs(a), std::fabs(b)}); }

void check_invariants(const pactscope::Scenario& s, const pactscope::Result& r) {
    const int T = r.quarters;
    double compute = 0, egress = 0, fixed = 0, stranded = 0, served = 0, demand = 0;
    for (std::size_t p = 0; p < r.providers.size(); ++p) {
        const auto& ps = r.providers[p];
        for (int q = 0; q < T; ++q) {
            // allocation <= capacity; nothing negative.
            CHECK(ps.alloc_h100e[q] <= ps.capacity_h100e[q] * (1 + 1e-9) + 1e-9);
            for (double x : {ps.capacity_h100e[q], ps.online_mw[q], ps.alloc_h100e[q], ps.mw_used[q], ps.compute_usd[q], ps.egress_usd[q],
                             ps.fixed_usd[q], ps.stranded_usd[q]})
                CHECK(x >= -1e-9);
            compute += ps.compute_usd[q], egress += ps.egress_usd[q], fixed += ps.fixed_usd[q], stranded += ps.stranded_usd[q];
        }
    }
    for (std::size_t w = 0; w < r.workloads.size(); ++w) {
        const auto& ws = r.workloads[w];
        for (int q = 0; q < T; ++q) {
            // served + shortfall = demand.
            CHECK(close(ws.served_h100e[q] + ws.shortfall_h100e[q], ws.demand_h100e[q]));
            CHECK(ws.shortfall_h100e[q] >= -1e-9);
            CHECK(ws.outage_loss_h100e_hours[q] >= -1e-9);
            served += ws.served_h100e[q], demand += ws.demand_h100e[q];
        }
    }
    // Allocation by provider adds up to what workloads were served.
    double alloc = 0;
    for (const auto& ps : r.providers)
        for (int q = 0; q < T; ++q) alloc += ps.alloc_h100e[q];
    CHECK(close(alloc, served));
    // Every total equals the sum of its parts; cost_usd equals its four components.
    const auto& t = r.totals;
    CHECK(close(t.compute_usd, compute));
    CHECK(close(t.egress_usd, egress));
    CHECK(close(t.fixed_usd, fixed));
    CHECK(close(t.stranded_usd, stranded));
    CHECK(close(t.cost_usd, compute + egress + fixed + stranded));
    double cost_q = 0;
    for (int q = 0; q < T; ++q) cost_q += r.cost_usd[q];
    CHECK(close(t.cost_usd, cost_q));
    CHECK(close(t.served_fraction, demand > 0 ? served / demand : 1.0));
    CHECK(t.hhi >= 0);
    CHECK(t.hhi <= 1 + 1e-12);
    CHECK(t.max_provider_share <= 1 + 1e-12);
    // Stakeholders (SPEC §6, §10.11).
    const auto& b = r.buyer;
    CHECK(close(b.net_usd, b.revenue_share_received_usd - b.cost_usd - b.lost_value_usd - b.revenue_share_paid_usd));
    CHECK(close(b.lost_value_usd, t.shortfall_value_usd + t.outage_loss_usd));
    double received = 0, paid = 0;
    for (const auto& pv : r.stakeholders) {
        CHECK(close(pv.net_usd, pv.revenue_usd + pv.revenue_share_received_usd - pv.revenue_share_paid_usd + pv.ip_value_usd));
        received += pv.revenue_share_received_usd, paid += pv.revenue_share_paid_usd;
    }
    CHECK(close(received, t.revenue_share_to_holder_usd));
    CHECK(close(paid, t.revenue_share_to_buyer_usd));
    for (const auto& c : r.commitments) CHECK(close(c.remaining_usd, c.usd - c.spent_usd));
    // No allocation to a provider excluded by an active exclusive clause (single-workload scenarios,
    // where a provider's allocation is the workload's).
    if (s.workloads.size() == 1)
        for (std::size_t c = 0; c < s.contract.size(); ++c) {
            const auto& cl = s.contract[c];
            if (cl.type != pactscope::ClauseType::exclusive) continue;
            for (int q = 0; q < T; ++q) {
                if (!r.clause_active[c][q]) continue;
                double waived = 0;
                for (std::size_t p = 0; p < s.providers.size(); ++p) {
                    bool listed = static_cast<int>(p) == cl.holder ||
                                  std::find(cl.waivers.begin(), cl.waivers.end(), static_cast<int>(p)) != cl.waivers.end();
                    if (!listed) CHECK(r.providers[p].alloc_h100e[q] <= 1e-9);
                    else if (static_cast<int>(p) != cl.holder) waived += r.providers[p].alloc_h100e[q];
                }
                double cap = s.quantities[cl.waiver_max_share].median() * r.workloads[0].demand_h100e[q];
                CHECK(waived <= cap * (1 + 1e-9) + 1e-6);
            }
        }
    CHECK(pactscope::result_is_finite(r));
}

}  // namespace

TEST_CASE("SPEC §7 invariants hold for every preset") {
    for (const auto& p : pactscope::presets()) {
        DYNAMIC_SECTION(p.id) {
            auto ls = pactscope::load_scenario(p.json);
            REQUIRE(ls.scenario);
            check_invariants(*ls.scenario, pactscope::evaluate(*ls.scenario));
        }
    }
}

TEST_CASE("SPEC §7 invariants hold for 300 generated scenarios") {
    int valid = 0;
    for (std::uint64_t seed = 1; seed <= 300; ++seed) {
        auto ls = pactscope::load_scenario(random_scenario(seed).dump());
        for (const auto& i : ls.issues) UNSCOPED_INFO("seed " << seed << " " << i.pointer << ": " << i.message);
        REQUIRE(ls.scenario);
        ++valid;
        INFO("seed " << seed);
        check_invariants(*ls.scenario, pactscope::evaluate(*ls.scenario));
    }
    CHECK(valid == 300);
}

TEST_CASE("same scenario, same result: evaluation is deterministic") {
    auto ls = pactscope::load_scenario(pactscope::find_preset("rofr-2025")->json);
    REQUIRE(ls.scenario);
    auto a = pactscope::result_to_json(*ls.scenario, pactscope::evaluate(*ls.scenario)).dump();
    auto b = pactscope::result_to_json(*ls.scenario, pactscope::evaluate(*ls.scenario)).dump();
    CHECK(a == b);
}
