// agi_words.h — the AGI quarter in words: where the deterministic run puts it and where the Monte Carlo's trials
// do (MODEL §8 "AGI quarter"), for the page's timeline, which draws the first and is read beside the Compare
// table's median of the second.
#pragma once
#include <string>

#include "model/result.h"
#include "model/scenario.h"
#include "uncertainty/montecarlo.h"

namespace pactscope {

// "AGI in 2032Q1 in the deterministic run (every input at its median).\nOver the Monte Carlo's 10,000 trials:
// median 2031Q4, P10 to P90 2029Q3 to 2034Q2. …"; without trials done, the first sentence alone. The trials'
// quarters are those in which AGI comes at all; how many see none is said when some do not.
std::string agi_words(const Scenario& s, const Result& deterministic, const McSummary& trials);

}  // namespace pactscope
