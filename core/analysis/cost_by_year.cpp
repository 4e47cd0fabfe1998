// cost_by_year.cpp — the cost components per year (see cost_by_year.h).
#include "analysis/cost_by_year.h"

#include <cmath>

namespace pactscope {

CostByYear cost_by_year(const Scenario& s, const Result& r) {
    CostByYear c;
    const std::size_t T = static_cast<std::size_t>(r.quarters);
    std::vector<std::size_t> year_of(T);
    for (std::size_t q = 0; q < T; ++q) {
        const std::string y = std::to_string((s.start + static_cast<int>(q)) / 4);
        if (c.years.empty() || c.years.back() != y) c.years.push_back(y);
        year_of[q] = c.years.size() - 1;
    }
    struct Part {
        const char* name;
        std::vector<double> ProviderSeries::*member;
        int colour;
        double sign;
    };
    const Part parts[] = {{"compute", &ProviderSeries::compute_usd, 0, 1},
                          {"egress", &ProviderSeries::egress_usd, 5, 1},
                          {"fixed (owned capacity, onboarding)", &ProviderSeries::fixed_usd, 2, 1},
                          {"stranded take-or-pay and idle reservations", &ProviderSeries::stranded_usd, 1, 1},
                          {"SLA credits (refunded)", &ProviderSeries::sla_credit_usd, 3, -1}};
    for (const Part& p : parts) {
        CostComponent out{p.name, p.colour, std::vector<double>(c.years.size(), 0.0)};
        double any = 0;
        for (const ProviderSeries& ps : r.providers)
            for (std::size_t q = 0; q < T && q < (ps.*p.member).size(); ++q) out.usd[year_of[q]] += p.sign * (ps.*p.member)[q], any += std::fabs((ps.*p.member)[q]);
        if (any > 0 || p.sign > 0) c.parts.push_back(std::move(out));
    }
    return c;
}

}  // namespace pactscope
