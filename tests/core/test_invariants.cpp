// MODEL §7: one TEST_CASE per invariant, each checked on every preset and on 300
// generated scenarios (fixed seeds, see random_scenario.h).
#include <cmath>

#include "io/presets.h"
#include "random_scenario.h"
#include "io/result_io.h"
#include "scenario_builder.h"

using namespace test;

namespace {

struct Case {
    std::string name;
    pactscope::Scenario s;
    pactscope::Result r;
};

const std::vector<Case>& cases() {
    static const std::vector<Case> all = [] {
        std::vector<Case> out;
        for (const auto& p : pactscope::presets()) {
            auto ls = pactscope::load_scenario(p.json);
            if (ls.scenario) out.push_back({std::string(p.id), *ls.scenario, pactscope::evaluate(*ls.scenario)});
        }
        for (std::uint64_t seed = 1; seed <= 300; ++seed) {
            auto ls = pactscope::load_scenario(random_scenario(seed).dump());
            if (ls.scenario) out.push_back({"generated seed " + std::to_string(seed), *ls.scenario, pactscope::evaluate(*ls.scenario)});
        }
        return out;
    }();
    return all;
}

bool close(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::max({1.0, std::fabs(a), std::fabs(b)}); }

double sum(const std::vector<double>& v) {
    double t = 0;
    for (double x : v) t += x;
    return t;
}

}  // namespace

TEST_CASE("the invariant cases: every preset and 300 generated scenarios are valid") {
    CHECK(cases().size() == pactscope::presets().size() + 300);
}

TEST_CASE("invariant: served + shortfall = demand, per workload and quarter") {
    for (const auto& c : cases()) {
        INFO(c.name);
        for (const auto& w : c.r.workloads)
            for (int q = 0; q < c.r.quarters; ++q) CHECK(close(w.served_h100e[q] + w.shortfall_h100e[q], w.demand_h100e[q]));
    }
}

TEST_CASE("invariant: allocation <= capacity, per provider and quarter") {
    for (const auto& c : cases()) {
        INFO(c.name);
        for (const auto& p : c.r.providers)
            for (int q = 0; q < c.r.quarters; ++q) CHECK(p.alloc_h100e[q] <= p.capacity_h100e[q] * (1 + 1e-9) + 1e-9);
    }
}

TEST_CASE("invariant: nothing negative") {
    for (const auto& c : cases()) {
        INFO(c.name);
        for (const auto& p : c.r.providers)
            for (const auto& f : pactscope::provider_series_fields())
                for (double x : p.*f.member) CHECK(x >= -1e-9);
        for (const auto& w : c.r.workloads)
            for (const auto& f : pactscope::workload_series_fields())
                for (double x : w.*f.member) CHECK(x >= -1e-9);
        const auto& t = c.r.totals;
        for (double x : {t.cost_usd, t.npv_usd, t.shortfall_value_usd, t.outage_loss_usd, t.hhi, t.peak_mw, t.total_gwh}) CHECK(x >= -1e-9);
        for (const auto& cm : c.r.commitments) CHECK(cm.spent_usd >= 0);
        for (const auto& ro : c.r.reservations)
            for (double x : {ro.reserved_h100e_hours, ro.used_h100e_hours, ro.paid_usd, ro.idle_usd}) CHECK(x >= -1e-9);
    }
}

TEST_CASE("invariant: no allocation to an ineligible provider, and waiver caps hold in every quarter") {
    int checked = 0;
    for (const auto& c : cases()) {
        if (c.s.workloads.size() != 1) continue;  // a provider's allocation is then the workload's
        INFO(c.name);
        for (std::size_t k = 0; k < c.s.contract.size(); ++k) {
            const auto& cl = c.s.contract[k];
            if (cl.type != pactscope::ClauseType::exclusive) continue;
            double cap_share = c.s.quantities[cl.waiver_max_share].median();
            for (int q = 0; q < c.r.quarters; ++q) {
                if (!c.r.clause_active[k][q]) continue;
                ++checked;
                double waived = 0;
                for (int p = 0; p < static_cast<int>(c.s.providers.size()); ++p) {
                    bool waiver = std::find(cl.waivers.begin(), cl.waivers.end(), p) != cl.waivers.end();
                    if (p != cl.holder && !waiver) CHECK(c.r.providers[p].alloc_h100e[q] <= 1e-9);
                    else if (p != cl.holder) waived += c.r.providers[p].alloc_h100e[q];
                }
                CHECK(waived <= cap_share * c.r.workloads[0].demand_h100e[q] * (1 + 1e-9) + 1e-6);
            }
        }
    }
    CHECK(checked > 0);
}

TEST_CASE("invariant: max-share caps hold for what the merit order adds") {
    int checked = 0;
    for (const auto& c : cases()) {
        // With one workload, no sticky, preferred or ROFR, every allocation was added by the merit order.
        bool merit_only = c.s.workloads.size() == 1 && !c.s.policy.sticky &&
                          std::none_of(c.s.contract.begin(), c.s.contract.end(), [](const pactscope::Clause& cl) {
                              return cl.type == pactscope::ClauseType::preferred || cl.type == pactscope::ClauseType::rofr;
                          });
        if (!merit_only) continue;
        INFO(c.name);
        double share = c.s.quantities[c.s.policy.max_share_per_provider].median();
        for (const auto& p : c.r.providers)
            for (int q = 0; q < c.r.quarters; ++q) {
                ++checked;
                CHECK(p.alloc_h100e[q] <= share * c.r.workloads[0].demand_h100e[q] * (1 + 1e-9) + 1e-6);
            }
    }
    CHECK(checked > 0);
}

TEST_CASE("invariant: every total equals the sum of its parts; cost_usd = its four components - SLA credits (MODEL §6, §11.5)") {
    for (const auto& c : cases()) {
        INFO(c.name);
        const auto& t = c.r.totals;
        double compute = 0, egress = 0, fixed = 0, stranded = 0, alloc = 0, served = 0, demand = 0;
        for (const auto& p : c.r.providers)
            compute += sum(p.compute_usd), egress += sum(p.egress_usd), fixed += sum(p.fixed_usd), stranded += sum(p.stranded_usd),
                alloc += sum(p.alloc_h100e);
        for (const auto& w : c.r.workloads) served += sum(w.served_h100e), demand += sum(w.demand_h100e);
        CHECK(close(t.compute_usd, compute));
        CHECK(close(t.egress_usd, egress));
        CHECK(close(t.fixed_usd, fixed));
        CHECK(close(t.stranded_usd, stranded));
        double credit = 0;
        for (const auto& p : c.r.providers) credit += sum(p.sla_credit_usd);
        CHECK(close(t.sla_credit_usd, credit));
        CHECK(close(t.cost_usd, t.compute_usd + t.egress_usd + t.fixed_usd + t.stranded_usd - t.sla_credit_usd));
        CHECK(close(t.cost_usd, sum(c.r.cost_usd)));
        CHECK(close(alloc, served));
        CHECK(close(t.served_fraction, demand > 0 ? served / demand : 1.0));
        double stranded_commitments = 0;
        for (const auto& cm : c.r.commitments) {
            CHECK(close(cm.remaining_usd, cm.usd - cm.spent_usd));
            stranded_commitments += cm.stranded_usd;
        }
        for (const auto& ro : c.r.reservations) stranded_commitments += ro.idle_usd;  // MODEL §11.2: idle is booked as stranded
        CHECK(close(t.stranded_usd, stranded_commitments));
        CHECK(t.hhi <= 1 + 1e-12);
        CHECK(t.max_provider_share <= 1 + 1e-12);
        CHECK(pactscope::result_is_finite(c.r));
    }
}

TEST_CASE("invariant: stakeholder figures add up; the buyer's net equals its parts (MODEL §6, §10.11, §11.5, §11.6)") {
    for (const auto& c : cases()) {
        INFO(c.name);
        const auto& t = c.r.totals;
        const auto& b = c.r.buyer;
        CHECK(close(b.cost_usd, t.cost_usd));
        CHECK(close(b.lost_value_usd, t.shortfall_value_usd + t.outage_loss_usd));
        CHECK(close(b.net_usd, b.revenue_usd + b.revenue_share_received_usd - b.cost_usd - b.revenue_share_paid_usd));
        // Revenue and training value: served value of their kind less that kind's outage losses.
        double inference = 0, training = 0;
        for (std::size_t w = 0; w < c.s.workloads.size(); ++w) {
            const double value = c.s.quantities[c.s.workloads[w].value_usd_per_h100e_hour].median();
            const auto& ws = c.r.workloads[w];
            const double net = (sum(ws.served_h100e) * H - sum(ws.outage_loss_h100e_hours)) * value;
            (c.s.workloads[w].kind == pactscope::WorkloadKind::inference ? inference : training) += net;
        }
        CHECK(close(b.revenue_usd, inference));
        CHECK(close(b.training_value_usd, training));
        double received = 0, paid = 0, billed = 0, owned_cost = 0;
        for (std::size_t p = 0; p < c.r.stakeholders.size(); ++p) {
            const auto& v = c.r.stakeholders[p];
            const auto& ps = c.r.providers[p];
            CHECK(close(v.net_usd, v.revenue_usd + v.revenue_share_received_usd - v.revenue_share_paid_usd + v.ip_value_usd - v.cost_usd));
            CHECK(close(v.cost_usd, sum(ps.provider_cost_usd)));
            received += v.revenue_share_received_usd, paid += v.revenue_share_paid_usd, billed += v.revenue_usd;
            if (c.s.providers[p].kind == pactscope::ProviderKind::owned) {
                CHECK(v.revenue_usd == 0);
                owned_cost += sum(ps.fixed_usd) + sum(ps.compute_usd) + sum(ps.egress_usd) + sum(ps.stranded_usd);
            } else {
                CHECK(close(v.revenue_usd, sum(ps.compute_usd) + sum(ps.egress_usd) + sum(ps.fixed_usd) + sum(ps.stranded_usd) - sum(ps.sla_credit_usd)));
            }
        }
        CHECK(close(received, t.revenue_share_to_holder_usd));
        CHECK(close(paid, t.revenue_share_to_buyer_usd));
        // MODEL §11.6: Σ providers' revenue = the buyer's cost less what owned capacity makes up.
        CHECK(close(billed, b.cost_usd - owned_cost));
    }
}

TEST_CASE("invariant: reservations — paid = used hours × price + idle, idle >= 0, full take-or-pay pays every reserved hour (MODEL §11.6)") {
    int checked = 0;
    for (const auto& c : cases()) {
        INFO(c.name);
        std::size_t k = 0;
        for (std::size_t i = 0; i < c.s.contract.size(); ++i) {
            const auto& cl = c.s.contract[i];
            if (cl.type != pactscope::ClauseType::reservation) continue;
            REQUIRE(k < c.r.reservations.size());
            const auto& ro = c.r.reservations[k++];
            ++checked;
            const double price = c.s.quantities[cl.price_usd_per_h100e_hour].median();
            const double top = c.s.quantities[cl.take_or_pay].median();
            const auto& ps = c.r.providers[static_cast<std::size_t>(cl.provider)];
            double reserved = 0, used = 0, idle = 0;
            for (int q = 0; q < c.r.quarters; ++q)
                if (c.r.clause_active[i][static_cast<std::size_t>(q)]) {
                    reserved += ps.capacity_h100e[q] * H, used += ps.alloc_h100e[q] * H;
                    idle += std::max(0.0, top * ps.capacity_h100e[q] - ps.alloc_h100e[q]) * H * price;
                }
            CHECK(close(ro.reserved_h100e_hours, reserved));
            CHECK(close(ro.used_h100e_hours, used));
            CHECK(close(ro.idle_usd, idle));
            CHECK(ro.idle_usd >= 0);
            CHECK(close(ro.paid_usd, ro.used_h100e_hours * price + ro.idle_usd));
            if (top == 1) CHECK(close(ro.paid_usd, ro.reserved_h100e_hours * price));
        }
        CHECK(k == c.r.reservations.size());
    }
    CHECK(checked > 20);
}

TEST_CASE("invariant: 0 <= sla_credit_usd <= compute_usd + reservation idle, every provider and quarter (MODEL §11.6)") {
    int credited = 0;
    for (const auto& c : cases()) {
        INFO(c.name);
        for (std::size_t p = 0; p < c.r.providers.size(); ++p) {
            const auto& ps = c.r.providers[p];
            for (int q = 0; q < c.r.quarters; ++q) {
                // A reserved provider's stranded_usd that quarter is its idle charge (no commitment is active beside it).
                bool reserved = false;
                for (std::size_t i = 0; i < c.s.contract.size(); ++i)
                    reserved = reserved || (c.s.contract[i].type == pactscope::ClauseType::reservation && c.s.contract[i].provider == static_cast<int>(p) &&
                                            c.r.clause_active[i][static_cast<std::size_t>(q)]);
                const double idle = reserved ? ps.stranded_usd[q] : 0.0;
                CHECK(ps.sla_credit_usd[q] >= 0);
                CHECK(ps.sla_credit_usd[q] <= (ps.compute_usd[q] + idle) * (1 + 1e-12) + 1e-9);
                if (ps.sla_credit_usd[q] > 0) ++credited;
            }
        }
    }
    CHECK(credited > 20);
}

TEST_CASE("invariant: the same scenario gives identical results") {
    for (const auto& c : cases()) {
        INFO(c.name);
        CHECK(pactscope::result_to_json(c.s, pactscope::evaluate(c.s)).dump() == pactscope::result_to_json(c.s, c.r).dump());
    }
}
