// stats.h — summaries of Monte Carlo samples (MODEL §6, §8).
//
// Percentiles interpolate linearly between order statistics (Hyndman & Fan
// type 7, the default of R, NumPy and spreadsheets' PERCENTILE.INC), so a column
// of identical values has every percentile equal to that value. Missing values
// (NaN: a null total in that trial) are left out and counted (MODEL §10.11).
#pragma once
#include <cstdint>
#include <vector>

namespace pactscope {

struct Stat {
    double mean = 0, p5 = 0, p10 = 0, p50 = 0, p90 = 0, p95 = 0;
    std::int64_t count = 0;     // values present
    double share_missing = 0;   // share of the samples that were NaN
};

// Summary of n samples (NaN = missing). `scratch` is reused between calls.
Stat summarize(const double* x, std::int64_t n, std::vector<double>& scratch);

// Percentiles `probs` (ascending, in [0, 1]) of the n values in `v`, which are reordered.
void percentiles_inplace(double* v, std::int64_t n, const double* probs, int k, double* out);

// Spearman rank correlation of two equally long samples (average ranks for ties);
// 0 when either side is constant.
double spearman(const std::vector<double>& x, const std::vector<double>& y);

// Pearson correlation; 0 when either side is constant.
double pearson(const std::vector<double>& x, const std::vector<double>& y);

// Average ranks (1-based) of the values, ties sharing their mean rank.
std::vector<double> ranks(const std::vector<double>& x);

}  // namespace pactscope
