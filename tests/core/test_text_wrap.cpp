// Where wrapped text breaks (core/io/text_wrap.h: the page and the charts for slides): at spaces only, so a number is never split
// across lines the way ImGui's own wrapping splits it after '.' or ','. Widths here are one unit a
// character, so every expected line is counted by hand.
#include <catch2/catch.hpp>

#include "io/text_wrap.h"

using pactscope::TwoLines;
using pactscope::wrap_at_spaces;
using pactscope::wrap_in_two;
using Lines = std::vector<std::string_view>;

namespace {
float chars(std::string_view t) { return static_cast<float>(t.size()); }
}  // namespace

TEST_CASE("text wraps at spaces, never inside a number", "[text_wrap]") {
    // Words "equal"(5) "at"(2) "60.73%/yr"(9) "and"(3) "$1,500"(6), 12 to a line: "equal at" is 8, adding
    // " 60.73%/yr" makes 18; "60.73%/yr and" is 13; "and $1,500" is 10. ImGui's wrapping would have cut
    // after "60." (it fits "equal at 60." in 12).
    CHECK(wrap_at_spaces("equal at 60.73%/yr and $1,500", 12, chars) == Lines{"equal at", "60.73%/yr", "and $1,500"});
    // A line exactly as wide as allowed stays one line (10 characters, width 10).
    CHECK(wrap_at_spaces("and $1,500", 10, chars) == Lines{"and $1,500"});
}

TEST_CASE("text wrapping keeps line ends, inner spaces and words too long for a line", "[text_wrap]") {
    CHECK(wrap_at_spaces("a b\n\nc", 10, chars) == Lines{"a b", "", "c"});        // '\n' ends a line; an empty one stays
    CHECK(wrap_at_spaces("x abcdefghijkl y", 5, chars) == Lines{"x", "abcdefghijkl", "y"});  // 12 > 5: a line of its own
    CHECK(wrap_at_spaces("a  b   c", 100, chars) == Lines{"a  b   c"});         // spaces inside a line are kept ...
    CHECK(wrap_at_spaces("aa  bb", 3, chars) == Lines{"aa", "bb"});             // ... those at a break dropped
    CHECK(wrap_at_spaces("ab  ", 10, chars) == Lines{"ab"});                    // trailing spaces dropped
    CHECK(wrap_at_spaces("", 10, chars) == Lines{""});                          // nothing is one empty line
    CHECK(wrap_at_spaces("a b\n", 10, chars) == Lines{"a b"});                  // a closing '\n' adds no empty line
    CHECK(wrap_at_spaces("a\n\n", 10, chars) == Lines{"a", ""});               // ... but one before it stays
}

TEST_CASE("two lines at most: the first as wrapped, the second all the rest", "[text_wrap]") {
    // "revenue share on azure #1 (changed: cap, end)" at 24 a line: "revenue share on azure" (22) fits, "#1"
    // would make 25; the rest, however long, is the second line, from "#1" on.
    const TwoLines two = wrap_in_two("revenue share on azure #1 (changed: cap, end)", 24, chars);
    CHECK(two.first == "revenue share on azure");
    CHECK(two.second == "#1 (changed: cap, end)");
    // One line's worth: no second line.
    const TwoLines one = wrap_in_two("commitment on azure", 24, chars);
    CHECK(one.first == "commitment on azure");
    CHECK(one.second.empty());
}
