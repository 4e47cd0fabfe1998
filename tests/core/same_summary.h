// same_summary.h — Monte Carlo summaries compared to the bit (REQUIRE per field), for the tests that show two
// ways of getting a summary agree exactly: blocks in any order (test_mc_blocks.cpp), a summary built a piece
// at a time (test_summary_builder.cpp).
#pragma once
#include <catch2/catch.hpp>
#include <cstring>
#include <vector>

#include "uncertainty/montecarlo.h"

namespace test {

using pactscope::Band;
using pactscope::McSummary;
using pactscope::Stat;

inline bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

inline void require_same(const Stat& a, const Stat& b) {
    REQUIRE(a.count == b.count);
    REQUIRE(same_bits(a.mean, b.mean));
    REQUIRE(same_bits(a.share_missing, b.share_missing));
    REQUIRE(same_bits(a.p5, b.p5));
    REQUIRE(same_bits(a.p10, b.p10));
    REQUIRE(same_bits(a.p50, b.p50));
    REQUIRE(same_bits(a.p90, b.p90));
    REQUIRE(same_bits(a.p95, b.p95));
}

inline void require_same(const std::vector<double>& a, const std::vector<double>& b) {
    REQUIRE(a.size() == b.size());
    for (std::size_t i = 0; i < a.size(); ++i) REQUIRE(same_bits(a[i], b[i]));
}

inline void require_same(const McSummary& a, const McSummary& b) {
    REQUIRE(a.trials == b.trials);
    REQUIRE(a.trials_done == b.trials_done);
    REQUIRE(a.seed == b.seed);
    REQUIRE(a.totals.size() == b.totals.size());
    for (std::size_t i = 0; i < a.totals.size(); ++i) require_same(a.totals[i], b.totals[i]);
    REQUIRE(a.buyer.size() == b.buyer.size());
    for (std::size_t i = 0; i < a.buyer.size(); ++i) require_same(a.buyer[i], b.buyer[i]);
    REQUIRE(a.providers.size() == b.providers.size());
    for (std::size_t p = 0; p < a.providers.size(); ++p)
        for (std::size_t f = 0; f < a.providers[p].size(); ++f) require_same(a.providers[p][f], b.providers[p][f]);
    require_same(a.buyer_net, b.buyer_net);
    REQUIRE(a.provider_net.size() == b.provider_net.size());
    for (std::size_t p = 0; p < a.provider_net.size(); ++p) require_same(a.provider_net[p], b.provider_net[p]);
    for (auto band : {&Band::p10, &Band::p50, &Band::p90}) {
        require_same(a.cost_usd.*band, b.cost_usd.*band);
        require_same(a.shortfall_h100e.*band, b.shortfall_h100e.*band);
    }
}

}  // namespace test
