// cost_by_year.h — the buyer's cost split into its components per calendar year (MODEL §5, §11): what the
// page's Overview bar chart and the report's cost chart both draw, so the two always agree.
//
// Usage:
//   const CostByYear c = cost_by_year(s, r);
//   for (const CostComponent& p : c.parts) … p.name, p.colour, p.usd[year index] … (c.years: "2025", …)
#pragma once
#include <string>
#include <vector>

#include "model/result.h"
#include "model/scenario.h"

namespace pactscope {

struct CostComponent {
    const char* name;         // "compute", "egress", "fixed (owned capacity, onboarding)", …
    int colour;               // palette index (the page's and the slides')
    std::vector<double> usd;  // per year; SLA credits as negative amounts (a refund)
};

struct CostByYear {
    std::vector<std::string> years;    // the horizon's calendar years, "2025", …
    std::vector<CostComponent> parts;  // compute, egress, fixed, stranded; SLA credits only when there are any
};

CostByYear cost_by_year(const Scenario& s, const Result& r);

}  // namespace pactscope
