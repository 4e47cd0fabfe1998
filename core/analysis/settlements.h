// settlements.h — where the deal's commitments settle, in words, for a chart of cost per quarter.
//
// A commitment settles at its window's end (MODEL §3): a trial that spent less pays the whole shortfall in that
// one quarter, so the P90 of cost per quarter jumps there. The page's fan and the report's say where, or the
// jump reads as a fault.
#pragma once
#include <string>

#include "model/scenario.h"

namespace pactscope {

// "Microsoft Azure's in 2032Q4; CoreWeave's at AGI (or the horizon's last quarter without one)" for the
// commitments that settle inside the horizon, in document order; "" when none does.
std::string commitment_settlements(const Scenario& s);

// The sentence under a chart of cost per quarter: "Commitments settle at their window's end: …"; "" when none does.
std::string settlement_note(const Scenario& s);

}  // namespace pactscope
