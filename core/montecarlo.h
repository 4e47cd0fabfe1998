// montecarlo.h — progressive Monte Carlo over a scenario (SPEC §2, §6).
//
// What it is: a Simulation that runs trials in slices — `step(budget)` runs at
// most `budget` trials and returns — so the browser can advance it a little
// every frame, show partial percentiles and a progress bar, and restart it the
// moment an input changes. The native CLI calls `run(threads)` to use every core.
// Results never depend on slicing or threads: trial i draws from (seed, i, input)
// only (sampler.h) and writes its own row.
//
// What it keeps: per trial, every SPEC §6 total and each stakeholder's net_usd
// (doubles), and the per-quarter cost and shortfall as single-precision offsets
// from the deterministic result (exact when a trial equals it; ~1e-7 of the
// spread otherwise) — 100,000 trials of a 32-quarter, 6-provider scenario fit in
// ~46 MB.
//
// Usage:
//   Simulation sim;
//   sim.start(scenario, 10000, 7);
//   while (!sim.done()) sim.step(500);     // or sim.run(threads)
//   McSummary m = sim.summary();           // partial while running
#pragma once
#include <cstdint>
#include <memory>
#include <vector>

#include "engine.h"
#include "sampler.h"
#include "stats.h"

namespace pactscope {

struct Band {
    std::vector<double> p10, p50, p90;  // per quarter
};

struct McSummary {
    std::int64_t trials = 0, trials_done = 0;
    std::uint64_t seed = 0;
    double correlation_scale = 1;   // see Sampler::correlation_scale
    std::vector<Stat> totals;       // total_names() order
    Stat buyer_net;                 // stakeholders.buyer.net_usd
    std::vector<Stat> provider_net; // stakeholders.<provider>.net_usd, provider order
    Band cost_usd, shortfall_h100e;
};

// Everything one thread needs to run trials: reused between trials, so the loop does not allocate.
struct TrialRunner {
    TrialRunner(const Scenario& s, std::uint64_t seed);
    // Draws trial i's inputs and evaluates the engine on them into `result`.
    void run(std::int64_t trial);
    Sampler sampler;
    Workspace ws;
    Result result;
    std::vector<double> values, outage_hours;
};

class Simulation {
public:
    // Starts (or restarts) on a copy of `s`; samples of any earlier run are dropped.
    void start(const Scenario& s, std::int64_t trials, std::uint64_t seed);
    // Runs up to `budget` more trials; returns how many ran.
    std::int64_t step(std::int64_t budget);
    // Runs every remaining trial on `threads` threads (≤ 1: this thread).
    void run(int threads);
    // Stops: no further trials run until start().
    void cancel() { cancelled_ = true; }

    bool started() const { return scenario_ != nullptr; }
    bool done() const { return started() && (done_ == trials_ || cancelled_); }
    bool cancelled() const { return cancelled_; }
    std::int64_t trials() const { return trials_; }
    std::int64_t trials_done() const { return done_; }
    double progress() const { return trials_ > 0 ? static_cast<double>(done_) / static_cast<double>(trials_) : 0; }
    std::uint64_t seed() const { return seed_; }
    const Scenario& scenario() const { return *scenario_; }
    const Result& deterministic() const { return det_; }

    // Percentiles over the trials done so far.
    McSummary summary() const;

    // Samples of the first trials_done() trials. Metric m: 0 .. kTotalCount-1 the totals
    // (NaN where null), then buyer net_usd, then each provider's net_usd.
    int metric_count() const { return metrics_; }
    const double* samples(int metric) const { return &samples_[static_cast<std::size_t>(metric) * static_cast<std::size_t>(trials_)]; }
    // Per-quarter cost (kind 0) or shortfall (kind 1) of one trial.
    double band_value(int kind, int quarter, std::int64_t trial) const;
    // Bytes held for samples.
    std::size_t memory_bytes() const;
    // Bytes start() will allocate for `trials` trials of `s` (checked by callers against their budget
    // before starting: input_limits.h).
    // 64-bit: 1,000,000 trials of a large scenario exceed a 32-bit size_t in WASM.
    static std::uint64_t bytes_for(const Scenario& s, std::int64_t trials);

private:
    std::unique_ptr<Scenario> scenario_;
    std::int64_t trials_ = 0, done_ = 0;
    std::uint64_t seed_ = 0;
    bool cancelled_ = false;
    int metrics_ = 0, T_ = 0;
    Result det_;
    std::unique_ptr<TrialRunner> runner_;
    std::vector<double> samples_;  // metric-major: samples_[m * trials_ + i]
    std::vector<float> bands_;     // [(kind * T + q) * trials_ + i]: offset from the deterministic value

    void record(const Result& r, std::int64_t trial);
};

}  // namespace pactscope
