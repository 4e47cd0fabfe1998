#include "uncertainty/stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace pactscope {

void percentiles_inplace(double* v, std::int64_t n, const double* probs, int k, double* out) {
    // Each percentile needs the order statistic at lo = floor(p (n − 1)) and, between two ranks, the next one
    // up: the smallest value after lo. Ranks are placed in ascending order with nth_element, each on what lies
    // after the previous one; the next rank needed is placed before that minimum is taken, so the minimum
    // only scans the values between the two ranks instead of everything above lo.
    std::int64_t placed = -1;  // v[placed] holds its order statistic, and v[0 .. placed] ≤ everything after
    auto place = [&](std::int64_t r) {
        if (r > placed) std::nth_element(v + placed + 1, v + r, v + n), placed = r;
    };
    for (int i = 0; i < k; ++i) {
        const double h = probs[i] * static_cast<double>(n - 1);
        const auto lo = static_cast<std::int64_t>(std::floor(h));
        place(lo);
        double x = v[lo];
        if (h > static_cast<double>(lo) && lo + 1 < n) {
            std::int64_t end = n;  // the minimum of v[lo+1 .. n) lies in v[lo+1 .. end)
            for (int j = i + 1; j < k; ++j) {
                const auto next = static_cast<std::int64_t>(std::floor(probs[j] * static_cast<double>(n - 1)));
                if (next > lo) {
                    place(next);
                    end = next + 1;
                    break;
                }
            }
            double next = *std::min_element(v + lo + 1, v + end);
            x += (h - static_cast<double>(lo)) * (next - x);
        }
        out[i] = x;
    }
}

Stat summarize(const double* x, std::int64_t n, std::vector<double>& scratch) {
    Stat st;
    scratch.clear();
    for (std::int64_t i = 0; i < n; ++i)
        if (!std::isnan(x[i])) scratch.push_back(x[i]);
    st.count = static_cast<std::int64_t>(scratch.size());
    st.share_missing = n > 0 ? static_cast<double>(n - st.count) / static_cast<double>(n) : 0;
    if (st.count == 0) return st;
    // Mean as ref + mean deviation: exact when every value is equal.
    const double ref = scratch.front();
    double dev = 0;
    for (double v : scratch) dev += v - ref;
    st.mean = ref + dev / static_cast<double>(st.count);
    static const double probs[] = {0.05, 0.10, 0.50, 0.90, 0.95};
    double p[5];
    percentiles_inplace(scratch.data(), st.count, probs, 5, p);
    st.p5 = p[0], st.p10 = p[1], st.p50 = p[2], st.p90 = p[3], st.p95 = p[4];
    return st;
}

std::vector<double> ranks(const std::vector<double>& x) {
    const std::size_t n = x.size();
    std::vector<std::size_t> idx(n);
    std::iota(idx.begin(), idx.end(), std::size_t{0});
    std::stable_sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
    std::vector<double> r(n);
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && x[idx[j + 1]] == x[idx[i]]) ++j;
        const double avg = 0.5 * static_cast<double>(i + j) + 1;
        for (std::size_t k = i; k <= j; ++k) r[idx[k]] = avg;
        i = j + 1;
    }
    return r;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
    const std::size_t n = std::min(x.size(), y.size());
    if (n < 2) return 0;
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) mx += x[i], my += y[i];
    mx /= static_cast<double>(n), my /= static_cast<double>(n);
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = x[i] - mx, dy = y[i] - my;
        sxy += dx * dy, sxx += dx * dx, syy += dy * dy;
    }
    if (sxx <= 0 || syy <= 0) return 0;
    return sxy / std::sqrt(sxx * syy);
}

double spearman(const std::vector<double>& x, const std::vector<double>& y) { return pearson(ranks(x), ranks(y)); }

}  // namespace pactscope
