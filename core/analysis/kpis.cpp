// kpis.cpp — the key figures (see kpis.h).
#include "analysis/kpis.h"

#include "model/names.h"

namespace pactscope {

const std::vector<Kpi>& kpis() {
    static const std::vector<Kpi> table = {
        {"Total cost", "cost_usd",
         "What the buyer pays over the horizon: compute + egress + fixed (owned capacity, onboarding, overhead) + stranded take-or-pay "
         "and idle reservations - SLA credits."},
        {"Stranded", "stranded_usd",
         "Paid for capacity never used: commitments' take-or-pay shortfall at their window's end, and reserved capacity left idle."},
        {"Demand served", "served_fraction", "Served / demanded H100e-hours over the horizon."},
        {"Unserved value", "shortfall_value_usd",
         "Revenue and value forfeited by demand that found no capacity (outage losses are in the Money tab)."},
        {"Buyer net", "buyer.net_usd",
         "The buyer's compute P&L: inference revenue + revenue share received - total cost - revenue share paid. Training value and "
         "lost value are in the Money tab beside it, not netted."},
    };
    return table;
}

std::string kpi_title(const Scenario& s, const Kpi& k) {
    return std::string(k.metric) == "buyer.net_usd" ? buyer_display_name(s) + " net" : std::string(k.title);
}

}  // namespace pactscope
