// format.h — numbers as a stakeholder reads them: $1.2B, 3.4 GW, 84%, 1.5M H100e.
#pragma once
#include <string>
#include <vector>

#include "model/names.h"  // the parties by name: buyer_display_name, provider_display_name
#include "model/scenario.h"

namespace pactscope::ui {

enum class Unit { usd, mw, gwh, h100e, h100e_hours, share, quarter_index, plain };

std::string format_value(double v, Unit unit);
std::string format_usd(double v);            // $1.23B, -$45.6M, $780K, $12
std::string format_compact(double v);        // 1.23B, 45.6M, 780K, 12.3

// "Nice" axis ticks (1, 2, 2.5, 5 × 10^k) covering [lo, hi], about `target` of them.
std::vector<double> nice_ticks(double lo, double hi, int target);

}  // namespace pactscope::ui
