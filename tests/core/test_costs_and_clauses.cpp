// One TEST_CASE per cost rule (MODEL §3, §5) and money-flow clause; golden values by hand.
#include "scenario_builder.h"

using namespace test;

TEST_CASE("commitment: discounted price, ranks first while unspent, splits pro rata in the quarter it is used up (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 2));
    d["providers"].push_back(cloud("b", 1, 1));
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 1500000}, {"discount", 0.5}});
    d["policy"]["sticky"] = false;
    auto r = run(d);
    // a's effective price 2 x 0.5 = 1 ties b, but an unspent commitment ranks first: a serves 500.
    // q0: 500 x 2190 x 1 = 1,095,000 spent (405,000 left).
    CHECK(r.providers[0].alloc_h100e[0] == Approx(500));
    CHECK(r.providers[0].compute_usd[0] == Approx(1095000));
    // q1: 405,000 H100e-hours at $1 use it up; the other 1,095,000 - 405,000 = 690,000 hours cost $2: 1,785,000.
    CHECK(r.providers[0].compute_usd[1] == Approx(405000 + 690000 * 2));
    // q2: spent; a costs 2 > b's 1 and sticky is off: b serves.
    CHECK(r.providers[1].alloc_h100e[2] == Approx(500));
    REQUIRE(r.commitments.size() == 1);
    CHECK(r.commitments[0].spent_usd == 1500000);
    CHECK(r.commitments[0].remaining_usd == 0);
    CHECK(r.commitments[0].settled);  // window = whole horizon, ends at its last quarter
    CHECK(r.commitments[0].stranded_usd == 0);
}

TEST_CASE("commitment: take-or-pay strands max(0, take_or_pay x usd - spent) at the window's last quarter (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 2));
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 5000000}, {"to", "2025Q2"}});
    auto r = run(d);
    // Spend 500 x 2190 x 2 = 2,190,000 per quarter in q0, q1 = 4,380,000; stranded 620,000 booked in q1 on a.
    CHECK(r.providers[0].stranded_usd[1] == Approx(620000));
    CHECK(r.totals.stranded_usd == Approx(620000));
    CHECK(r.commitments[0].stranded_usd == Approx(620000));
    d["contract"][0]["take_or_pay"] = 0.5;  // 2,500,000 < spent: nothing stranded
    CHECK(run(d).totals.stranded_usd == 0);
}

TEST_CASE("commitment: a window ending after the horizon is not settled; one ending before it is ignored (MODEL §3, §10.6)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 2));
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 1e9}, {"to", "2026Q4"}});
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 1e9}, {"from", "2024Q1"}, {"to", "2024Q4"}});
    auto r = run(d);
    CHECK_FALSE(r.commitments[0].settled);
    CHECK(r.commitments[0].stranded_usd == 0);
    CHECK(r.commitments[0].spent_usd == Approx(4 * 500 * H * 2));
    CHECK_FALSE(r.commitments[1].settled);
    CHECK(r.commitments[1].spent_usd == 0);
    CHECK(r.totals.stranded_usd == 0);
}

TEST_CASE("commitments on one provider are consumed in document order (MODEL §10.6)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("a", 1, 2));
    d["workloads"].push_back(workload("w", "inference", 1000));
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 1000000}, {"discount", 0.5}});
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 1e9}, {"discount", 0.25}});
    auto r = run(d);
    // 2,190,000 hours: the first 1,000,000 hours at $1 spend the first commitment ($1,000,000);
    // the remaining 1,190,000 hours at $1.5 = 1,785,000 go to the second.
    CHECK(r.commitments[0].spent_usd == 1000000);
    CHECK(r.commitments[1].spent_usd == Approx(1785000));
    CHECK(r.providers[0].compute_usd[0] == Approx(2785000));
}

TEST_CASE("egress: pooled monthly volume, free allowance first, cumulative tiers, x3 per quarter (MODEL §3)") {
    json d = doc("2025Q1", "2025Q1");
    json a = cloud("a", 1, 1);
    a["egress"] = {{"free_tb_per_month", 1}, {"tiers", {{{"up_to_tb", 10}, {"usd_per_gb", 0.1}}, {{"up_to_tb", nullptr}, {"usd_per_gb", 0.05}}}}};
    d["providers"].push_back(a);
    d["providers"].push_back(cloud("home", 0, 1));
    json w = workload("w", "inference", 100);
    w["egress_gb_per_h100e_hour"] = 1;
    w["home"] = "home";
    d["workloads"].push_back(w);
    auto r = run(d);
    // 100 H100e x 2190 h x 1 GB = 219,000 GB a quarter -> 73 TB a month - 1 TB free = 72 TB:
    // 10 TB x 1000 x $0.1 = $1,000 + 62 TB x 1000 x $0.05 = $3,100 -> $4,100 a month, $12,300 a quarter.
    CHECK(r.providers[0].egress_usd[0] == Approx(12300));
    CHECK(r.totals.egress_usd == Approx(12300));
}

TEST_CASE("egress: training bytes are billed by the home; api_exclusivity moves inference homes to its holder (MODEL §3)") {
    json d = doc("2025Q1", "2025Q1");
    json tiers = {{"tiers", {{{"up_to_tb", nullptr}, {"usd_per_gb", 0.1}}}}};
    json a = cloud("a", 1, 1), h = cloud("home", 0, 1);
    a["egress"] = tiers;
    h["egress"] = tiers;
    d["providers"] = {a, h};
    json t = workload("t", "training", 100);
    t["egress_gb_per_h100e_hour"] = 1;
    t["home"] = "home";
    d["workloads"].push_back(t);
    auto r = run(d);
    // 219,000 GB leave the home: 73,000 GB a month x $0.1 x 3 = $21,900 on "home", none on a.
    CHECK(r.providers[1].egress_usd[0] == Approx(21900));
    CHECK(r.providers[0].egress_usd[0] == 0);

    json d2 = d;
    d2["workloads"][0]["kind"] = "inference";
    d2["workloads"][0].erase("block_h100e");
    d2["contract"].push_back({{"type", "api_exclusivity"}, {"holder", "a"}});
    // The inference home becomes a, where it is served: no bytes move.
    CHECK(run(d2).totals.egress_usd == 0);
}

TEST_CASE("egress raises the marginal cost of serving away from home (MODEL §4)") {
    json d = doc("2025Q1", "2025Q1");
    json far = cloud("far", 1, 1.0);
    far["egress"] = {{"tiers", {{{"up_to_tb", nullptr}, {"usd_per_gb", 0.1}}}}};
    d["providers"] = {far, cloud("home", 1, 1.05)};
    json w = workload("w", "inference", 100);
    w["egress_gb_per_h100e_hour"] = 1;
    w["home"] = "home";
    d["workloads"].push_back(w);
    auto r = run(d);
    // far: 1.0 + 1 GB x 0.1 = 1.1 > home 1.05 -> home serves.
    CHECK(r.providers[1].alloc_h100e[0] == Approx(100));
}

TEST_CASE("owned capacity: fixed cost for what was built, power as marginal price (MODEL §3)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back({{"id", "own"}, {"kind", "owned"}, {"pue", 1.25},
                              {"capacity", {{{"online", "2025Q1"}, {"mw", 10}, {"gpu", "U"}}}},
                              {"capex_usd_per_mw", 40e6}, {"amortization_years", 5}, {"opex_usd_per_mw_year", 2e6},
                              {"power_usd_per_mwh", 80}});
    d["workloads"].push_back(workload("w", "inference", 4000));
    auto r = run(d);
    // Capacity 10 MW x 1000 / 1.25 = 8000 H100e. Fixed: 10 x (40e6/5 + 2e6) / 4 = 25,000,000.
    // Marginal price 80 $/MWh x 10 MW / 8000 = $0.1 per H100e-hour: 4000 x 2190 x 0.1 = 876,000.
    CHECK(r.providers[0].fixed_usd[0] == Approx(25e6));
    CHECK(r.providers[0].compute_usd[0] == Approx(876000));
    CHECK(r.stakeholders[0].revenue_usd == 0);  // owned capacity bills nobody
    // Power drawn: 10 MW x 4000 / 8000 = 5 MW; 5 x 2190 / 1000 = 10.95 GWh.
    CHECK(r.providers[0].mw_used[0] == Approx(5));
    CHECK(r.totals.total_gwh == Approx(10.95));
}

TEST_CASE("fixed costs: onboarding once in the first used quarter, overhead in every used quarter (MODEL §5)") {
    json d = doc();
    json a = cloud("a", 1, 1);
    a["onboarding_usd"] = 1000;
    a["overhead_usd_per_quarter"] = 10;
    d["providers"].push_back(a);
    d["workloads"].push_back(series("w", "inference", {0, 5, 0, 5}));
    auto r = run(d);
    CHECK(r.providers[0].fixed_usd[0] == 0);
    CHECK(r.providers[0].fixed_usd[1] == 1010);
    CHECK(r.providers[0].fixed_usd[2] == 0);
    CHECK(r.providers[0].fixed_usd[3] == 10);
}

TEST_CASE("revenue share paid by the buyer: rate x inference revenue, cumulative cap with a partial last payment (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("az", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 100, 0, 5));
    d["contract"].push_back({{"type", "revenue_share"}, {"holder", "az"}, {"rate", 0.2}, {"cap_usd", 500000}});
    auto r = run(d);
    // Revenue 100 x 2190 x 5 = 1,095,000 a quarter; 20% = 219,000; cap 500,000 -> 219,000 + 219,000 + 62,000.
    CHECK(r.totals.revenue_share_to_holder_usd == Approx(500000));
    CHECK(r.stakeholders[0].revenue_share_received_usd == Approx(500000));
    CHECK(r.buyer.revenue_share_paid_usd == Approx(500000));
}

TEST_CASE("revenue share paid by the holder: rate x holder_api_revenue_usd_per_quarter while active (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("az", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 100));
    d["contract"].push_back({{"type", "revenue_share"}, {"payer", "holder"}, {"holder", "az"}, {"rate", 0.2},
                             {"holder_api_revenue_usd_per_quarter", 1000}, {"to", "2025Q3"}});
    auto r = run(d);
    CHECK(r.totals.revenue_share_to_buyer_usd == Approx(600));  // 3 quarters x 200
    CHECK(r.buyer.revenue_share_received_usd == Approx(600));
    CHECK(r.stakeholders[0].revenue_share_paid_usd == Approx(600));
}

TEST_CASE("ip_access: value to the holder in every active quarter (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("az", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 0));
    d["contract"].push_back({{"type", "ip_access"}, {"holder", "az"}, {"value_usd_per_quarter", 7}, {"from", "2025Q2"}});
    auto r = run(d);
    CHECK(r.stakeholders[0].ip_value_usd == 21);
    CHECK(r.stakeholders[0].net_usd == 21);
}

TEST_CASE("agi by date ends to:\"agi\" clauses after the AGI quarter (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("az", 10, 2));
    d["providers"].push_back(cloud("alt", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 100));
    d["contract"].push_back({{"type", "exclusive"}, {"holder", "az"}, {"to", "agi"}});
    d["contract"].push_back({{"type", "agi"}, {"date", "2025Q2"}});
    d["policy"]["sticky"] = false;
    auto r = run(d);
    CHECK(r.totals.has_agi);
    CHECK(r.totals.agi_quarter == 1);
    CHECK(r.clause_active[0] == std::vector<std::uint8_t>{1, 1, 0, 0});
    CHECK(r.clause_active[1] == std::vector<std::uint8_t>{1, 1, 1, 1});  // the agi clause's own window
    CHECK(r.providers[0].alloc_h100e[1] == Approx(100));
    CHECK(r.providers[1].alloc_h100e[2] == Approx(100));
}

TEST_CASE("agi date range: the median is the middle quarter, the later one of two (MODEL §2)") {
    json d = doc("2025Q1", "2026Q4");
    d["providers"].push_back(cloud("az", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 1));
    d["contract"].push_back({{"type", "agi"}, {"date", "2025Q2 to 2025Q3"}});
    CHECK(run(d).totals.agi_quarter == 2);  // two quarters: the later, 2025Q3
    d["contract"][0]["date"] = "2025Q1 to 2025Q3";
    CHECK(run(d).totals.agi_quarter == 1);
}

TEST_CASE("agi by profit: first quarter whose cumulative inference revenue - cost reaches the threshold (MODEL §3, §10.5)") {
    json d = doc();
    d["providers"].push_back(cloud("az", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 100, 0, 3));
    // Profit a quarter: 100 x 2190 x (3 - 1) = 438,000; cumulative 438,000, 876,000, 1,314,000 -> fires in q2.
    d["contract"].push_back({{"type", "commitment"}, {"provider", "az"}, {"usd", 1e9}, {"to", "agi"}});
    d["contract"].push_back({{"type", "agi"}, {"trigger", "profit"}, {"profit_threshold_usd", 1.2e6}});
    auto r = run(d);
    CHECK(r.totals.agi_quarter == 2);
    // The commitment ends with AGI in q2 and strands 1e9 - 3 x 219,000 there; the test excluded it.
    CHECK(r.commitments[0].settled);
    CHECK(r.providers[0].stranded_usd[2] == Approx(1e9 - 3 * 219000));
    // Outside its own window the trigger cannot fire.
    d["contract"][1]["to"] = "2025Q2";
    auto r2 = run(d);
    CHECK_FALSE(r2.totals.has_agi);
}

TEST_CASE("to:\"agi\" without AGI runs to the horizon end; a date beyond it leaves a commitment unsettled (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("az", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 0));
    d["contract"].push_back({{"type", "commitment"}, {"provider", "az"}, {"usd", 100}, {"to", "agi"}});
    auto r = run(d);
    CHECK(r.commitments[0].settled);
    CHECK(r.providers[0].stranded_usd[3] == 100);
    d["contract"].push_back({{"type", "agi"}, {"date", "2030Q1"}});
    auto r2 = run(d);
    CHECK_FALSE(r2.commitments[0].settled);
    CHECK(r2.totals.agi_quarter == 20);  // outside the horizon, still the AGI quarter (MODEL §10.5)
}

TEST_CASE("outages: training loses alloc x hours; inference fails over to spare eligible capacity (MODEL §5)") {
    json d = doc("2025Q1", "2025Q1");
    json a = cloud("a", 1, 1);
    a["outages_per_year"] = 4;  // one a quarter
    a["outage_hours"] = 10;
    d["providers"] = {a, cloud("b", 0.3, 2)};
    d["workloads"].push_back(workload("inf", "inference", 500, 0, 2));
    d["workloads"].push_back(workload("tr", "training", 200, 0, 3));
    auto r = run(d);
    // a serves 500 + 200 (cheaper); b has 300 spare. Outage: 1 x 10 h.
    // inference: 500 - 300 failover = 200 x 10 = 2000 H100e-h lost; training 200 x 10 = 2000.
    CHECK(r.workloads[0].outage_loss_h100e_hours[0] == Approx(2000));
    CHECK(r.workloads[1].outage_loss_h100e_hours[0] == Approx(2000));
    CHECK(r.totals.outage_loss_usd == Approx(2000 * 2 + 2000 * 3));
    d["policy"]["failover"] = false;
    CHECK(run(d).workloads[0].outage_loss_h100e_hours[0] == Approx(5000));
}

TEST_CASE("totals: npv discounting, served fraction, shortfall value, hhi and peak power (MODEL §1, §6)") {
    json d = doc();
    d["horizon"]["discount_rate_per_year"] = 0.21;
    d["providers"] = {cloud("a", 0.3, 1), cloud("b", 0.1, 1)};
    d["workloads"].push_back(workload("w", "inference", 500, 0, 2));
    auto r = run(d);
    // a 300, b 100 every quarter; 100 short. Cost a quarter: 400 x 2190 = 876,000.
    double c = 400 * H;
    CHECK(r.totals.cost_usd == Approx(4 * c));
    // NPV: sum of c x 1.21^(-q/4) = c x (1 + 1.21^-0.25 + 1/1.1 + 1.21^-0.75).
    CHECK(r.totals.npv_usd == Approx(c * (1 + std::pow(1.21, -0.25) + 1 / 1.1 + std::pow(1.21, -0.75))));
    CHECK(r.totals.served_fraction == Approx(0.8));
    CHECK(r.totals.shortfall_h100e_hours == Approx(4 * 100 * H));
    CHECK(r.totals.shortfall_value_usd == Approx(4 * 100 * H * 2));
    CHECK(r.totals.usd_per_served_h100e_hour == Approx(1));
    CHECK(r.totals.hhi == Approx(0.75 * 0.75 + 0.25 * 0.25));
    CHECK(r.totals.max_provider_share == Approx(0.75));
    CHECK(r.totals.peak_mw == Approx(0.4));
}

TEST_CASE("totals with nothing served: usd_per_served is null, hhi and max share are 0 (MODEL §6, §10.11)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 0, 1));
    d["workloads"].push_back(workload("w", "inference", 0));
    auto r = run(d);
    CHECK_FALSE(r.totals.has_usd_per_served);
    CHECK(r.totals.hhi == 0);
    CHECK(r.totals.max_provider_share == 0);
    CHECK(r.totals.served_fraction == 1);
}
