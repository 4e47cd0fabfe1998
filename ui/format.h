// format.h — numbers as a stakeholder reads them: $1.2B, 3.4 GW, 84%, 1.5M H100e.
#pragma once
#include <string>
#include <vector>

#include "model/scenario.h"

namespace pactscope::ui {

enum class Unit { usd, mw, gwh, h100e, h100e_hours, share, quarter_index, plain };

std::string format_value(double v, Unit unit);
std::string format_usd(double v);            // $1.23B, -$45.6M, $780K, $12
std::string format_compact(double v);        // 1.23B, 45.6M, 780K, 12.3
// The unit of a MODEL §6 total or stakeholder figure, from its name.
Unit unit_of(const std::string& metric);

// The buyer and providers as people call them: their names ("OpenAI", "Microsoft Azure"), else their ids.
std::string buyer_name(const Scenario& s);
std::string provider_name(const Scenario& s, std::size_t p);

// "Nice" axis ticks (1, 2, 2.5, 5 × 10^k) covering [lo, hi], about `target` of them.
std::vector<double> nice_ticks(double lo, double hi, int target);

}  // namespace pactscope::ui
