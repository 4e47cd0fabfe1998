#include "io/agi_words.h"

#include <cmath>

#include "io/value_text.h"
#include "model/quarter.h"
#include "model/result_fields.h"

namespace pactscope {

std::string agi_words(const Scenario& s, const Result& deterministic, const McSummary& trials) {
    const Totals& t = deterministic.totals;
    std::string out = t.has_agi ? "AGI in " + quarter_label(s.start + t.agi_quarter) + " in the deterministic run (every input at its median)."
                                : "No AGI in the deterministic run (every input at its median).";
    const int k = total_index("agi_quarter");
    if (trials.trials_done <= 0 || k < 0 || static_cast<std::size_t>(k) >= trials.totals.size()) return out;
    const Stat& st = trials.totals[static_cast<std::size_t>(k)];
    const std::string n = grouped_integer(trials.trials_done) + (trials.trials_done < trials.trials ? " trials so far" : " trials");
    if (st.count == 0) return out + "\nNo AGI in any of the Monte Carlo's " + n + ".";
    // The percentiles of quarter indices, as the Compare table rounds them.
    auto at = [&](double v) { return quarter_label(s.start + static_cast<int>(std::lround(v))); };
    out += "\nOver the Monte Carlo's " + n + ": median " + at(st.p50) + ", P10 to P90 " + at(st.p10) + " to " + at(st.p90);
    if (st.share_missing > 0)
        out += ", over the " + probability_text(1 - st.share_missing) + " of trials in which AGI comes (none in the other " +
               probability_text(st.share_missing) + ")";
    return out + ". The Compare table's \"AGI quarter\" is that median.";
}

}  // namespace pactscope
