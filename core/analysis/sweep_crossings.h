// sweep_crossings.h — the break-even values of a sweep: where two scenarios' curves cross (MODEL §8).
//
// What it is: for every pair of swept scenarios (a < b), each interval of the first axis over which
// metric(a) − metric(b) changes sign is bisected by break_even() between its two grid values, so the
// crossing is exact to the break-even's precision rather than to the grid's. With two axes this is done
// along the first axis for each value of the second (a break-even curve, one point per row); the second
// input is held at its row's value.
// What it is not: a search beyond the grid. A crossing between two grid values where the difference
// changes sign twice is not seen; a sweep fine enough to show the curves shows their crossings.
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

// In order of pair (a, b), then row, then position along the first axis.
std::vector<SweepCrossing> sweep_crossings(const std::vector<const Scenario*>& scenarios, const std::vector<Metric>& metric_per_scenario,
                                           const SweepGrid& grid);

}  // namespace pactscope
