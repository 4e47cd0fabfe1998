// result_io.h — a Result as `pactscope/result@1` JSON or as CSV (SPEC §6).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "result.h"
#include "scenario.h"

namespace pactscope {

nlohmann::ordered_json result_to_json(const Scenario& s, const Result& r);

// Long ("tidy") CSV: one row per number, columns table,id,metric,quarter,value.
// Per-quarter series carry their quarter label; totals and stakeholder figures
// have an empty quarter. Pivot it in any spreadsheet.
std::string result_to_csv(const Scenario& s, const Result& r);

// The names of SPEC §6's totals, in order (used by Monte Carlo and the UI too).
const std::vector<std::string>& total_names();
// A total by name; false when it is null for this result (usd_per_served_h100e_hour, agi_quarter).
bool total_value(const Result& r, const std::string& name, double& out);
// Index of a total in total_names(), or -1.
int total_index(const std::string& name);
// All totals in total_names() order; NaN where null. agi_quarter is the index from horizon.start.
inline constexpr int kTotalCount = 18;
void totals_array(const Totals& t, double* out);

}  // namespace pactscope
