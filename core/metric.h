// metric.h — naming one number of a result, for sweeps, tornados, break-evens
// and comparisons (SPEC §6, §8).
//
// A metric is a SPEC §6 total (`cost_usd`, `served_fraction`, …) or a
// stakeholder figure written `buyer.net_usd` or `<provider id>.<field>`
// (`azure.revenue_share_received_usd`). Each has a direction: which way is
// better for the party it belongs to (the buyer for totals).
#pragma once
#include <optional>
#include <string>

#include "result.h"
#include "scenario.h"

namespace pactscope {

struct Metric {
    enum class Kind { total, buyer, provider } kind = Kind::total;
    int index = 0;     // total index, or field index in the stakeholder view
    int provider = -1; // Kind::provider
    std::string name;  // as written
};

// Parses a metric name against a scenario; on failure `error` says what is allowed.
std::optional<Metric> parse_metric(const Scenario& s, const std::string& name, std::string& error);

// The metric's value in a result; NaN when it is null (usd_per_served_h100e_hour, agi_quarter).
double metric_value(const Metric& m, const Result& r);

// -1: lower is better, +1: higher is better, 0: neither (peak_mw, total_gwh, agi_quarter).
int metric_direction(const Metric& m);
int total_direction(int total_index);

// Stakeholder field names, in SPEC §6 order.
const char* const* buyer_fields(int& count);
const char* const* provider_fields(int& count);

}  // namespace pactscope
