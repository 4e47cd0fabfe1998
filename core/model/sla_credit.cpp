// sla_credit.cpp — see sla_credit.h.
#include "model/sla_credit.h"

#include <algorithm>
#include <cmath>

#include "model/quantity.h"

namespace pactscope {

namespace {

constexpr double kBelowTolerance = 1e-12;  // MODEL §11.3: a tier applies when below − a exceeds this
constexpr double kTailCutoff = 1e-15;  // MODEL §11.3

// Below λ − 12√λ the Poisson mass is under e^{-72} (Chernoff): the sum starts there instead of
// at 0, so a huge λ costs about 20√λ terms rather than λ. Those terms would round to 0 anyway.
double first_term(double lambda) { return lambda > 144 ? std::floor(lambda - 12 * std::sqrt(lambda)) : 0.0; }

// Beyond this many terms (λ above ~2.5e9 outages a month with outages of a few seconds: no
// real SLA) the sum is taken over the normal approximation instead, so no input hangs.
constexpr double kMaxTerms = 1e6;

// E[max rate] by the normal approximation N(λ, λ) with continuity correction: the rate is a step
// function of the count, so the sum is Σ over its steps of rate × P(count in the step).
double expected_rate_normal(std::span<const std::vector<SlaTier>* const> clauses, double lambda, double d) {
    const double sd = std::sqrt(lambda);
    const double n_full = std::ceil(kHoursPerMonth / d);  // from here on rate(0) (MODEL §11.3: n d >= H/3)
    double lo = std::max(0.0, first_term(lambda)), hi = std::min(n_full, std::ceil(lambda + 12 * sd));
    // Counts where the rate changes: where 1 − n d / (H/3) crosses a tier's `below`.
    std::vector<double> cuts = {lo, hi};
    for (const auto* tiers : clauses)
        for (const SlaTier& t : *tiers) {
            // The first count whose availability is below the tier by more than kBelowTolerance (as sla_rate decides).
            auto below = [&](double n) { return t.below - std::max(0.0, 1 - n * d / kHoursPerMonth) > kBelowTolerance; };
            double n = std::ceil((1 - t.below) * kHoursPerMonth / d);
            while (n > 0 && below(n - 1)) --n;
            while (n < hi && !below(n)) ++n;
            if (n > lo && n < hi) cuts.push_back(n);
        }
    std::sort(cuts.begin(), cuts.end());
    auto cdf_below = [&](double n) { return normal_cdf((n - 0.5 - lambda) / sd); };  // P(count < n)
    double e = 0;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        if (cuts[i + 1] <= cuts[i]) continue;
        e += sla_max_rate(clauses, month_availability(cuts[i] * d)) * (cdf_below(cuts[i + 1]) - cdf_below(cuts[i]));
    }
    return e + sla_max_rate(clauses, 0.0) * (1 - cdf_below(hi));
}

}  // namespace

double sla_rate(const std::vector<SlaTier>& tiers, double availability) {
    double rate = 0;
    for (const SlaTier& t : tiers)
        if (t.below - availability > kBelowTolerance) rate = t.credit;
    return rate;
}

double sla_max_rate(std::span<const std::vector<SlaTier>* const> clauses, double availability) {
    double rate = 0;
    for (const auto* tiers : clauses) rate = std::max(rate, sla_rate(*tiers, availability));
    return rate;
}

double month_availability(double outage_hours) { return 1 - std::min(kHoursPerMonth, outage_hours) / kHoursPerMonth; }

double expected_sla_rate(std::span<const std::vector<SlaTier>* const> clauses, double lambda, double d) {
    if (!(lambda > 0) || !(d > 0)) return sla_max_rate(clauses, 1.0);  // no outage hours: every month fully available
    const double n0 = first_term(lambda);
    if (std::min(kHoursPerMonth / d, lambda + 20 * std::sqrt(lambda)) - n0 > kMaxTerms) return expected_rate_normal(clauses, lambda, d);
    const double log_lambda = std::log(lambda);
    double e = 0, mass = 0;  // mass: Σ of the terms so far (the skipped ones below n0 are < e^{-72})
    for (double n = n0;; ++n) {
        if (n * d >= kHoursPerMonth) {  // this count and every larger one leave the month fully down
            e += sla_max_rate(clauses, 0.0) * std::max(0.0, 1 - mass);
            break;
        }
        const double p = std::exp(-lambda + n * log_lambda - std::lgamma(n + 1));
        e += p * sla_max_rate(clauses, std::max(0.0, 1 - n * d / kHoursPerMonth));
        mass += p;
        // The remaining tail P(count > n): 1 − mass, or, past the mode where 1 − mass has lost its
        // digits, the geometric bound p λ / (n + 1 − λ).
        double tail = 1 - mass;
        if (n + 1 > lambda) tail = std::min(tail, p * lambda / (n + 1 - lambda));
        if (tail < kTailCutoff) break;
    }
    return e;
}

}  // namespace pactscope
