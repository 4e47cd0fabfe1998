#include "format.h"

#include <cmath>
#include <cstdio>

namespace pactscope::ui {

std::string format_compact(double v) {
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
    const int digits = ax >= 100 ? 0 : ax >= 10 ? 1 : 2;
    std::snprintf(buf, sizeof buf, "%.*f%s", digits, x, suffix);
    return buf;
}

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
