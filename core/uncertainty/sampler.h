// sampler.h — one Monte Carlo trial's inputs (MODEL §2, §5).
//
// What it is: given a scenario and a seed, fills the value vector of trial i
// (one draw per uncertain quantity, rank-correlated through a Gaussian copula)
// and the provider × quarter outage hours (Poisson count × drawn durations).
// Built once per scenario; draw() does not allocate.
//
// Every draw depends only on (seed, trial, input): uniform numbers come from
// random.h keyed by the input's JSON pointer, so chunking and threads do not
// matter, and a scenario compared with another shares the draws of every input
// they both have (common random numbers, MODEL §7).
//
// Usage:
//   Sampler sm(scenario, seed);
//   std::vector<double> values = scenario.medians(), outage(P * T);
//   sm.draw(trial, values.data(), outage.data());
//   evaluate_into(scenario, values.data(), outage.data(), ws, result);
#pragma once
#include <cstdint>
#include <vector>

#include "uncertainty/random.h"
#include "model/scenario.h"

namespace pactscope {

class Sampler {
public:
    Sampler(const Scenario& s, std::uint64_t seed);

    // Overwrites the uncertain entries of `values` (the others keep what they
    // hold, normally the medians) and fills `outage_hours` (P × T, provider-major)
    // and, when given, `month_hours` (P × T × 3): for providers named by an sla
    // clause, each drawn outage's hours in the month it fell in (MODEL §11.3).
    // Not const: it uses scratch memory, so each thread owns its own Sampler (copies are cheap).
    void draw(std::int64_t trial, double* values, double* outage_hours, double* month_hours = nullptr);
    // The two halves of draw(): the quantities only (for audits and importance), then the outages.
    void draw_inputs(std::int64_t trial, double* values);
    void draw_outages(std::int64_t trial, const double* values, double* outage_hours, double* month_hours = nullptr) const;

    const Scenario& scenario() const { return *s_; }

    // The uncertain quantities, in document order (their indices into Scenario::quantities).
    const std::vector<QRef>& uncertain() const { return uncertain_; }
    // Largest factor λ ≤ 1 applied to the requested copula correlations so the
    // matrix is positive definite (1 = as requested; < 1 when the requested
    // correlations contradict each other and were shrunk toward independence).
    double correlation_scale() const { return corr_scale_; }

private:
    struct Outage {
        int provider;
        QRef rate, hours;  // outages_per_year and outage_hours quantities
        CompiledQuantile duration;
        std::uint64_t key;
        bool sla;                 // named by an sla clause: its outages are placed in months
        std::uint64_t month_key;  // the months' own stream, so placing them changes no other draw
        bool read;                // has capacity or an sla clause: else the engine never reads its outages
    };
    const Scenario* s_;
    std::uint64_t seed_;
    std::vector<QRef> uncertain_;           // document order
    std::vector<std::uint64_t> key_;        // per uncertain quantity: stream_key(pointer)
    std::vector<CompiledQuantile> inv_;     // per uncertain quantity: its inverse CDF
    std::vector<int> corr_slot_;            // per uncertain quantity: index in the copula block, or -1
    std::vector<QRef> corr_q_;              // copula block: quantity per slot
    std::vector<std::uint64_t> corr_key_;   // copula block: key per slot
    std::vector<double> chol_;              // lower-triangular m × m
    std::vector<Outage> outages_;
    double corr_scale_ = 1;
    std::vector<double> e_;                 // scratch: independent normals of the copula block
};

// Poisson-distributed count with mean `mean`, from a generator sequence
// (inversion for small means, Hörmann's PTRS above 30).
std::int64_t poisson(Rng& rng, double mean);
// The same with e^(−mean) worked out by the caller (used only when mean <= 30): the outage loop draws
// one count per quarter with the same mean.
std::int64_t poisson(Rng& rng, double mean, double exp_minus_mean);

}  // namespace pactscope
