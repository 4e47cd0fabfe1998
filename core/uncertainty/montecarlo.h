// montecarlo.h — progressive Monte Carlo over a scenario (MODEL §2, §6).
//
// What it is: a Simulation that runs trials in slices — `step(budget)` runs at
// most `budget` trials and returns — so the browser can advance it a little
// every frame, show partial percentiles and a progress bar, and restart it the
// moment an input changes. The native CLI calls `run(threads)` to use every core.
// Results never depend on slicing or threads: trial i draws from (seed, i, input)
// only (sampler.h) and writes its own row.
//
// What it keeps: per trial, every total (doubles) and every stakeholder figure of
// the buyer and each provider (MODEL §6, §11.5) that is not 0 in every trial by the
// scenario's structure (a revenue share nobody holds, a provider without
// provider_cost) and not derived from the others (the buyer's cost, lost value,
// shares and net; each net): those are recomputed on demand by the engine's own
// derive_buyer/derive_provider, to the bit. Per-quarter cost and shortfall are kept
// as single-precision offsets from the deterministic result (exact when a trial
// equals it; ~1e-7 of the spread otherwise). 100,000 trials of a 32-quarter,
// 6-provider scenario fit in ~50 MB (Simulation::bytes_for says exactly).
//
// Usage:
//   Simulation sim;
//   sim.start(scenario, 10000, 7);
//   while (!sim.done()) sim.step(500);     // or sim.run(threads)
//   McSummary m = sim.summary();           // partial while running
//
// Trials run elsewhere (the page's Web Workers, each with its own module): a worker's Simulation starts
// with Storage::none and runs blocks of trials [lo, hi) into buffers (run_block); the page's Simulation
// takes each block (accept_block) in any order. The rows are the bits record() would have written, so the
// summary is the same as one run's for any split (tests/core/test_mc_blocks.cpp).
#pragma once
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "model/engine.h"
#include "model/result_fields.h"
#include "uncertainty/sampler.h"
#include "uncertainty/stats.h"

namespace pactscope {

struct Band {
    std::vector<double> p10, p50, p90;  // per quarter
};

struct McSummary {
    std::int64_t trials = 0, trials_done = 0;
    std::uint64_t seed = 0;
    double correlation_scale = 1;              // see Sampler::correlation_scale
    std::vector<Stat> totals;                  // total_fields() order
    std::vector<Stat> buyer;                   // buyer_figures() order
    std::vector<std::vector<Stat>> providers;  // per provider, provider_figures() order
    Stat buyer_net;                            // = buyer's net_usd (the page's KPI card)
    std::vector<Stat> provider_net;            // = each provider's net_usd, provider order
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
    std::vector<double> values, outage_hours, outage_month_hours;
};

class Simulation {
public:
    // Where trials' rows go: kept here (step, run, accept_block), or nowhere (a runner of blocks only).
    enum class Storage { kept, none };
    // Starts (or restarts) on a copy of `s`; samples of any earlier run are dropped.
    void start(const Scenario& s, std::int64_t trials, std::uint64_t seed, Storage storage = Storage::kept);
    // Runs up to `budget` more trials; returns how many ran.
    std::int64_t step(std::int64_t budget);
    // Runs every remaining trial on `threads` threads (≤ 1: this thread).
    void run(int threads);
    // Stops: no further trials run until start().
    void cancel() { cancelled_ = true; }

    // A block of trials [lo, hi), n = hi − lo trials: block_doubles() doubles per trial (the kept columns,
    // columns[c * n + i]) and block_floats() floats (the per-quarter band offsets, bands[(kind * T + q) * n + i]).
    int block_doubles() const { return columns_; }
    int block_floats() const { return 2 * T_; }
    // Runs trials [lo, hi) (within 0 .. trials()) into a block; any Storage.
    void run_block(std::int64_t lo, std::int64_t hi, double* columns, float* bands);
    // Stores a block run by run_block of a Simulation started alike (same scenario, trials, seed). Blocks
    // come in any order; trials_done() counts the trials from 0 up to the first one still missing.
    // False (and nothing stored) when the block is outside 0 .. trials(), overlaps one taken, or the run
    // is cancelled.
    bool accept_block(std::int64_t lo, std::int64_t hi, const double* columns, const float* bands);

    bool started() const { return scenario_ != nullptr; }
    bool done() const { return started() && (done_ == trials_ || cancelled_); }
    std::int64_t trials() const { return trials_; }
    std::int64_t trials_done() const { return done_; }
    double progress() const { return trials_ > 0 ? static_cast<double>(done_) / static_cast<double>(trials_) : 0; }
    std::uint64_t seed() const { return seed_; }
    // Different for every start() in this process: names a run to those who run its blocks elsewhere.
    std::uint64_t run_id() const { return run_id_; }
    const Scenario& scenario() const { return *scenario_; }
    const Result& deterministic() const { return det_; }

    // Percentiles over the trials done so far.
    McSummary summary() const;
    // The same summary a piece at a time, for a caller that spreads it over frames (summary_builder.h):
    // summary_begin() is the summary of the first trials_done() trials with every figure still to fill;
    // summary_pieces() pieces (each metric's Stat, then each band's quarter) fill it, in any order, while
    // this run lasts (start() drops the samples they read). summary() is begin and every piece.
    McSummary summary_begin() const;
    int summary_pieces() const { return metric_count() + 2 * T_; }
    struct SummaryScratch {
        std::vector<double> values, column;
    };
    void summary_fill(McSummary& m, int piece, SummaryScratch& scratch) const;

    // Samples of the first trials_done() trials. Metric m: 0 .. kTotalCount-1 the totals (NaN
    // where null), then the buyer's figures (buyer_figures() order), then each provider's
    // (provider_figures() order) — see buyer_metric() and provider_metric().
    int metric_count() const { return static_cast<int>(slot_.size()); }
    static int buyer_metric(int figure) { return kTotalCount + figure; }
    int provider_metric(int provider, int figure) const;
    // A metric's samples: a pointer into what is kept, or `scratch` filled with the figure
    // recomputed (or 0) for every trial done.
    const double* sample_column(int metric, std::vector<double>& scratch) const { return sample_column(metric, done_, scratch); }
    // A total's samples (metric < kTotalCount): always kept.
    const double* samples(int total) const { return column(slot_[static_cast<std::size_t>(total)]); }
    // Per-quarter cost (kind 0) or shortfall (kind 1) of one trial.
    double band_value(int kind, int quarter, std::int64_t trial) const;
    // Bytes held for samples.
    std::size_t memory_bytes() const;
    // Bytes start() will allocate for `trials` trials of `s` (checked by callers against their budget
    // before starting: io/input_limits.h).
    // 64-bit: 1,000,000 trials of a large scenario exceed a 32-bit size_t in WASM.
    static std::uint64_t bytes_for(const Scenario& s, std::int64_t trials);

private:
    std::unique_ptr<Scenario> scenario_;
    std::int64_t trials_ = 0, done_ = 0;
    std::uint64_t seed_ = 0, run_id_ = 0;
    bool cancelled_ = false;
    int T_ = 0;
    Result det_;
    std::unique_ptr<TrialRunner> runner_;
    std::vector<int> slot_;        // per metric: its column in samples_, or -1 (0 or derived)
    int columns_ = 0;
    // The kept stakeholder figures, in column order: what record() copies from each trial's result.
    struct KeptFigure {
        int column, provider;                 // provider -1: the buyer
        double BuyerView::*buyer = nullptr;
        double ProviderView::*figure = nullptr;
    };
    std::vector<KeptFigure> kept_;
    std::vector<double> samples_;  // column-major: samples_[column * trials_ + i]
    std::vector<float> bands_;     // [(kind * T + q) * trials_ + i]: offset from the deterministic value
    std::vector<std::pair<std::int64_t, std::int64_t>> waiting_;  // accepted blocks beyond done_, sorted

    // A stakeholder figure that is neither kept nor derived: 0 in every trial by the scenario's structure.
    bool always_zero(int metric) const;
    // A metric's samples over the first n trials (n ≤ trials_done()).
    const double* sample_column(int metric, std::int64_t n, std::vector<double>& scratch) const;
    const double* column(int c) const { return &samples_[static_cast<std::size_t>(c) * static_cast<std::size_t>(trials_)]; }
    // Writes trial `row`'s figures into columns[c * n + row] and bands[(kind * T + q) * n + row].
    void record(const Result& r, std::size_t row, double* columns, float* bands, std::size_t n) const;
    void record(const Result& r, std::int64_t trial) {
        record(r, static_cast<std::size_t>(trial), samples_.data(), bands_.data(), static_cast<std::size_t>(trials_));
    }
};

}  // namespace pactscope
