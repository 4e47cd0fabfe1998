// MODEL §8, §11.5: every total and every party's figure is a metric of every analysis — tornado, importance,
// sweep, break-even, compare and explain — named with the scenario's names.
#include <cmath>

#include "analysis/analysis.h"
#include "io/explanation_io.h"
#include "io/scenario_parts.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

// Every figure moves: a bills, earns a revenue share and IP value and has its own cost; b pays a share back;
// outages and an SLA; an uncertain price; an AGI date inside the horizon.
json busy_deal(double price_b) {
    json d = doc("2025Q1", "2025Q4");
    json a = cloud("a", 1, 2);
    a["name"] = "Cloud A";
    a["price_usd_per_h100e_hour"] = "1.5 to 2.5";
    a["provider_cost"] = {{"capex_usd_per_mw", 8e6}, {"amortization_years", 4}};
    a["outages_per_year"] = 4;
    a["outage_hours"] = 20;
    d["providers"].push_back(a);
    d["providers"].push_back(cloud("b", 1, price_b));
    d["workloads"].push_back(workload("inf", "inference", 900, 0.2, 5));
    d["workloads"].push_back(workload("tr", "training", 300, 0, 3));
    d["contract"].push_back({{"type", "revenue_share"}, {"holder", "a"}, {"rate", 0.1}});
    d["contract"].push_back({{"type", "revenue_share"}, {"holder", "b"}, {"payer", "holder"}, {"rate", 0.1},
                             {"holder_api_revenue_usd_per_quarter", 1e5}});
    d["contract"].push_back({{"type", "ip_access"}, {"holder", "a"}, {"value_usd_per_quarter", 2e5}});
    d["contract"].push_back({{"type", "sla"}, {"provider", "a"}, {"credits", {{{"below", 0.999}, {"credit", 0.1}}}}});
    d["contract"].push_back({{"type", "agi"}, {"trigger", "date"}, {"date", "2025Q3"}});
    return d;
}

}  // namespace

TEST_CASE("every metric — totals, the buyer's and each provider's figures — works in every analysis") {
    const Scenario a = load_ok(busy_deal(3)), b = load_ok(busy_deal(1.8));
    const Result ra = evaluate(a);
    Simulation sa, sb;
    sa.start(a, 60, 3), sb.start(b, 60, 3);
    sa.step(60), sb.step(60);
    const Comparison c = compare({&sa, &sb});
    ScenarioParts parts(a, b);
    Explainer explainer(parts);
    while (!explainer.step(100)) {
    }
    std::string error;
    const auto price = sweep_axis({&a, &b}, "/providers/0/price_usd_per_h100e_hour", 1, 3, 3, false, error);
    REQUIRE(price);
    const std::vector<Metric> metrics = scenario_metrics(a);
    CHECK(metrics.size() == total_fields().size() + buyer_figures().size() + 2 * provider_figures().size());
    for (const Metric& m : metrics) {
        INFO(m.name);
        const Metric mb = *parse_metric(b, m.name, error);
        const double base = metric_value(m, ra);
        CHECK(metric_label(a, m).name.size() > 2);
        // Tornado: its base is the deterministic run.
        const Tornado t = tornado(a, m);
        CHECK((t.base == base || (std::isnan(t.base) && std::isnan(base))));
        // Importance: one rank correlation per uncertain input.
        CHECK(importance(sa, sample_metric_index(sa, m)).size() == 1);
        // Sweep and regime map over a's price.
        const SweepGrid g = sweep({&a, &b}, {m, mb}, {*price});
        CHECK(g.values[0].size() == 3);
        CHECK(g.best.size() == 3);
        // Break-even runs and reports the ends.
        const BreakEven be = break_even(a, m, b, mb, *price);
        CHECK(be.lo == 1);
        CHECK(be.hi == 3);
        // Compare: a paired delta for it.
        const PairComparison& pc = c.pairs.at(0);
        const auto i = static_cast<std::size_t>(m.index);
        const PairedDelta& d = m.kind == Metric::Kind::total ? pc.totals.at(i) : m.kind == Metric::Kind::buyer ? pc.buyer.at(i)
                                                                                                              : pc.providers.at(static_cast<std::size_t>(m.provider)).at(i);
        CHECK(d.direction == metric_direction(m));
        // Explain: the contributions add up to the difference of the runs.
        auto e = explainer.explanation(m.name, error);
        INFO(error);
        REQUIRE(e);
        double sum = 0;
        for (const Contribution& k : e->contributions) sum += k.value;
        CHECK(std::fabs(sum - e->delta) <= 1e-9 * std::max(1.0, std::fabs(e->delta)));
        CHECK((e->value_a == base || (std::isnan(base) && std::isnan(e->value_a))));
    }
}
