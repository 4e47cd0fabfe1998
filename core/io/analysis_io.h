// analysis_io.h — Monte Carlo summaries and analyses as JSON and CSV (MODEL §6, §8, §9).
//
// JSON shapes (keys in this order):
//   simulation  {schema, scenario, trials, seed, [correlation_scale], totals: {TOTAL: STAT},
//                stakeholders: {buyer: {FIGURE: STAT}, ID: {FIGURE: STAT}}  (every figure, MODEL §11.5),
//                bands: {quarters, cost_usd: {p10, p50, p90}, shortfall_h100e: {p10, p50, p90}}}
//     STAT = {mean, p5, p10, p50, p90, p95} (+ share_missing for the totals that can be null;
//     null percentiles when every trial misses it). agi_quarter is an index from horizon.start.
//   comparison  {schema, trials, seed, scenarios: [{name, totals}], pairs: [{a, b, totals: {TOTAL: DELTA}, stakeholders}]}
//     DELTA = STAT of b − a + {p_a_better, p_b_better, p_equal} (p_a_lower/p_b_lower for neutral totals).
//   sweep, tornado/importance, break_even: see the functions. Each names its metric in words beside its key
//   ("metric_label": "OpenAI — net", "direction": "higher is better for OpenAI net") and each input it moves
//   ("label": "Microsoft Azure — price per H100e-hour (USD per H100e-hour)"), MODEL §8.
// CSV: the summary and samples are long ("tidy": one number per row, so any spreadsheet can pivot it);
// the compare table is one row per metric; the sweep one row per cell and per break-even. Each header
// names units (a unit column, or "(USD)" after the metric). The summary, comparison and sweep tables end
// with a companion column `label`: the metric in the scenario's words.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "analysis/outside_horizon.h"
#include "analysis/sweep_crossings.h"

namespace pactscope {

nlohmann::ordered_json summary_to_json(const Scenario& s, const McSummary& m);
std::string summary_to_csv(const Scenario& s, const McSummary& m);

// One row per trial: trial, every uncertain input (by JSON pointer), every total, every stakeholder figure.
std::string samples_to_csv(const Simulation& sim);

nlohmann::ordered_json comparison_to_json(const std::vector<const Scenario*>& ss, const Comparison& c);
// The compare table, one row per metric — every total, the buyer's figures, each provider's (matched by id;
// empty cells for a deal without that provider) — columns: table, id, metric, unit, better (lower, higher,
// none); per scenario its mean, p5, p10, p50, p90, p95; per pair (A, B) the paired B − A's mean … p95 and
// P(A better), P(B better), P(equal), P(A lower), P(B lower) (the "better" cells are empty for metrics
// without a direction), then label. Scenarios are named by deal_names(). Numbers are exact.
std::string comparison_to_csv(const std::vector<const Scenario*>& ss, const Comparison& c);

// The scenarios' names as they head columns and legends: each one's `name`, "scenario N" when it has
// none, and " (2)", " (3)" after a name already taken.
std::vector<std::string> deal_names(const std::vector<const Scenario*>& ss);
// The same rule over names already chosen (the page's export names).
std::vector<std::string> unique_names(const std::vector<std::string>& names);

// JSON adds "break_even": [{a, b, [PARAM2 value], value, metric_a, metric_b, jump}] when `crossings` are given.
nlohmann::ordered_json sweep_to_json(const std::vector<const Scenario*>& ss, const std::string& metric, const SweepGrid& g,
                                     const std::vector<SweepCrossing>& crossings = {});
// One table: rows "cell" (scenario, the inputs, the metric, the best scenario) and "break_even" (scenario,
// versus, the first input where their curves cross, the second input's row, both metrics, jump: yes when
// the metric steps over rather than crosses). Columns: kind, scenario, versus, each input's pointer,
// METRIC (unit), METRIC of versus (unit), best, jump, label. Each input's header names its unit as the first
// scenario's inputs do ("/providers/0/price_usd_per_h100e_hour (USD per H100e-hour)"); quarter inputs say
// "quarter", plain numbers nothing. When the deals hold an input at different pointers (SweepAxis::pointers,
// the page's matching), rows "input" come first: each deal with the pointer of each input it was swept at.
// Rows "not_drawn" name the deals left out for want of the input (`not_drawn`, the page's pinned deals).
std::string sweep_to_csv(const std::vector<const Scenario*>& ss, const std::string& metric, const SweepGrid& g,
                         const std::vector<SweepCrossing>& crossings = {},
                         const std::vector<std::string>& not_drawn = {});

nlohmann::ordered_json sensitivity_to_json(const Scenario& s, const std::string& metric, const Tornado& t,
                                           const std::vector<Importance>& imp, std::int64_t trials);

nlohmann::ordered_json break_even_to_json(const std::vector<const Scenario*>& ss, const std::string& metric,
                                          const SweepAxis& range, const BreakEven& be);

// [{kind, pointer, provider, text, amount_usd, moves}] (MODEL §8 "Outside the horizon"); amount_usd is null
// when it cannot be worked out. `pactscope run` adds it to the result as "outside_horizon".
nlohmann::ordered_json outside_horizon_to_json(const Scenario& s, const std::vector<HorizonEdge>& edges);

}  // namespace pactscope
