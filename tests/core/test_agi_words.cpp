// The AGI quarter in words (io/agi_words.h): the deterministic run's quarter and the trials' median and
// P10–P90, which the page's timeline puts side by side. Expected sentences written by hand from the figures set.
#include "io/agi_words.h"
#include "model/result_fields.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

// Quarter indices from 2025Q1: 18 = 2029Q3, 27 = 2031Q4, 28 = 2032Q1, 37 = 2034Q2 (past the 2032Q4 horizon:
// a date drawn after it still counts as AGI's quarter).
McSummary trials(std::int64_t done, double p10, double p50, double p90, double share_missing) {
    McSummary m;
    m.trials = 10000;
    m.trials_done = done;
    m.totals.resize(kTotalCount);
    Stat& st = m.totals[static_cast<std::size_t>(total_index("agi_quarter"))];
    st.p10 = p10, st.p50 = p50, st.p90 = p90, st.share_missing = share_missing;
    st.count = static_cast<std::int64_t>(static_cast<double>(done) * (1 - share_missing));
    return m;
}

}  // namespace

TEST_CASE("AGI in words: the deterministic quarter, then the trials' median and P10 to P90") {
    json d = doc("2025Q1", "2032Q4");
    d["providers"].push_back(cloud("a", 1, 2));
    d["workloads"].push_back(workload("w", "inference", 1000));
    const Scenario s = load_ok(d);
    Result r;
    r.totals.has_agi = true;
    r.totals.agi_quarter = 28;
    CHECK(agi_words(s, r, trials(10000, 18, 27, 37, 0)) ==
          "AGI in 2032Q1 in the deterministic run (every input at its median).\n"
          "Over the Monte Carlo's 10,000 trials: median 2031Q4, P10 to P90 2029Q3 to 2034Q2. "
          "The Compare table's \"AGI quarter\" is that median.");
    // A quarter of the trials see no AGI, and the run is not over.
    CHECK(agi_words(s, r, trials(4000, 18, 27.4, 36.6, 0.25)) ==
          "AGI in 2032Q1 in the deterministic run (every input at its median).\n"
          "Over the Monte Carlo's 4,000 trials so far: median 2031Q4, P10 to P90 2029Q3 to 2034Q2, over the 75% of "
          "trials in which AGI comes (none in the other 25%). The Compare table's \"AGI quarter\" is that median.");
    // No trial sees AGI; and before any trial, the deterministic run alone.
    r.totals.has_agi = false;
    CHECK(agi_words(s, r, trials(10000, 0, 0, 0, 1)) ==
          "No AGI in the deterministic run (every input at its median).\nNo AGI in any of the Monte Carlo's 10,000 trials.");
    CHECK(agi_words(s, r, McSummary{}) == "No AGI in the deterministic run (every input at its median).");
}
