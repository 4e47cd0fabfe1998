// sweep_crossings.h — the break-even values of a sweep: where two scenarios' curves cross (MODEL §8).
//
// What it is: for every pair of swept scenarios (a < b), where metric(a) − metric(b) changes sign. Along one
// input, break_even() searches the sweep's range afresh from each crossing (pair_crossings), so the crossings
// do not depend on the sweep's steps and are those the page's Sweep tab and `pactscope breakeven` give. With
// two inputs, each interval of the first axis over which the sign changes is bisected by break_even() between
// its two grid values, for each value of the second (a break-even curve, one point per row; the second input
// held at its row's value).
// What it is not, with two inputs: a search beyond the grid. A crossing between two grid values where the
// difference changes sign twice is not seen there.
//
// Usage:
//   SweepGrid g = sweep(ss, metrics, axes);
//   for (const SweepCrossing& x : sweep_crossings(ss, metrics, g)) … x.at.value, x.at.jump …
#pragma once
#include <vector>

#include "analysis/analysis.h"

namespace pactscope {

struct SweepCrossing {
    int a = 0, b = 1;   // scenario indices, a < b
    int row = -1;       // 2-D sweeps: the index on the second axis this crossing belongs to; -1 for 1-D
    BreakEven at;       // found; value on the first axis, metric_a, metric_b, jump (a step, not a crossing)
};

// In order of pair (a, b), then row, then position along the first axis. A sweep of one input takes each pair's
// crossings from pair_crossings (below), as the page's Sweep tab shows them and `pactscope breakeven` finds the
// first; a sweep of two inputs bisects the grid intervals where the sign changes, row by row.
std::vector<SweepCrossing> sweep_crossings(const std::vector<const Scenario*>& scenarios, const std::vector<Metric>& metric_per_scenario,
                                           const SweepGrid& grid);

// The crossings of two deals' curves along one input from lo to hi: break_even() over [lo, hi] (the CLI's
// `breakeven`), then again from just past each crossing, up to kMaxCrossingsPerPair; where the two stay equal
// after a crossing, the search goes on from where they part. `pair` is the axis built for (a, b)
// (SweepAxis::for_pair); only its pointers and kind are read. Searching a range afresh from each crossing finds
// the same crossings whatever grid a sweep drew, so its table, its CSV and the page agree.
inline constexpr int kMaxCrossingsPerPair = 4;
struct PairCrossings {
    std::vector<BreakEven> found;   // in order along the input
    bool equal_throughout = false;  // no scan point of [lo, hi] tells them apart: no crossing, and nothing to choose
    BreakEven none;                 // when nothing was found and they are not equal throughout: the scan's ends
};
PairCrossings pair_crossings(const Scenario& a, const Metric& ma, const Scenario& b, const Metric& mb, const SweepAxis& pair, double lo, double hi);

}  // namespace pactscope
