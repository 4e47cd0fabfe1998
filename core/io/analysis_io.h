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
// CSV is long ("tidy"): one number per row, so any spreadsheet can pivot it. The summary, comparison and
// sweep tables end with a companion column `label`: the metric in the scenario's words.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "analysis/outside_horizon.h"

namespace pactscope {

nlohmann::ordered_json summary_to_json(const Scenario& s, const McSummary& m);
std::string summary_to_csv(const Scenario& s, const McSummary& m);

// One row per trial: trial, every uncertain input (by JSON pointer), every total, every stakeholder figure.
std::string samples_to_csv(const Simulation& sim);

nlohmann::ordered_json comparison_to_json(const std::vector<const Scenario*>& ss, const Comparison& c);
std::string comparison_to_csv(const std::vector<const Scenario*>& ss, const Comparison& c);

nlohmann::ordered_json sweep_to_json(const std::vector<const Scenario*>& ss, const std::string& metric, const SweepGrid& g);
std::string sweep_to_csv(const std::vector<const Scenario*>& ss, const std::string& metric, const SweepGrid& g);

nlohmann::ordered_json sensitivity_to_json(const Scenario& s, const std::string& metric, const Tornado& t,
                                           const std::vector<Importance>& imp, std::int64_t trials);

nlohmann::ordered_json break_even_to_json(const std::vector<const Scenario*>& ss, const std::string& metric,
                                          const SweepAxis& range, const BreakEven& be);

// [{kind, pointer, provider, text, amount_usd, moves}] (MODEL §8 "Outside the horizon"); amount_usd is null
// when it cannot be worked out. `pactscope run` adds it to the result as "outside_horizon".
nlohmann::ordered_json outside_horizon_to_json(const Scenario& s, const std::vector<HorizonEdge>& edges);

}  // namespace pactscope
