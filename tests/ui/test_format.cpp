// Axis tick labels on the page's charts (ui/format.h tick_labels): neighbours never read the same.
#include <catch2/catch.hpp>

#include "format.h"

using pactscope::ui::tick_labels;
using pactscope::ui::Unit;

TEST_CASE("tick labels add digits until neighbouring ticks differ", "[format]") {
    // A narrow range of costs: at three significant figures $1.080T and $1.085T both read "$1.08T" (1.085 is
    // stored just below it and rounds down), so one more decimal is used for every label.
    CHECK(tick_labels({1.075e12, 1.080e12, 1.085e12}, Unit::usd) == std::vector<std::string>{"$1.075T", "$1.080T", "$1.085T"});
    // Ticks that already differ keep the usual three figures.
    CHECK(tick_labels({0, 5e8, 1e9}, Unit::usd) == std::vector<std::string>{"$0.00", "$500M", "$1.00B"});
    // Shares: 10% and 10.04% both read "10.0%" at one decimal, so both get two.
    CHECK(tick_labels({0.1, 0.1004}, Unit::share) == std::vector<std::string>{"10.00%", "10.04%"});
}
