#include "analysis/analysis.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "model/number_text.h"

namespace pactscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// A field's valid range in words: "> 0", ">= 0", "in [0, 1]", "in (0, 1]".
std::string range_text(const Quantity& q) {
    if (std::isinf(q.range_hi)) return (q.range_lo_open ? "> " : ">= ") + shortest_number(q.range_lo);
    return std::string("in ") + (q.range_lo_open ? "(" : "[") + shortest_number(q.range_lo) + ", " + shortest_number(q.range_hi) + "]";
}

bool tie(double a, double b) { return metric_tie(a, b); }

// Median values of a scenario with some inputs replaced, evaluated into a reused result.
class PointEvaluator {
public:
    explicit PointEvaluator(const Scenario& s) : s_(s), base_(s.medians()), values_(base_) {}
    void reset() { values_ = base_; }
    // Sets the axis' input of scenario k (the scenario this evaluator runs, k-th of those the axis was built for).
    bool set(const SweepAxis& axis, std::size_t k, double x) {
        QRef q = s_.find_quantity(axis.pointer_in(k));
        if (q < 0) return false;
        values_[q] = axis.quarters ? x - s_.start : x;
        return true;
    }
    void set_quantity(QRef q, double x) { values_[q] = x; }
    const Result& evaluate() {
        evaluate_into(s_, values_.data(), nullptr, ws_, r_);
        return r_;
    }

private:
    const Scenario& s_;
    std::vector<double> base_, values_;
    Workspace ws_;
    Result r_;
};

}  // namespace

double PairedDelta::p_a_better() const { return direction < 0 ? p_a_lower : direction > 0 ? p_b_lower : kNaN; }
double PairedDelta::p_b_better() const { return direction < 0 ? p_b_lower : direction > 0 ? p_a_lower : kNaN; }

namespace {
template <class T>
const T* row_at(const std::vector<T>& rows, int i) {
    return i >= 0 && static_cast<std::size_t>(i) < rows.size() ? &rows[static_cast<std::size_t>(i)] : nullptr;
}
}  // namespace

const Stat* metric_stat(const McSummary& summary, const Scenario& s, const Metric& m) {
    switch (m.kind) {
        case Metric::Kind::total: return row_at(summary.totals, m.index);
        case Metric::Kind::buyer: return row_at(summary.buyer, m.index);
        case Metric::Kind::provider:
            for (std::size_t p = 0; p < s.providers.size() && p < summary.providers.size(); ++p)
                if (s.providers[p].id == m.provider_id) return row_at(summary.providers[p], m.index);
    }
    return nullptr;
}

const PairComparison* find_pair(const Comparison& c, int a, int b) {
    for (const PairComparison& pc : c.pairs)
        if (pc.a == a && pc.b == b) return &pc;
    return nullptr;
}

const PairedDelta* metric_delta(const PairComparison& pair, const Metric& m) {
    switch (m.kind) {
        case Metric::Kind::total: return row_at(pair.totals, m.index);
        case Metric::Kind::buyer: return row_at(pair.buyer, m.index);
        case Metric::Kind::provider:
            for (std::size_t p = 0; p < pair.provider_ids.size(); ++p)
                if (pair.provider_ids[p] == m.provider_id) return row_at(pair.providers[p], m.index);
    }
    return nullptr;
}

Tornado tornado(const Scenario& s, const Metric& m) {
    Tornado t;
    PointEvaluator ev(s);
    t.base = metric_value(m, ev.evaluate());
    for (QRef q = 0; q < static_cast<QRef>(s.quantities.size()); ++q) {
        const Quantity& qt = s.quantities[q];
        if (!qt.uncertain()) continue;
        TornadoBar bar;
        bar.quantity = q;
        bar.pointer = qt.pointer;
        bar.value_p10 = qt.quantile(0.10);
        bar.value_p90 = qt.quantile(0.90);
        ev.reset();
        ev.set_quantity(q, bar.value_p10);
        bar.metric_p10 = metric_value(m, ev.evaluate());
        ev.set_quantity(q, bar.value_p90);
        bar.metric_p90 = metric_value(m, ev.evaluate());
        const bool moves = !(tie(bar.metric_p10, t.base) && tie(bar.metric_p90, t.base)) ||
                           std::isnan(bar.metric_p10) != std::isnan(bar.metric_p90);
        if (moves) t.bars.push_back(bar);
    }
    auto size = [&](const TornadoBar& b) {
        double lo = std::isnan(b.metric_p10) ? t.base : b.metric_p10, hi = std::isnan(b.metric_p90) ? t.base : b.metric_p90;
        return std::max(std::fabs(lo - t.base), std::fabs(hi - t.base)) + std::fabs(hi - lo);
    };
    std::stable_sort(t.bars.begin(), t.bars.end(), [&](const TornadoBar& x, const TornadoBar& y) { return size(x) > size(y); });
    return t;
}

int sample_metric_index(const Simulation& sim, const Metric& m) {
    switch (m.kind) {
        case Metric::Kind::total: return m.index;
        case Metric::Kind::buyer: return Simulation::buyer_metric(m.index);
        case Metric::Kind::provider: return sim.provider_metric(m.provider, m.index);
    }
    return -1;
}

std::vector<Importance> importance(const Simulation& sim, int sample_metric) {
    std::vector<Importance> out;
    if (!sim.started() || sim.trials_done() < 3) return out;
    const Scenario& s = sim.scenario();
    Sampler sampler(s, sim.seed());
    const std::int64_t n = sim.trials_done();
    const std::vector<QRef>& qs = sampler.uncertain();
    // Regenerate the draws (they depend only on seed, trial and input) rather than storing them.
    std::vector<std::vector<double>> draws(qs.size(), std::vector<double>(static_cast<std::size_t>(n)));
    std::vector<double> values = s.medians();
    for (std::int64_t i = 0; i < n; ++i) {
        sampler.draw_inputs(i, values.data());
        for (std::size_t k = 0; k < qs.size(); ++k) draws[k][static_cast<std::size_t>(i)] = values[qs[k]];
    }
    // Trials where the output is null are left out.
    std::vector<double> column;
    const double* y = sim.sample_column(sample_metric, column);
    std::vector<std::size_t> keep;
    for (std::int64_t i = 0; i < n; ++i)
        if (!std::isnan(y[i])) keep.push_back(static_cast<std::size_t>(i));
    std::vector<double> ys, xs;
    for (std::size_t i : keep) ys.push_back(y[i]);
    for (std::size_t k = 0; k < qs.size(); ++k) {
        xs.clear();
        for (std::size_t i : keep) xs.push_back(draws[k][i]);
        out.push_back(Importance{qs[k], s.quantities[qs[k]].pointer, spearman(xs, ys)});
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Importance& a, const Importance& b) { return std::fabs(a.rank_correlation) > std::fabs(b.rank_correlation); });
    return out;
}

SweepAxis SweepAxis::for_pair(std::size_t a, std::size_t b) const {
    SweepAxis out = *this;
    out.pointer = pointer_in(a);
    out.pointers = {pointer_in(a), pointer_in(b)};
    return out;
}

std::optional<SweepAxis> sweep_axis(const std::vector<const Scenario*>& scenarios, const std::string& pointer, double lo,
                                    double hi, int steps, bool quarters, std::string& error) {
    return sweep_axis(scenarios, std::vector<std::string>(scenarios.size(), pointer), lo, hi, steps, quarters, error);
}

std::optional<SweepAxis> sweep_axis(const std::vector<const Scenario*>& scenarios, const std::vector<std::string>& pointers,
                                    double lo, double hi, int steps, bool quarters, std::string& error) {
    if (pointers.size() != scenarios.size() || pointers.empty()) {
        error = "one input per scenario is needed";
        return std::nullopt;
    }
    if (!(lo <= hi)) {
        error = "LO must be at most HI";
        return std::nullopt;
    }
    if (steps < 1 || steps > 10000) {
        error = "STEPS must be 1 to 10,000";
        return std::nullopt;
    }
    SweepAxis axis;
    axis.pointer = pointers[0];
    axis.pointers = pointers;
    for (std::size_t k = 0; k < scenarios.size(); ++k) {
        const Scenario* s = scenarios[k];
        const std::string& pointer = pointers[k];
        QRef q = s->find_quantity(pointer);
        if (q < 0) {
            error = "\"" + pointer + "\" is not a numeric input of scenario \"" + s->name + "\"";
            return std::nullopt;
        }
        const Quantity& qt = s->quantities[q];
        const bool is_quarter = qt.form == Form::label || qt.dist == Dist::quarters;
        if (is_quarter != quarters) {
            error = is_quarter ? "\"" + pointer + "\" is a quarter: give LO and HI as quarter labels (2028Q1)"
                               : "\"" + pointer + "\" is a number, not a quarter";
            return std::nullopt;
        }
        // MODEL §10.2: an open bound ("> 0", "> -1") refuses its limit itself, as the reader does.
        const bool below = qt.range_lo_open ? !(lo > qt.range_lo) : lo < qt.range_lo;
        if (!quarters && (below || hi > qt.range_hi)) {
            error = "values of \"" + pointer + "\" must be " + range_text(qt) + "; " + shortest_number(below ? lo : hi) +
                    " is not allowed" + (below && qt.range_lo_open && lo == qt.range_lo ? " (the bound is open: start LO just above it)" : "");
            return std::nullopt;
        }
    }
    axis.quarters = quarters;
    for (int i = 0; i < steps; ++i) {
        double x = steps == 1 ? lo : lo + (hi - lo) * i / (steps - 1);
        if (quarters) x = std::round(x);
        axis.values.push_back(i == steps - 1 ? hi : x);
    }
    if (quarters) axis.values.erase(std::unique(axis.values.begin(), axis.values.end()), axis.values.end());
    return axis;
}

bool metric_tie(double a, double b) { return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b)); }

SweepGrid sweep(const std::vector<const Scenario*>& scenarios, const std::vector<Metric>& metrics, const std::vector<SweepAxis>& axes) {
    SweepGrid g;
    g.axes = axes;
    const std::size_t n0 = axes.empty() ? 1 : axes[0].values.size();
    const std::size_t n1 = axes.size() > 1 ? axes[1].values.size() : 1;
    g.values.assign(scenarios.size(), std::vector<double>(n0 * n1, kNaN));
    for (std::size_t k = 0; k < scenarios.size(); ++k) {
        PointEvaluator ev(*scenarios[k]);
        for (std::size_t i = 0; i < n0; ++i)
            for (std::size_t j = 0; j < n1; ++j) {
                if (!axes.empty()) ev.set(axes[0], k, axes[0].values[i]);
                if (axes.size() > 1) ev.set(axes[1], k, axes[1].values[j]);
                g.values[k][i * n1 + j] = metric_value(metrics[k], ev.evaluate());
            }
    }
    const int dir = metrics.empty() ? -1 : metric_direction(metrics[0]);
    g.best.assign(n0 * n1, -1);
    for (std::size_t c = 0; c < n0 * n1; ++c)
        for (std::size_t k = 0; k < scenarios.size(); ++k) {
            const double v = g.values[k][c];
            if (std::isnan(v)) continue;
            const int b = g.best[c];
            if (b < 0) { g.best[c] = static_cast<int>(k); continue; }
            const double bv = g.values[b][c];
            if (tie(v, bv)) continue;  // ties go to the earlier scenario
            if (dir > 0 ? v > bv : v < bv) g.best[c] = static_cast<int>(k);
        }
    return g;
}

BreakEven break_even(const Scenario& a, const Metric& ma, const Scenario& b, const Metric& mb, const SweepAxis& range) {
    BreakEven be;
    if (range.values.empty()) return be;
    be.lo = range.values.front();
    be.hi = range.values.back();
    PointEvaluator ea(a), eb(b);
    auto diff = [&](double x, double& va, double& vb) {
        ea.set(range, 0, x);
        eb.set(range, 1, x);
        va = metric_value(ma, ea.evaluate());
        vb = metric_value(mb, eb.evaluate());
        return va - vb;
    };
    auto settle = [&](double x) {
        be.found = true;
        be.value = x;
        diff(x, be.metric_a, be.metric_b);
        be.jump = !tie(be.metric_a, be.metric_b) && std::fabs(be.metric_a - be.metric_b) > 1e-6 * std::max(std::fabs(be.metric_a), std::fabs(be.metric_b));
        return be;
    };
    const int intervals = range.quarters ? static_cast<int>(be.hi - be.lo) : 64;
    auto scan_point = [&](int i) { return i >= intervals ? be.hi : be.lo + (be.hi - be.lo) * i / intervals; };
    double va, vb;
    be.diff_hi = diff(be.hi, va, vb);
    // Equal at scan point i: the sides are the scan points either side (the next one evaluated here).
    auto settle_at_point = [&](int i, double below) {
        settle(scan_point(i));
        be.diff_below = below;
        if (i < intervals) {
            double a2, b2;
            be.diff_above = diff(scan_point(i + 1), a2, b2);
            if (!std::isnan(be.diff_above) && tie(a2, b2)) be.diff_above = 0;  // equal there too, within the tie tolerance
        }
        return be;
    };
    double x0 = be.lo, f0 = diff(x0, va, vb);
    be.diff_lo = f0;
    if (!std::isnan(f0) && (f0 == 0 || tie(va, vb))) return settle_at_point(0, kNaN);
    for (int i = 1; i <= intervals; ++i) {
        double x1 = scan_point(i);
        double f1 = diff(x1, va, vb);
        if (!std::isnan(f1) && (f1 == 0 || tie(va, vb))) return settle_at_point(i, f0);
        if (!std::isnan(f0) && !std::isnan(f1) && (f0 < 0) != (f1 < 0)) {
            if (range.quarters) {  // whole quarters: the first quarter past the crossing
                settle(x1);
                be.diff_below = f0, be.diff_above = f1;
                return be;
            }
            double lo = x0, hi = x1, flo = f0;
            for (int it = 0; it < 200 && hi - lo > 1e-12 * std::max(1.0, std::fabs(hi)); ++it) {
                double mid = 0.5 * (lo + hi), fm = diff(mid, va, vb);
                if (std::isnan(fm)) break;
                if ((fm < 0) == (flo < 0)) lo = mid, flo = fm;
                else hi = mid;
            }
            settle(0.5 * (lo + hi));
            be.diff_below = f0, be.diff_above = f1;
            return be;
        }
        x0 = x1, f0 = f1;
    }
    return be;
}

}  // namespace pactscope
