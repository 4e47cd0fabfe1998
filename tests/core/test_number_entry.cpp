// Numbers as people type them (core/io/number_entry.h): each accepted form, each refusal, and the
// round trip of the display and exact forms. Expected values are the numbers the forms name
// ("50B" is fifty billion), written as literals.
#include <catch2/catch.hpp>

#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "io/number_entry.h"

using namespace pactscope;

namespace {
double read(const char* text, NumberUnit unit) {
    const NumberEntry e = parse_number_entry(text, unit);
    INFO(text << ": " << e.error);
    REQUIRE(e.ok);
    REQUIRE_FALSE(e.interval);
    return e.lo;
}

std::string refusal(const char* text, NumberUnit unit) {
    const NumberEntry e = parse_number_entry(text, unit);
    INFO(text);
    REQUIRE_FALSE(e.ok);
    REQUIRE_FALSE(e.error.empty());
    return e.error;
}

// Scientific notation: an exponent marker between a digit and a digit or sign ("1e10", "2.5E-3").
bool scientific(std::string s) {
    for (auto at = s.find("H100e"); at != std::string::npos; at = s.find("H100e")) s.erase(at, 5);  // a unit, not an exponent
    for (std::size_t i = 1; i + 1 < s.size(); ++i)
        if ((s[i] == 'e' || s[i] == 'E') && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
            (std::isdigit(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '-' || s[i + 1] == '+'))
            return true;
    return false;
}

std::uint64_t bits(double x) {
    std::uint64_t b;
    std::memcpy(&b, &x, sizeof b);
    return b;
}
}  // namespace

TEST_CASE("plain numbers read as written", "[number_entry]") {
    CHECK(read("2.5", NumberUnit::plain) == 2.5);
    CHECK(read("-3", NumberUnit::plain) == -3);
    CHECK(read("+4", NumberUnit::plain) == 4);
    CHECK(read(".5", NumberUnit::plain) == 0.5);
    CHECK(read("1e10", NumberUnit::usd) == 1e10);
    CHECK(read("  7  ", NumberUnit::plain) == 7);
    CHECK(read("0", NumberUnit::usd) == 0);
}

TEST_CASE("thousands separators group by three before the point", "[number_entry]") {
    CHECK(read("1,500", NumberUnit::usd) == 1500);
    CHECK(read("1,500,000.25", NumberUnit::usd) == 1500000.25);
    CHECK(read("10,000", NumberUnit::count) == 10000);
    CHECK_THAT(refusal("1,50", NumberUnit::usd), Catch::Contains("commas separate thousands"));
    CHECK_THAT(refusal("1,5000", NumberUnit::usd), Catch::Contains("commas separate thousands"));
    CHECK_THAT(refusal("1234,567", NumberUnit::usd), Catch::Contains("commas separate thousands"));
}

TEST_CASE("suffixes k M B T in any case scale by powers of ten", "[number_entry]") {
    CHECK(read("50B", NumberUnit::usd) == 5e10);
    CHECK(read("50b", NumberUnit::usd) == 5e10);
    CHECK(read("1.5k", NumberUnit::usd) == 1500);
    CHECK(read("1.5K", NumberUnit::usd) == 1500);
    CHECK(read("30m", NumberUnit::usd_per_mw) == 3e7);
    CHECK(read("2T", NumberUnit::usd) == 2e12);
    CHECK(read("50 B", NumberUnit::usd) == 5e10);
    CHECK(read("1.5M", NumberUnit::h100e) == 1.5e6);
    CHECK(read("10k", NumberUnit::count) == 10000);
}

TEST_CASE("the scales in words, as financial texts write them", "[number_entry]") {
    CHECK(read("$250bn", NumberUnit::usd) == 2.5e11);
    CHECK(read("$250 billion", NumberUnit::usd) == 2.5e11);
    CHECK(read("250 Billion", NumberUnit::usd) == 2.5e11);
    CHECK(read("$1.5 million", NumberUnit::usd) == 1.5e6);
    CHECK(read("3 mn", NumberUnit::usd) == 3e6);
    CHECK(read("2 thousand", NumberUnit::count) == 2000);
    CHECK(read("$1 tn", NumberUnit::usd) == 1e12);
    CHECK(read("1.2 trillion", NumberUnit::usd) == 1.2e12);  // "1.2e12": one decimal string, read once
    CHECK(read("$1.5bn/q", NumberUnit::usd_per_quarter) == 1.5e9);  // before the unit's words
    const NumberEntry both = parse_number_entry("$200bn to $300 billion", NumberUnit::usd);
    CHECK((both.ok && both.interval && both.lo == 2e11 && both.hi == 3e11));
    CHECK_THAT(refusal("5mm", NumberUnit::usd), Catch::Contains("is not a number this field takes"));  // millions or millimetres
    CHECK_THAT(refusal("5 billions", NumberUnit::usd), Catch::Contains("is not a number this field takes"));
    CHECK_THAT(refusal("1e3bn", NumberUnit::usd), Catch::Contains("not both"));
}

TEST_CASE("a dollar sign is optional on money fields only", "[number_entry]") {
    CHECK(read("$50B", NumberUnit::usd) == 5e10);
    CHECK(read("-$5M", NumberUnit::usd) == -5e6);
    CHECK(read("$-5M", NumberUnit::usd) == -5e6);
    CHECK(read("$2.4", NumberUnit::usd_per_h100e_hour) == 2.4);
    CHECK_THAT(refusal("$300", NumberUnit::mw), Catch::Contains("$ is for money fields"));
    // Another currency is refused as one, before or after the number: euros are not dollars.
    CHECK_THAT(refusal("\xe2\x82\xac" "50B", NumberUnit::usd), Catch::Contains("amounts are in US dollars"));
    CHECK_THAT(refusal("50B \xc2\xa3", NumberUnit::usd), Catch::Contains("amounts are in US dollars"));
    CHECK_THAT(refusal("\xe2\x82\xac" "50", NumberUnit::mw), Catch::Contains("is a currency; this field is in"));
}

TEST_CASE("percent where the unit is a share or a yearly fraction", "[number_entry]") {
    CHECK(read("35%", NumberUnit::share) == 0.35);   // the double nearest 0.35, as the literal 0.35 is
    CHECK(read("0.35", NumberUnit::share) == 0.35);
    CHECK(read("100%", NumberUnit::share) == 1.0);
    CHECK(read("-11%", NumberUnit::fraction_per_year) == -0.11);
    CHECK(read("-11%/yr", NumberUnit::fraction_per_year) == -0.11);
    CHECK(read("12.5 %", NumberUnit::share) == 0.125);
    CHECK_THAT(refusal("35%", NumberUnit::usd), Catch::Contains("% is for shares"));
}

TEST_CASE("the field's own unit words are accepted and scale", "[number_entry]") {
    CHECK(read("1.2 GW", NumberUnit::mw) == 1200);
    CHECK(read("300 MW", NumberUnit::mw) == 300);
    CHECK(read("500 kW", NumberUnit::mw) == 0.5);
    CHECK(read("$30M per MW", NumberUnit::usd_per_mw) == 3e7);
    CHECK(read("$35B per GW", NumberUnit::usd_per_mw) == 3.5e7);
    CHECK(read("$2.4/H100e-h", NumberUnit::usd_per_h100e_hour) == 2.4);
    CHECK(read("10 h", NumberUnit::hours) == 10);
    CHECK(read("1.5M H100e", NumberUnit::h100e) == 1.5e6);
    CHECK(read("$81/MWh", NumberUnit::usd_per_mwh) == 81);
    CHECK_THAT(refusal("5 MW", NumberUnit::hours), Catch::Contains("is not a number this field takes"));
}

TEST_CASE("intervals take the same forms on both ends", "[number_entry]") {
    const NumberEntry e = parse_number_entry("$1.5 to $3", NumberUnit::usd_per_h100e_hour);
    REQUIRE(e.ok);
    CHECK(e.interval);
    CHECK(e.lo == 1.5);
    CHECK(e.hi == 3);
    const NumberEntry s = parse_number_entry("20% to 0.4", NumberUnit::share);
    REQUIRE(s.ok);
    CHECK(s.lo == 0.2);
    CHECK(s.hi == 0.4);
    const NumberEntry g = parse_number_entry("800 MW TO 1.2 GW", NumberUnit::mw);
    REQUIRE(g.ok);
    CHECK(g.lo == 800);
    CHECK(g.hi == 1200);
    const NumberEntry bad = parse_number_entry("1 to fifty", NumberUnit::plain);
    CHECK_FALSE(bad.ok);
    CHECK_THAT(bad.error, Catch::StartsWith("the interval's second end"));
}

TEST_CASE("anything else is refused with what is allowed", "[number_entry]") {
    CHECK_THAT(refusal("50B!", NumberUnit::usd), Catch::Contains("type a number such as"));
    CHECK_THAT(refusal("fifty", NumberUnit::usd), Catch::Contains("is not a number"));
    CHECK_THAT(refusal("1e400", NumberUnit::usd), Catch::Contains("too large"));
    CHECK_THAT(refusal("1e-400", NumberUnit::usd), Catch::Contains("too small"));
    CHECK_THAT(refusal("", NumberUnit::usd), Catch::Contains("empty"));
    CHECK_THAT(refusal("1e3k", NumberUnit::usd), Catch::Contains("not both"));
    CHECK_THAT(refusal("1.5", NumberUnit::count), Catch::Contains("whole number"));
    refusal("nan", NumberUnit::plain);
    refusal("inf", NumberUnit::plain);
    refusal("0x10", NumberUnit::plain);
    refusal("5kk", NumberUnit::usd);
    refusal("1.2.3", NumberUnit::plain);
    refusal("$", NumberUnit::usd);
    refusal("--5", NumberUnit::plain);
}

TEST_CASE("display forms are natural and never scientific", "[number_entry]") {
    CHECK(format_number_display(5e10, NumberUnit::usd) == "$50B");
    CHECK(format_number_display(1e10, NumberUnit::usd) == "$10B");
    CHECK(format_number_display(3e7, NumberUnit::usd_per_mw) == "$30M per MW");
    CHECK(format_number_display(0.35, NumberUnit::share) == "35%");
    // Shares keep their digits (up to 7 significant, else 6): an SLA tier at 99.999% never reads "100%".
    CHECK(format_number_display(0.99999, NumberUnit::share) == "99.999%");
    CHECK(format_number_display(0.9995, NumberUnit::share) == "99.95%");
    CHECK(format_number_display(0.12345678, NumberUnit::share) == "12.35%");  // 8 digits: computed, 4 shown
    CHECK(format_number_display(0.6 + 0.8 * 7 / 23, NumberUnit::share) == "84.35%");  // a sweep grid value
    CHECK(format_number_display(-0.125, NumberUnit::fraction_per_year) == "-12.5%/yr");
    CHECK(format_number_display(1200, NumberUnit::mw) == "1.2 GW");
    CHECK(format_number_display(300, NumberUnit::mw) == "300 MW");
    CHECK(format_number_display(-0.11, NumberUnit::fraction_per_year) == "-11%/yr");
    CHECK(format_number_display(1234567890, NumberUnit::usd) == "$1.235B");
    CHECK(format_number_display(2.4, NumberUnit::usd_per_h100e_hour) == "$2.4/H100e-h");
    CHECK(format_number_display(10000, NumberUnit::count) == "10,000");
    CHECK(format_number_display(999960, NumberUnit::usd) == "$1M");  // rounding carries into the next suffix
    CHECK(format_number_display(0.0085, NumberUnit::usd_per_gb) == "$0.0085/GB");
    CHECK(format_number_display(1e-7, NumberUnit::plain) == "0.0000001");
    CHECK(format_number_display(2.5e16, NumberUnit::plain) == "25,000,000,000,000,000");
    CHECK(format_number_bare(2.4, NumberUnit::usd_per_h100e_hour) == "$2.4");
    CHECK(format_number_bare(3e7, NumberUnit::usd_per_mw) == "$30M");
    CHECK(format_number_bare(1200, NumberUnit::mw) == "1.2 GW");
    CHECK(format_number_bare(0.35, NumberUnit::share) == "35%");
    CHECK(format_number_grouped(5e10) == "50,000,000,000");
    CHECK(format_number_grouped(-1234.5) == "-1,234.5");
    for (double v : {1e-9, 3e7, 1e10, 1e20, 123.456, 0.35})
        for (NumberUnit u : {NumberUnit::usd, NumberUnit::plain, NumberUnit::share, NumberUnit::mw})
            CHECK_FALSE(scientific(format_number_display(v, u)));
}

TEST_CASE("tick labels share one scale and one number of decimals", "[number_entry]") {
    // A sweep of a price from $0.9 to $1.3: nice ticks at 0.9, 1.0, ..., 1.3 (step 0.1). One decimal for all, so
    // the $1 tick reads "$1.0" beside "$1.1" (the display form alone writes "$1").
    CHECK(format_number_ticks({0.9, 1.0, 1.1, 1.2000000000000002, 1.3}, NumberUnit::usd_per_h100e_hour) ==
          std::vector<std::string>{"$0.9/H100e-h", "$1.0/H100e-h", "$1.1/H100e-h", "$1.2/H100e-h", "$1.3/H100e-h"});
    // Money in the largest tick's scale: $500M and $1.5B are 0.5B and 1.5B; $1B is "$1.0B". Zero stays "$0".
    CHECK(format_number_ticks({0, 5e8, 1e9, 1.5e9}, NumberUnit::usd) == std::vector<std::string>{"$0", "$0.5B", "$1.0B", "$1.5B"});
    // Shares: 55%, 60% ... whole percents need no decimal; 57.5% gives every tick one (2.5-point steps).
    CHECK(format_number_ticks({0.55, 0.6, 0.65}, NumberUnit::share) == std::vector<std::string>{"55%", "60%", "65%"});
    CHECK(format_number_ticks({0.55, 0.575, 0.6}, NumberUnit::share) == std::vector<std::string>{"55.0%", "57.5%", "60.0%"});
    CHECK(format_number_ticks({0, 0.5}, NumberUnit::share) == std::vector<std::string>{"0%", "50%"});
    // Negative rates keep their sign and unit: -10%/yr to +5%/yr in 5-point steps.
    CHECK(format_number_ticks({-0.1, -0.05, 0, 0.05}, NumberUnit::fraction_per_year) ==
          std::vector<std::string>{"-10%/yr", "-5%/yr", "0%/yr", "5%/yr"});
    // Megawatts past 1,000 are gigawatts on every tick: 500 MW reads 0.5 GW beside 1.5 GW.
    CHECK(format_number_ticks({500, 1000, 1500}, NumberUnit::mw) == std::vector<std::string>{"0.5 GW", "1.0 GW", "1.5 GW"});
}

TEST_CASE("the display form reads back within its four significant digits", "[number_entry]") {
    for (double v : {5e10, 1234567890.0, 0.35, 0.123456, 1200.0, 2.4, 0.0085, 3.3e7, 987.65})
        for (NumberUnit u : {NumberUnit::usd, NumberUnit::share, NumberUnit::mw, NumberUnit::usd_per_mw, NumberUnit::h100e}) {
            const std::string shown = format_number_display(v, u);
            const NumberEntry e = parse_number_entry(shown, u);
            INFO(v << " shown as " << shown);
            REQUIRE(e.ok);
            CHECK(std::fabs(e.lo - v) <= 5e-4 * std::fabs(v));
        }
}

TEST_CASE("the exact form reads back bit for bit", "[number_entry]") {
    // Values with long expansions, tiny and huge magnitudes, and negatives, in every unit.
    const double values[] = {5e10, 1234567890.0, 0.1 + 0.2, 1.0 / 3.0, 2.4, 12.29, 0.35, 0.0085, 1e-12, 9.87654321e15,
                             3.14159265358979, -0.11, -7.5e9, 1e300, 4.9e-300, 1200.5, 123456.789};
    const NumberUnit units[] = {NumberUnit::plain, NumberUnit::usd, NumberUnit::usd_per_mw, NumberUnit::share, NumberUnit::fraction_per_year,
                                NumberUnit::mw, NumberUnit::h100e, NumberUnit::usd_per_h100e_hour, NumberUnit::hours};
    for (double v : values)
        for (NumberUnit u : units) {
            const std::string exact = format_number_exact(v, u);
            const NumberEntry e = parse_number_entry(exact, u);
            INFO(v << " exactly as " << exact << ": " << e.error);
            REQUIRE(e.ok);
            CHECK(bits(e.lo) == bits(v));
            CHECK_FALSE(scientific(exact));
        }
    CHECK(format_number_exact(1234567890, NumberUnit::usd) == "$1.23456789B");
    CHECK(format_number_exact(0.35, NumberUnit::share) == "35%");
}
