// input_limits.h — every size cap on input, in one place (README "Limits" lists them).
//
// Inputs come from other people (files, share links). Each cap is checked before
// the thing it bounds is allocated or walked: the text size before parsing, the
// nesting depth, array lengths and string lengths while parsing (so a hostile
// document never becomes a huge or deep DOM, and never reaches nlohmann's
// recursive copy or dump), then the scenario's own counts while reading it, and
// the Monte Carlo's memory before its sample arrays are allocated.
#pragma once
#include <cstddef>
#include <cstdint>

namespace pactscope {

// JSON text (json_strict.cpp)
inline constexpr std::size_t kMaxJsonBytes = 16u << 20;    // 16 MiB of text
inline constexpr int kMaxJsonDepth = 64;                     // nested arrays/objects
inline constexpr std::size_t kMaxJsonArray = 100000;         // elements of any one array or object
inline constexpr std::size_t kMaxJsonString = 64u << 10;     // bytes of any one string or key

// Scenario (scenario_read*.cpp)
inline constexpr std::size_t kMaxProviders = 64;
inline constexpr std::size_t kMaxTranches = 256;             // capacity tranches per provider
inline constexpr std::size_t kMaxEgressTiers = 32;
inline constexpr std::size_t kMaxSlaTiers = 32;              // credit tiers per sla clause
inline constexpr std::size_t kMaxWorkloads = 64;
inline constexpr std::size_t kMaxClauses = 256;
inline constexpr std::size_t kMaxWaivers = 64;
inline constexpr std::size_t kMaxGpus = 64;
inline constexpr std::size_t kMaxSources = 512;
inline constexpr std::size_t kMaxCorrelations = 1024;
inline constexpr int kMaxQuarters = 200;                     // horizon length
inline constexpr std::size_t kMaxIdBytes = 64;               // ids of providers, workloads, GPUs, sources
inline constexpr std::size_t kMaxTextBytes = 8192;           // every other string (names, descriptions, notes)
inline constexpr std::int64_t kMaxTrials = 1000000;          // MODEL §10.2

// Analyses and the Monte Carlo
inline constexpr std::int64_t kMaxSweepCells = 100000;
// CLI: the samples of the runs of one command; 4 GiB natively, 1 GiB in 32-bit WASM (its memory ends at 2 GiB).
inline constexpr std::uint64_t kMaxMonteCarloBytes = std::uint64_t{sizeof(void*) == 4 ? 1 : 4} << 30;

// Share links (share_link.cpp)
inline constexpr std::size_t kMaxLinkChars = 64u << 10;      // the fragment after "#s=v1."
inline constexpr std::size_t kMaxLinkJsonBytes = 4u << 20;   // inflated scenario text

}  // namespace pactscope
