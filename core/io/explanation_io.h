// explanation_io.h — "what changed, and by how much" between two scenarios, as the CLI and the page ask
// it, and its JSON and CSV (MODEL §8 "What changed", §9).
//
// JSON (keys in this order):
//   {schema: "pactscope/explanation@1", metric, metric_label, direction, a, b, value_a, value_b, delta,
//    method: "exact" | "sampled", permutations (null when exact), coalitions,
//    contributions: [{part, pointer, value, pointers}]}
//   value_a and value_b are the deterministic runs of A and B; Σ contributions = delta = value_b − value_a.
//   `pointer` is the part's JSON pointer in B (in A when B lacks it); `pointers` lists every pointer of
//   parts attributed together (MODEL §13), the first being `pointer`.
// CSV: metric,label,step,part,pointer,value — a waterfall: the row "a" (A's value), one "part" row per
// contribution, the row "b" (B's value).
//
// Usage:
//   std::string error;
//   auto ex = explain_scenarios(a, b, "buyer.net_usd", error);   // nothing, with `error`, on a bad metric
//   std::cout << explanation_to_json(a, b, *ex).dump(2);
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/explain.h"
#include "analysis/metric.h"

namespace pactscope {

// Splits metric(B) − metric(A) into the contributions of the parts that differ (scenario_parts.h, explain.h).
std::optional<Explanation> explain_scenarios(const Scenario& a, const Scenario& b, const std::string& metric, std::string& error,
                                             const ShapleyOptions& options = {});

nlohmann::ordered_json explanation_to_json(const Scenario& a, const Scenario& b, const Explanation& ex);
std::string explanation_to_csv(const Scenario& a, const Scenario& b, const Explanation& ex);

// Labels come from metric_label({&a, &b}, metric) (analysis/metric.h): B's words when only B has the
// provider the metric names.

}  // namespace pactscope
