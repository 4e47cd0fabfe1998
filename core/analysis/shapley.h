// shapley.h — Shapley values: a total change split fairly among the players that made it (MODEL §8
// "What changed", §13).
//
// A game gives every coalition (a subset of the players) a value; the Shapley value of a player is
// its marginal contribution v(S ∪ {i}) − v(S) averaged over every order in which the players could
// join. The values add up to v(all) − v(none). With up to `exact_max_players` players (12: 4,096
// coalitions) they are computed exactly from every coalition,
//     φ_i = Σ_{S ∌ i} |S|! (n − |S| − 1)! / n! × (v(S ∪ {i}) − v(S)),
// beyond that by sampling: `permutations` random orders, drawn as antithetic pairs (an order and its
// reverse) from the project's own generator with a fixed seed, so native and WASM draw the same
// orders; each order's marginal contributions add up to v(all) − v(none) exactly, so their average
// does too. Sums are compensated (Neumaier).
// What it is not: the game. The caller's value function evaluates coalitions (and caches them).
//
// Usage:
//   auto sv = shapley_values(3, [](const Coalition& in) -> std::optional<double> { … }, {});
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace pactscope {

// One byte per player: 1 when the player is in the coalition.
using Coalition = std::vector<std::uint8_t>;
// The value of a coalition, or nothing when it has none (the computation then stops and returns nothing).
using CoalitionValue = std::function<std::optional<double>(const Coalition&)>;

struct ShapleyOptions {
    int exact_max_players = 12;            // 2^12 = 4,096 coalitions
    int permutations = 256;                // sampled: an even count (antithetic pairs)
    std::uint64_t seed = 0x5EED5A4D1E11ull;  // fixed, so the sampled orders are the same everywhere
};

struct ShapleyValues {
    bool exact = true;
    int permutations = 0;        // sampled orders (0 when exact)
    std::vector<double> values;  // per player
};

std::optional<ShapleyValues> shapley_values(int players, const CoalitionValue& value, const ShapleyOptions& options = {});

// Whether `players` are few enough for the exact sum.
bool shapley_exact(int players, const ShapleyOptions& options = {});
// The orders the sampled estimate walks (each followed by its reverse), so a caller can evaluate their
// coalitions ahead, a slice at a time.
std::vector<std::vector<int>> shapley_orders(int players, const ShapleyOptions& options = {});

// Neumaier's compensated sum: adds many terms of mixed sign without losing the small ones.
class CompensatedSum {
public:
    void add(double x);
    double value() const { return sum_ + c_; }

private:
    double sum_ = 0, c_ = 0;
};

}  // namespace pactscope
