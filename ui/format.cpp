#include "format.h"

#include <cmath>
#include <cstdio>

namespace pactscope::ui {

std::string format_compact(double v, int extra_digits) {
    if (std::isnan(v)) return "-";
    const double a = std::fabs(v);
    char buf[48];
    const char* suffix = "";
    double x = v;
    if (a >= 1e12) x = v / 1e12, suffix = "T";
    else if (a >= 1e9) x = v / 1e9, suffix = "B";
    else if (a >= 1e6) x = v / 1e6, suffix = "M";
    else if (a >= 1e3) x = v / 1e3, suffix = "K";
    const double ax = std::fabs(x);
    const int digits = (ax >= 100 ? 0 : ax >= 10 ? 1 : 2) + extra_digits;
    std::snprintf(buf, sizeof buf, "%.*f%s", digits, x, suffix);
    return buf;
}

std::string format_usd(double v, int extra_digits) {
    if (std::isnan(v)) return "-";
    return (v < 0 ? "-$" : "$") + format_compact(std::fabs(v), extra_digits);
}

std::string format_value(double v, Unit unit, int extra_digits) {
    if (std::isnan(v)) return "-";
    char buf[48];
    const int x = extra_digits;
    switch (unit) {
        case Unit::usd: return format_usd(v, x);
        case Unit::mw:
            if (std::fabs(v) >= 1000) return format_compact(v / 1000, x).append(" GW");
            return format_compact(v, x).append(" MW");
        case Unit::gwh:
            if (std::fabs(v) >= 1000) return format_compact(v / 1000, x).append(" TWh");
            return format_compact(v, x).append(" GWh");
        case Unit::h100e: return format_compact(v, x).append(" H100e");
        case Unit::h100e_hours: return format_compact(v, x).append(" H100e-h");
        case Unit::share: std::snprintf(buf, sizeof buf, "%.*f%%", 1 + x, v * 100); return buf;
        case Unit::quarter_index: std::snprintf(buf, sizeof buf, "%+.*f q", 1 + x, v); return buf;
        case Unit::plain: return format_compact(v, x);
    }
    return format_compact(v, x);
}

std::vector<std::string> tick_labels(const std::vector<double>& ticks, Unit unit) {
    std::vector<std::string> out;
    for (int extra = 0; extra <= 6; ++extra) {
        out.clear();
        for (double t : ticks) out.push_back(format_value(t, unit, extra));
        bool distinct = true;
        for (std::size_t i = 1; i < out.size() && distinct; ++i) distinct = out[i] != out[i - 1];
        if (distinct) break;
    }
    return out;
}


std::vector<double> nice_ticks(double lo, double hi, int target) {
    std::vector<double> out;
    if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return out;
    const double raw = (hi - lo) / std::max(1, target);
    const double mag = std::pow(10.0, std::floor(std::log10(raw)));
    double step = mag;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    for (double t = std::ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) out.push_back(std::fabs(t) < step * 1e-9 ? 0 : t);
    return out;
}

}  // namespace pactscope::ui
