// format.h — numbers as a stakeholder reads them: $1.2B, 3.4 GW, 84%, 1.5M H100e.
//
// The page's own unit names (Unit) map one to one onto the core's result units (ValueUnit,
// model/result_fields.h); the two mappings below are the only table between them. Axis ticks come from
// the core (io/value_text.h), so the page's charts and the exported charts label an axis alike.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/names.h"  // the parties by name: buyer_display_name, provider_display_name
#include "model/result_fields.h"
#include "model/scenario.h"

namespace pactscope::ui {

enum class Unit { usd, mw, gwh, h100e, h100e_hours, share, quarter_index, plain };

std::string format_value(double v, Unit unit);
// A difference: "+$4.23B", "-$1.32B", "$0"; a share's in percentage points ("-2.5 pp"), a count of quarters "+1.0 q".
std::string format_delta(double v, Unit unit);
std::string format_usd(double v);            // $1.23B, -$45.6M, $780K, $12
std::string format_compact(double v);        // 1.23B, 45.6M, 780K, 12.3
std::string format_count(std::int64_t n);    // trials and the like, every digit, grouped: 10,000
// A range "$1.07T to $1.24T": "to", since a dash beside a minus sign ("-$8.64B–-$2.03B") reads as neither.
std::string range_text(double lo, double hi, Unit unit);

// The core's unit for a page unit (plain: an index), and back (a price per H100e-hour reads as USD).
ValueUnit value_unit(Unit u);
Unit page_unit(ValueUnit u);

// A labelled tick on a value axis.
struct AxisTick {
    double at = 0;
    std::string label;
};

// About `target` ticks at 1, 2, 2.5 or 5 × 10^k within [lo, hi], labelled with one scale and as many
// decimals as the step needs (io/value_text.h tick_texts): $1.0750T, $1.0775T, $1.0800T; 0%, 25%, 50%.
std::vector<AxisTick> axis_ticks(double lo, double hi, int target, Unit unit);

}  // namespace pactscope::ui
