#include "format.h"

#include <cmath>

#include "io/number_entry.h"
#include "io/value_text.h"

namespace pactscope::ui {

// The core's forms (io/value_text.h): the page and the exports write a number alike.
std::string format_compact(double v) { return compact_text(v); }

std::string range_text(double lo, double hi, Unit unit) { return format_value(lo, unit) + " to " + format_value(hi, unit); }

std::string format_usd(double v) { return value_text(v, ValueUnit::usd); }

std::string format_count(std::int64_t n) { return format_number_grouped(static_cast<double>(n)); }

std::string format_value(double v, Unit unit) { return unit == Unit::plain ? compact_text(v) : value_text(v, value_unit(unit)); }

std::string format_delta(double v, Unit unit) {
    if (unit == Unit::share || unit == Unit::quarter_index) return delta_text(v, value_unit(unit));  // "-2.5 pp", "+1.0 q"
    std::string out = v > 0 ? "+" : "";  // (not "+" + string: GCC 12 warns of an overlapping copy there, -Wrestrict)
    out += format_value(v, unit);
    return out;
}

ValueUnit value_unit(Unit u) {
    switch (u) {
        case Unit::usd: return ValueUnit::usd;
        case Unit::mw: return ValueUnit::mw;
        case Unit::gwh: return ValueUnit::gwh;
        case Unit::h100e: return ValueUnit::h100e;
        case Unit::h100e_hours: return ValueUnit::h100e_hours;
        case Unit::share: return ValueUnit::share;
        case Unit::quarter_index: return ValueUnit::quarter;
        case Unit::plain: break;
    }
    return ValueUnit::index;
}

Unit page_unit(ValueUnit u) {
    switch (u) {
        case ValueUnit::usd:
        case ValueUnit::usd_per_h100e_hour: return Unit::usd;
        case ValueUnit::h100e: return Unit::h100e;
        case ValueUnit::h100e_hours: return Unit::h100e_hours;
        case ValueUnit::mw: return Unit::mw;
        case ValueUnit::gwh: return Unit::gwh;
        case ValueUnit::share: return Unit::share;
        case ValueUnit::quarter: return Unit::quarter_index;
        case ValueUnit::count: break;
        case ValueUnit::index: break;
    }
    return Unit::plain;
}

std::vector<AxisTick> axis_ticks(double lo, double hi, int target, Unit unit) {
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return {};
    // The core's ticks cover [lo, hi] (the first at or below lo, the last at or above hi); an axis shows
    // those inside it. Labels are made from all of them, so one scale serves the axis whichever are shown.
    const std::vector<double> at = nice_ticks(lo, hi, target);
    const std::vector<std::string> labels = tick_texts(at, value_unit(unit));
    const double slack = (at.size() > 1 ? at[1] - at[0] : hi - lo) * 1e-9;
    std::vector<AxisTick> out;
    for (std::size_t k = 0; k < at.size(); ++k)
        if (at[k] >= lo - slack && at[k] <= hi + slack) out.push_back({at[k], labels[k]});
    return out;
}

}  // namespace pactscope::ui
