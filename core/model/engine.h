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

namespace pactscope {

// Scratch memory of one evaluation, reused between calls. Nothing in it carries over from one call to the
// next except sizes and the npv discount factors (kept with the rate they were computed for).
// Flags are int, not uint8_t: a store through an unsigned char may alias anything, which makes the
// compiler reload every vector's data pointer after it in the inner loops.
struct Workspace {
    std::vector<double> alloc, prev_alloc, spare, price, eff_price, marginal, demand_now;
    std::vector<double> billed_gb, commit_spent, pool, floor_share, rs_paid;
    std::vector<double> first_tier_usd_per_gb;  // per provider: its egress's first positive tier price (MODEL §4), 0 if none
    std::vector<double> egress_term;            // per provider × workload: the egress part of the marginal cost (MODEL §4)
    std::vector<int> has_egress_term;           // ... and whether there is one (w has a home elsewhere)
    std::vector<int> order, home, clause_from, clause_to;
    std::vector<double> sorted_price;  // per provider: the effective prices and commitment ranks the merit orders
    std::vector<int> sorted_commit;    // were last sorted for (MODEL §4)
    std::vector<int> active_exclusive, active_preferred, active_rofr, active_commitment;  // this quarter, document order
    std::vector<int> active_reservation, active_sla;
    // Clauses by type for the whole run (document order): commitments, profit-triggered agi clauses, the
    // money flows (revenue_share, ip_access); per provider its commitments (offsets into provider_commitments).
    std::vector<int> commitments, profit_agi, flows, provider_commitments, provider_commitment_begin, commitment_slot;
    std::vector<int> eligible, has_commit, onboarded, rofr_holder, commit_done, commit_settled, active;  // eligible: per provider
    // MODEL §11.2: per provider, its active reservation (or -1), the prepaid amount not yet taken and the
    // quarter's idle charge; per provider × workload, what step 1b gave; per clause, its reservations[] slot.
    std::vector<int> reservation_of, reservation_slot;
    std::vector<double> prepaid_left, prepaid, idle_usd;
    // MODEL §11.3: per provider, the active sla clauses of the last expected rate and that rate.
    std::vector<std::vector<int>> sla_set;
    std::vector<double> sla_expected;
    std::vector<std::uint8_t> sla_valid;
    std::vector<int> sla_now;
    std::vector<const std::vector<SlaTier>*> sla_tiers;
    // (1 + r)^(−q/4) per quarter for npv_usd (MODEL §1), kept between calls with the r and T it is for.
    std::vector<double> discount;
    double discount_rate = 0;
    bool discount_valid = false;
};

// outage_hours: nullptr = expected hours and expected SLA rates (MODEL §5, §11.3 deterministic), else
// P×T drawn hours (provider-major) and, for SLA credits, P×T×3 drawn hours per month (§11.3).
void evaluate_into(const Scenario& s, const double* values, const double* outage_hours, Workspace& ws, Result& out,
                   const double* outage_month_hours = nullptr);

// Deterministic evaluation at the medians.
Result evaluate(const Scenario& s);

// True when every number of the result is finite (MODEL §10.2).
bool result_is_finite(const Result& r);

}  // namespace pactscope
