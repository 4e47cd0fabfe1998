// One TEST_CASE per dispatch rule of MODEL §4 (and the §10 fine print it relies on).
// Golden values are derived by hand in the comments; unit GPU: 1 MW = 1000 H100e.
#include "scenario_builder.h"

using namespace test;

TEST_CASE("capacity: mw x 1000 / (it_kw x pue) x h100e from the online quarter plus rounded slip (MODEL §1, §3)") {
    json d = doc();
    d["gpus"]["G"] = {{"it_kw", 1.28}, {"h100e", 2.5}};
    d["providers"].push_back(cloud("a", 2, 1));
    d["providers"][0]["pue"] = 1.25;
    d["providers"][0]["capacity"][0]["gpu"] = "G";
    d["providers"][0]["capacity"][0]["slip_quarters"] = 1.5;  // rounds half away from zero -> 2
    d["workloads"].push_back(workload("w", "inference", 0));
    auto r = run(d);
    // 2 MW x 1000 / (1.28 kW x 1.25) = 1250 GPUs x 2.5 H100e = 3125 H100e, online from q = 0 + 2.
    CHECK(r.providers[0].capacity_h100e[0] == 0);
    CHECK(r.providers[0].capacity_h100e[1] == 0);
    CHECK(r.providers[0].capacity_h100e[2] == Approx(3125));
    CHECK(r.providers[0].online_mw[3] == Approx(2));
}

TEST_CASE("demand grows as start x (1 + g)^(q/4) and cloud prices as price x (1 + change)^(q/4) (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 10, 2));
    d["providers"][0]["price_change_per_year"] = 0.21;
    d["workloads"].push_back(workload("w", "inference", 1000, 0.21));
    auto r = run(d);
    // q = 2: 1.21^(1/2) = 1.1 -> demand 1100, price 2.2, compute 1100 x 2190 x 2.2 = 5,299,800.
    CHECK(r.workloads[0].demand_h100e[2] == Approx(1100));
    CHECK(r.providers[0].compute_usd[2] == Approx(1100 * H * 2.2));
}

TEST_CASE("merit order: cheapest marginal cost first, document order breaks ties (MODEL §4 step 5)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 2));   // 1000 H100e at $2
    d["providers"].push_back(cloud("b", 1, 1));   // 1000 H100e at $1
    d["providers"].push_back(cloud("c", 1, 1));   // tie with b, later in the document
    d["workloads"].push_back(workload("w", "inference", 2500));
    auto r = run(d);
    // b fills (1000), then c (1000), then a takes the remaining 500.
    CHECK(r.providers[1].alloc_h100e[0] == Approx(1000));
    CHECK(r.providers[2].alloc_h100e[0] == Approx(1000));
    CHECK(r.providers[0].alloc_h100e[0] == Approx(500));
    CHECK(r.workloads[0].shortfall_h100e[0] == Approx(0));
}

TEST_CASE("merit order: a provider whose capacity comes online later takes its place by price that quarter (MODEL §4 step 5)") {
    // The merit order is re-sorted from last quarter's (engine_run.h): a provider whose capacity arrives
    // later must be placed by its price when it does. a ($3) from 2025Q1, c ($2) from 2025Q2, b ($1) from
    // 2025Q3, 1000 H100e each; w needs 1500 and v 200, every quarter.
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 3));
    d["providers"].push_back(cloud("b", 1, 1, "2025Q3"));
    d["providers"].push_back(cloud("c", 1, 2, "2025Q2"));
    d["workloads"].push_back(workload("w", "inference", 1500));
    d["workloads"].push_back(workload("v", "inference", 200));
    d["policy"]["sticky"] = false;  // each quarter placed afresh by the merit order (MODEL §4 step 2)
    auto r = run(d);
    auto at = [&](int p, int q) { return r.providers[p].alloc_h100e[q]; };
    // q0: only a; w takes 1000, 500 short; v finds no room, 200 short.
    CHECK(at(0, 0) == Approx(1000));
    CHECK(r.workloads[0].shortfall_h100e[0] == Approx(500));
    CHECK(r.workloads[1].shortfall_h100e[0] == Approx(200));
    // q1: c then a; w: c 1000 + a 500; v: a 200.
    CHECK(at(2, 1) == Approx(1000));
    CHECK(at(0, 1) == Approx(700));
    CHECK(r.workloads[1].shortfall_h100e[1] == Approx(0));
    // q2 and q3: b, c, a; w: b 1000 + c 500; v: c 200; a idle.
    for (int q : {2, 3}) {
        CHECK(at(1, q) == Approx(1000));
        CHECK(at(2, q) == Approx(700));
        CHECK(at(0, q) == 0);
    }
}

TEST_CASE("max_share_per_provider caps what the merit order adds per provider and workload (MODEL §4 step 5)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 10, 1));
    d["providers"].push_back(cloud("b", 10, 2));
    d["workloads"].push_back(workload("w", "inference", 1000));
    d["policy"]["max_share_per_provider"] = 0.6;
    auto r = run(d);
    // a may hold at most 0.6 x 1000 = 600; b takes the other 400.
    CHECK(r.providers[0].alloc_h100e[0] == Approx(600));
    CHECK(r.providers[1].alloc_h100e[0] == Approx(400));
}

TEST_CASE("exclusive: only holder and waivers are eligible; waivers together stay within waiver_max_share x D (MODEL §3, §4 step 1)") {
    json d = doc();
    d["providers"].push_back(cloud("az", 0.5, 3));  // 500 H100e
    d["providers"].push_back(cloud("oci", 10, 1));
    d["providers"].push_back(cloud("cw", 10, 0.5));
    d["workloads"].push_back(workload("w", "inference", 1000));
    d["contract"].push_back({{"type", "exclusive"}, {"holder", "az"}, {"waivers", {"oci"}}, {"waiver_max_share", 0.3}});
    auto r = run(d);
    // cw is cheapest but ineligible. oci (cheaper than az) is capped at 0.3 x 1000 = 300; az takes 500; 200 short.
    CHECK(r.providers[2].alloc_h100e[0] == 0);
    CHECK(r.providers[1].alloc_h100e[0] == Approx(300));
    CHECK(r.providers[0].alloc_h100e[0] == Approx(500));
    CHECK(r.workloads[0].shortfall_h100e[0] == Approx(200));
}

TEST_CASE("exclusive clauses intersect and apply only inside their window (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 10, 2));
    d["providers"].push_back(cloud("b", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 100));
    d["contract"].push_back({{"type", "exclusive"}, {"holder", "a"}, {"to", "2025Q2"}});
    d["policy"]["sticky"] = false;
    auto r = run(d);
    CHECK(r.providers[0].alloc_h100e[1] == Approx(100));  // exclusive through q1
    CHECK(r.providers[1].alloc_h100e[2] == Approx(100));  // ended: the cheaper b wins
    d["contract"].push_back({{"type", "exclusive"}, {"holder", "b"}});
    auto r2 = run(d);
    // While both are active, {a} ∩ {b} is empty: everything is shortfall.
    CHECK(r2.workloads[0].shortfall_h100e[0] == Approx(100));
}

TEST_CASE("sticky keeps last quarter's allocation even when a cheaper provider appears (MODEL §4 step 2)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 2));
    d["providers"].push_back(cloud("b", 1, 1, "2025Q2"));
    d["workloads"].push_back(workload("w", "inference", 800));
    auto r = run(d);
    CHECK(r.providers[0].alloc_h100e[1] == Approx(800));  // kept on a
    CHECK(r.providers[1].alloc_h100e[1] == 0);
    d["policy"]["sticky"] = false;
    auto r2 = run(d);
    CHECK(r2.providers[1].alloc_h100e[1] == Approx(800));  // re-dispatched to the cheaper b
}

TEST_CASE("sticky releases from the end of the merit order when demand falls (MODEL §4 step 2, §10.8)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 0.6, 1));
    d["providers"].push_back(cloud("b", 1, 2));
    d["workloads"].push_back(series("w", "inference", {1000, 700, 700, 700}));
    auto r = run(d);
    // q0: a 600, b 400. q1: keep 1000 > D = 700: release 300 from b (last in merit order) -> a 600, b 100.
    CHECK(r.providers[0].alloc_h100e[1] == Approx(600));
    CHECK(r.providers[1].alloc_h100e[1] == Approx(100));
}

TEST_CASE("preferred: the holder gets min_share x D from its spare capacity before the merit order (MODEL §4 step 3)") {
    json d = doc();
    d["providers"].push_back(cloud("cheap", 10, 1));
    d["providers"].push_back(cloud("az", 0.3, 3));  // 300 H100e
    d["workloads"].push_back(workload("w", "inference", 1000));
    d["contract"].push_back({{"type", "preferred"}, {"holder", "az"}, {"min_share", 0.4}});
    auto r = run(d);
    // Target 400, but az has only 300 ("as far as its capacity allows"); cheap takes the remaining 700.
    CHECK(r.providers[1].alloc_h100e[0] == Approx(300));
    CHECK(r.providers[0].alloc_h100e[0] == Approx(700));
}

TEST_CASE("preferred: a later clause's release never cuts an earlier holder below its share (MODEL §10.7)") {
    json d = doc();
    d["providers"].push_back(cloud("x", 10, 1));
    d["providers"].push_back(cloud("y", 10, 2));
    d["providers"].push_back(cloud("z", 10, 3));
    d["workloads"].push_back(series("w", "inference", {1000, 1000, 1000, 1000}));
    d["contract"].push_back({{"type", "preferred"}, {"holder", "y"}, {"min_share", 0.5}, {"from", "2025Q2"}});
    d["contract"].push_back({{"type", "preferred"}, {"holder", "z"}, {"min_share", 0.5}, {"from", "2025Q2"}});
    auto r = run(d);
    // q0: x 1000. q1 sticky x 1000; y raised to 500 -> release 500 from x; z raised to 500 ->
    // release 500 more, from the end of the merit order (z, y, x) skipping z, and y may not go below 500: x 0.
    CHECK(r.providers[0].alloc_h100e[1] == Approx(0));
    CHECK(r.providers[1].alloc_h100e[1] == Approx(500));
    CHECK(r.providers[2].alloc_h100e[1] == Approx(500));
}

TEST_CASE("rofr capacity match: holder takes new demand first; others see declined demand response_quarters late (MODEL §4 step 4)") {
    json d = doc();
    d["providers"].push_back(cloud("hold", 1.5, 3));  // 1500 H100e
    d["providers"].push_back(cloud("alt", 10, 1));
    d["workloads"].push_back(series("w", "inference", {1000, 2000, 3000, 3000}));
    d["contract"].push_back({{"type", "rofr"}, {"holder", "hold"}, {"response_quarters", 1}});
    auto r = run(d);
    // q0: hold takes 1000; others' limit max(0, D(-1)=D(0)=1000 - 1000) = 0.
    // q1: sticky 1000, hold takes 500 more (full); limit max(0, D(0)=1000 - 1500) = 0 -> served 1500.
    // q2: limit D(1)=2000 - 1500 = 500 -> alt 500, served 2000. q3: limit 3000 - 2000 = 1000 -> alt 1500, served 3000.
    const auto& w = r.workloads[0];
    CHECK(w.served_h100e[0] == Approx(1000));
    CHECK(w.served_h100e[1] == Approx(1500));
    CHECK(w.served_h100e[2] == Approx(2000));
    CHECK(w.served_h100e[3] == Approx(3000));
    CHECK(r.providers[1].alloc_h100e[3] == Approx(1500));
}

TEST_CASE("rofr price match: the holder takes only within (1 + tolerance) x the cheapest alternative (MODEL §4 step 4)") {
    json d = doc();
    d["providers"].push_back(cloud("hold", 10, 2));
    d["providers"].push_back(cloud("alt", 10, 1.5));
    d["workloads"].push_back(workload("w", "inference", 100));
    d["contract"].push_back({{"type", "rofr"}, {"holder", "hold"}, {"match", "price"}, {"tolerance", 0.2}});
    auto r = run(d);
    // 2 > 1.2 x 1.5 = 1.8: holder declines; with response 0 the market gets it the same quarter.
    CHECK(r.providers[0].alloc_h100e[0] == 0);
    CHECK(r.providers[1].alloc_h100e[0] == Approx(100));
    d["contract"][0]["tolerance"] = 0.4;  // 2 <= 1.4 x 1.5 = 2.1: holder takes
    auto r2 = run(d);
    CHECK(r2.providers[0].alloc_h100e[0] == Approx(100));
}

TEST_CASE("rofr scope limits the clause to training or inference (MODEL §3)") {
    json d = doc();
    d["providers"].push_back(cloud("hold", 10, 2));
    d["providers"].push_back(cloud("alt", 10, 1));
    d["workloads"].push_back(workload("inf", "inference", 100));
    d["workloads"].push_back(workload("tr", "training", 100));
    d["contract"].push_back({{"type", "rofr"}, {"holder", "hold"}, {"scope", "training"}});
    auto r = run(d);
    // Training goes to the holder first; inference follows the merit order to alt.
    CHECK(r.providers[0].alloc_h100e[0] == Approx(100));
    CHECK(r.providers[1].alloc_h100e[0] == Approx(100));
}

TEST_CASE("training blocks: whole blocks on one provider; a block that fits nowhere is shortfall (MODEL §4 step 5)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));    // 1000
    d["providers"].push_back(cloud("b", 0.3, 2));  // 300
    json w = workload("t", "training", 1100);
    w["block_h100e"] = 400;
    d["workloads"].push_back(w);
    auto r = run(d);
    // Blocks 400, 400, 300: a takes two (room left 200); the 300 block does not fit a, fits b.
    CHECK(r.providers[0].alloc_h100e[0] == Approx(800));
    CHECK(r.providers[1].alloc_h100e[0] == Approx(300));
    d["providers"][0]["capacity"][0]["mw"] = 0.3;  // a: 300, b: 300, blocks of 400 fit nowhere
    d["workloads"][0]["demand"]["start_h100e"] = 800;
    auto r2 = run(d);
    CHECK(r2.workloads[0].shortfall_h100e[0] == Approx(800));
}

TEST_CASE("a provider without room holds no block, however small the block (MODEL §4 Blocks)") {
    // a is cheapest but has no capacity (its only tranche comes online after the horizon); b has 1000.
    // Blocks of 1e-12 H100e: the tolerance (1e-9 × max(1, block) = 1e-9 H100e) is larger than a block, and
    // before this was mended a, with room 0, took all five blocks of the 5e-12 H100e of demand.
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1, "2030Q1"));
    d["providers"].push_back(cloud("b", 1, 2));
    json w = workload("t", "training", 5e-12);
    w["block_h100e"] = 1e-12;
    d["workloads"].push_back(w);
    auto r = run(d);
    CHECK(r.providers[0].alloc_h100e[0] == 0);
    CHECK(r.providers[1].alloc_h100e[0] == Approx(5e-12).margin(1e-24));
}

TEST_CASE("spare capacity is shared: what one workload takes, the next cannot (MODEL §4 step 6)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));
    d["workloads"].push_back(workload("first", "inference", 700));
    d["workloads"].push_back(workload("second", "training", 700));
    auto r = run(d);
    CHECK(r.workloads[0].served_h100e[0] == Approx(700));
    CHECK(r.workloads[1].served_h100e[0] == Approx(300));
    CHECK(r.workloads[1].shortfall_h100e[0] == Approx(400));
}
