// compare() a few pieces at a time (ComparisonBuilder: the Compare tab spreads it over frames) is compare() to
// the bit however it is split; compare() is the builder run to the end, so the reference here is independent of
// both: each run's own summary() and, for a pair's figure, the paired deltas worked out here from the two
// runs' samples (b − a per trial, its type-7 median; the share of trials where a < b beyond the tie band).
#include <algorithm>
#include <cmath>
#include <vector>

#include "analysis/comparison_builder.h"
#include "same_summary.h"
#include "scenario_builder.h"

using namespace pactscope;
using test::preset;
using test::require_same;
using test::same_bits;

namespace {

void require_same(const PairedDelta& a, const PairedDelta& b) {
    test::require_same(a.delta, b.delta);
    REQUIRE(same_bits(a.p_a_lower, b.p_a_lower));
    REQUIRE(same_bits(a.p_b_lower, b.p_b_lower));
    REQUIRE(same_bits(a.p_equal, b.p_equal));
    REQUIRE(a.direction == b.direction);
}

void require_same(const Comparison& a, const Comparison& b) {
    REQUIRE(a.summaries.size() == b.summaries.size());
    for (std::size_t k = 0; k < a.summaries.size(); ++k) test::require_same(a.summaries[k], b.summaries[k]);
    REQUIRE(a.pairs.size() == b.pairs.size());
    for (std::size_t k = 0; k < a.pairs.size(); ++k) {
        const PairComparison &x = a.pairs[k], &y = b.pairs[k];
        REQUIRE(x.a == y.a);
        REQUIRE(x.b == y.b);
        REQUIRE(x.provider_ids == y.provider_ids);
        REQUIRE(x.totals.size() == y.totals.size());
        for (std::size_t i = 0; i < x.totals.size(); ++i) require_same(x.totals[i], y.totals[i]);
        REQUIRE(x.buyer.size() == y.buyer.size());
        for (std::size_t i = 0; i < x.buyer.size(); ++i) require_same(x.buyer[i], y.buyer[i]);
        REQUIRE(x.providers.size() == y.providers.size());
        for (std::size_t p = 0; p < x.providers.size(); ++p)
            for (std::size_t f = 0; f < x.providers[p].size(); ++f) require_same(x.providers[p][f], y.providers[p][f]);
    }
}

}  // namespace

TEST_CASE("a comparison built a piece at a time is compare() to the bit, and each figure pairs the runs' samples", "[analysis][compare]") {
    const char* ids[] = {"commitment-2025q4", "open-2026", "rofr-2025"};
    std::vector<Simulation> sims(3);
    std::vector<const Simulation*> runs;
    for (std::size_t k = 0; k < 3; ++k) {
        sims[k].start(preset(ids[k]), 203, 4);
        sims[k].step(203);
        runs.push_back(&sims[k]);
    }
    const Comparison whole = compare(runs);
    REQUIRE(whole.pairs.size() == 3);  // (0,1), (0,2), (1,2)
    for (int per_step : {1, 13}) {
        CAPTURE(per_step);
        ComparisonBuilder b;
        b.begin(runs);
        int steps = 1;
        while (!b.advance(per_step)) {
            REQUIRE(b.building());
            ++steps;
        }
        REQUIRE(b.complete());
        REQUIRE(steps > 3);
        require_same(b.take(), whole);
    }
    // Independent of the builder: each summary is the run's own, and pair (0, 2)'s total cost is worked out here.
    for (std::size_t k = 0; k < 3; ++k) test::require_same(whole.summaries[k], sims[k].summary());
    const PairComparison* pc = find_pair(whole, 0, 2);
    REQUIRE(pc);
    const int cost = total_index("cost_usd");
    const double *a = sims[0].samples(cost), *c = sims[2].samples(cost);
    std::vector<double> diff;
    int a_lower = 0;
    for (int i = 0; i < 203; ++i) {
        diff.push_back(c[i] - a[i]);
        if (!metric_tie(a[i], c[i]) && a[i] < c[i]) ++a_lower;
    }
    std::sort(diff.begin(), diff.end());
    const PairedDelta& d = pc->totals[static_cast<std::size_t>(cost)];
    CHECK(d.delta.p50 == diff[101]);  // n = 203: h = 0.5 × 202 = 101, an order statistic
    CHECK(d.p_a_lower == static_cast<double>(a_lower) / 203.0);
}

TEST_CASE("a run restarted while a comparison is built ends the build: nothing comes out", "[analysis][compare]") {
    std::vector<Simulation> sims(2);
    std::vector<const Simulation*> runs;
    for (auto* id : {"commitment-2025q4", "rofr-2025"}) {
        Simulation& s = sims[runs.size()];
        s.start(preset(id), 50, 2);
        s.step(50);
        runs.push_back(&s);
    }
    ComparisonBuilder b;
    b.begin(runs);
    REQUIRE_FALSE(b.advance(5));
    sims[1].start(preset("open-2026"), 50, 2);
    REQUIRE_FALSE(b.advance(1 << 20));
    REQUIRE_FALSE(b.building());
    REQUIRE_FALSE(b.complete());
}
