// value_text.cpp — see value_text.h. No printf with decimals, no log10 or pow: the same bytes everywhere.
#include "io/value_text.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pactscope {

namespace {

constexpr double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};

// How a unit is scaled for display: divide by `divisor`, write `prefix` (after the sign) and `suffix`.
struct Scale {
    double divisor = 1;
    const char* prefix = "";
    std::string suffix;
    const char* words = "";  // the unit in an axis title
};

// K / M / B / T by the magnitude `a` (>= 0).
Scale compact_scale(double a) {
    if (a >= 1e12) return {1e12, "", "T"};
    if (a >= 1e9) return {1e9, "", "B"};
    if (a >= 1e6) return {1e6, "", "M"};
    if (a >= 1e3) return {1e3, "", "K"};
    return {};
}

// The display scale of `unit` for values of magnitude `a`. `with_words`: counts carry their unit's
// word (value_text) rather than leaving it to the axis title (ticks).
Scale unit_scale(ValueUnit unit, double a, bool with_words) {
    Scale s;
    switch (unit) {
        case ValueUnit::usd:
            s = compact_scale(a), s.prefix = "$", s.words = "USD";
            break;
        case ValueUnit::usd_per_h100e_hour:
            s = compact_scale(a), s.prefix = "$", s.words = "USD per H100e-hour";
            break;
        case ValueUnit::h100e:
            s = compact_scale(a), s.words = "H100e";
            if (with_words) s.suffix += " H100e";
            break;
        case ValueUnit::h100e_hours:
            s = compact_scale(a), s.words = "H100e-hours";
            if (with_words) s.suffix += " H100e-h";
            break;
        case ValueUnit::mw: s = a >= 1000 ? Scale{1000, "", " GW", "GW"} : Scale{1, "", " MW", "MW"}; break;
        case ValueUnit::gwh: s = a >= 1000 ? Scale{1000, "", " TWh", "TWh"} : Scale{1, "", " GWh", "GWh"}; break;
        case ValueUnit::share: s = {0.01, "", "%", "%"}; break;
        case ValueUnit::index: s = {1, "", "", "index"}; break;
        case ValueUnit::quarter: s = {1, "", " q", "quarters"}; break;
        case ValueUnit::count:  // "895", "1.20K": the axis title says what is counted ("trials per bin")
            s = compact_scale(a), s.words = "";
            break;
    }
    return s;
}

// Decimals for 3 significant digits of x (>= 0): 123 -> 0, 12.3 -> 1, 1.23 -> 2.
int three_digits(double x) { return x >= 100 ? 0 : x >= 10 ? 1 : 2; }

// Decimals that show `step` exactly enough (0–9): the step must be a whole number of units of the last
// decimal (at least one), so a step of 2.5e-7 (a $250K step on a $1T axis) gets 8 decimals, not 0.
int step_decimals(double step) {
    for (int d = 0; d < 9; ++d) {
        const double s = step * kPow10[d];
        if (s >= 1 - 1e-6 && std::fabs(s - std::round(s)) <= 1e-6 * s) return d;
    }
    return 9;
}

std::string sign_of(double v) { return std::string(v < 0 ? "-" : ""); }
std::string plus(double v) { return std::string(v > 0 ? "+" : ""); }

}  // namespace

std::string fixed_text(double x, int decimals) {
    if (std::isnan(x)) return "-";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    decimals = std::clamp(decimals, 0, 9);
    const double scaled = std::round(std::fabs(x) * kPow10[decimals]);
    std::string digits;
    if (scaled >= 9.0e15) {  // beyond exact integers in a double: whole digits only (no decimal point, so no locale)
        char buf[400];
        std::snprintf(buf, sizeof buf, "%.0f", std::fabs(x));
        return sign_of(x) + buf;
    }
    const auto n = static_cast<unsigned long long>(scaled);
    digits = std::to_string(n);
    const auto d = static_cast<std::size_t>(decimals);
    if (d > 0) {
        if (digits.size() <= d) digits.insert(0, d + 1 - digits.size(), '0');
        digits.insert(digits.size() - d, 1, '.');
    }
    return (x < 0 && n != 0 ? "-" : "") + digits;
}

namespace {

// v in the scale `scale_of` picks for its magnitude, three significant digits: the scale and the decimals are
// chosen after rounding (999.6M is "1.00B", 9.996 is "10.0"). v != 0.
template <class ScaleOf>
std::string scaled_text(double v, ScaleOf scale_of) {
    const double a = std::fabs(v);
    Scale s = scale_of(a);
    double x = a / s.divisor;
    int d = three_digits(x);
    const double rounded = std::round(x * kPow10[d]) / kPow10[d];
    if (rounded >= 1000) {  // 999.6M rounds to 1000M: 1.00B
        const Scale bigger = scale_of(rounded * s.divisor);
        if (bigger.divisor != s.divisor) s = bigger, x = a / s.divisor, d = three_digits(x);
    }
    d = three_digits(std::round(x * kPow10[d]) / kPow10[d]);  // 9.996 -> "10.0", not "10.00"
    return sign_of(v) + s.prefix + fixed_text(x, d) + s.suffix;
}

}  // namespace

std::string value_text(double v, ValueUnit unit) {
    if (std::isnan(v)) return "-";
    if (unit == ValueUnit::share) return fixed_text(v * 100, 1) + "%";
    if (unit == ValueUnit::index) return fixed_text(v, 3);
    if (unit == ValueUnit::quarter) return plus(v) + fixed_text(v, 1) + " q";
    if (v == 0) {
        const Scale s = unit_scale(unit, 0, true);
        return std::string(s.prefix) + "0" + (unit == ValueUnit::mw || unit == ValueUnit::gwh ? s.suffix : std::string());
    }
    return scaled_text(v, [unit](double a) { return unit_scale(unit, a, true); });
}

std::string compact_text(double v) {
    if (std::isnan(v)) return "-";
    if (v == 0) return "0";
    return scaled_text(v, compact_scale);
}

std::string delta_text(double v, ValueUnit unit) {
    if (std::isnan(v)) return "-";
    if (unit == ValueUnit::share) return plus(v) + fixed_text(v * 100, 1) + " pp";
    if (unit == ValueUnit::quarter) return value_text(v, unit);
    return plus(v) + value_text(v, unit);
}

std::vector<std::string> tick_texts(const std::vector<double>& ticks, ValueUnit unit) {
    double top = 0;
    for (double t : ticks) top = std::max(top, std::fabs(t));
    const Scale s = unit_scale(unit, top, false);
    const double step = ticks.size() > 1 ? std::fabs(ticks[1] - ticks[0]) / s.divisor : 1;
    const int d = step_decimals(step);
    std::vector<std::string> out;
    for (double t : ticks) {
        const std::string digits = fixed_text(std::fabs(t) / s.divisor, d);
        if (digits.find_first_not_of("0.") == std::string::npos) {  // zero
            out.push_back(unit == ValueUnit::share ? std::string("0%") : std::string(s.prefix) + "0");
            continue;
        }
        std::string label = sign_of(t);
        label += s.prefix;
        out.push_back(label + digits + s.suffix);
    }
    return out;
}

std::vector<double> nice_ticks(double lo, double hi, int target) {
    if (!std::isfinite(lo) || !std::isfinite(hi)) return {0, 1};
    if (hi < lo) std::swap(lo, hi);
    if (hi == lo) {
        const double pad = lo == 0 ? 1 : std::fabs(lo) * 0.1;
        lo -= pad, hi += pad;
    }
    const double raw = (hi - lo) / std::max(1, target);
    double mag = 1;
    for (int i = 0; i < 400 && mag * 10 <= raw; ++i) mag *= 10;
    for (int i = 0; i < 400 && mag > raw; ++i) mag /= 10;
    double step = mag * 10;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * mag >= raw) {
            step = m * mag;
            break;
        }
    const double k0 = std::floor(lo / step), k1 = std::ceil(hi / step);
    std::vector<double> out;
    for (double k = k0; k <= k1 && out.size() < 64; k += 1) {
        const double t = k * step;
        out.push_back(std::fabs(t) < step * 1e-9 ? 0.0 : t);
    }
    if (out.size() < 2) out.push_back(out.empty() ? 0 : out.back() + step);
    return out;
}

StatementScale statement_scale(const std::vector<double>& usd) {
    double top = 0;
    for (double v : usd)
        if (std::isfinite(v)) top = std::max(top, std::fabs(v));
    const Scale s = compact_scale(std::min(top, 1e9));  // billions at most
    return {s.divisor, s.divisor == 1e9 ? "B" : s.divisor == 1e6 ? "M" : s.divisor == 1e3 ? "K" : ""};
}

std::string statement_text(double usd, StatementScale scale) {
    if (std::isnan(usd)) return "-";
    if (usd == 0) return "$0";
    std::string digits = fixed_text(std::fabs(usd) / scale.divisor, scale.divisor == 1 ? 0 : 1);
    // Group the whole part: 1763.4 -> 1,763.4.
    const std::size_t point = std::min(digits.find('.'), digits.size());
    for (std::size_t i = point; i > 3; i -= 3) digits.insert(i - 3, 1, ',');
    return (usd < 0 && digits.find_first_not_of("0.,") != std::string::npos ? "-$" : "$") + digits + scale.suffix;
}

std::string statement_rounding_note(StatementScale scale) {
    const std::string unit = scale.divisor == 1 ? "$1" : std::string("$0.1") + scale.suffix;
    return "Each figure is rounded on its own to " + unit + ": a row's sum may differ from its net in the last digit.";
}

const char* axis_unit_words(ValueUnit unit, double largest) { return unit_scale(unit, std::fabs(largest), false).words; }

std::string probability_text(double p) {
    if (std::isnan(p)) return "-";
    const double pct = 100 * p;
    if (p <= 0 || p >= 1) return fixed_text(pct, 0) + "%";
    if (pct >= 99.95) return ">99.9%";
    if (pct < 0.05) return "<0.1%";
    return fixed_text(pct, pct >= 99.5 || pct <= 0.5 ? 1 : 0) + "%";  // the same either side: 99.5%, 0.5%
}

std::string grouped_integer(long long n) {
    std::string digits = std::to_string(n < 0 ? -static_cast<unsigned long long>(n) : static_cast<unsigned long long>(n));
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), 1, ',');
    return (n < 0 ? "-" : "") + digits;
}

}  // namespace pactscope
