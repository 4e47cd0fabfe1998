// MODEL §11.1–§11.2: contract prices on commitments and reservations with dispatch step 1b.
// One TEST_CASE per rule; goldens by hand (unit GPU: 1 MW = 1000 H100e, H = 2190 h).
#include <cmath>

#include "scenario_builder.h"

using namespace test;

namespace {

json reservation(const std::string& provider, double price, double take_or_pay = 1) {
    return {{"type", "reservation"}, {"provider", provider}, {"price_usd_per_h100e_hour", price}, {"take_or_pay", take_or_pay}};
}

}  // namespace

TEST_CASE("contract price: a commitment bills its fixed price while unspent, then the provider's changing price (MODEL §11.1)") {
    json d = doc();
    json a = cloud("a", 1, 2);
    a["price_change_per_year"] = 0.5;  // list price 2 × 1.5^(q/4)
    d["providers"].push_back(a);
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 3e6}, {"price_usd_per_h100e_hour", 1.2}});
    d["policy"]["sticky"] = false;
    auto r = run(d);
    const auto& ps = r.providers[0];
    // 500 × 2190 = 1,095,000 H100e-hours a quarter.
    // q0 and q1 at the contract price 1.2, whatever the list price: 1,314,000 each (2,628,000 spent, 372,000 left).
    CHECK(ps.compute_usd[0] == Approx(1314000));
    CHECK(ps.compute_usd[1] == Approx(1314000));
    // q2: 372,000 / 1.2 = 310,000 hours use it up; the other 785,000 hours at 2 × 1.5^0.5.
    CHECK(ps.compute_usd[2] == Approx(372000 + 785000 * 2 * std::sqrt(1.5)));
    // q3: all 1,095,000 hours at 2 × 1.5^0.75.
    CHECK(ps.compute_usd[3] == Approx(1095000 * 2 * std::pow(1.5, 0.75)));
    CHECK(r.commitments[0].spent_usd == 3e6);
    CHECK(r.commitments[0].stranded_usd == 0);
}

TEST_CASE("contract price: an unspent commitment still ranks first and sets the marginal cost (MODEL §11.1, §4)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("cheap", 1, 1));
    d["providers"].push_back(cloud("a", 1, 5));
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 1e9}, {"price_usd_per_h100e_hour", 3}});
    auto r = run(d);
    // a's contract price 3 is above cheap's 1, but an unspent commitment ranks first: a serves 500 at 3.
    CHECK(r.providers[1].alloc_h100e[0] == Approx(500));
    CHECK(r.providers[1].compute_usd[0] == Approx(500 * H * 3));
}

TEST_CASE("reservation: a mid-horizon reservation pulls sticky load onto its prepaid capacity (MODEL §11.2 steps 1b, 2)") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 2));
    d["providers"].push_back(cloud("r", 1, 3));
    d["workloads"].push_back(workload("w", "inference", 600));
    json res = reservation("r", 2.5);
    res["from"] = "2025Q3";
    d["contract"].push_back(res);
    auto r = run(d);
    const auto& a = r.providers[0];
    const auto& rp = r.providers[1];
    // q0: a (2) before r (3): a 600. q1: sticky keeps a 600.
    CHECK(a.alloc_h100e[1] == Approx(600));
    CHECK(rp.compute_usd[1] == 0);
    CHECK(rp.stranded_usd[1] == 0);  // not reserved yet: nothing to pay
    // q2: step 1b gives w 600 of r's 1000 prepaid; sticky tops a up to its 600, the total 1200 > D = 600
    // releases the kept part from the end of the merit order (r at 2.5 is last, but its 600 is all
    // prepaid), so a goes to 0.
    CHECK(rp.alloc_h100e[2] == Approx(600));
    CHECK(a.alloc_h100e[2] == 0);
    CHECK(rp.alloc_h100e[3] == Approx(600));
    // Billed at the reservation price: 600 × 2190 × 2.5 = 3,285,000; idle (1000 − 600) × 2190 × 2.5 = 2,190,000.
    CHECK(rp.compute_usd[2] == Approx(3285000));
    CHECK(rp.stranded_usd[2] == Approx(2190000));
    REQUIRE(r.reservations.size() == 1);
    const auto& ro = r.reservations[0];
    CHECK(ro.reserved_h100e_hours == Approx(2 * 1000 * H));  // 4,380,000 over its two active quarters
    CHECK(ro.used_h100e_hours == Approx(2 * 600 * H));       // 2,628,000
    CHECK(ro.idle_usd == Approx(2 * 2190000));
    CHECK(ro.paid_usd == Approx(2 * 3285000 + 2 * 2190000));  // 10,950,000 = 4,380,000 h × 2.5
    // Cost: q0, q1 600 × 2190 × 2 = 2,628,000 each; q2, q3 3,285,000 + 2,190,000 = 5,475,000 each.
    CHECK(r.totals.cost_usd == Approx(2 * 2628000 + 2 * 5475000));
    CHECK(r.totals.stranded_usd == Approx(2 * 2190000));
}

TEST_CASE("reservation: beyond the prepaid part (take_or_pay < 1) the provider competes at its price, not first (MODEL §11.2)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("r", 1, 9));    // list price 9 does not apply while reserved
    d["providers"].push_back(cloud("b", 1, 1.5));
    d["providers"].push_back(cloud("c", 1, 3));
    d["workloads"].push_back(workload("w", "inference", 900));
    d["contract"].push_back(reservation("r", 2, 0.4));  // prepaid 0.4 × 1000 = 400
    auto r = run(d);
    // Step 1b: 400 prepaid on r. Merit order b (1.5), r (2), c (3): b takes the other 500.
    CHECK(r.providers[0].alloc_h100e[0] == Approx(400));
    CHECK(r.providers[1].alloc_h100e[0] == Approx(500));
    CHECK(r.providers[0].compute_usd[0] == Approx(400 * H * 2));  // 1,752,000
    CHECK(r.providers[0].stranded_usd[0] == 0);                    // prepaid fully used

    d["providers"][1]["capacity"][0]["mw"] = 0.3;  // b has 300: r's capacity beyond its prepaid part comes next, at 2, before c at 3
    auto r2 = run(d);
    CHECK(r2.providers[1].alloc_h100e[0] == Approx(300));
    CHECK(r2.providers[0].alloc_h100e[0] == Approx(600));  // 400 prepaid + 200 in the merit order
    CHECK(r2.providers[2].alloc_h100e[0] == 0);
    CHECK(r2.providers[0].compute_usd[0] == Approx(600 * H * 2));  // 2,628,000

    d["workloads"][0]["demand"]["start_h100e"] = 300;  // less than the prepaid 400: 100 idle
    auto r3 = run(d);
    CHECK(r3.providers[0].alloc_h100e[0] == Approx(300));
    CHECK(r3.providers[0].stranded_usd[0] == Approx(100 * H * 2));  // 438,000
    // paid = 300 × 2190 × 2 + 438,000 = 1,752,000 = take_or_pay × reserved hours × price.
    CHECK(r3.reservations[0].paid_usd == Approx(0.4 * 1000 * H * 2));
}

TEST_CASE("reservation: workloads share one prepaid amount in document order (MODEL §11.2 step 1b)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("r", 1, 5));
    d["providers"].push_back(cloud("b", 0.2, 1));  // cheaper, but only 200
    d["workloads"].push_back(workload("first", "inference", 700));
    d["workloads"].push_back(workload("second", "training", 700));
    d["contract"].push_back(reservation("r", 2));
    auto r = run(d);
    // first takes 700 of r's 1000 prepaid, second the remaining 300 and then b's 200: 500 served.
    CHECK(r.workloads[0].served_h100e[0] == Approx(700));
    CHECK(r.workloads[1].served_h100e[0] == Approx(500));
    CHECK(r.workloads[1].shortfall_h100e[0] == Approx(200));
    CHECK(r.providers[0].alloc_h100e[0] == Approx(1000));
    CHECK(r.providers[0].stranded_usd[0] == 0);
    // The other document order: second first.
    std::swap(d["workloads"][0], d["workloads"][1]);
    auto r2 = run(d);
    CHECK(r2.workloads[0].served_h100e[0] == Approx(700));  // "second", now first
    CHECK(r2.workloads[1].served_h100e[0] == Approx(500));
}

TEST_CASE("reservation: a training block that fits no prepaid amount is left to the later steps (MODEL §11.2 step 1b)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("r", 1, 5));
    d["providers"].push_back(cloud("b", 10, 1));
    json t = workload("t", "training", 1100);
    t["block_h100e"] = 400;  // blocks 400, 400, 300
    d["workloads"].push_back(t);
    d["contract"].push_back(reservation("r", 2, 0.5));  // prepaid 500
    auto r = run(d);
    // Step 1b: the first block fits r's 500 (100 left); 400 and 300 fit nowhere. Step 5 places the
    // rest, 700 = blocks 400 + 300, on b (1 before r's 2).
    CHECK(r.providers[0].alloc_h100e[0] == Approx(400));
    CHECK(r.providers[1].alloc_h100e[0] == Approx(700));
    CHECK(r.providers[0].stranded_usd[0] == Approx(100 * H * 2));  // idle 500 − 400 = 100: 438,000
}

TEST_CASE("reservation: a waiver cap limits the prepaid take (MODEL §11.2 step 1b, §3)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("az", 10, 3));
    d["providers"].push_back(cloud("r", 1, 5));
    d["workloads"].push_back(workload("w", "inference", 1000));
    d["contract"].push_back({{"type", "exclusive"}, {"holder", "az"}, {"waivers", {"r"}}, {"waiver_max_share", 0.3}});
    d["contract"].push_back(reservation("r", 2));
    auto r = run(d);
    // r is a waiver: at most 0.3 × 1000 = 300 of w, prepaid or not; az serves the other 700.
    CHECK(r.providers[1].alloc_h100e[0] == Approx(300));
    CHECK(r.providers[0].alloc_h100e[0] == Approx(700));
    CHECK(r.providers[1].stranded_usd[0] == Approx(700 * H * 2));  // idle 1000 − 300: 3,066,000
}

TEST_CASE("reservation: an ineligible reserved provider takes nothing and its prepaid capacity is idle (MODEL §11.2)") {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("az", 10, 3));
    d["providers"].push_back(cloud("r", 1, 5));
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back({{"type", "exclusive"}, {"holder", "az"}});
    d["contract"].push_back(reservation("r", 2));
    auto r = run(d);
    CHECK(r.providers[1].alloc_h100e[0] == 0);
    CHECK(r.providers[1].stranded_usd[0] == Approx(1000 * H * 2));  // 4,380,000 paid for nothing
    CHECK(r.stakeholders[1].revenue_usd == Approx(1000 * H * 2));
}

TEST_CASE("reservation: preferred releases prepaid allocation last (MODEL §11.2 step 3)") {
    json d = doc("2025Q1", "2025Q2");
    d["providers"].push_back(cloud("r", 0.5, 5));  // 500
    d["providers"].push_back(cloud("x", 10, 1));
    d["providers"].push_back(cloud("az", 10, 3));
    d["workloads"].push_back(workload("w", "inference", 1000));
    d["contract"].push_back(reservation("r", 2));
    d["contract"].push_back({{"type", "preferred"}, {"holder", "az"}, {"min_share", 0.6}, {"from", "2025Q2"}});
    auto r = run(d);
    // q0: step 1b r 500 (prepaid); merit order x (1), r (2), az (3): x 500.
    CHECK(r.providers[0].alloc_h100e[0] == Approx(500));
    CHECK(r.providers[1].alloc_h100e[0] == Approx(500));
    // q1: step 1b r 500; sticky keeps x 500. Preferred raises az to 0.6 × 1000 = 600: 1600 > 1000, release 600
    // from the others, their other allocation first (from the end of the merit order: r has none beyond its
    // prepaid 500; x gives its 500), then prepaid allocation (r gives 100).
    CHECK(r.providers[2].alloc_h100e[1] == Approx(600));
    CHECK(r.providers[1].alloc_h100e[1] == 0);
    CHECK(r.providers[0].alloc_h100e[1] == Approx(400));  // a plain release from the end would have cut r to 0
    CHECK(r.providers[0].stranded_usd[1] == Approx(100 * H * 2));
}

TEST_CASE("reservation: sticky never releases the prepaid part when demand falls (MODEL §11.2 step 2)") {
    json d = doc("2025Q1", "2025Q2");
    d["providers"].push_back(cloud("x", 10, 1));
    d["providers"].push_back(cloud("r", 0.4, 5));  // 400
    d["workloads"].push_back(series("w", "inference", {1000, 500}));
    d["contract"].push_back(reservation("r", 2));
    auto r = run(d);
    // q0: r 400 prepaid, x 600. q1: r 400 prepaid; sticky tops x up to 600: 1000 > 500, release 500 of the
    // kept part from the end of the merit order (r at 2 is last but keeps its prepaid 400): x 100.
    CHECK(r.providers[1].alloc_h100e[1] == Approx(400));
    CHECK(r.providers[0].alloc_h100e[1] == Approx(100));
}

TEST_CASE("reservation: capacity that has not come online is neither available nor paid (MODEL §11.2)") {
    json d = doc("2025Q1", "2025Q2");
    d["providers"].push_back(cloud("r", 1, 5, "2025Q2"));
    d["providers"].push_back(cloud("b", 10, 1));
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back(reservation("r", 2));
    auto r = run(d);
    CHECK(r.providers[0].stranded_usd[0] == 0);  // nothing online in 2025Q1
    CHECK(r.providers[0].compute_usd[0] == 0);
    CHECK(r.reservations[0].reserved_h100e_hours == Approx(1000 * H));  // only 2025Q2
    CHECK(r.providers[0].alloc_h100e[1] == Approx(500));                // prepaid first, before b at 1
}
