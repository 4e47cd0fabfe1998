// sweep_crossings.cpp — see sweep_crossings.h.
#include "analysis/sweep_crossings.h"

#include <algorithm>
#include <cmath>

namespace pactscope {

namespace {

// -1, 0 (a tie) or +1 for metric(a) − metric(b); 2 when either is null.
int sign_of(double va, double vb) {
    if (std::isnan(va) || std::isnan(vb)) return 2;
    if (metric_tie(va, vb)) return 0;  // as compare and sweep count ties
    return va < vb ? -1 : 1;
}

// Scenario k (of those `axis` was built for) with the axis' input held at `x` (a plain value, as a sweep sets it).
Scenario held_at(const Scenario& s, const SweepAxis& axis, std::size_t k, double x) {
    Scenario out = s;
    const QRef q = out.find_quantity(axis.pointer_in(k));
    if (q >= 0) {
        Quantity& qt = out.quantities[static_cast<std::size_t>(q)];
        qt.dist = Dist::point;
        qt.has_clip = false;
        qt.clip_lo = -kInf, qt.clip_hi = kInf;
        qt.p0 = axis.quarters ? x - s.start : x;
    }
    return out;
}

}  // namespace

std::vector<SweepCrossing> sweep_crossings(const std::vector<const Scenario*>& scenarios, const std::vector<Metric>& metrics,
                                           const SweepGrid& g) {
    std::vector<SweepCrossing> out;
    if (g.axes.empty() || scenarios.size() < 2 || metrics.size() < scenarios.size()) return out;
    const SweepAxis& first = g.axes[0];
    const std::size_t n0 = first.values.size();
    const std::size_t n1 = g.axes.size() > 1 ? g.axes[1].values.size() : 1;
    for (std::size_t a = 0; a < scenarios.size(); ++a)
        for (std::size_t b = a + 1; b < scenarios.size(); ++b)
            for (std::size_t j = 0; j < n1; ++j) {
                const bool two_d = g.axes.size() > 1;
                auto va = [&](std::size_t i) { return g.values[a][i * n1 + j]; };
                auto vb = [&](std::size_t i) { return g.values[b][i * n1 + j]; };
                // The last grid point with a known, untied sign; a crossing is where the next one has the other sign.
                std::size_t last = n0;
                for (std::size_t i = 0; i < n0; ++i) {
                    const int s = sign_of(va(i), vb(i));
                    if (s == 2) {
                        last = n0;  // a null breaks the curve
                        continue;
                    }
                    if (s == 0) continue;
                    if (last < n0 && s != sign_of(va(last), vb(last))) {
                        SweepCrossing x;
                        x.a = static_cast<int>(a), x.b = static_cast<int>(b);
                        x.row = two_d ? static_cast<int>(j) : -1;
                        if (i == last + 1) {
                            SweepAxis range = first.for_pair(a, b);
                            range.values = {first.values[last], first.values[i]};
                            if (two_d) {
                                const Scenario sa = held_at(*scenarios[a], g.axes[1], a, g.axes[1].values[j]);
                                const Scenario sb = held_at(*scenarios[b], g.axes[1], b, g.axes[1].values[j]);
                                x.at = break_even(sa, metrics[a], sb, metrics[b], range);
                            } else {
                                x.at = break_even(*scenarios[a], metrics[a], *scenarios[b], metrics[b], range);
                            }
                        } else {  // equal at the grid points between: the first of them is where they meet
                            const std::size_t k = last + 1;
                            x.at.found = true;
                            x.at.value = first.values[k];
                            x.at.metric_a = va(k), x.at.metric_b = vb(k);
                            x.at.lo = first.values[last], x.at.hi = first.values[i];
                            x.at.diff_lo = va(last) - vb(last), x.at.diff_hi = va(i) - vb(i);
                            x.at.diff_below = x.at.diff_lo, x.at.diff_above = x.at.diff_hi;
                        }
                        if (x.at.found) out.push_back(x);
                    }
                    last = i;
                }
            }
    return out;
}

}  // namespace pactscope
