// sweep_crossings.cpp — see sweep_crossings.h.
#include "analysis/sweep_crossings.h"

#include <algorithm>
#include <cmath>
#include <optional>

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

// The axis for (a, b) over [from, hi], as break_even scans it: 64 intervals, or one a quarter.
SweepAxis scan_axis(const SweepAxis& pair, double from, double hi) {
    SweepAxis out = pair;
    out.values.clear();
    const int intervals = pair.quarters ? static_cast<int>(hi - from) : 64;
    for (int i = 0; i <= intervals; ++i) out.values.push_back(i >= intervals ? hi : from + (hi - from) * i / std::max(1, intervals));
    return out;
}

}  // namespace

PairCrossings pair_crossings(const Scenario& a, const Metric& ma, const Scenario& b, const Metric& mb, const SweepAxis& pair, double lo, double hi) {
    PairCrossings out;
    // The first scan point from `from` on where the two differ; none when they are equal all the way to hi.
    auto parting = [&](double from) -> std::optional<double> {
        const SweepAxis scan = scan_axis(pair, from, hi);
        const SweepGrid g = sweep({&a, &b}, {ma, mb}, {scan});
        for (std::size_t i = 0; i < scan.values.size(); ++i)
            if (!metric_tie(g.values[0][i], g.values[1][i])) return scan.values[i];
        return std::nullopt;
    };
    if (!parting(lo)) {  // an owned fleet's net, $0 in both: no break-even at each step of the search
        out.equal_throughout = true;
        return out;
    }
    double from = lo;
    for (int k = 0; k < kMaxCrossingsPerPair && from < hi; ++k) {
        SweepAxis range = pair;
        range.values = {from, hi};
        const BreakEven be = break_even(a, ma, b, mb, range);
        if (!be.found) {
            if (k == 0) out.none = be;
            break;
        }
        out.found.push_back(be);
        from = be.value + (pair.quarters ? 1 : (hi - lo) / 256);
        // Equal from there on: where they part again is no crossing; the search for the next one starts there.
        if (!be.jump && be.diff_above == 0) {
            const std::optional<double> parts = parting(be.value);
            if (!parts) break;
            from = std::max(from, *parts);
        }
    }
    return out;
}

std::vector<SweepCrossing> sweep_crossings(const std::vector<const Scenario*>& scenarios, const std::vector<Metric>& metrics,
                                           const SweepGrid& g) {
    std::vector<SweepCrossing> out;
    if (g.axes.empty() || scenarios.size() < 2 || metrics.size() < scenarios.size()) return out;
    const SweepAxis& first = g.axes[0];
    if (g.axes.size() == 1) {  // one input: each pair's crossings as the page finds them
        for (std::size_t a = 0; a < scenarios.size(); ++a)
            for (std::size_t b = a + 1; b < scenarios.size(); ++b)
                for (const BreakEven& be : pair_crossings(*scenarios[a], metrics[a], *scenarios[b], metrics[b], first.for_pair(a, b),
                                                          first.values.front(), first.values.back()).found) {
                    SweepCrossing x;
                    x.a = static_cast<int>(a), x.b = static_cast<int>(b);
                    x.at = be;
                    out.push_back(x);
                }
        return out;
    }
    const std::size_t n0 = first.values.size();
    const std::size_t n1 = g.axes[1].values.size();
    for (std::size_t a = 0; a < scenarios.size(); ++a)
        for (std::size_t b = a + 1; b < scenarios.size(); ++b)
            for (std::size_t j = 0; j < n1; ++j) {  // row j: the second input held at its j-th value
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
                        x.row = static_cast<int>(j);
                        if (i == last + 1) {
                            SweepAxis range = first.for_pair(a, b);
                            range.values = {first.values[last], first.values[i]};
                            const Scenario sa = held_at(*scenarios[a], g.axes[1], a, g.axes[1].values[j]);
                            const Scenario sb = held_at(*scenarios[b], g.axes[1], b, g.axes[1].values[j]);
                            x.at = break_even(sa, metrics[a], sb, metrics[b], range);
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
