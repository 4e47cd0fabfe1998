// format.h — numbers as a stakeholder reads them: $1.2B, 3.4 GW, 84%, 1.5M H100e.
#pragma once
#include <string>
#include <vector>

#include "model/names.h"  // the parties by name: buyer_display_name, provider_display_name
#include "model/scenario.h"

namespace pactscope::ui {

enum class Unit { usd, mw, gwh, h100e, h100e_hours, share, quarter_index, plain };

// `extra_digits`: more decimals than the usual three significant figures (tick_labels asks for them).
std::string format_value(double v, Unit unit, int extra_digits = 0);
std::string format_usd(double v, int extra_digits = 0);      // $1.23B, -$45.6M, $780K, $12
std::string format_compact(double v, int extra_digits = 0);  // 1.23B, 45.6M, 780K, 12.3

// Axis tick labels in the unit, with as many more digits as it takes for neighbours to differ (a narrow
// range of costs reads $1.075T, $1.080T, $1.085T rather than $1.08T three times).
std::vector<std::string> tick_labels(const std::vector<double>& ticks, Unit unit);

// "Nice" axis ticks (1, 2, 2.5, 5 × 10^k) covering [lo, hi], about `target` of them.
std::vector<double> nice_ticks(double lo, double hi, int target);

}  // namespace pactscope::ui
