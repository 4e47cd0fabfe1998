// analysis.h — the questions asked of a model beyond one run (MODEL §8).
//
//   compare      2–4 Monte Carlo runs with common random numbers: paired deltas, P(A better than B)
//   tornado      each uncertain input at its P10 and P90, the others at their medians
//   importance   rank correlation of each input's draws with an output, over the Monte Carlo trials
//   sweep        1-D or 2-D grid over input paths: a metric per cell, or the best scenario (regime map)
//   break_even   the value of one input at which two scenarios' metric is equal
//
// Deterministic analyses (tornado, sweep, break-even) evaluate at the medians with
// the swept inputs replaced by plain values; they reuse one Workspace, so a grid
// of thousands of cells is milliseconds.
#pragma once
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/metric.h"
#include "uncertainty/montecarlo.h"

namespace pactscope {

// ---- compare ------------------------------------------------------------------------------------
struct PairedDelta {
    Stat delta;            // b − a, over the trials where both are present
    double p_a_lower = 0;  // share of those trials with a < b (beyond a 1e-9 relative tie band)
    double p_b_lower = 0;
    double p_equal = 0;
    int direction = -1;    // metric_direction: which way is better
    // P(A better than B) in the metric's own direction (p_a_lower for costs); NaN when neutral.
    double p_a_better() const;
    double p_b_better() const;
};

struct PairComparison {
    int a = 0, b = 1;                                 // indices into the compared runs
    std::vector<PairedDelta> totals;                  // total_fields() order
    std::vector<PairedDelta> buyer;                   // buyer_figures() order
    std::vector<std::string> provider_ids;            // providers present in both (matched by id)
    std::vector<std::vector<PairedDelta>> providers;  // per such provider, provider_figures() order
};

struct Comparison {
    std::vector<McSummary> summaries;
    std::vector<PairComparison> pairs;      // every (a, b) with a < b
};

// The runs must have the same trial count and seed (their draws then pair up by JSON pointer).
Comparison compare(const std::vector<const Simulation*>& runs);
// The pair of runs a and b (a < b: its deltas are b − a), or nullptr.
const PairComparison* find_pair(const Comparison& c, int a, int b);

// A metric's Monte Carlo statistics in the summary of a run of `s`, and its paired deltas in a pair; a
// provider's figure is found by the provider's id (Metric::provider_id), so a metric parsed in one deal reads
// every deal. nullptr where that provider is absent.
const Stat* metric_stat(const McSummary& summary, const Scenario& s, const Metric& m);
const PairedDelta* metric_delta(const PairComparison& pair, const Metric& m);

// ---- sensitivity --------------------------------------------------------------------------------
struct TornadoBar {
    QRef quantity = -1;
    std::string pointer;
    double value_p10 = 0, value_p90 = 0;    // the input at its P10 and P90
    double metric_p10 = 0, metric_p90 = 0;  // the metric with the input there
    double swing() const { return metric_p90 - metric_p10; }
};
struct Tornado {
    double base = 0;               // the metric at the medians
    std::vector<TornadoBar> bars;  // largest |swing| first; inputs that move nothing are left out
};
Tornado tornado(const Scenario& s, const Metric& m);

struct Importance {
    QRef quantity = -1;
    std::string pointer;
    double rank_correlation = 0;   // Spearman, over the trials done
};
// `sample_metric` is an index as in Simulation::sample_column(). Largest |correlation| first.
std::vector<Importance> importance(const Simulation& sim, int sample_metric);
// Index of a metric in Simulation::sample_column() (every total and stakeholder figure has one).
int sample_metric_index(const Simulation& sim, const Metric& m);

// ---- sweep and break-even -----------------------------------------------------------------------
struct SweepAxis {
    std::string pointer;                // the input in the first scenario (what a table's header names)
    // The same input in each scenario the axis was built for, in their order: deals whose clause or provider
    // lists differ hold it at different pointers (the page matches them by name: scenario_inputs.h same_input).
    std::vector<std::string> pointers;
    std::vector<double> values;  // quarter inputs (AGI date): absolute quarter indices
    bool quarters = false;

    const std::string& pointer_in(std::size_t k) const { return k < pointers.size() ? pointers[k] : pointer; }
    // The axis for two of its scenarios, in the order given (break_even's A and B).
    SweepAxis for_pair(std::size_t a, std::size_t b) const;
};

// Builds an axis of `steps` evenly spaced values from lo to hi inclusive, checking `pointers[k]` names a
// numeric input of scenario k and the values are in its range.
std::optional<SweepAxis> sweep_axis(const std::vector<const Scenario*>& scenarios, const std::vector<std::string>& pointers,
                                    double lo, double hi, int steps, bool quarters, std::string& error);
// The same, with one pointer naming the input in every scenario (the CLI's --param PATH).
std::optional<SweepAxis> sweep_axis(const std::vector<const Scenario*>& scenarios, const std::string& pointer, double lo,
                                    double hi, int steps, bool quarters, std::string& error);

struct SweepGrid {
    std::vector<SweepAxis> axes;               // 1 or 2
    std::vector<std::vector<double>> values;   // per scenario, cells with the first axis major
    std::vector<int> best;                     // per cell: the best scenario by the metric's direction (-1: none)
};

SweepGrid sweep(const std::vector<const Scenario*>& scenarios, const std::vector<Metric>& metric_per_scenario,
                const std::vector<SweepAxis>& axes);

// Two metric values compare, sweep and break_even count as equal: a relative difference of at most 1e-9.
bool metric_tie(double a, double b);

struct BreakEven {
    bool found = false;
    double value = 0;                // the input value (absolute quarter index for quarter inputs)
    double metric_a = 0, metric_b = 0;
    bool jump = false;               // the difference changes sign by a jump (dispatch is discrete), not a crossing
    double lo = 0, hi = 0;
    double diff_lo = 0, diff_hi = 0;  // metric_a − metric_b at the ends of the range (NaN if null)
    // metric_a − metric_b at the scan points just below and just above the value found (NaN when the value is
    // an end of the range, or null there): which deal is better on each side of this crossing, whatever
    // further crossings the range holds.
    double diff_below = std::numeric_limits<double>::quiet_NaN(), diff_above = std::numeric_limits<double>::quiet_NaN();
};
// Scans [lo, hi] in 64 intervals for the first sign change of metric_a − metric_b, then bisects it.
// `range` is built for {a, b} in that order (its pointer_in(0) moves a's input, pointer_in(1) b's).
BreakEven break_even(const Scenario& a, const Metric& ma, const Scenario& b, const Metric& mb, const SweepAxis& range);

}  // namespace pactscope
