// Axis ticks on the page's charts (ui/format.h axis_ticks): the core's nice positions and labels, kept
// inside the axis, so neighbouring labels never read the same and the page labels an axis as the exports do.
#include <catch2/catch.hpp>
#include <limits>

#include "format.h"

using pactscope::ui::axis_ticks;
using pactscope::ui::AxisTick;
using pactscope::ui::Unit;

namespace {
std::vector<double> positions(const std::vector<AxisTick>& t) {
    std::vector<double> out;
    for (const AxisTick& x : t) out.push_back(x.at);
    return out;
}
std::vector<std::string> labels(const std::vector<AxisTick>& t) {
    std::vector<std::string> out;
    for (const AxisTick& x : t) out.push_back(x.label);
    return out;
}
}  // namespace

TEST_CASE("axis ticks on a narrow range of costs carry the digits their step needs", "[format]") {
    // $1.075T to $1.085T with 4 ticks: raw step 10e9 / 4 = 2.5e9, a nice step (2.5 × 10^9). In trillions the
    // step is 0.0025, which needs 4 decimals, so $1.0775T is written whole (three significant figures would
    // give $1.08T on three of the five ticks).
    const auto t = axis_ticks(1.075e12, 1.085e12, 4, Unit::usd);
    CHECK(labels(t) == std::vector<std::string>{"$1.0750T", "$1.0775T", "$1.0800T", "$1.0825T", "$1.0850T"});
    REQUIRE(t.size() == 5);
    CHECK(t[1].at == Approx(1.0775e12));
}

TEST_CASE("axis ticks on a span tiny beside its values still differ", "[format]") {
    // $1.0775T to $1.0775T + $1M, 4 ticks: raw step 2.5e5, a nice step of 2.5 × 10^5 = 2.5e-7 T, which needs 8
    // decimals of trillions (25 units of the 8th). With 0 decimals every tick read "$1T".
    const auto t = axis_ticks(1.0775e12, 1.0775e12 + 1e6, 4, Unit::usd);
    CHECK(labels(t) == std::vector<std::string>{"$1.07750000T", "$1.07750025T", "$1.07750050T", "$1.07750075T", "$1.07750100T"});
}

TEST_CASE("axis ticks stay inside the axis", "[format]") {
    // $0.3B to $0.95B with 5 ticks: raw step 0.65e9 / 5 = 0.13e9, so the step is 0.2e9 (the first nice value
    // at or above it); 0.4, 0.6, 0.8 are inside, 0.2 and 1.0 are not. One decimal of billions; the scale is
    // billions because the covering tick 1.0B sets it.
    const auto t = axis_ticks(0.3e9, 0.95e9, 5, Unit::usd);
    CHECK(labels(t) == std::vector<std::string>{"$0.4B", "$0.6B", "$0.8B"});
    CHECK(positions(t) == std::vector<double>{0.4e9, 0.6e9, 0.8e9});
    // Ticks at the ends are kept.
    CHECK(labels(axis_ticks(0, 0.5, 2, Unit::share)) == std::vector<std::string>{"0%", "25%", "50%"});
    // Nothing to show on an empty or non-finite axis.
    CHECK(axis_ticks(1, 1, 5, Unit::usd).empty());
    CHECK(axis_ticks(0, std::numeric_limits<double>::infinity(), 5, Unit::usd).empty());
}

TEST_CASE("axis ticks of power and quarters read in their units", "[format]") {
    // 0 to 2,000 MW, 2 ticks: step 1,000 MW; the largest is 2,000 MW, so gigawatts with no decimals.
    CHECK(labels(axis_ticks(0, 2000, 2, Unit::mw)) == std::vector<std::string>{"0", "1 GW", "2 GW"});
    // Quarters 4 to 8, 4 ticks: step 1 quarter.
    CHECK(labels(axis_ticks(4, 8, 4, Unit::quarter_index)) == std::vector<std::string>{"4 q", "5 q", "6 q", "7 q", "8 q"});
}


TEST_CASE("compact numbers round first, then pick their scale and decimals", "[format]") {
    using pactscope::ui::format_compact;
    using pactscope::ui::format_usd;
    using pactscope::ui::format_value;
    // Three significant digits: 1234 is 1.23K; 12.345 is 12.3 (1 decimal), 0.1234 is 0.12 (2).
    CHECK(format_compact(1234) == "1.23K");
    CHECK(format_compact(12.345) == "12.3");
    CHECK(format_compact(0.1234) == "0.12");
    // 99.97 with one decimal rounds to 100.0: a three-digit number takes no decimal, so "100".
    CHECK(format_compact(99.97) == "100");
    CHECK(format_compact(-9.996) == "-10.0");  // 10.00 → two digits before the point: one decimal
    // 999.96K rounds to 1000K: the next scale, 0.99996M with two decimals, is 1.00M.
    CHECK(format_compact(999.96e3) == "1.00M");
    CHECK(format_usd(999.6e6) == "$1.00B");
    // Energy: 99,970 GWh is 99.97 TWh, shown 100 (the compare table's "-100.0 TWh" before).
    CHECK(format_value(-99970, Unit::gwh) == "-100 TWh");
    CHECK(format_compact(1.5e15) == "1500T");  // no scale beyond T
    CHECK(format_usd(0) == "$0");               // exactly zero: no decimals
    CHECK(format_usd(0.004) == "$0.00");        // a little is not nothing
}
