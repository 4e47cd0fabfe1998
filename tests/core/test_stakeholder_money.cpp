// MODEL §11.4–§11.5: what capacity costs its provider, each party's money, and the metrics that
// name it (directions, Monte Carlo percentiles, comparisons, tornado, importance, sweep, break-even).
// Goldens by hand (unit GPU: 1 MW = 1000 H100e, H = 2190 h).
#include "analysis/analysis.h"
#include "analysis/parties.h"
#include "io/analysis_io.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

// a: 1 MW cloud at 2/h with its own cost; one quarter; 500 H100e of inference worth 5/h.
json provider_cost_scenario() {
    json d = doc("2025Q1", "2025Q1");
    json a = cloud("a", 1, 2);
    a["provider_cost"] = {{"capex_usd_per_mw", 8e6}, {"amortization_years", 4}, {"opex_usd_per_mw_year", 1e5}, {"power_usd_per_mwh", 50}};
    d["providers"].push_back(a);
    d["workloads"].push_back(workload("w", "inference", 500, 0, 5));
    return d;
}

}  // namespace

TEST_CASE("provider cost: online MW × (capex / amortization + opex) / 4 + MW drawn × H × power, the provider's own (MODEL §11.4)") {
    auto r = run(provider_cost_scenario());
    // 1 MW × (8e6 / 4 + 1e5) / 4 = 525,000; drawn 1 MW × 500 / 1000 = 0.5 MW × 2190 h × 50 = 54,750: 579,750.
    CHECK(r.providers[0].provider_cost_usd[0] == Approx(579750));
    const auto& a = r.stakeholders[0];
    CHECK(a.revenue_usd == Approx(500 * H * 2));  // 2,190,000
    CHECK(a.cost_usd == Approx(579750));
    CHECK(a.net_usd == Approx(2190000 - 579750));
    CHECK(r.totals.cost_usd == Approx(2190000));  // not a cost to the buyer
    json none = provider_cost_scenario();
    none["providers"][0]["provider_cost"].erase("opex_usd_per_mw_year");
    none["providers"][0]["provider_cost"].erase("power_usd_per_mwh");
    CHECK(run(none).providers[0].provider_cost_usd[0] == Approx(1 * 8e6 / 4 / 4));  // both default to 0
}

TEST_CASE("buyer: revenue and training value net of their outage losses; net = revenue + received − cost − paid (MODEL §11.5)") {
    json d = doc("2025Q1", "2025Q1");
    json a = cloud("a", 1, 2);
    a["outages_per_year"] = 4;  // one 100 h outage a quarter, no failover capacity elsewhere
    a["outage_hours"] = 100;
    d["providers"].push_back(a);
    d["workloads"].push_back(workload("inf", "inference", 500, 0, 5));
    d["workloads"].push_back(workload("tr", "training", 200, 0, 3));
    d["contract"].push_back({{"type", "revenue_share"}, {"holder", "a"}, {"rate", 0.1}});
    auto r = run(d);
    const auto& b = r.buyer;
    // Inference: gross 500 × 2190 × 5 = 5,475,000, outage loss 500 × 100 × 5 = 250,000 → revenue 5,225,000.
    CHECK(b.revenue_usd == Approx(5225000));
    // Training: 200 × 2190 × 3 = 1,314,000, outage loss 200 × 100 × 3 = 60,000 → 1,254,000.
    CHECK(b.training_value_usd == Approx(1254000));
    // Cost 700 × 2190 × 2 = 3,066,000; the share is on gross revenue: 10% × 5,475,000 = 547,500.
    CHECK(b.cost_usd == Approx(3066000));
    CHECK(b.revenue_share_paid_usd == Approx(547500));
    CHECK(b.lost_value_usd == Approx(310000));
    // net = 5,225,000 + 0 − 3,066,000 − 547,500 = 1,611,500 (training value and lost value are beside it, not in it).
    CHECK(b.net_usd == Approx(1611500));
    // a: revenue 3,066,000 + share 547,500.
    CHECK(r.stakeholders[0].net_usd == Approx(3066000 + 547500));
}

TEST_CASE("metrics name every total and stakeholder figure, with MODEL §11.5's directions") {
    Scenario s = load_ok(provider_cost_scenario());
    std::string err;
    auto dir = [&](const char* name) {
        auto m = parse_metric(s, name, err);
        INFO(name << ": " << err);
        REQUIRE(m);
        return metric_direction(*m);
    };
    CHECK(dir("sla_credit_usd") == +1);
    CHECK(dir("cost_usd") == -1);
    CHECK(dir("buyer.revenue_usd") == +1);
    CHECK(dir("buyer.training_value_usd") == +1);
    CHECK(dir("buyer.net_usd") == +1);
    CHECK(dir("buyer.cost_usd") == -1);
    CHECK(dir("a.revenue_usd") == +1);
    CHECK(dir("a.cost_usd") == -1);
    CHECK(dir("a.net_usd") == +1);
    CHECK(dir("peak_mw") == 0);
    auto r = evaluate(s);
    CHECK(metric_value(*parse_metric(s, "a.cost_usd", err), r) == Approx(579750));
    CHECK(metric_value(*parse_metric(s, "buyer.revenue_usd", err), r) == Approx(500 * H * 5));
    CHECK_FALSE(parse_metric(s, "a.training_value_usd", err));
    CHECK(err == "a provider has no figure \"training_value_usd\"; it has revenue_usd, revenue_share_received_usd, revenue_share_paid_usd, "
                 "ip_value_usd, cost_usd, net_usd");
}

TEST_CASE("Monte Carlo summaries give percentiles of every total and every stakeholder figure") {
    json d = provider_cost_scenario();
    d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "uniform"}, {"min", 1}, {"max", 3}};
    d["providers"].push_back(cloud("idle", 1, 9));  // never used: its figures are 0 in every trial
    Scenario s = load_ok(d);
    Simulation sim;
    sim.start(s, 200, 4);
    sim.step(200);
    const McSummary m = sim.summary();
    REQUIRE(m.buyer.size() == buyer_figures().size());
    REQUIRE(m.providers.size() == 2);
    REQUIRE(m.providers[0].size() == provider_figures().size());
    const auto idx = [](const auto& fields, const char* name) { return static_cast<std::size_t>(field_index(fields, name)); };
    // a's revenue = 500 × 2190 × price, price uniform on [1, 3]: its P50 is near 2,190,000; its cost is fixed.
    CHECK(m.providers[0][idx(provider_figures(), "revenue_usd")].p50 == Approx(2190000).epsilon(0.1));
    CHECK(m.providers[0][idx(provider_figures(), "cost_usd")].p5 == Approx(579750));
    CHECK(m.providers[0][idx(provider_figures(), "cost_usd")].p95 == Approx(579750));
    CHECK(m.providers[1][idx(provider_figures(), "net_usd")].p95 == 0);
    // Derived figures agree with the kept ones: buyer cost = cost_usd, a's net = revenue − cost, trial by trial.
    std::vector<double> s1, s2, s3;
    const double* cost = sim.sample_column(total_index("cost_usd"), s1);
    const double* buyer_cost = sim.sample_column(Simulation::buyer_metric(field_index(buyer_figures(), "cost_usd")), s2);
    const double* a_net = sim.sample_column(sim.provider_metric(0, field_index(provider_figures(), "net_usd")), s3);
    std::vector<double> s4;
    const double* a_revenue = sim.sample_column(sim.provider_metric(0, field_index(provider_figures(), "revenue_usd")), s4);
    for (int i = 0; i < 200; ++i) {
        CHECK(buyer_cost[i] == cost[i]);
        CHECK(a_net[i] == a_revenue[i] - 579750.0);
    }
    // JSON: every figure of every stakeholder.
    auto j = summary_to_json(s, m);
    for (const auto& f : buyer_figures()) CHECK(j["stakeholders"]["buyer"][f.name].contains("p90"));
    for (const auto& f : provider_figures()) CHECK(j["stakeholders"]["idle"][f.name].contains("p10"));
}

TEST_CASE("compare, tornado, importance, sweep and break-even accept every metric") {
    json d = provider_cost_scenario();
    d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "uniform"}, {"min", 1}, {"max", 3}};
    json e = d;
    e["providers"][0]["provider_cost"]["capex_usd_per_mw"] = 4e6;  // half the capex: a's cost (4e6 / 4 + 1e5) / 4 + 54,750 = 329,750
    Scenario a = load_ok(d), b = load_ok(e);
    Simulation sa, sb;
    sa.start(a, 100, 2), sb.start(b, 100, 2);
    sa.step(100), sb.step(100);
    Comparison c = compare({&sa, &sb});
    const auto cost = static_cast<std::size_t>(field_index(provider_figures(), "cost_usd"));
    // (8e6 − 4e6) / 4 / 4 = 250,000 less cost in every trial: B better for a (lower is better).
    CHECK(c.pairs[0].providers[0][cost].delta.mean == Approx(-250000));
    CHECK(c.pairs[0].providers[0][cost].p_b_better() == 1);
    CHECK(c.pairs[0].buyer.size() == buyer_figures().size());

    std::string err;
    const Metric revenue = *parse_metric(a, "buyer.revenue_usd", err);
    const Metric a_net = *parse_metric(a, "a.net_usd", err);
    // Tornado: the price moves a's net (its revenue), not the buyer's revenue.
    CHECK(tornado(a, a_net).bars.size() == 1);
    CHECK(tornado(a, revenue).bars.empty());
    // Importance of the price for a's net: perfectly rank-correlated.
    auto imp = importance(sa, sample_metric_index(sa, a_net));
    REQUIRE(imp.size() == 1);
    CHECK(imp[0].rank_correlation == Approx(1));
    // Sweep of the capex over a's cost: 1e6 … 3e6 per MW → (capex / 4 + 1e5) / 4 + 54,750.
    auto axis = sweep_axis({&a}, "/providers/0/provider_cost/capex_usd_per_mw", 1e6, 3e6, 3, false, err);
    REQUIRE(axis);
    const Metric a_cost = *parse_metric(a, "a.cost_usd", err);
    SweepGrid g = sweep({&a}, {a_cost}, {*axis});
    CHECK(g.values[0][0] == Approx((1e6 / 4 + 1e5) / 4 + 54750));
    CHECK(g.values[0][2] == Approx((3e6 / 4 + 1e5) / 4 + 54750));
    // Break-even over a's price p of a's net: A (its cost 579,750) serves 500: 1,095,000 p − 579,750;
    // B (no provider_cost) serves 250: 547,500 p. Equal at p = 579,750 / 547,500 = 1.0589041.
    json f = provider_cost_scenario();
    f["providers"][0].erase("provider_cost");
    f["workloads"][0]["demand"]["start_h100e"] = 250;
    Scenario pa = load_ok(provider_cost_scenario()), pb = load_ok(f);
    auto range = sweep_axis({&pa, &pb}, "/providers/0/price_usd_per_h100e_hour", 0.5, 4, 2, false, err);
    REQUIRE(range);
    BreakEven be = break_even(pa, *parse_metric(pa, "a.net_usd", err), pb, *parse_metric(pb, "a.net_usd", err), *range);
    CHECK(be.found);
    CHECK(be.value == Approx(579750.0 / 547500.0));
}

TEST_CASE("parties: owned capacity that bills nothing is the buyer's own; a cloud without provider_cost has no cost given") {
    // commitment-2025q4 (assets/presets): clouds 0–7, of which google, aws-trainium and cerebras carry no
    // provider_cost; stargate, amd and broadcom are owned (their cost is the buyer's fixed cost and compute).
    // aws-trainium (6) and cerebras (7) are listed with no capacity (their deals came in 2026): outside this deal.
    const Scenario s = preset("commitment-2025q4");
    const Result r = evaluate(s);
    REQUIRE(s.providers[6].capacity.empty());
    REQUIRE(s.providers[7].capacity.empty());
    CHECK(party_providers(s, r) == std::vector<std::size_t>{0, 1, 2, 3, 4, 5});
    CHECK(owned_capacity_names(s, r) == "Stargate (SoftBank-run sites, owned), AMD Instinct fleet (owned), Broadcom accelerator fleet (owned)");
    CHECK(outside_deal_names(s, r) == "AWS (Trainium, 2 GW), Cerebras");
    CHECK(uncosted_names(s, party_providers(s, r)) == "Google Cloud");
    CHECK(figure_gap(s, r, "azure", "net_usd") == FigureGap::none);
    CHECK(figure_gap(s, r, "azure", "cost_usd") == FigureGap::none);  // Azure's provider_cost is given
    CHECK(figure_gap(s, r, "google", "net_usd") == FigureGap::none);
    CHECK(figure_gap(s, r, "google", "cost_usd") == FigureGap::not_given);
    CHECK(figure_gap(s, r, "cerebras", "net_usd") == FigureGap::outside_deal);
    CHECK(figure_gap(s, r, "amd", "net_usd") == FigureGap::owned);
    CHECK(figure_gap(s, r, "no-such-cloud", "net_usd") == FigureGap::not_listed);
    CHECK(std::string(figure_gap_text(FigureGap::outside_deal)) == "not in this deal");
    CHECK(net_before_cost(s, r, "google"));  // no provider_cost: its net is starred
    CHECK_FALSE(net_before_cost(s, r, "azure"));
    // A difference is shown only where both deals have the figure.
    CHECK(gap_comparable(FigureGap::none, FigureGap::none));
    CHECK_FALSE(gap_comparable(FigureGap::outside_deal, FigureGap::none));
    CHECK_FALSE(gap_comparable(FigureGap::none, FigureGap::owned));
    CHECK_FALSE(gap_comparable(FigureGap::outside_deal, FigureGap::not_listed));
    CHECK_FALSE(gap_comparable(FigureGap::none, FigureGap::not_given));
    // open-2026 gives both clouds capacity: parties, without provider_cost for Cerebras.
    const Scenario open = preset("open-2026");
    const Result ro = evaluate(open);
    CHECK(party_providers(open, ro) == std::vector<std::size_t>{0, 1, 2, 3, 4, 5, 6, 7});
    CHECK(outside_deal_names(open, ro).empty());
    // A cloud without capacity that is still paid (Azure, its capacity taken away: the $250B commitment's
    // shortfall is settled to it, and it receives revenue share) stays a party: money, not capacity, decides.
    Scenario bare = s;
    bare.providers[0].capacity.clear();
    const Result rb = evaluate(bare);
    REQUIRE(rb.stakeholders[0].revenue_usd > 0);
    CHECK(is_party(bare, rb, 0));
    CHECK_FALSE(outside_deal(bare, rb, 0));
    CHECK(provider_cost_given(s, 0));
    CHECK_FALSE(provider_cost_given(s, 3));
    CHECK(provider_cost_given(s, 9));  // owned: provider_cost does not apply, nothing is missing
    // Its cost is 0 in the results, as MODEL §11.4 says; the P&L says "not given" instead of showing it.
    CHECK(r.stakeholders[3].cost_usd == 0);
}
