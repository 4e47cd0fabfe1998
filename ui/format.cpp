#include "format.h"

#include <cmath>
#include <cstdio>
#include <iterator>

#include "io/value_text.h"

namespace pactscope::ui {

std::string format_compact(double v) {
    if (std::isnan(v)) return "-";
    if (v == 0) return "0";  // exactly nothing, as the core's value_text writes it ("$0", not "$0.00")
    static constexpr struct {
        double divisor;
        const char* suffix;
    } kScales[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "K"}, {1, ""}};
    constexpr std::size_t kUnits = std::size(kScales) - 1;
    const auto decimals = [](double x) { return x >= 100 ? 0 : x >= 10 ? 1 : 2; };  // three significant digits
    const auto rounded = [](double x, int d) { return std::round(x * std::pow(10.0, d)) / std::pow(10.0, d); };
    const double a = std::fabs(v);
    std::size_t i = 0;
    while (i < kUnits && a < kScales[i].divisor) ++i;
    double x = a / kScales[i].divisor;
    int d = decimals(x);
    // Scale and decimals are decided after rounding, as the core's value_text: 999.96K reads 1.00M and 99.97
    // reads 100 (not "1000K", "100.0").
    if (i > 0 && rounded(x, d) >= 1000) --i, x = a / kScales[i].divisor, d = decimals(x);
    d = decimals(rounded(x, d));
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*f%s", d, v < 0 ? -x : x, kScales[i].suffix);
    return buf;
}

std::string range_text(double lo, double hi, Unit unit) { return format_value(lo, unit) + " to " + format_value(hi, unit); }

std::string format_usd(double v) {
    if (std::isnan(v)) return "-";
    return (v < 0 ? "-$" : "$") + format_compact(std::fabs(v));
}

std::string format_value(double v, Unit unit) {
    if (std::isnan(v)) return "-";
    char buf[48];
    switch (unit) {
        case Unit::usd: return format_usd(v);
        case Unit::mw:
            if (std::fabs(v) >= 1000) return format_compact(v / 1000).append(" GW");
            return format_compact(v).append(" MW");
        case Unit::gwh:
            if (std::fabs(v) >= 1000) return format_compact(v / 1000).append(" TWh");
            return format_compact(v).append(" GWh");
        case Unit::h100e: return format_compact(v).append(" H100e");
        case Unit::h100e_hours: return format_compact(v).append(" H100e-h");
        case Unit::share: std::snprintf(buf, sizeof buf, "%.1f%%", v * 100); return buf;
        case Unit::quarter_index: std::snprintf(buf, sizeof buf, "%+.1f q", v); return buf;
        case Unit::plain: return format_compact(v);
    }
    return format_compact(v);
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
