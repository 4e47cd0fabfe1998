// result_io.h — a Result as `pactscope/result@1` JSON or as CSV (MODEL §6, §11.5).
// Both iterate the result tables (result_fields.h), so every series, total and stakeholder
// figure appears in both, in table order.
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "model/result.h"
#include "model/result_fields.h"
#include "model/scenario.h"

namespace pactscope {

nlohmann::ordered_json result_to_json(const Scenario& s, const Result& r);

// Long ("tidy") CSV: one row per number, columns table,id,metric,quarter,value.
// Per-quarter series carry their quarter label; totals, stakeholder figures, commitments and
// reservations have an empty quarter. Pivot it in any spreadsheet.
std::string result_to_csv(const Scenario& s, const Result& r);

}  // namespace pactscope
