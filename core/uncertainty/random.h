// random.h — the project's own portable random numbers (MODEL §2).
//
// What it is: integer-only hashing and a small generator whose outputs are the
// same bits on every platform and compiler (native and WASM), so one seed gives
// identical Monte Carlo results everywhere. std::*_distribution is
// implementation-defined and is never used for results.
//
// Draws are *counter-based*: the uniform number of input `key` in trial `trial`
// is a hash of (seed, trial, key). A trial therefore depends only on (seed,
// trial index, input) — never on chunking, thread count or the order in which
// inputs are visited — and two scenarios that share an input (same JSON
// pointer, hence same key) see the same draw in the same trial: common random
// numbers for comparisons (MODEL §7).
//
// Usage:
//   std::uint64_t key = stream_key("/providers/0/price_usd_per_h100e_hour");
//   double u = unit_open(draw_bits(seed, trial, key));   // u in (0, 1)
//   Rng rng(draw_bits(seed, trial, stream_key("/providers/0#outages")));
//   double v = rng.unit();                               // a sequence for variable-length draws
#pragma once
#include <cstdint>
#include <string_view>

namespace pactscope {

// SplitMix64's finaliser: a bijective 64-bit mixer with full avalanche.
constexpr std::uint64_t mix64(std::uint64_t z) {
    z += 0x9E3779B97F4A7C15ull;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// A 64-bit key for a named input (FNV-1a over the bytes, then mixed).
constexpr std::uint64_t stream_key(std::string_view name) {
    std::uint64_t h = 0xCBF29CE484222325ull;
    for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    return mix64(h);
}

// The part of draw_bits that depends on (seed, trial) only: a sampler works it out once per trial.
constexpr std::uint64_t trial_bits(std::uint64_t seed, std::uint64_t trial) { return mix64(mix64(seed) ^ trial); }

// The random bits of one (seed, trial, key): three chained mixes, so nearby
// seeds, trials and keys give unrelated outputs.
constexpr std::uint64_t draw_bits(std::uint64_t trial_bits, std::uint64_t key) { return mix64(trial_bits ^ key); }
constexpr std::uint64_t draw_bits(std::uint64_t seed, std::uint64_t trial, std::uint64_t key) {
    return draw_bits(trial_bits(seed, trial), key);
}

// 53 random bits to a double strictly inside (0, 1): (k + 0.5) / 2^53.
constexpr double unit_open(std::uint64_t bits) {
    return (static_cast<double>(bits >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

// xoshiro256** seeded through SplitMix64: a sequence of draws for one
// (seed, trial, key) when the number of draws varies (outage counts, durations).
class Rng {
public:
    constexpr Rng() = default;  // all-zero state: a placeholder, seeded by assignment before use
    explicit constexpr Rng(std::uint64_t seed) {
        for (auto& x : s_) {
            seed += 0x9E3779B97F4A7C15ull;
            x = mix64(seed);
        }
    }
    constexpr std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    constexpr double unit() { return unit_open(next()); }

private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4]{};
};

}  // namespace pactscope
