// engine.h — the quarter-by-quarter model (MODEL §4, §5, §11) and its totals (§6).
//
// What it is: a pure function from (scenario, one value per quantity, optional
// outage hours) to a Result. Deterministic for given inputs; no clocks, files
// or randomness. The Monte Carlo layer calls evaluate_into once per trial with
// drawn values and a reused Workspace, so the trial loop does not allocate.
// The work is split by concern: engine.cpp (setup, clause state, the quarter
// loop, totals), engine_dispatch.cpp (MODEL §4 with §11.2's step 1b),
// engine_costs.cpp (billing, reservations, SLA credits, flows, outages).
//
// Usage:
//   Result r = evaluate(scenario);                 // medians, expected outages
//   evaluate_into(scenario, values, nullptr, ws, r);  // any value vector
#pragma once
#include <vector>

#include "model/result.h"
#include "model/scenario.h"
#include "model/workspace.h"

namespace pactscope {

// outage_hours: nullptr = expected hours and expected SLA rates (MODEL §5, §11.3 deterministic), else
// P×T drawn hours (provider-major) and, for SLA credits, P×T×3 drawn hours per month (§11.3).
void evaluate_into(const Scenario& s, const double* values, const double* outage_hours, Workspace& ws, Result& out,
                   const double* outage_month_hours = nullptr);

// Deterministic evaluation at the medians.
Result evaluate(const Scenario& s);

// True when every number of the result is finite (MODEL §10.2).
bool result_is_finite(const Result& r);

}  // namespace pactscope
