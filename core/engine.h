// engine.h — the quarter-by-quarter model (SPEC §4, §5) and its totals (§6).
//
// What it is: a pure function from (scenario, one value per quantity, optional
// outage hours) to a Result. Deterministic for given inputs; no clocks, files
// or randomness. The Monte Carlo layer calls evaluate_into once per trial with
// drawn values and a reused Workspace, so the trial loop does not allocate.
//
// Usage:
//   Result r = evaluate(scenario);                 // medians, expected outages
//   evaluate_into(scenario, values, nullptr, ws, r);  // any value vector
#pragma once
#include <vector>

#include "result.h"
#include "scenario.h"

namespace pactscope {

// Scratch memory of one evaluation, reused between calls.
struct Workspace {
    std::vector<double> alloc, prev_alloc, spare, price, eff_price, marginal, demand_now;
    std::vector<double> billed_gb, commit_spent, pool, floor_share, rs_paid;
    std::vector<int> order, home, clause_from, clause_to;
    std::vector<int> active_exclusive, active_preferred, active_rofr, active_commitment;  // this quarter, document order
    std::vector<std::uint8_t> eligible, has_commit, onboarded, rofr_holder, commit_done, commit_settled, active;
};

// outage_hours: nullptr = expected hours (SPEC §5 deterministic), else P×T hours (provider-major).
void evaluate_into(const Scenario& s, const double* values, const double* outage_hours, Workspace& ws, Result& out);

// Deterministic evaluation at the medians.
Result evaluate(const Scenario& s);

// True when every number of the result is finite (SPEC §10.2).
bool result_is_finite(const Result& r);

}  // namespace pactscope
