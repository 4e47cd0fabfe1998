// MODEL §2: Monte Carlo draws follow each distribution's definition, correlations
// are the requested rank correlations, and draws depend only on (seed, trial, input).
// Expected quantiles come from the distributions' closed forms, written out here,
// not from the code under test. 20,000 draws with a fixed seed; tolerances are
// about 3.5 standard errors of the estimate, so the checks can fail on a wrong
// transform but not by chance (the seed is fixed anyway).
#include <algorithm>
#include <cmath>

#include "uncertainty/random.h"
#include "uncertainty/sampler.h"
#include "scenario_builder.h"
#include "uncertainty/stats.h"

using namespace test;
using pactscope::Sampler;

namespace {

constexpr int kDraws = 20000;
constexpr double kZ90 = 1.2815515655446004;  // standard normal P90

// A scenario whose provider price is written as `q`; returns draws of that price.
std::vector<double> draws_of(const json& q, std::uint64_t seed = 11) {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));
    d["providers"][0]["price_usd_per_h100e_hour"] = q;
    d["workloads"].push_back(workload("w", "inference", 10));
    auto s = load_ok(d);
    const auto idx = s.find_quantity("/providers/0/price_usd_per_h100e_hour");
    Sampler sm(s, seed);
    std::vector<double> values = s.medians(), out;
    for (int i = 0; i < kDraws; ++i) {
        sm.draw_inputs(i, values.data());
        out.push_back(values[idx]);
    }
    return out;
}

double quantile(std::vector<double> v, double p) {
    double out = 0;
    pactscope::percentiles_inplace(v.data(), static_cast<std::int64_t>(v.size()), &p, 1, &out);
    return out;
}

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return s / static_cast<double>(v.size());
}

double variance(const std::vector<double>& v) {
    const double m = mean(v);
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / static_cast<double>(v.size() - 1);
}

double share_at_most(const std::vector<double>& v, double x) {
    return static_cast<double>(std::count_if(v.begin(), v.end(), [&](double y) { return y <= x; })) / static_cast<double>(v.size());
}

}  // namespace

TEST_CASE("normal draws have quantiles mean ± z × sd") {
    auto v = draws_of({{"dist", "normal"}, {"mean", 100}, {"sd", 10}});
    CHECK(quantile(v, 0.10) == Approx(100 - kZ90 * 10).margin(0.45));
    CHECK(quantile(v, 0.50) == Approx(100).margin(0.35));
    CHECK(quantile(v, 0.90) == Approx(100 + kZ90 * 10).margin(0.45));
}

TEST_CASE("an interval \"a to b\" with a > 0 draws a lognormal with P5 = a and P95 = b") {
    auto v = draws_of("2 to 8");
    // sigma = ln(8/2) / (2 × 1.6448536); quantile p = exp(ln 4 + sigma × z_p)
    const double sigma = std::log(4.0) / (2 * 1.6448536);
    CHECK(quantile(v, 0.05) == Approx(2).epsilon(0.03));
    CHECK(quantile(v, 0.10) == Approx(4 * std::exp(-kZ90 * sigma)).epsilon(0.02));
    CHECK(quantile(v, 0.50) == Approx(4).epsilon(0.015));
    CHECK(quantile(v, 0.95) == Approx(8).epsilon(0.03));
}

TEST_CASE("uniform draws are flat between min and max") {
    auto v = draws_of({{"dist", "uniform"}, {"min", 1}, {"max", 3}});
    CHECK(*std::min_element(v.begin(), v.end()) >= 1);
    CHECK(*std::max_element(v.begin(), v.end()) <= 3);
    CHECK(quantile(v, 0.10) == Approx(1.2).margin(0.015));
    CHECK(quantile(v, 0.50) == Approx(2.0).margin(0.02));
    CHECK(quantile(v, 0.90) == Approx(2.8).margin(0.015));
}

TEST_CASE("triangular draws follow the piecewise-quadratic CDF") {
    auto v = draws_of({{"dist", "triangular"}, {"min", 0}, {"mode", 1}, {"max", 4}});
    // F(x) = x²/4 on [0, 1] (F(1) = 0.25), F(x) = 1 − (4 − x)²/12 on [1, 4].
    CHECK(quantile(v, 0.10) == Approx(std::sqrt(0.4)).margin(0.02));
    CHECK(quantile(v, 0.50) == Approx(4 - std::sqrt(6.0)).margin(0.03));
    CHECK(quantile(v, 0.90) == Approx(4 - std::sqrt(1.2)).margin(0.03));
}

TEST_CASE("PERT draws are min + (max − min) × Beta(1 + 4(mode−min)/(max−min), 1 + 4(max−mode)/(max−min))") {
    auto v = draws_of({{"dist", "pert"}, {"min", 0}, {"mode", 1}, {"max", 4}});
    // Beta(2, 4) on [0, 4]: mean (min + 4 mode + max) / 6 = 4/3; variance (mean − min)(max − mean) / 7.
    CHECK(mean(v) == Approx(4.0 / 3).margin(0.015));
    CHECK(variance(v) == Approx((4.0 / 3) * (8.0 / 3) / 7).epsilon(0.03));
    // CDF of Beta(2, 4) at x = P(Binomial(5, x) ≥ 2) = 1 − (1−x)^5 − 5x(1−x)^4; at x = 1/4 (value 1):
    CHECK(share_at_most(v, 1.0) == Approx(1 - std::pow(0.75, 5) - 5 * 0.25 * std::pow(0.75, 4)).margin(0.012));
}

TEST_CASE("a point value is never drawn: every trial sees it") {
    auto v = draws_of(2.5);
    CHECK(std::all_of(v.begin(), v.end(), [](double x) { return x == 2.5; }));
}

TEST_CASE("clip clamps every draw; the clipped tails pile up at the bounds") {
    auto v = draws_of({{"dist", "normal"}, {"mean", 100}, {"sd", 10}, {"clip", {95, 105}}});
    CHECK(*std::min_element(v.begin(), v.end()) == 95);
    CHECK(*std::max_element(v.begin(), v.end()) == 105);
    // P(X ≤ 95) = Φ(−0.5) = 0.30854
    CHECK(share_at_most(v, 95) == Approx(0.30854).margin(0.012));
}

TEST_CASE("draws are clamped into the field's valid range (MODEL §10.2)") {
    auto v = draws_of({{"dist", "normal"}, {"mean", 1}, {"sd", 2}});  // a price is >= 0
    CHECK(*std::min_element(v.begin(), v.end()) == 0);
    // P(X ≤ 0) = Φ(−0.5) = 0.30854: the negative draws become 0
    CHECK(share_at_most(v, 0) == Approx(0.30854).margin(0.012));
}

TEST_CASE("an AGI date range draws every quarter with equal probability") {
    json d = doc("2025Q1", "2032Q4");
    d["providers"].push_back(cloud("a", 1, 1));
    d["workloads"].push_back(workload("w", "inference", 10));
    d["contract"].push_back({{"type", "agi"}, {"date", "2028Q1 to 2031Q4"}});
    auto s = load_ok(d);
    const auto idx = s.find_quantity("/contract/0/date");
    Sampler sm(s, 5);
    std::vector<double> values = s.medians();
    std::vector<int> count(16, 0);
    for (int i = 0; i < kDraws; ++i) {
        sm.draw_inputs(i, values.data());
        const double rel = values[idx];  // quarters after 2025Q1: 2028Q1 is 12, 2031Q4 is 27
        REQUIRE(rel == std::floor(rel));
        REQUIRE(rel >= 12);
        REQUIRE(rel <= 27);
        ++count[static_cast<int>(rel) - 12];
    }
    for (int c : count) CHECK(c / double(kDraws) == Approx(1.0 / 16).margin(0.006));
}

TEST_CASE("Poisson counts have mean and variance equal to the rate") {
    for (double rate : {0.75, 4.0, 50.0, 400.0}) {
        pactscope::Rng rng(pactscope::draw_bits(3, 0, 99));
        std::vector<double> v;
        for (int i = 0; i < kDraws; ++i) v.push_back(static_cast<double>(pactscope::poisson(rng, rate)));
        INFO("rate " << rate);
        CHECK(mean(v) == Approx(rate).epsilon(0.03));
        CHECK(variance(v) == Approx(rate).epsilon(0.06));
        if (rate == 0.75) CHECK(share_at_most(v, 0) == Approx(std::exp(-0.75)).margin(0.012));
    }
}

TEST_CASE("outage hours: Poisson count × drawn durations, capped at H per quarter") {
    json d = doc("2025Q1", "2025Q4");
    d["providers"].push_back(cloud("a", 1, 1));
    d["providers"][0]["outages_per_year"] = 4;  // mean 1 per quarter
    d["providers"][0]["outage_hours"] = {{"dist", "uniform"}, {"min", 10}, {"max", 30}};
    d["workloads"].push_back(workload("w", "inference", 10));
    auto s = load_ok(d);
    Sampler sm(s, 9);
    std::vector<double> values = s.medians(), hours(4);
    double sum = 0;
    int zero = 0;
    for (int i = 0; i < kDraws; ++i) {
        sm.draw(i, values.data(), hours.data());
        for (double h : hours) {
            REQUIRE(h >= 0);
            REQUIRE(h <= H);
            sum += h;
            zero += h == 0;
        }
    }
    // E[hours] = E[count] × E[duration] = 1 × 20; P(no outage) = e^-1
    CHECK(sum / (4.0 * kDraws) == Approx(20).epsilon(0.03));
    CHECK(zero / (4.0 * kDraws) == Approx(std::exp(-1.0)).margin(0.01));

    d["providers"][0]["outages_per_year"] = 400;  // ~100 per quarter × 20 h = 2000 h, often above H
    d["providers"][0]["outage_hours"] = 100;
    auto s2 = load_ok(d);
    Sampler sm2(s2, 9);
    std::vector<double> v2 = s2.medians();
    sm2.draw(0, v2.data(), hours.data());
    for (double h : hours) CHECK(h == H);  // ~100 outages × 100 h is far above the quarter
}

TEST_CASE("requested rank correlations are achieved within ±0.05") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));
    d["providers"].push_back(cloud("b", 1, 1));
    d["providers"][0]["price_usd_per_h100e_hour"] = "1 to 4";
    d["providers"][1]["price_usd_per_h100e_hour"] = {{"dist", "triangular"}, {"min", 0}, {"mode", 1}, {"max", 5}};
    d["workloads"].push_back(workload("w", "inference", 10));
    d["workloads"][0]["value_usd_per_h100e_hour"] = {{"dist", "uniform"}, {"min", 1}, {"max", 2}};
    d["uncertainty"]["correlations"] = {{{"a", "/providers/0/price_usd_per_h100e_hour"}, {"b", "/providers/1/price_usd_per_h100e_hour"}, {"rho", 0.6}},
                                       {{"a", "/providers/1/price_usd_per_h100e_hour"}, {"b", "/workloads/0/value_usd_per_h100e_hour"}, {"rho", -0.3}}};
    auto s = load_ok(d);
    Sampler sm(s, 21);
    CHECK(sm.correlation_scale() == 1);
    const auto a = s.find_quantity("/providers/0/price_usd_per_h100e_hour");
    const auto b = s.find_quantity("/providers/1/price_usd_per_h100e_hour");
    const auto c = s.find_quantity("/workloads/0/value_usd_per_h100e_hour");
    std::vector<double> values = s.medians(), xa, xb, xc;
    for (int i = 0; i < kDraws; ++i) {
        sm.draw_inputs(i, values.data());
        xa.push_back(values[a]), xb.push_back(values[b]), xc.push_back(values[c]);
    }
    CHECK(pactscope::spearman(xa, xb) == Approx(0.6).margin(0.05));
    CHECK(pactscope::spearman(xb, xc) == Approx(-0.3).margin(0.05));
    // A pair not listed is independent: the copula's matrix has 0 there.
    CHECK(pactscope::spearman(xa, xc) == Approx(0).margin(0.05));
}

TEST_CASE("contradictory correlations are shrunk toward independence, not rejected") {
    json d = doc();
    for (const char* id : {"a", "b", "c"}) {
        d["providers"].push_back(cloud(id, 1, 1));
        d["providers"].back()["price_usd_per_h100e_hour"] = "1 to 4";
    }
    d["workloads"].push_back(workload("w", "inference", 10));
    auto ptr = [](int i) { return "/providers/" + std::to_string(i) + "/price_usd_per_h100e_hour"; };
    d["uncertainty"]["correlations"] = {{{"a", ptr(0)}, {"b", ptr(1)}, {"rho", 0.9}},
                                       {{"a", ptr(1)}, {"b", ptr(2)}, {"rho", 0.9}},
                                       {{"a", ptr(0)}, {"b", ptr(2)}, {"rho", -0.9}}};
    auto s = load_ok(d);
    Sampler sm(s, 1);
    CHECK(sm.correlation_scale() < 1);
    CHECK(sm.correlation_scale() > 0);
}

TEST_CASE("a draw depends only on (seed, trial, input): order, other inputs and other trials do not matter") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));
    d["providers"][0]["price_usd_per_h100e_hour"] = "1 to 4";
    d["workloads"].push_back(workload("w", "inference", 10));
    auto s1 = load_ok(d);
    // A second scenario with an extra uncertain input before it in document order.
    json d2 = d;
    d2["providers"][0]["pue"] = "1.1 to 1.3";
    auto s2 = load_ok(d2);
    const auto q1 = s1.find_quantity("/providers/0/price_usd_per_h100e_hour");
    const auto q2 = s2.find_quantity("/providers/0/price_usd_per_h100e_hour");
    Sampler a(s1, 42), b(s2, 42), c(s1, 43);
    std::vector<double> v1 = s1.medians(), v2 = s2.medians(), v3 = s1.medians();
    int differ = 0;
    for (int i : {5, 0, 999, 3, 5}) {
        a.draw_inputs(i, v1.data());
        b.draw_inputs(i, v2.data());
        c.draw_inputs(i, v3.data());
        CHECK(v1[q1] == v2[q2]);  // same seed, trial and pointer: the same number
        differ += v1[q1] != v3[q1];
    }
    CHECK(differ == 5);  // another seed: other numbers
}
