// outside_horizon.h — what falls outside the horizon and moves a number (MODEL §8 "Outside the horizon").
//
// A result counts only the quarters of its horizon. Some things reach past its ends and move a
// number in a way a reader would not guess — moving Stargate a year later *lowers* total cost,
// because part of its capex leaves the horizon. This lists each of them for a scenario and its
// deterministic result, with the amount where the model's own arithmetic gives it:
//   capex_after_end          owned capacity (or a cloud's provider_cost) still being amortised at the
//                            end: the capex left after it is not counted
//   built_after_end          capacity that comes online after the end (planned so, or slipped): none
//                            of its capex is counted
//   capex_before_start       capacity online before the start: the amortisation before it is not counted
//   commitment_not_settled   a commitment whose window ends after the horizon (or with an AGI beyond
//                            it): its take-or-pay is not yet due; the amount is what it would strand if
//                            nothing more were spent
//   commitment_before_start  a commitment whose window starts before the horizon: spend before the
//                            start is not modelled, the whole amount is still to spend (no amount)
//   reservation_after_end    a reservation that runs past the end: its later prepaid quarters are not
//                            counted; the amount assumes the last quarter's capacity for each of them
// What it is not: a change to the result. The page shows these beside the numbers they move.
//
// Usage:
//   for (const HorizonEdge& e : outside_horizon(s, evaluate(s))) … e.text, e.amount_usd, e.moves …
#pragma once
#include <string>
#include <vector>

#include "model/result.h"
#include "model/scenario.h"

namespace pactscope {

struct HorizonEdge {
    enum class Kind { capex_after_end, built_after_end, capex_before_start, commitment_not_settled, commitment_before_start, reservation_after_end };
    Kind kind = Kind::capex_after_end;
    std::string pointer;             // the tranche or clause in the scenario document
    int provider = -1;               // index of the provider it concerns
    std::string text;                // one sentence, with the scenario's names and quarter labels
    double amount_usd = 0;           // what is left out; NaN when it cannot be worked out
    std::vector<std::string> moves;  // the metrics it moves (metric names: "cost_usd", "buyer.net_usd", "oci.net_usd")
};

// Evaluated at the medians, as `result` was (MODEL §2): slips and amounts use each input's median.
std::vector<HorizonEdge> outside_horizon(const Scenario& s, const Result& result);

// "capex_after_end", … (the JSON name of a kind).
const char* to_string(HorizonEdge::Kind k);

}  // namespace pactscope
