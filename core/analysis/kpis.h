// kpis.h — the five key figures the page's cards and the report lead with (MODEL §8).
//
// What it is: one table — title, metric, one-line meaning — read by the page's KPI cards (ui/results_panel.cpp)
// and the report's summary and what-changed tables (io/report.h), so both always show the same figures.
// Every metric is a total or a buyer figure, which every scenario has.
#pragma once
#include <string>
#include <vector>

#include "model/scenario.h"

namespace pactscope {

struct Kpi {
    const char* title;    // "Total cost"; the buyer's net is titled by kpi_title
    const char* metric;   // a total ("cost_usd") or "buyer.net_usd"
    const char* meaning;  // what it counts, for a tooltip
};
const std::vector<Kpi>& kpis();

// The title in the scenario's words: "OpenAI net" for the buyer's net, else the table's.
std::string kpi_title(const Scenario& s, const Kpi& k);

}  // namespace pactscope
