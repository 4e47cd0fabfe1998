// value_text.h — result numbers as text for exports people read: charts, tables, the report.
//
// What it is: the forms of the page's KPI cards ($1.23B, 35.0%, 1.2 GW, 3.4M H100e) for one
// value, axis ticks that share one scale and one number of decimals ($0, $0.5B, $1.0B; 0%, 25%,
// 50%), the unit in words for axis titles and CSV headers, and "nice" tick positions. Never
// scientific notation.
// Determinism: the same bytes on every machine and in WASM. Decimals are written by integer
// rounding (no printf, so no locale), and nothing here calls a transcendental function (log10,
// pow): magnitudes come from multiplying and dividing by 10, which IEEE arithmetic rounds the
// same everywhere.
// What it is not: numbers people type (number_entry.h) or exact export digits (csv_text.h).
#pragma once
#include <string>
#include <vector>

#include "model/result_fields.h"

namespace pactscope {

// `x` rounded half away from zero to `decimals` (0–9) places: "1.50", "-0.3", "12"; never "-0".
std::string fixed_text(double x, int decimals);

// One value in its unit's natural form, 3 significant digits: "$1.23B", "-$45.6M", "$2.41" (per
// H100e-hour), "35.0%" (share), "1.20 GW" / "850 MW", "3.40 TWh", "1.50M H100e", "2.19B H100e-h",
// "0.452" (index), "+2 q" (quarter index). NaN: "-".
std::string value_text(double v, ValueUnit unit);
// A count without a unit in the same form: "1.23B", "-45.6M", "780K", "12.3", "0.12"; exactly 0 is "0".
std::string compact_text(double v);
// A signed difference: "+$1.23B", "-$45.6M", "+2.0 pp" for shares (percentage points). NaN: "-".
std::string delta_text(double v, ValueUnit unit);

// Tick labels sharing one scale and one number of decimals, from the step between ticks:
// {0, 5e8, 1e9} usd -> {"$0", "$0.5B", "$1.0B"}; {0, 0.25, 0.5} share -> {"0%", "25%", "50%"};
// {0, 1000, 2000} mw -> {"0", "1 GW", "2 GW"}.
std::vector<std::string> tick_texts(const std::vector<double>& ticks, ValueUnit unit);

// About `target` ticks at 1, 2, 2.5 or 5 × 10^k covering [lo, hi]: the first at or below lo, the
// last at or above hi. lo == hi widens the range; non-finite input gives {0, 1}.
std::vector<double> nice_ticks(double lo, double hi, int target);

// The unit in words for an axis title ("USD", "%", "H100e"; "GW" or "MW" as ticks up to `largest`
// show it). A CSV header names it by value_unit_csv_name (model/result_fields.h).
const char* axis_unit_words(ValueUnit unit, double largest = 0);

// A statement's money columns (each party's P&L): every value in one scale, so a row foots by hand to
// within a rounding of its last digit. Three significant digits each ($1.76T − $1.08T − $263B + $5.80B)
// left $8B unexplained in a $431B net; one scale with one decimal leaves at most 0.05 of that scale per cell.
// The scale is the largest magnitude's, billions at most (a trillion reads "$1,763.4B", as statements do);
// exactly 0 is "$0", a nonzero value that rounds to nothing "$0.0B".
struct StatementScale {
    double divisor = 1;
    const char* suffix = "";
};
StatementScale statement_scale(const std::vector<double>& usd);
// "$1,763.4B", "-$1,080.2B", "$5.8B" in the scale {1e9, "B"}. NaN: "-".
std::string statement_text(double usd, StatementScale scale);
// What a reader needs to foot a row: "Each figure is rounded on its own to $0.1B: a row's sum may differ from
// its net in the last digit."
std::string statement_rounding_note(StatementScale scale);

// A probability as a percentage: whole percents, but never 0% or 100% unless it is exactly that: 0.9979 is
// "99.8%", 0.99996 ">99.9%", 0.0004 "<0.1%" ("100%" must mean every trial). NaN: "-".
std::string probability_text(double p);

// Grouped digits of a whole number: 10000 -> "10,000".
std::string grouped_integer(long long n);

}  // namespace pactscope
