// sla_credit.h — the credit rate of SLA clauses (MODEL §11.3), as pure functions.
//
// Availability is measured per month of H/3 hours, as public SLAs do. The Monte Carlo
// places each drawn outage in a month and applies rate() to each month's availability;
// the deterministic run uses the expected monthly rate under §5's outage model:
//   E[rate] = Σ_{n ≥ 0} Poisson(n; λ) × rate(max(0, 1 − n d / (H/3))),  λ = outages_per_year / 12,
// summed in log space (e^{−λ} underflows for large λ) until n d ≥ H/3 (that term and all later
// ones weigh rate(0) by the Poisson tail) or the remaining tail is below 1e-15. Several active
// clauses on one provider: the highest rate applies (rates do not add), so both use the max.
#pragma once
#include <span>
#include <vector>

#include "model/scenario.h"

namespace pactscope {

inline constexpr double kHoursPerMonth = kHoursPerQuarter / 3;  // MODEL §11.3: a quarter's three months

// The credit of the last tier with below − a > 1e-12; 0 when none (MODEL §11.3).
double sla_rate(const std::vector<SlaTier>& tiers, double availability);
// The highest rate of several clauses' tiers.
double sla_max_rate(std::span<const std::vector<SlaTier>* const> clauses, double availability);
// A month's availability with `outage_hours` of outage: 1 − min(H/3, hours) / (H/3).
double month_availability(double outage_hours);
// E[max rate] of a month with a Poisson(λ) count of outages of `d` hours each.
double expected_sla_rate(std::span<const std::vector<SlaTier>* const> clauses, double lambda, double d);

}  // namespace pactscope
