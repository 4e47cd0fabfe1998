// report_parts.h — the pieces of the report (report.h) that its sections share with its charts:
// a deal as the report holds it, metric lookups, text forms, and the charts of one deal and the clause
// timeline. Internal to core/io/report*.cpp; nothing else includes it.
#pragma once
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "io/chart_svg.h"
#include "model/names.h"

namespace pactscope::report_parts {

inline constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
inline constexpr int kChartWidth = 720, kChartHeight = 330;
inline const std::string kDash = "\xe2\x80\x93";    // –
inline const std::string kMdash = "\xe2\x80\x94";   // —
inline const std::string kDot = " \xc2\xb7 ";       // ·
inline const std::string kArrow = " \xe2\x86\x92 ";  // →

std::string esc(const std::string& s);

// A KPI's metric: a total or a buyer figure, which every scenario has (analysis/kpis.h lists only those).
Metric kpi_metric(const Scenario& s, const std::string& metric);

// A value in a scenario: quarter indices (agi_quarter) as labels, the rest by value_text.
std::string shown(double v, ValueUnit unit, const Scenario& s);
std::string stat_text(const Stat* st, double Stat::*which, ValueUnit unit, const Scenario& s);
std::string range_text(const Stat* st, ValueUnit unit, const Scenario& s);
std::string horizon_text(const Scenario& s);
// The quarter of a date "YYYY-MM[-DD]", or nothing.
std::optional<int> date_quarter(const std::string& d);

// A deal as the report uses it.
struct Deal {
    const Scenario* s;
    const Result* r;
    const Simulation* run;
    std::string name;
    char letter;
    McSummary m;
};

// Charts of one deal, and of every deal's nets (`source`: the chart's source line).
Chart cost_by_year(const Deal& d, const std::string& source);
Chart cost_fan(const Deal& d, const std::string& source);
Chart capacity_chart(const Deal& d, const std::string& source);
Chart allocation_chart(const Deal& d, const std::string& source);
Chart nets_chart(const std::vector<Deal>& deals, bool p50, const std::string& title, const std::string& source);

// The clause timeline: each clause's active quarters as an SVG (the report date and AGI marked).
std::string window_text(const Clause& c);
std::string timeline_svg(const Deal& d, const std::optional<int>& date_q, const std::string& source);

}  // namespace pactscope::report_parts
