// number_entry.h — numbers as people type and read them: "$50B", "1,500", "35%", "1.2 GW".
//
// What it is: the one reader and writer of the forms a stakeholder uses for a field's
// unit. Reading is exact or refused: "50B" is 5e10, never 50; "50B!", "fifty" and "1e400"
// are refused with a message that says what is allowed. Writing gives the natural form
// for display (rounded to 4 significant digits, no scientific notation) and an exact form
// for editing that reads back as the same double, bit for bit (README, "Number
// forms" in the page section).
// What it is not: range checks (the scenario reader owns those) or quarter labels.
//
// Accepted forms, for every numeric field:
//   plain numbers (2.5, -3, 1e10), thousands separators (1,500,000), an optional $ on money
//   fields, the suffixes k / M / B / T in any case (50B, 1.5k) and their words (250bn, 1.5 billion,
//   3 mn, 2 thousand, 1 tn), % on shares and yearly
//   fractions (35% = 0.35), the field's unit words (1.2 GW on a MW field, $30M per MW), and
//   "a to b" with any of these forms on both ends.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pactscope {

// The unit of a numeric field: what it may be typed with and how it is shown.
enum class NumberUnit : std::uint8_t {
    plain,               // a ratio or correlation: 1.2
    count,               // whole numbers: 10,000
    usd,                 // $50B
    usd_per_quarter,     // $1B/q
    usd_per_h100e_hour,  // $2.4/H100e-h
    usd_per_mw,          // $30M per MW
    usd_per_mw_year,     // $1.2M per MW-yr
    usd_per_mwh,         // $81/MWh
    usd_per_gb,          // $0.09/GB
    share,               // 35%
    fraction_per_year,   // -11%/yr
    mw,                  // 300 MW, 1.2 GW
    kw,                  // 1.28 kW
    h100e,               // 1.5M H100e
    h100e_per_gpu,       // 2.5 H100e/GPU
    gb_per_h100e_hour,   // 0.5 GB/H100e-h
    tb_per_month,        // 10 TB/mo
    hours,               // 10 h
    quarters,            // 2 q
    years,               // 5 yr
    per_year,            // 1.5/yr
};

// What was typed: one number, or an interval "a to b" (lo, hi as written; a ≤ b is the reader's check).
struct NumberEntry {
    bool ok = false;
    bool interval = false;
    double lo = 0, hi = 0;  // a number has lo == hi
    std::string error;      // when !ok: what is wrong and what is allowed
};

NumberEntry parse_number_entry(std::string_view text, NumberUnit unit);

// The natural form for display: 4 significant digits, the unit's scale and words ("$1.235B", "35%"); a share
// or yearly rate with at most 7 significant digits is written whole ("99.999%").
std::string format_number_display(double v, NumberUnit unit);
// The natural form without the unit's words, for narrow places ("$3", "1.2", but "35%" and "1.2 GW" keep their scale).
std::string format_number_bare(double v, NumberUnit unit);
// Labels of ticks along one axis: the largest tick's scale and one number of decimals for all, so "$1.0" sits
// beside "$1.1" and "0.5M" beside "1.5M" (format_number_display would write "$1" and "500K"); zero is "$0".
std::vector<std::string> format_number_ticks(const std::vector<double>& ticks, NumberUnit unit);
// The natural form that reads back as exactly `v` ("$1.23456789B"): the text a field starts editing with.
std::string format_number_exact(double v, NumberUnit unit);
// Every digit, grouped by thousands, no unit ("50,000,000,000"): the exact number in tooltips.
std::string format_number_grouped(double v);
// The unit's words for a tooltip ("USD per MW"), and whether `%` may be typed.
const char* number_unit_name(NumberUnit unit);
bool number_unit_is_fraction(NumberUnit unit);

}  // namespace pactscope
