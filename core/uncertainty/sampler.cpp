#include "uncertainty/sampler.h"

#include <algorithm>
#include <cmath>

namespace pactscope {

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double H = kHoursPerQuarter;
// Draws per provider and quarter before the rest of the outages are counted at the
// average duration drawn so far: only reached with absurd outage rates, and keeps
// a trial bounded in time (MODEL §9: no hang on any input).
constexpr std::int64_t kMaxOutageDraws = 100000;

// Cholesky factor of a symmetric m × m matrix; false when it is not positive definite.
bool cholesky(const std::vector<double>& a, int m, std::vector<double>& l) {
    l.assign(static_cast<std::size_t>(m) * m, 0.0);
    for (int i = 0; i < m; ++i)
        for (int j = 0; j <= i; ++j) {
            double sum = a[static_cast<std::size_t>(i) * m + j];
            for (int k = 0; k < j; ++k) sum -= l[static_cast<std::size_t>(i) * m + k] * l[static_cast<std::size_t>(j) * m + k];
            if (i == j) {
                if (sum <= 1e-12) return false;
                l[static_cast<std::size_t>(i) * m + i] = std::sqrt(sum);
            } else {
                l[static_cast<std::size_t>(i) * m + j] = sum / l[static_cast<std::size_t>(j) * m + j];
            }
        }
    return true;
}

// MODEL §11.3: each outage falls in one of the quarter's three months with equal probability.
int month_of(Rng& months) { return std::min(2, static_cast<int>(3 * months.unit())); }

bool months_full(const double* m) { return m[0] >= H / 3 && m[1] >= H / 3 && m[2] >= H / 3; }

}  // namespace

std::int64_t poisson(Rng& rng, double mean) { return poisson(rng, mean, mean > 0 && mean <= 30 ? std::exp(-mean) : 0.0); }

std::int64_t poisson(Rng& rng, double mean, double exp_minus_mean) {
    if (!(mean > 0)) return 0;
    if (mean <= 30) {  // inversion: one uniform, sequential search of the CDF
        double u = rng.unit(), p = exp_minus_mean, cdf = p;
        std::int64_t k = 0;
        while (u > cdf && k < 400) {
            ++k;
            p *= mean / static_cast<double>(k);
            cdf += p;
        }
        return k;
    }
    // Hörmann (1993), "The transformed rejection method for generating Poisson random variables" (PTRS).
    const double slam = std::sqrt(mean), loglam = std::log(mean);
    const double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
    for (;;) {
        double u = rng.unit() - 0.5, v = rng.unit();
        double us = 0.5 - std::fabs(u);
        double k = std::floor((2 * a / us + b) * u + mean + 0.43);
        if (us >= 0.07 && v <= vr) return static_cast<std::int64_t>(k);
        if (k < 0 || (us < 0.013 && v > us)) continue;
        if (std::log(v) + std::log(invalpha) - std::log(a / (us * us) + b) <= -mean + k * loglam - std::lgamma(k + 1))
            return static_cast<std::int64_t>(k);
    }
}

Sampler::Sampler(const Scenario& s, std::uint64_t seed) : s_(&s), seed_(seed) {
    const int Q = static_cast<int>(s.quantities.size());
    for (QRef q = 0; q < Q; ++q)
        if (s.quantities[q].uncertain()) uncertain_.push_back(q);
    for (QRef q : uncertain_) {
        key_.push_back(stream_key(s.quantities[q].pointer));
        inv_.push_back(compile_quantile(s.quantities[q]));
    }

    // Gaussian copula (MODEL §2): Spearman's rho_s becomes the normal correlation
    // 2 sin(pi rho_s / 6), which gives exactly rho_s between the uniforms.
    corr_slot_.assign(uncertain_.size(), -1);
    std::vector<int> slot_of(static_cast<std::size_t>(Q), -1);
    for (const Correlation& c : s.uncertainty.correlations)
        for (QRef q : {c.qa, c.qb})
            if (slot_of[q] < 0) {
                slot_of[q] = static_cast<int>(corr_q_.size());
                corr_q_.push_back(q);
                corr_key_.push_back(stream_key(s.quantities[q].pointer));
            }
    const int m = static_cast<int>(corr_q_.size());
    if (m > 0) {
        std::vector<double> target(static_cast<std::size_t>(m) * m, 0.0);
        for (int i = 0; i < m; ++i) target[static_cast<std::size_t>(i) * m + i] = 1;
        for (const Correlation& c : s.uncertainty.correlations) {
            double r = 2 * std::sin(kPi * c.rho / 6);
            int i = slot_of[c.qa], j = slot_of[c.qb];
            target[static_cast<std::size_t>(i) * m + j] = target[static_cast<std::size_t>(j) * m + i] = r;
        }
        // Contradictory requests (not positive definite) shrink toward independence
        // in steps of 1% until the matrix is valid; correlation_scale() reports it.
        for (int step = 0; step <= 100; ++step) {
            corr_scale_ = 1 - step / 100.0;
            std::vector<double> a = target;
            for (int i = 0; i < m; ++i)
                for (int j = 0; j < m; ++j)
                    if (i != j) a[static_cast<std::size_t>(i) * m + j] *= corr_scale_;
            if (cholesky(a, m, chol_)) break;
        }
        for (std::size_t k = 0; k < uncertain_.size(); ++k) corr_slot_[k] = slot_of[uncertain_[k]];
        e_.assign(static_cast<std::size_t>(m), 0.0);
    }

    for (int p = 0; p < static_cast<int>(s.providers.size()); ++p) {
        const Provider& pr = s.providers[p];
        const std::string name = "/providers/" + std::to_string(p);
        const bool sla = std::any_of(s.contract.begin(), s.contract.end(), [&](const Clause& c) { return c.type == ClauseType::sla && c.provider == p; });
        // A provider without capacity serves nothing, so its outages lose nothing (MODEL §5) and, without an
        // sla clause, credit nothing: they are not drawn. Each provider has its own stream, so no other
        // draw changes.
        const bool read = !pr.capacity.empty() || sla;
        outages_.push_back(Outage{p, pr.outages_per_year, pr.outage_hours, compile_quantile(s.quantities[pr.outage_hours]),
                                  stream_key(name + "#outages"), sla, stream_key(name + "#outage_months"), read});
    }
}

void Sampler::draw(std::int64_t trial, double* values, double* outage_hours, double* month_hours) {
    draw_inputs(trial, values);
    draw_outages(trial, values, outage_hours, month_hours);
}

void Sampler::draw_inputs(std::int64_t trial, double* values) {
    const std::uint64_t t = trial_bits(seed_, static_cast<std::uint64_t>(trial));
    const int m = static_cast<int>(corr_q_.size());
    for (int i = 0; i < m; ++i) e_[i] = normal_quantile(unit_open(draw_bits(t, corr_key_[i])));
    for (std::size_t k = 0; k < uncertain_.size(); ++k) {
        double u;
        if (int slot = corr_slot_[k]; slot >= 0) {
            double z = 0;
            const double* row = &chol_[static_cast<std::size_t>(slot) * m];
            for (int j = 0; j <= slot; ++j) z += row[j] * e_[j];
            u = std::clamp(normal_cdf(z), 1e-300, 1 - 1e-16);
        } else {
            u = unit_open(draw_bits(t, key_[k]));
        }
        values[uncertain_[k]] = inv_[k](u);
    }
}

// MODEL §5: per provider and quarter a Poisson count with mean outages_per_year / 4
// (this trial's rate) and one duration per outage drawn from outage_hours; the
// quarter's sum is capped at H. Each provider has its own stream of draws.
// MODEL §11.3: for a provider named by an sla clause, each outage also falls in one of the
// quarter's months, drawn from a stream of its own; outages the quarter's cap left undrawn
// take their durations from that stream too, so the other draws are those of a run without SLA.
void Sampler::draw_outages(std::int64_t trial, const double* values, double* outage_hours, double* month_hours) const {
    const int T = s_->quarters();
    const std::uint64_t t = trial_bits(seed_, static_cast<std::uint64_t>(trial));
    for (const Outage& o : outages_) {
        double* hours = outage_hours + static_cast<std::size_t>(o.provider) * T;
        double* months = month_hours ? month_hours + static_cast<std::size_t>(o.provider) * T * 3 : nullptr;
        const bool by_month = months && o.sla;  // the engine reads months of SLA providers only
        if (by_month) std::fill(months, months + 3 * T, 0.0);
        const double mean = values[o.rate] / 4;
        const Quantity& dur = s_->quantities[o.hours];
        if (!o.read || !(mean > 0) || (!dur.uncertain() && values[o.hours] <= 0)) {
            std::fill(hours, hours + T, 0.0);
            continue;
        }
        const double e = mean <= 30 ? std::exp(-mean) : 0.0;  // the inversion's first term, the same every quarter
        Rng rng(draw_bits(t, o.key));
        Rng month_rng;
        if (by_month) month_rng = Rng(draw_bits(t, o.month_key));
        for (int q = 0; q < T; ++q) {
            const std::int64_t n = poisson(rng, mean, e);
            double sum = 0, m[3] = {0, 0, 0};
            std::int64_t i = 0;
            if (!dur.uncertain()) {
                sum = static_cast<double>(n) * values[o.hours];
                if (by_month)
                    for (; i < n && i < kMaxOutageDraws && !months_full(m); ++i) m[month_of(month_rng)] += values[o.hours];
            } else {
                for (; i < n && i < kMaxOutageDraws && sum < H; ++i) {
                    const double x = o.duration(rng.unit());
                    sum += x;
                    if (by_month) m[month_of(month_rng)] += x;
                }
                if (i == kMaxOutageDraws && i < n && sum < H) {
                    sum *= static_cast<double>(n) / static_cast<double>(i);
                    for (double& x : m) x *= static_cast<double>(n) / static_cast<double>(i);
                    i = n;
                }
                if (by_month)
                    for (; i < n && i < kMaxOutageDraws && !months_full(m); ++i) m[month_of(month_rng)] += o.duration(month_rng.unit());
            }
            // Outages beyond the draw limit count at the average of those placed (as for the quarter).
            if (by_month && i == kMaxOutageDraws && i < n && !months_full(m))
                for (double& x : m) x *= static_cast<double>(n) / static_cast<double>(i);
            hours[q] = std::min(H, sum);
            if (by_month)
                for (int k = 0; k < 3; ++k) months[q * 3 + k] = std::min(H / 3, m[k]);
        }
    }
}

}  // namespace pactscope
