// MODEL §11.3: SLA credits — tiers, monthly availability, the expected monthly rate of the
// deterministic run, the credit base, several clauses, and the Monte Carlo's months.
// Goldens by hand: H/3 = 730 hours a month; P(n) = e^-λ λ^n / n! written out below.
#include <cmath>
#include <cstring>

#include "uncertainty/montecarlo.h"
#include "scenario_builder.h"
#include "model/sla_credit.h"

using namespace test;
using pactscope::SlaTier;

namespace {

// The tiers of the issue: below 99.99% → 10%, below 99% → 25%, below 95% → 100%.
const std::vector<SlaTier> kTiers = {{0.9999, 0.10}, {0.99, 0.25}, {0.95, 1.00}};

double poisson(int n, double lambda) { return std::exp(-lambda) * std::pow(lambda, n) / std::tgamma(n + 1.0); }

double expected(const std::vector<SlaTier>& tiers, double lambda, double d) {
    const std::vector<SlaTier>* one[] = {&tiers};
    return pactscope::expected_sla_rate(one, lambda, d);
}

json tiers_json(const std::vector<SlaTier>& tiers) {
    json out = json::array();
    for (const SlaTier& t : tiers) out.push_back({{"below", t.below}, {"credit", t.credit}});
    return out;
}

// One cloud a (1000 H100e at 2/h) serving 500, with outages and an sla clause; one quarter.
json sla_scenario(double outages_per_year, double outage_hours, const std::vector<SlaTier>& tiers) {
    json d = doc("2025Q1", "2025Q1");
    json a = cloud("a", 1, 2);
    a["outages_per_year"] = outages_per_year;
    a["outage_hours"] = outage_hours;
    d["providers"].push_back(a);
    d["workloads"].push_back(workload("w", "inference", 500));
    d["contract"].push_back({{"type", "sla"}, {"provider", "a"}, {"credits", tiers_json(tiers)}});
    return d;
}

}  // namespace

TEST_CASE("sla rate: the credit of the last tier with below - a > 1e-12; none: 0; at a tier's below it does not apply (MODEL §11.3)") {
    CHECK(pactscope::sla_rate(kTiers, 1.0) == 0);       // no tier is above full availability
    CHECK(pactscope::sla_rate(kTiers, 0.9999) == 0);    // exactly at the first tier
    CHECK(pactscope::sla_rate(kTiers, 0.9995) == 0.10);
    CHECK(pactscope::sla_rate(kTiers, 0.99) == 0.10);   // exactly at 0.99: still 10%
    CHECK(pactscope::sla_rate(kTiers, 0.99 - 1e-9) == 0.25);
    CHECK(pactscope::sla_rate(kTiers, 0.95) == 0.25);   // exactly at 0.95: still 25%
    CHECK(pactscope::sla_rate(kTiers, 0.0) == 1.00);
    // "last" tier, whatever its credit: a later tier with a smaller credit wins below it.
    CHECK(pactscope::sla_rate({{0.99, 0.5}, {0.9, 0.2}}, 0.8) == 0.2);
    CHECK(pactscope::month_availability(73) == Approx(0.9));
    CHECK(pactscope::month_availability(1000) == 0);    // capped at the month's 730 hours
}

TEST_CASE("expected monthly rate: one outage a year of 10 h against tiers 0.9999 / 0.99 / 0.95 (MODEL §11.3)") {
    // λ = 1/12 a month. n outages leave a = 1 − 10n/730: n = 1: 0.98630 (below 0.99: 25%), n = 2: 0.97260 (25%),
    // n = 3: 0.95890 (25%), n = 4: 0.94521 (below 0.95: 100%), and every n >= 4 100%.
    // E = 0.25 × (P1 + P2 + P3) + 1 × (1 − P0 − P1 − P2 − P3)
    //   = 0.25 × (0.0766704 + 0.0031946 + 0.0000887) + 0.0000018 = 0.0199903.
    const double l = 1.0 / 12;
    const double e = 0.25 * (poisson(1, l) + poisson(2, l) + poisson(3, l)) +
                     (1 - poisson(0, l) - poisson(1, l) - poisson(2, l) - poisson(3, l));
    CHECK(expected(kTiers, l, 10) == Approx(e).epsilon(1e-12));
    CHECK(e == Approx(0.0199903).epsilon(1e-5));
    // In the engine: base = compute 500 × 2190 × 2 = 2,190,000; credit = base × E.
    auto r = run(sla_scenario(1, 10, kTiers));
    CHECK(r.providers[0].sla_credit_usd[0] == Approx(2190000 * e).epsilon(1e-12));
    CHECK(r.totals.sla_credit_usd == Approx(2190000 * e).epsilon(1e-12));
    CHECK(r.totals.cost_usd == Approx(2190000 * (1 - e)).epsilon(1e-12));
    CHECK(r.stakeholders[0].revenue_usd == Approx(2190000 * (1 - e)).epsilon(1e-12));
    // Outage losses keep their quarterly expected hours: 1/4 × 10 = 2.5 h × 500 H100e.
    CHECK(r.workloads[0].outage_loss_h100e_hours[0] == Approx(2.5 * 500));
}

TEST_CASE("expected monthly rate: availability exactly at a tier does not reach it (MODEL §11.3)") {
    // d = 7.3 h: n outages leave a = 1 − n/100 exactly: n = 1: 0.99 (at the 0.99 tier: 10%); n = 2..4: 25%;
    // n = 5: 0.95 (at the 0.95 tier: 25%); n >= 6: 100%.
    const double l = 0.5;
    const double e = 0.10 * poisson(1, l) + 0.25 * (poisson(2, l) + poisson(3, l) + poisson(4, l) + poisson(5, l)) +
                     (1 - poisson(0, l) - poisson(1, l) - poisson(2, l) - poisson(3, l) - poisson(4, l) - poisson(5, l));
    CHECK(expected(kTiers, l, 7.3) == Approx(e).epsilon(1e-12));
}

TEST_CASE("expected monthly rate: d = 0 or no outages gives rate(1) = 0 (MODEL §11.3)") {
    CHECK(expected(kTiers, 5, 0) == 0);
    CHECK(expected(kTiers, 0, 10) == 0);
    auto r = run(sla_scenario(12, 0, kTiers));
    CHECK(r.providers[0].sla_credit_usd[0] == 0);
    CHECK(r.totals.cost_usd == Approx(2190000));
}

TEST_CASE("expected monthly rate: from n × d >= H/3 on, rate(0) weighted by the Poisson tail (MODEL §11.3)") {
    // Tiers below 0.9 → 30%, below 0.5 → 60%; d = 300 h; λ = 2 a month.
    // n = 1: a = 1 − 300/730 = 0.589 → 30%; n = 2: a = 0.178 → 60%; n = 3: 900 >= 730 → rate(0) = 60% × P(N >= 3).
    // E = 0.3 P1 + 0.6 P2 + 0.6 (1 − P0 − P1 − P2) = 0.3 × 2e^-2 + 0.6 (1 − 3e^-2) = 0.6 − 1.2 e^-2 = 0.4375977.
    const std::vector<SlaTier> tiers = {{0.9, 0.3}, {0.5, 0.6}};
    CHECK(expected(tiers, 2, 300) == Approx(0.6 - 1.2 * std::exp(-2.0)).epsilon(1e-12));
    // One outage fills the month (d = H/3): E = rate(0) × P(N >= 1).
    CHECK(expected(tiers, 2, 730) == Approx(0.6 * (1 - std::exp(-2.0))).epsilon(1e-12));
}

TEST_CASE("expected monthly rate: a huge λ does not underflow (MODEL §11.3: the sum in log space)") {
    // λ = 1000 (e^-1000 underflows to 0 in doubles), d = 0.01 h: about 1000 × 0.01 = 10 h down a month,
    // a = 1 − 10/730 = 0.9863 ± 0.0014 (3σ): below 0.99, above 0.95 with probability 1 − 1e-16: E = 25%.
    CHECK(std::exp(-1000.0) == 0);
    CHECK(expected(kTiers, 1000, 0.01) == Approx(0.25).epsilon(1e-12));
    // λ = 1e6 outages of 10 h: every month is down from the first count that carries any mass: E = rate(0).
    CHECK(expected(kTiers, 1e6, 10) == 1.0);
    // Absurd rates still end at once (no hang; a normal approximation beyond a million terms): 1e12 outages a
    // month of 1e-11 h are 10 h down (25%); of 1e-9 h, 1000 h: the whole month (100%).
    CHECK(expected(kTiers, 1e12, 1e-11) == Approx(0.25).epsilon(1e-9));
    CHECK(expected(kTiers, 1e12, 1e-9) == 1.0);
    // 1e10 a month of 7.3e-10 h: the mean count sits on the 0.99 tier; about half the months are below it:
    // 10% × 0.5 + 25% × 0.5 = 17.5%.
    CHECK(expected(kTiers, 1e10, 7.3e-10) == Approx(0.175).epsilon(1e-4));
}

TEST_CASE("several sla clauses on one provider: the highest rate applies, E of the max (MODEL §11.3)") {
    // A: below 0.99 → 20%; B: below 0.97 → 50%. λ = 1, d = 10: n = 1, 2 (a = 0.9863, 0.9726): A's 20%;
    // n >= 3 (a <= 0.9589): B's 50%. E[max] = 0.2 (P1 + P2) + 0.5 (1 − P0 − P1 − P2) = 0.150514,
    // not max(E[A], E[B]) = 0.126424 nor their sum 0.166574.
    const std::vector<SlaTier> a = {{0.99, 0.2}}, b = {{0.97, 0.5}};
    const double l = 1;
    const double e = 0.2 * (poisson(1, l) + poisson(2, l)) + 0.5 * (1 - poisson(0, l) - poisson(1, l) - poisson(2, l));
    const std::vector<SlaTier>* both[] = {&a, &b};
    CHECK(pactscope::expected_sla_rate(both, l, 10) == Approx(e).epsilon(1e-12));
    CHECK(e == Approx(0.150514).epsilon(1e-5));
    json d = sla_scenario(12, 10, a);
    d["contract"].push_back({{"type", "sla"}, {"provider", "a"}, {"credits", tiers_json(b)}});
    CHECK(run(d).providers[0].sla_credit_usd[0] == Approx(2190000 * e).epsilon(1e-12));
}

TEST_CASE("sla credit base: compute plus the reservation's idle charge, not a commitment's settlement (MODEL §11.3)") {
    // One tier "below 1 → 10%" and a million outages a month of 10 h: every month is down, E = 10% exactly.
    const std::vector<SlaTier> tiers = {{1.0, 0.1}};
    json d = sla_scenario(1.2e7, 10, tiers);
    d["contract"].push_back({{"type", "reservation"}, {"provider", "a"}, {"price_usd_per_h100e_hour", 2}});
    auto r = run(d);
    // compute 500 × 2190 × 2 = 2,190,000; idle 500 × 2190 × 2 = 2,190,000; credit 10% × 4,380,000 = 438,000.
    CHECK(r.providers[0].compute_usd[0] == Approx(2190000));
    CHECK(r.providers[0].stranded_usd[0] == Approx(2190000));
    CHECK(r.providers[0].sla_credit_usd[0] == Approx(438000));
    CHECK(r.totals.cost_usd == Approx(4380000 - 438000));

    json c = sla_scenario(1.2e7, 10, tiers);
    c["contract"].push_back({{"type", "commitment"}, {"provider", "a"}, {"usd", 5e6}});
    auto rc = run(c);
    // Settlement 5,000,000 − 2,190,000 = 2,810,000 is stranded but not credited: 10% × 2,190,000 = 219,000.
    CHECK(rc.providers[0].stranded_usd[0] == Approx(2810000));
    CHECK(rc.providers[0].sla_credit_usd[0] == Approx(219000));
    // A commitment's spend is the compute billed before credits: credits do not slow its drawdown.
    CHECK(rc.commitments[0].spent_usd == Approx(2190000));
}

TEST_CASE("sla: the AGI profit test counts gross revenue and cost net of credits (MODEL §11.3)") {
    // Revenue 500 × 2190 × 3 = 3,285,000 a quarter (gross: the outages that down every month do not reduce it);
    // cost 2,190,000 − 10% credit 219,000 = 1,971,000; profit 1,314,000 >= 1.2e6 in the first quarter.
    // Without the credit it would be 1,095,000 (second quarter).
    json d = sla_scenario(1.2e7, 10, {{1.0, 0.1}});
    d["horizon"]["end"] = "2025Q4";
    d["workloads"][0]["value_usd_per_h100e_hour"] = 3;
    d["contract"].push_back({{"type", "agi"}, {"trigger", "profit"}, {"profit_threshold_usd", 1.2e6}});
    auto r = run(d);
    CHECK(r.totals.agi_quarter == 0);
    d["contract"].erase(0);  // no sla clause
    CHECK(run(d).totals.agi_quarter == 1);
}

TEST_CASE("sla: only while active; on a provider without outages it credits nothing (MODEL §11.3)") {
    json d = sla_scenario(1.2e7, 10, {{1.0, 0.1}});
    d["horizon"]["end"] = "2025Q2";
    d["contract"][0]["from"] = "2025Q2";
    auto r = run(d);
    CHECK(r.providers[0].sla_credit_usd[0] == 0);
    CHECK(r.providers[0].sla_credit_usd[1] == Approx(219000));
    CHECK(run(sla_scenario(0, 10, kTiers)).totals.sla_credit_usd == 0);
}

TEST_CASE("Monte Carlo: outages placed in months from their own stream change no other draw (MODEL §11.3)") {
    // Uncertain prices, slips and outage durations: every draw but the months is shared.
    json d = doc("2025Q1", "2026Q4");
    json a = cloud("a", 1, 2), b = cloud("b", 1, 2.5);
    a["price_usd_per_h100e_hour"] = "1.5 to 2.5";
    a["outages_per_year"] = "2 to 6";
    a["outage_hours"] = {{"dist", "uniform"}, {"min", 5}, {"max", 400}};
    b["outages_per_year"] = 3;
    b["outage_hours"] = 20;
    d["providers"] = {a, b};
    d["workloads"].push_back(workload("w", "inference", 1500, 0.3, 4));
    json with_sla = d;
    with_sla["contract"].push_back({{"type", "sla"}, {"provider", "a"}, {"credits", {{{"below", 0.99}, {"credit", 0}}}}});
    with_sla["contract"].push_back({{"type", "sla"}, {"provider", "b"}, {"credits", {{{"below", 0.99}, {"credit", 0}}}}});
    pactscope::Simulation plain, zero;
    plain.start(load_ok(d), 400, 9);
    plain.step(400);
    zero.start(load_ok(with_sla), 400, 9);
    zero.step(400);
    // Zero credits: every sample of every metric is the same, bit for bit.
    REQUIRE(plain.metric_count() == zero.metric_count());
    std::vector<double> sa, sb;
    for (int m = 0; m < plain.metric_count(); ++m)
        CHECK(std::memcmp(plain.sample_column(m, sa), zero.sample_column(m, sb), sizeof(double) * 400) == 0);
    // Real credits: only cost (and what follows from it) and the credits move.
    with_sla["contract"][0]["credits"][0]["credit"] = 0.25;
    pactscope::Simulation credited;
    credited.start(load_ok(with_sla), 400, 9);
    credited.step(400);
    for (const char* same : {"compute_usd", "stranded_usd", "shortfall_h100e_hours", "outage_loss_usd", "served_fraction", "peak_mw"}) {
        INFO(same);
        const int t = pactscope::total_index(same);
        CHECK(std::memcmp(plain.samples(t), credited.samples(t), sizeof(double) * 400) == 0);
    }
    const double* credit = credited.samples(pactscope::total_index("sla_credit_usd"));
    CHECK(*std::max_element(credit, credit + 400) > 0);
}

TEST_CASE("Monte Carlo: month placement makes the mean credit converge to the expected monthly rate (MODEL §11.3)") {
    // Fixed 10 h outages, one a year: each quarter's Poisson(1/4) outages fall in months uniformly, so each
    // month's count is Poisson(1/12), the deterministic model's. Mean credit over trials ≈ deterministic credit.
    json d = sla_scenario(1, 10, kTiers);
    d["horizon"]["end"] = "2025Q4";
    auto s = load_ok(d);
    const double det = pactscope::evaluate(s).totals.sla_credit_usd;
    pactscope::Simulation sim;
    sim.start(s, 40000, 3);
    sim.step(40000);
    const double mean = sim.summary().totals[static_cast<std::size_t>(pactscope::total_index("sla_credit_usd"))].mean;
    INFO("deterministic " << det << ", Monte Carlo mean " << mean);
    CHECK(mean == Approx(det).epsilon(0.03));
}
