// report.h — one self-contained HTML report of a deal and the deals compared with it (issue 16, item 4).
//
// What it is: the function the page's File > "Download report" and `pactscope report` both call, so the
// same inputs, trials, seed and date give the same bytes. The report has no script, inline CSS only, and
// every chart as inline SVG (chart_svg.h). Sections, each starting a printed page:
//   summary      the deal, its horizon, buyer, providers and clauses; the five KPIs with P10–P90
//   key figures  cost by year, the Monte Carlo fan of cost, capacity vs demand, allocation; every total
//   timeline     an SVG of each clause's active quarters (AGI marked), and the clauses listed
//   parties      each party's P&L (buyer and every provider: revenue, cost, shares paid and received, IP
//                value, net with P10–P90), a chart of the nets, commitments and reservations
//   comparison   with several deals: the first is the current deal, the rest pinned; P50s, paired deltas
//                and P(current better) over common random numbers, and a chart of each party's net
//   what changed between the first two deals: value A, value B and the total difference of each KPI;
//                the split into contributions (a waterfall) only when `ReportInput::what_changed` is given
//   sources      every source of every deal with its date
// Printing: CSS @page margins and no fixed paper size (the printer's A4 or Letter applies), a page break
// before each section, nothing wider than the text column (SVGs scale to it, tables wrap).
//
// Determinism: nothing here reads a clock, a file or the machine. The date is an input: `date` as given
// (YYYY-MM-DD), or — when empty — the report says "sources to D" with D the latest date among the deals'
// sources, so a report made from the same files on another day is the same file. Numbers are shown at
// 3 significant digits and drawn at 0.1 px, so the native and WASM builds give the same bytes.
//
// Usage (the CLI; the page passes its own runs to report_html with the same trials and seed):
//   std::string html = build_report({scenario_a, scenario_b}, 10000, 7, "2026-11-30", threads);
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "analysis/analysis.h"

namespace pactscope {

// One deal of the report: a scenario, its deterministic result and its Monte Carlo run. Every run has
// the same trials and seed (so the comparison pairs trials, MODEL §7); a run may be partial.
struct ReportDeal {
    const Scenario* scenario = nullptr;
    const Result* result = nullptr;
    const Simulation* run = nullptr;
};

// The hook for the "what changed" waterfall: metric(B) − metric(A) split into the contributions of the
// parts in which the second deal differs from the first, as analysis/explain.h's Explanation gives them
// (its contributions' part names and values; they add up to value_b − value_a). Without it (explain
// found the metric null somewhere) the section shows value A, value B and the total difference only —
// nothing is split or estimated here.
struct ReportContribution {
    std::string part;  // "commitment on azure (changed: committed spend, end)"
    double value = 0;
};
struct ReportExplanation {
    std::string metric;  // a total or stakeholder figure (analysis/metric.h), e.g. "buyer.net_usd"
    std::string label;   // the metric in the scenarios' words ("OpenAI — net"); empty: the key is shown
    double value_a = 0, value_b = 0;
    bool exact = true;   // false: sampled permutations (the report says so)
    std::vector<ReportContribution> contributions;
};

struct ReportInput {
    std::vector<ReportDeal> deals;  // the first is the current deal; the others are pinned (at most 3)
    std::string date;               // "YYYY-MM-DD" (report_date_valid), or empty: the latest source date
    std::optional<ReportExplanation> what_changed;  // between deals[0] and deals[1]
};

// The report as one HTML document (UTF-8). Deals with no scenario, result or run are left out.
std::string report_html(const ReportInput& input);

// The metric the report explains between its first two deals: the buyer's net.
inline constexpr const char* kReportExplainedMetric = "buyer.net_usd";

// metric(B) − metric(A) split by explain_scenarios (io/explanation_io.h); nothing when it cannot be.
std::optional<ReportExplanation> report_explanation(const Scenario& a, const Scenario& b, const std::string& metric);

// Runs each scenario deterministically and `trials` Monte Carlo trials with `seed` (on `threads` threads
// natively; results do not depend on it), explains the buyer's net from the first deal to the second
// (unless `what_changed` is given), then report_html. The CLI's `pactscope report` and the page's
// File > Download report both call this, so they write the same bytes.
std::string build_report(const std::vector<Scenario>& scenarios, std::int64_t trials, std::uint64_t seed, const std::string& date,
                         int threads = 1, const std::optional<ReportExplanation>& what_changed = std::nullopt);

// True for a real calendar date written YYYY-MM-DD (1900–9999).
bool report_date_valid(const std::string& date);

// The deterministic value of a KPI metric in a result of `s`, as the report writes it ("$1.23B", "84.0%").
std::string report_kpi_text(const Scenario& s, const Result& r, const char* metric);

}  // namespace pactscope
