// metric.h — naming one number of a result, for sweeps, tornados, break-evens
// and comparisons (MODEL §6, §8, §11.5).
//
// A metric is a total (`cost_usd`, `sla_credit_usd`, …) or a stakeholder figure written
// `buyer.<field>` (`buyer.revenue_usd`) or `<provider id>.<field>` (`oci.cost_usd`); the
// names, units and directions come from the result tables (result_fields.h). Each has a
// direction: which way is better for the party it belongs to (the buyer for totals).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/names.h"
#include "model/result.h"
#include "model/result_fields.h"
#include "model/scenario.h"

namespace pactscope {

struct Metric {
    enum class Kind { total, buyer, provider } kind = Kind::total;
    int index = 0;     // row in total_fields(), buyer_figures() or provider_figures()
    int provider = -1; // Kind::provider
    std::string name;  // as written
    std::string provider_id;  // Kind::provider: whose figure, so other deals find their own index of that provider
};

// Parses a metric name against a scenario; on failure `error` says what is allowed.
std::optional<Metric> parse_metric(const Scenario& s, const std::string& name, std::string& error);

// The metric's value in a result; NaN when it is null (usd_per_served_h100e_hour, agi_quarter).
double metric_value(const Metric& m, const Result& r);

// kLowerIsBetter, kHigherIsBetter or kNoDirection (peak_mw, total_gwh, agi_quarter).
int metric_direction(const Metric& m);
ValueUnit metric_unit(const Metric& m);

// MODEL §8 "Labels": a metric in the scenario's own words, for pickers, axes, tooltips and CSV companions.
struct MetricLabel {
    std::string key;             // as written: "buyer.net_usd", "cost_usd"
    std::string party;           // "OpenAI", "Microsoft Azure"; empty for a total
    std::string figure;          // "net", "revenue"; a total's label ("Total cost")
    std::string name;            // "OpenAI — net", "Microsoft Azure — revenue", "Total cost"
    std::string unit;            // "USD", "share", … (value_unit_name)
    std::string meaning;         // the table's one-line meaning
    int direction = kNoDirection;
    std::string direction_text;  // "higher is better for OpenAI net", "lower is better for total cost"
};
MetricLabel metric_label(const Scenario& s, const Metric& m);
// A metric named by its key, labelled in the first of `ss` that has it (a provider may be in only some
// deals); a key none of them has keeps the key as its name.
MetricLabel metric_label(const std::vector<const Scenario*>& ss, const std::string& key);

// Every metric of a scenario in picker order: the totals, the buyer's figures, then each provider's.
std::vector<Metric> scenario_metrics(const Scenario& s);

}  // namespace pactscope
