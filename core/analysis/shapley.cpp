// shapley.cpp — exact and sampled Shapley values (see shapley.h; MODEL §8, §13).
#include "analysis/shapley.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <numeric>

#include "uncertainty/random.h"

namespace pactscope {

void CompensatedSum::add(double x) {
    const double t = sum_ + x;
    c_ += std::fabs(sum_) >= std::fabs(x) ? (sum_ - t) + x : (x - t) + sum_;
    sum_ = t;
}

namespace {

std::optional<ShapleyValues> exact(int n, const CoalitionValue& value) {
    const std::size_t count = std::size_t{1} << n;
    std::vector<double> v(count);
    Coalition in(static_cast<std::size_t>(n));
    for (std::size_t mask = 0; mask < count; ++mask) {
        for (int i = 0; i < n; ++i) in[static_cast<std::size_t>(i)] = (mask >> i) & 1u;
        const std::optional<double> x = value(in);
        if (!x) return std::nullopt;
        v[mask] = *x;
    }
    // weight[k] = k! (n − k − 1)! / n!, the share of orders in which a player joins a given k others.
    std::vector<double> weight(static_cast<std::size_t>(n));
    for (int k = 0; k < n; ++k) {
        double w = 1.0 / n;  // 1 / (n × C(n − 1, k))
        for (int j = 1; j <= k; ++j) w *= static_cast<double>(j) / static_cast<double>(n - k - 1 + j);
        weight[static_cast<std::size_t>(k)] = w;
    }
    ShapleyValues out;
    out.values.assign(static_cast<std::size_t>(n), 0.0);
    for (int i = 0; i < n; ++i) {
        CompensatedSum sum;
        const std::size_t bit = std::size_t{1} << i;
        for (std::size_t mask = 0; mask < count; ++mask) {
            if (mask & bit) continue;
            const int k = std::popcount(mask);
            sum.add(weight[static_cast<std::size_t>(k)] * (v[mask | bit] - v[mask]));
        }
        out.values[static_cast<std::size_t>(i)] = sum.value();
    }
    return out;
}

std::optional<ShapleyValues> sampled(int n, const CoalitionValue& value, const ShapleyOptions& o) {
    std::vector<CompensatedSum> sums(static_cast<std::size_t>(n));
    Coalition in(static_cast<std::size_t>(n));
    const std::vector<std::vector<int>> orders = shapley_orders(n, o);
    for (const std::vector<int>& order : orders) {
        std::fill(in.begin(), in.end(), std::uint8_t{0});
        std::optional<double> prev = value(in);
        if (!prev) return std::nullopt;
        for (int player : order) {
            in[static_cast<std::size_t>(player)] = 1;
            const std::optional<double> cur = value(in);
            if (!cur) return std::nullopt;
            sums[static_cast<std::size_t>(player)].add(*cur - *prev);
            prev = cur;
        }
    }
    ShapleyValues out;
    out.exact = false;
    out.permutations = static_cast<int>(orders.size());
    for (const CompensatedSum& s : sums) out.values.push_back(s.value() / out.permutations);
    return out;
}

}  // namespace

std::optional<ShapleyValues> shapley_values(int players, const CoalitionValue& value, const ShapleyOptions& options) {
    if (players <= 0) return ShapleyValues{};
    if (shapley_exact(players, options)) return exact(players, value);
    return sampled(players, value, options);
}

bool shapley_exact(int players, const ShapleyOptions& options) { return players <= options.exact_max_players; }

std::vector<std::vector<int>> shapley_orders(int players, const ShapleyOptions& options) {
    std::vector<std::vector<int>> out;
    const int pairs = std::max(1, options.permutations / 2);
    Rng rng(options.seed);
    std::vector<int> order(static_cast<std::size_t>(players));
    for (int p = 0; p < pairs; ++p) {
        std::iota(order.begin(), order.end(), 0);
        for (int i = players - 1; i > 0; --i) {  // Fisher–Yates with the project's generator (MODEL §2)
            const auto j = static_cast<std::size_t>(rng.next() % static_cast<std::uint64_t>(i + 1));
            std::swap(order[static_cast<std::size_t>(i)], order[j]);
        }
        out.push_back(order);
        out.emplace_back(order.rbegin(), order.rend());  // antithetic: the reverse order
    }
    return out;
}

}  // namespace pactscope
