// number_entry.cpp — reading and writing the forms of number_entry.h.
//
// Exactness: every form is turned into one decimal string "<digits>e<exponent>" (suffixes,
// unit words and % only move the exponent) and read by strtod, which rounds correctly; the
// exact writer emits the shortest digits that read back as the same double, shifted by the
// same exponents. So "1.5k" is exactly 1500, "35%" is exactly the double nearest 0.35, and
// parse(format_number_exact(x)) == x for every finite x.
#include "io/number_entry.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pactscope {

namespace {

// A unit's words, each moving the decimal exponent: "GW" on a MW field is +3.
struct UnitWord {
    const char* text;  // lower case, no spaces or hyphens (how typed text is compared)
    int exp10;
};

enum class Scale : std::uint8_t {
    none,     // digits as they are: $2.4, 1.28 kW
    compact,  // K / M / B / T by magnitude: $50B, 1.5M H100e
    percent,  // × 100 and "%": 35%
    grouped,  // whole digits with thousands separators: 10,000
    mw_gw,    // MW below 1,000, GW above: 300 MW, 1.2 GW
};

struct UnitInfo {
    NumberUnit unit;
    const char* name;     // for tooltips and messages
    bool money;           // "$" may be typed
    Scale scale;
    const char* display;  // words after the number when shown
    UnitWord words[8];    // accepted words (display's included); empty text ends the list
};

// One table for every unit: what may be typed and how it is shown.
const UnitInfo kUnits[] = {
    {NumberUnit::plain, "a plain number", false, Scale::none, "", {}},
    {NumberUnit::count, "a whole number", false, Scale::grouped, "", {}},
    {NumberUnit::usd, "USD", true, Scale::compact, "", {{"usd", 0}}},
    {NumberUnit::usd_per_quarter, "USD per quarter", true, Scale::compact, "/q", {{"/q", 0}, {"/quarter", 0}, {"perquarter", 0}, {"aquarter", 0}}},
    {NumberUnit::usd_per_h100e_hour, "USD per H100e-hour", true, Scale::none, "/H100e-h",
     {{"/h100eh", 0}, {"/h100ehour", 0}, {"perh100eh", 0}, {"perh100ehour", 0}, {"/h", 0}, {"/hour", 0}, {"/hr", 0}, {"perhour", 0}}},
    {NumberUnit::usd_per_mw, "USD per MW", true, Scale::compact, " per MW", {{"permw", 0}, {"/mw", 0}, {"pergw", -3}, {"/gw", -3}}},
    {NumberUnit::usd_per_mw_year, "USD per MW per year", true, Scale::compact, " per MW-yr",
     {{"permwyr", 0}, {"permwyear", 0}, {"permwperyear", 0}, {"/mw/yr", 0}, {"/mwyr", 0}, {"/mw/year", 0}}},
    {NumberUnit::usd_per_mwh, "USD per MWh", true, Scale::none, "/MWh", {{"/mwh", 0}, {"permwh", 0}, {"/kwh", 3}, {"perkwh", 3}}},
    {NumberUnit::usd_per_gb, "USD per GB", true, Scale::none, "/GB", {{"/gb", 0}, {"pergb", 0}, {"/tb", -3}, {"pertb", -3}}},
    {NumberUnit::share, "a share (0 to 1, or 0% to 100%)", false, Scale::percent, "", {}},
    {NumberUnit::fraction_per_year, "a fraction per year (-0.1 or -10%)", false, Scale::percent, "/yr",
     {{"/yr", 0}, {"/year", 0}, {"peryear", 0}, {"ayear", 0}, {"pa", 0}}},
    {NumberUnit::mw, "MW (facility megawatts)", false, Scale::mw_gw, " MW", {{"mw", 0}, {"gw", 3}, {"kw", -3}}},
    {NumberUnit::kw, "kW", false, Scale::none, " kW", {{"kw", 0}, {"w", -3}}},
    {NumberUnit::h100e, "H100e (H100-equivalent GPUs)", false, Scale::compact, " H100e", {{"h100e", 0}, {"gpus", 0}}},
    {NumberUnit::h100e_per_gpu, "H100e per GPU", false, Scale::none, " H100e/GPU", {{"h100e/gpu", 0}, {"h100e", 0}, {"x", 0}}},
    {NumberUnit::gb_per_h100e_hour, "GB per H100e-hour", false, Scale::none, " GB/H100e-h",
     {{"gb/h100eh", 0}, {"gb/h100ehour", 0}, {"gbperh100eh", 0}, {"gb", 0}, {"tb/h100eh", 3}}},
    {NumberUnit::tb_per_month, "TB per month", false, Scale::none, " TB/mo",
     {{"tb/mo", 0}, {"tb/month", 0}, {"tbpermonth", 0}, {"tb", 0}, {"pb/mo", 3}, {"pb", 3}}},
    {NumberUnit::hours, "hours", false, Scale::none, " h", {{"h", 0}, {"hours", 0}, {"hour", 0}, {"hrs", 0}, {"hr", 0}}},
    {NumberUnit::quarters, "quarters", false, Scale::none, " q", {{"q", 0}, {"quarters", 0}, {"quarter", 0}}},
    {NumberUnit::years, "years", false, Scale::none, " yr", {{"yr", 0}, {"yrs", 0}, {"years", 0}, {"year", 0}, {"y", 0}}},
    {NumberUnit::per_year, "times per year", false, Scale::none, "/yr", {{"/yr", 0}, {"/year", 0}, {"peryear", 0}, {"ayear", 0}}},
};

const UnitInfo& info(NumberUnit u) {
    for (const UnitInfo& i : kUnits)
        if (i.unit == u) return i;
    return kUnits[0];
}

// The scale after a number (lower case, spaces removed): k / M / B / T, and the words a financial text writes
// them as ("$250bn", "$1.5 billion", "3 mn"); -1 when it is none. ("mm" is left out: it also reads as millimetres.)
int scale_exp10(const std::string& word) {
    static constexpr std::pair<const char*, int> kScales[] = {
        {"k", 3}, {"thousand", 3}, {"m", 6}, {"mn", 6}, {"million", 6}, {"b", 9}, {"bn", 9}, {"billion", 9}, {"t", 12}, {"tn", 12}, {"trillion", 12},
    };
    for (const auto& [text, exp10] : kScales)
        if (word == text) return exp10;
    return -1;
}

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

bool ends_with(const std::string& s, const char* t) {
    const std::string_view v(t);
    return s.size() >= v.size() && s.compare(s.size() - v.size(), v.size(), v) == 0;
}

std::string forms_hint(const UnitInfo& u) {
    std::string h = "type a number such as ";
    if (u.scale == Scale::percent) h += "0.35 or 35%";
    else if (u.scale == Scale::grouped) h += "10000 or 10,000 or 10k";
    else h += std::string(u.money ? "$" : "") + "1,500 or " + (u.money ? "$" : "") + "1.5k or " + (u.money ? "$" : "") + "50B";
    h += ", or an interval \"a to b\"";
    return h;
}

// One end: [sign][$][sign] digits[,ddd][.digits][e[sign]digits] [k|M|B|T|bn|billion|…|%] [unit words].
NumberEntry parse_one(std::string_view raw, const UnitInfo& u) {
    NumberEntry e;
    const std::string_view s = trim(raw);
    std::string quoted(1, '"');  // built in steps: GCC 12's -Wrestrict misfires on "\"" + std::string
    quoted.append(raw).push_back('"');
    auto fail = [&](std::string why) {
        e.ok = false;
        e.error = std::move(why);
        return e;
    };
    if (s.empty()) return fail("empty: " + forms_hint(u));
    std::size_t i = 0;
    bool negative = false, sign = false, dollar = false;
    auto take_sign = [&] {
        if (i < s.size() && (s[i] == '-' || s[i] == '+') && !sign) negative = s[i] == '-', sign = true, ++i;
    };
    take_sign();
    if (i < s.size() && s[i] == '$') dollar = true, ++i;
    take_sign();
    while (i < s.size() && s[i] == ' ') ++i;
    if (dollar && !u.money) return fail(quoted + ": $ is for money fields; this field is in " + std::string(u.name));
    // Another currency is not a number in another form: say which currency the model counts in.
    for (const std::string_view other : {"\xe2\x82\xac", "\xc2\xa3", "\xc2\xa5"})  // €, £, ¥
        if (s.substr(i).starts_with(other) || s.ends_with(other))
            return fail(u.money ? quoted + ": amounts are in US dollars; " + std::string(other) + " is not taken (convert it, then type $ or no sign)"
                                : quoted + ": " + std::string(other) + " is a currency; this field is in " + std::string(u.name));
    // The digits.
    std::string int_part, frac_part;
    bool point = false, comma = false, bad_group = false;
    std::size_t group = 0, first_group = 0;
    const std::size_t body_start = i;
    for (; i < s.size(); ++i) {
        const char c = s[i];
        if (is_digit(c)) {
            (point ? frac_part : int_part) += c;
            ++group;
        } else if (c == ',' && !point) {
            if (!comma) first_group = group;
            else if (group != 3) bad_group = true;
            comma = true;
            group = 0;
        } else if (c == '.' && !point) {
            point = true;
            if (comma && group != 3) bad_group = true;
            group = 0;
        } else {
            break;
        }
    }
    if (comma && !point && group != 3) bad_group = true;
    if (comma && (first_group == 0 || first_group > 3)) bad_group = true;
    if (int_part.empty() && frac_part.empty()) {
        if (i == body_start) return fail(quoted + " is not a number: " + forms_hint(u));
        return fail(quoted + " has no digits: " + forms_hint(u));
    }
    if (bad_group) return fail(quoted + ": commas separate thousands (1,500,000); use a point for decimals (1.5)");
    // An exponent: e or E, then digits (a bare "e" is not one).
    long exponent = 0;
    bool has_exponent = false;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        std::size_t j = i + 1;
        bool neg_exp = false;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) neg_exp = s[j] == '-', ++j;
        const std::size_t digits_at = j;
        while (j < s.size() && is_digit(s[j])) ++j;
        if (j > digits_at) {
            if (j - digits_at > 5) return fail(quoted + " is too large or too small to be a number");
            exponent = std::strtol(std::string(s.substr(digits_at, j - digits_at)).c_str(), nullptr, 10);
            if (neg_exp) exponent = -exponent;
            has_exponent = true;
            i = j;
        }
    }
    // What follows: a suffix, %, the unit's words (compared without case, spaces or hyphens).
    std::string rest;
    for (char c : s.substr(i))
        if (c != ' ' && c != '-' && c != '\t') rest += lower(c);
    int word_exp = 0;
    for (const UnitWord& w : u.words) {
        if (!w.text) break;
        if (ends_with(rest, w.text)) {
            rest.erase(rest.size() - std::string_view(w.text).size());
            word_exp = w.exp10;
            break;
        }
    }
    int scale_exp = 0;
    if (rest == "%") {
        if (u.scale != Scale::percent) return fail(quoted + ": % is for shares and yearly rates; this field is in " + std::string(u.name));
        scale_exp = -2;
    } else if (scale_exp10(rest) >= 0) {
        scale_exp = scale_exp10(rest);
    } else if (!rest.empty()) {
        return fail(quoted + " is not a number this field takes (" + std::string(u.name) + "): " + forms_hint(u));
    }
    if (has_exponent && scale_exp > 0) return fail(quoted + ": use an exponent or a suffix (k, M, B, T), not both");
    // One decimal string, read once: exact.
    const long total_exp = exponent + scale_exp + word_exp;
    std::string decimal = (int_part.empty() ? "0" : int_part) + "." + (frac_part.empty() ? "0" : frac_part) + "e" + std::to_string(total_exp);
    errno = 0;
    double v = std::strtod(decimal.c_str(), nullptr);
    const bool all_zero = (int_part + frac_part).find_first_not_of('0') == std::string::npos;
    if (!std::isfinite(v) || (errno == ERANGE && std::fabs(v) > 1)) return fail(quoted + " is too large to be a number");
    if ((v == 0 && !all_zero) || (errno == ERANGE && v != 0 && std::fabs(v) < 1)) return fail(quoted + " is too small to be a number");
    if (negative) v = -v;
    if (u.scale == Scale::grouped && v != std::floor(v)) return fail(quoted + " is not a whole number");
    e.ok = true;
    e.lo = e.hi = v;
    return e;
}

// The decimal digits and exponent of |v|: |v| = 0.d1d2…dn × 10^point… written here as digits with
// the decimal point after `point` digits (point may be ≤ 0 or > n).
struct Digits {
    std::string digits;  // no leading or trailing zeros; "0" for zero
    int point = 1;
};

Digits digits_of(double v, int significant) {  // significant ≤ 0: the shortest that reads back exactly
    char buf[64];
    const double a = std::fabs(v);
    if (a == 0) return {"0", 1};
    if (significant > 0) {
        std::snprintf(buf, sizeof buf, "%.*e", significant - 1, a);
    } else {
        for (int p = 0; p <= 17; ++p) {
            std::snprintf(buf, sizeof buf, "%.*e", p, a);
            if (std::strtod(buf, nullptr) == a) break;
        }
    }
    // buf: d.ddde±x
    Digits d;
    const std::string s(buf);
    const auto epos = s.find('e');
    for (std::size_t k = 0; k < epos; ++k)
        if (is_digit(s[k])) d.digits += s[k];
    const int exp10 = std::atoi(s.c_str() + epos + 1);
    while (d.digits.size() > 1 && d.digits.back() == '0') d.digits.pop_back();
    d.point = exp10 + 1;
    return d;
}

// Digits shifted by `shift` decimal places (value × 10^-shift), as plain text grouped by thousands.
std::string render(const Digits& d, int shift, bool group) {
    const int point = d.point - shift;
    const int n = static_cast<int>(d.digits.size());
    std::string int_part, frac_part;
    if (point <= 0) {
        int_part = "0";
        frac_part = std::string(static_cast<std::size_t>(-point), '0') + d.digits;
    } else if (point >= n) {
        int_part = d.digits + std::string(static_cast<std::size_t>(point - n), '0');
    } else {
        int_part = d.digits.substr(0, static_cast<std::size_t>(point));
        frac_part = d.digits.substr(static_cast<std::size_t>(point));
    }
    if (d.digits == "0") int_part.assign(1, '0'), frac_part.clear();
    if (group && int_part.size() > 3) {
        std::string g;
        const int len = static_cast<int>(int_part.size());
        for (int k = 0; k < len; ++k) {
            if (k > 0 && (len - k) % 3 == 0) g += ',';
            g += int_part[static_cast<std::size_t>(k)];
        }
        int_part = g;
    }
    return frac_part.empty() ? int_part : int_part + "." + frac_part;
}

// The exponent a scale shows `v` in, and its words: $50B is 10^9 with "B".
struct Shown {
    int exp10 = 0;
    const char* suffix = "";
    const char* words = "";
};

Shown shown(const UnitInfo& u, const Digits& d) {
    Shown s{0, "", u.display};
    // Magnitude of the (already rounded) digits: 10^(point-1) ≤ |v| < 10^point.
    const int magnitude = d.digits == "0" ? 0 : d.point - 1;
    switch (u.scale) {
        case Scale::compact:
            if (magnitude >= 12) s.exp10 = 12, s.suffix = "T";
            else if (magnitude >= 9) s.exp10 = 9, s.suffix = "B";
            else if (magnitude >= 6) s.exp10 = 6, s.suffix = "M";
            else if (magnitude >= 3) s.exp10 = 3, s.suffix = "K";
            break;
        case Scale::percent: s.exp10 = -2, s.suffix = "%"; break;
        case Scale::mw_gw:
            if (magnitude >= 3) s.exp10 = 3, s.words = " GW";
            break;
        case Scale::none:
        case Scale::grouped: break;
    }
    return s;
}

std::string format_with(double v, NumberUnit unit, int significant, bool words = true) {
    if (std::isnan(v)) return "-";
    const UnitInfo& u = info(unit);
    if (std::isinf(v)) return v > 0 ? "unlimited" : "-unlimited";
    Digits d = digits_of(v, u.scale == Scale::grouped ? 0 : significant);
    // Shares and yearly rates people type are short decimals: one of up to 7 significant digits is written whole,
    // so an SLA tier's 99.999% never reads 100% (any outage would earn the credit). A computed one (a sweep's
    // grid value) keeps `significant` digits.
    if (u.scale == Scale::percent && significant > 0) {
        const Digits exact = digits_of(v, 0);
        if (exact.digits.size() <= 7) d = exact;
    }
    const Shown s = shown(u, d);
    std::string out = v < 0 ? "-" : "";
    if (u.money) out += "$";
    out += render(d, s.exp10, true);
    out += s.suffix;
    if (words || u.scale == Scale::mw_gw) out += s.words;  // MW/GW is the scale itself, like a suffix
    return out;
}

}  // namespace

NumberEntry parse_number_entry(std::string_view text, NumberUnit unit) {
    const UnitInfo& u = info(unit);
    // "a to b": split at the first " to " (any case).
    std::string lowered;
    for (char c : text) lowered += lower(c);
    const auto to = lowered.find(" to ");
    if (to == std::string::npos) return parse_one(text, u);
    NumberEntry a = parse_one(text.substr(0, to), u), b = parse_one(text.substr(to + 4), u);
    if (!a.ok) return a.error = "the interval's first end: " + a.error, a;
    if (!b.ok) return b.error = "the interval's second end: " + b.error, b;
    NumberEntry e;
    e.ok = true;
    e.interval = true;
    e.lo = a.lo;
    e.hi = b.lo;
    return e;
}

std::string format_number_display(double v, NumberUnit unit) { return format_with(v, unit, 4); }

std::vector<std::string> format_number_ticks(const std::vector<double>& ticks, NumberUnit unit) {
    const UnitInfo& u = info(unit);
    double top = 0;
    for (double t : ticks)
        if (std::isfinite(t)) top = std::max(top, std::fabs(t));
    const Shown s = shown(u, digits_of(top, 4));  // the largest tick's scale for all: 0.5M beside 1.5M, not 500K
    std::vector<std::string> bodies;
    std::size_t decimals = 0;
    for (double t : ticks) {
        bodies.push_back(std::isfinite(t) ? render(digits_of(t, 4), s.exp10, true) : std::string());
        const auto dot = bodies.back().find('.');
        if (dot != std::string::npos) decimals = std::max(decimals, bodies.back().size() - dot - 1);
    }
    std::vector<std::string> out;
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        const double t = ticks[k];
        if (!std::isfinite(t)) {
            out.push_back(format_with(t, unit, 4));
            continue;
        }
        std::string body = bodies[k];
        if (body != "0" && decimals > 0) {  // zero stays "$0", as on value axes
            const auto dot = body.find('.');
            if (dot == std::string::npos) body += '.';
            body.append(decimals - (dot == std::string::npos ? 0 : body.size() - dot - 1), '0');
        }
        std::string text = t < 0 && body != "0" ? "-" : "";
        if (u.money) text += "$";
        text += body;
        if (body != "0" || u.scale == Scale::percent) text += s.suffix;
        text += s.words;
        out.push_back(text);
    }
    return out;
}

std::string format_number_exact(double v, NumberUnit unit) { return format_with(v, unit, 0); }

std::string format_number_bare(double v, NumberUnit unit) { return format_with(v, unit, 4, false); }

std::string format_number_grouped(double v) {
    if (!std::isfinite(v)) return std::isnan(v) ? "-" : (v > 0 ? "unlimited" : "-unlimited");
    std::string out = v < 0 ? "-" : "";  // built in steps: GCC 12's -Wrestrict misfires on const char* + std::string
    return out += render(digits_of(v, 0), 0, true);
}

const char* number_unit_name(NumberUnit unit) { return info(unit).name; }

bool number_unit_is_fraction(NumberUnit unit) { return info(unit).scale == Scale::percent; }

}  // namespace pactscope
