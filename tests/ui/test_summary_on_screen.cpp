// The percentiles on screen (AppModel::summary) while a refresh is built a few pieces per frame: they stay the
// last complete summary until the new one is complete, then are the run's own summary of those trials; an edit
// clears them at once (no trial of the new run yet) and drops the refresh being built.
#include <catch2/catch.hpp>

#include "model.h"
#include "same_summary.h"

using pactscope::ui::AppModel;
using namespace pactscope;

TEST_CASE("the summary on screen changes only when a refresh is complete", "[model][summary]") {
    AppModel m;
    REQUIRE(m.load_preset("commitment-2025q4"));
    REQUIRE(m.summary_current());  // no trial yet, none shown
    m.step_monte_carlo(64);
    REQUIRE_FALSE(m.summary_current());
    m.begin_summary();
    REQUIRE(m.summarizing());
    REQUIRE(m.summarizing_trials() == 64);
    m.step_monte_carlo(64);  // more trials while it is built
    int steps = 0;
    while (m.summarizing()) {
        REQUIRE(m.summary().trials_done == 0);  // the old one until complete
        m.advance_summary(5);
        ++steps;
    }
    CHECK(steps > 1);
    CHECK(m.summary().trials_done == 64);
    CHECK_FALSE(m.summary_current());  // 128 trials done, 64 shown
    Simulation ref;  // the same run stepped to 64 trials, summarised at once
    ref.start(m.sim().scenario(), m.sim().trials(), m.sim().seed());
    ref.step(64);
    test::require_same(m.summary(), ref.summary());

    m.begin_summary();
    m.advance_summary(1);
    REQUIRE(m.load_preset("rofr-2025"));  // an edit
    CHECK(m.summary().trials_done == 0);
    CHECK_FALSE(m.summarizing());
    CHECK(m.summary_current());
    m.advance_summary(1000000);  // the dropped refresh never lands
    CHECK(m.summary().trials_done == 0);
}
