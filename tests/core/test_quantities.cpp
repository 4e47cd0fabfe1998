// MODEL §2: every uncertain form parses, and the deterministic run uses its exact median.
#include <cmath>

#include "model/quantity.h"
#include "scenario_builder.h"

using namespace test;

namespace {
// The median the engine would use for a price written as `q`.
double median_of(const json& q) {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));
    d["providers"][0]["price_usd_per_h100e_hour"] = q;
    d["workloads"].push_back(workload("w", "inference", 0));
    auto s = load_ok(d);
    return s.quantities[s.find_quantity("/providers/0/price_usd_per_h100e_hour")].median();
}
}  // namespace

TEST_CASE("interval \"a to b\" with a > 0 is lognormal with median sqrt(ab)") { CHECK(median_of("1 to 4") == Approx(2)); }

TEST_CASE("interval \"a to b\" with a <= 0 is normal with median (a + b) / 2") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));
    d["workloads"].push_back(workload("w", "inference", 0));
    d["policy"]["max_share_per_provider"] = "0 to 0.5";
    auto s = load_ok(d);
    const auto& q = s.quantities[s.find_quantity("/policy/max_share_per_provider")];
    CHECK(q.dist == pactscope::Dist::normal);
    CHECK(q.median() == Approx(0.25));
    CHECK(q.p1 == Approx(0.5 / (2 * 1.6448536)));  // sd = (b - a) / (2 x 1.6448536)
}

TEST_CASE("distribution objects: normal, lognormal, uniform, point medians") {
    CHECK(median_of({{"dist", "normal"}, {"mean", 3}, {"sd", 1}}) == 3);
    CHECK(median_of({{"dist", "lognormal"}, {"p5", 2}, {"p95", 8}}) == Approx(4));
    CHECK(median_of({{"dist", "uniform"}, {"min", 1}, {"max", 2}}) == 1.5);
    CHECK(median_of({{"dist", "point"}, {"value", 2.5}}) == 2.5);
}

TEST_CASE("triangular median by closed form, not the mode") {
    // min 0, mode 1, max 4: F(mode) = 1/4 < 1/2, so median = 4 - sqrt(0.5 x 4 x 3) = 4 - sqrt(6).
    CHECK(median_of({{"dist", "triangular"}, {"min", 0}, {"mode", 1}, {"max", 4}}) == Approx(4 - std::sqrt(6.0)));
}

TEST_CASE("PERT median numerically from Beta(alpha, beta), not the mode") {
    // min 0, mode 1, max 4 -> alpha = 1 + 4 x 1/4 = 2, beta = 1 + 4 x 3/4 = 4. Beta(2, 4) has CDF
    // I_x = 1 - (1-x)^5 - 5x(1-x)^4; its median solves I_x = 0.5 -> x = 0.31381… (by bisection of that
    // polynomial below, an independent formula), scaled by 4.
    double lo = 0, hi = 1;
    for (int i = 0; i < 100; ++i) {
        double x = 0.5 * (lo + hi);
        double cdf = 1 - std::pow(1 - x, 5) - 5 * x * std::pow(1 - x, 4);
        (cdf < 0.5 ? lo : hi) = x;
    }
    CHECK(median_of({{"dist", "pert"}, {"min", 0}, {"mode", 1}, {"max", 4}}) == Approx(4 * lo).epsilon(1e-12));
}

TEST_CASE("clip clamps the median") {
    CHECK(median_of({{"dist", "normal"}, {"mean", 3}, {"sd", 1}, {"clip", {0, 2}}}) == 2);
}

TEST_CASE("normal quantile and CDF agree with known values") {
    CHECK(pactscope::normal_quantile(0.95) == Approx(1.6448536269514722).epsilon(1e-12));
    CHECK(pactscope::normal_quantile(0.5) == Approx(0).margin(1e-15));
    CHECK(pactscope::normal_cdf(1.959963984540054) == Approx(0.975).epsilon(1e-12));
}

TEST_CASE("a lognormal interval's P5 and P95 are the written ends") {
    // MODEL §2 fixes z = 1.6448536 (7 decimals), so the ends are reproduced to ~1e-8, not exactly.
    pactscope::Quantity q;
    q.dist = pactscope::Dist::lognormal;
    q.p0 = 2, q.p1 = 8;
    CHECK(q.quantile(0.05) == Approx(2).epsilon(1e-7));
    CHECK(q.quantile(0.95) == Approx(8).epsilon(1e-7));
}
