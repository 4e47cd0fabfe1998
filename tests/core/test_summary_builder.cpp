// A Monte Carlo summary built a few pieces at a time (SummaryBuilder: the page spreads it over frames) is the
// summary of the trials done when it began, to the bit, however it is split: the reference is a run stepped to
// exactly that many trials and summarised at once. Its figures land where McSummary keeps them: checked against
// type-7 percentiles of each figure's own samples, sorted here (stats.h: h = p (n − 1), x[⌊h⌋] + (h − ⌊h⌋)
// (x[⌊h⌋+1] − x[⌊h⌋])).
#include <algorithm>
#include <cmath>
#include <vector>

#include "model/result_fields.h"
#include "same_summary.h"
#include "scenario_builder.h"
#include "uncertainty/summary_builder.h"

using namespace pactscope;
using test::preset;
using test::require_same;

namespace {

// Type-7 percentile of the values, sorted here.
double type7(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const double h = p * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(h));
    double x = v[lo];
    if (h > static_cast<double>(lo) && lo + 1 < v.size()) x += (h - static_cast<double>(lo)) * (v[lo + 1] - x);
    return x;
}

std::vector<double> column_of(const Simulation& sim, int metric, std::int64_t n) {
    std::vector<double> scratch;
    const double* x = sim.sample_column(metric, scratch);
    std::vector<double> v;
    for (std::int64_t i = 0; i < n; ++i)
        if (!std::isnan(x[i])) v.push_back(x[i]);
    return v;
}

}  // namespace

TEST_CASE("a summary built a piece at a time is the summary of the trials done when it began, to the bit", "[montecarlo][summary]") {
    for (const char* id : {"commitment-2025q4", "open-2026", "oci-waiver-2024"}) {
        CAPTURE(id);
        const Scenario s = preset(id);
        Simulation at_120;  // the reference: stepped to exactly 120 trials
        at_120.start(s, 301, 5);
        at_120.step(120);
        const McSummary want = at_120.summary();
        for (int per_step : {1, 7, 1000}) {
            CAPTURE(per_step);
            Simulation sim;
            sim.start(s, 301, 5);
            sim.step(120);
            SummaryBuilder b;
            b.begin(sim);
            REQUIRE(b.building());
            REQUIRE(b.trials_done() == 120);
            int steps = 0;
            while (!b.advance(sim, per_step)) {
                sim.step(40);  // trials go on arriving while it is built: it stays the summary of the first 120
                ++steps;
                REQUIRE(steps <= sim.summary_pieces());
            }
            REQUIRE(b.complete());
            REQUIRE_FALSE(b.building());
            // Pieces: every metric and 2 bands × the quarters; one per step takes exactly that many steps.
            if (per_step == 1) REQUIRE(steps + 1 == sim.metric_count() + 2 * s.quarters());
            require_same(b.take(), want);
            REQUIRE_FALSE(b.complete());  // taken
        }
        // The pieces in any order: last first.
        McSummary m = at_120.summary_begin();
        Simulation::SummaryScratch scratch;
        for (int piece = at_120.summary_pieces() - 1; piece >= 0; --piece) at_120.summary_fill(m, piece, scratch);
        require_same(m, want);
    }
}

TEST_CASE("each figure of a summary is the percentiles of its own samples", "[montecarlo][summary]") {
    const Scenario s = preset("open-2026");
    const std::int64_t n = 257;
    Simulation sim;
    sim.start(s, n, 9);
    sim.step(n);
    const McSummary m = sim.summary();
    auto check = [&](const Stat& st, int metric) {
        const std::vector<double> v = column_of(sim, metric, n);
        REQUIRE(st.count == static_cast<std::int64_t>(v.size()));
        if (v.empty()) return;
        CHECK(st.p5 == type7(v, 0.05));
        CHECK(st.p10 == type7(v, 0.10));
        CHECK(st.p50 == type7(v, 0.50));
        CHECK(st.p90 == type7(v, 0.90));
        CHECK(st.p95 == type7(v, 0.95));
    };
    for (int t = 0; t < kTotalCount; ++t) check(m.totals[static_cast<std::size_t>(t)], t);
    const int B = static_cast<int>(buyer_figures().size()), F = static_cast<int>(provider_figures().size());
    for (int f = 0; f < B; ++f) check(m.buyer[static_cast<std::size_t>(f)], Simulation::buyer_metric(f));
    check(m.buyer_net, Simulation::buyer_metric(field_index(buyer_figures(), "net_usd")));
    REQUIRE(m.providers.size() == s.providers.size());
    for (int p = 0; p < static_cast<int>(s.providers.size()); ++p) {
        for (int f = 0; f < F; ++f) check(m.providers[static_cast<std::size_t>(p)][static_cast<std::size_t>(f)], sim.provider_metric(p, f));
        check(m.provider_net[static_cast<std::size_t>(p)], sim.provider_metric(p, field_index(provider_figures(), "net_usd")));
    }
    // Bands: the deterministic quarter plus the percentile of the trials' offsets from it (montecarlo.h); the
    // offsets come back here as band_value − ref, exact to a rounding of ref's size.
    for (int kind = 0; kind < 2; ++kind)
        for (int q = 0; q < s.quarters(); ++q) {
            std::vector<double> offsets;
            const double ref = kind == 0 ? sim.deterministic().cost_usd[q] : sim.deterministic().shortfall_h100e[q];
            for (std::int64_t i = 0; i < n; ++i) offsets.push_back(sim.band_value(kind, q, i) - ref);
            const Band& b = kind == 0 ? m.cost_usd : m.shortfall_h100e;
            CHECK(b.p10[static_cast<std::size_t>(q)] == Approx(ref + type7(offsets, 0.10)).epsilon(1e-12));
            CHECK(b.p50[static_cast<std::size_t>(q)] == Approx(ref + type7(offsets, 0.50)).epsilon(1e-12));
            CHECK(b.p90[static_cast<std::size_t>(q)] == Approx(ref + type7(offsets, 0.90)).epsilon(1e-12));
        }
}

TEST_CASE("a run restarted while its summary is built ends the build: nothing comes out", "[montecarlo][summary]") {
    const Scenario s = preset("rofr-2025");
    Simulation sim;
    sim.start(s, 100, 3);
    sim.step(50);
    SummaryBuilder b;
    b.begin(sim);
    REQUIRE_FALSE(b.advance(sim, 3));
    sim.start(s, 100, 3);  // an edit: the samples it read are gone
    REQUIRE_FALSE(b.advance(sim, 1000000));
    REQUIRE_FALSE(b.building());
    REQUIRE_FALSE(b.complete());
}
