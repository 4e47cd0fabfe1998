// Exports people read (issue 16): value text (io/value_text.h), charts as SVG and CSV (io/chart_svg.h),
// the sweep table (io/analysis_io.h) and the HTML report (io/report.h). Goldens are worked out by hand in
// the comments; the scenarios are the unit-GPU ones of scenario_builder.h (1 MW = 1000 H100e, H = 2190
// hours a quarter).
#include <algorithm>
#include <cmath>
#include <regex>
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "model/engine.h"
#include "analysis/outside_horizon.h"
#include "io/analysis_io.h"
#include "io/chart_svg.h"
#include "io/marker_labels.h"
#include "io/presets.h"
#include "io/report.h"
#include "io/value_text.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

int count_of(const std::string& text, const std::string& what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// The heights of the <rect>s filled with `colour`, in document order.
std::vector<double> rect_heights(const std::string& svg, const std::string& colour) {
    std::vector<double> out;
    const std::regex rect("<rect x=\"[^\"]*\" y=\"[^\"]*\" width=\"[^\"]*\" height=\"([^\"]*)\" fill=\"" + colour + "\"");
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator(); ++it) out.push_back(std::stod((*it)[1]));
    return out;
}

// One quarter; cloud a: 1 MW = 1000 H100e at $2 per H100e-hour; 1000 H100e of inference worth $5 an hour.
json one_cloud() {
    json d = doc("2025Q1", "2025Q1");
    d["name"] = "One cloud";
    d["providers"].push_back(cloud("a", 1, 2));
    d["workloads"].push_back(workload("w", "inference", 1000, 0, 5));
    d["sources"] = json::array({{{"id", "src-1"}, {"title", "A <first> source"}, {"url", "https://example.org/1"}, {"date", "2024-03-05"}}});
    return d;
}

}  // namespace

TEST_CASE("value text: the KPI cards' forms, rounding half away from zero, no -0 (io/value_text.h)", "[exports]") {
    CHECK(fixed_text(1.25, 1) == "1.3");    // 1.25 is exact in binary: half away from zero
    CHECK(fixed_text(-1.25, 1) == "-1.3");
    CHECK(fixed_text(-0.04, 1) == "0.0");   // rounds to zero: never "-0.0"
    CHECK(fixed_text(12, 0) == "12");
    CHECK(value_text(1.234e9, ValueUnit::usd) == "$1.23B");
    CHECK(value_text(-4.56e7, ValueUnit::usd) == "-$45.6M");
    CHECK(value_text(0.35, ValueUnit::share) == "35.0%");
    CHECK(delta_text(1.234e9, ValueUnit::usd) == "+$1.23B");
    CHECK(delta_text(0.02, ValueUnit::share) == "+2.0 pp");  // shares differ in percentage points
    CHECK(value_text(std::nan(""), ValueUnit::usd) == "-");
    // A count without a unit (the page's plain numbers): the same digits and scales, no words.
    CHECK(compact_text(1234) == "1.23K");
    CHECK(compact_text(-4.56e7) == "-45.6M");
    CHECK(compact_text(999.96e3) == "1.00M");  // rounds to 1000K first: the next scale
    CHECK(compact_text(0) == "0");
    CHECK(grouped_integer(10000) == "10,000");
    CHECK(grouped_integer(1234567) == "1,234,567");
    // Ticks share one scale and one number of decimals (the header's own example).
    CHECK(tick_texts({0, 5e8, 1e9}, ValueUnit::usd) == std::vector<std::string>{"$0", "$0.5B", "$1.0B"});
    CHECK(tick_texts({0, 0.25, 0.5}, ValueUnit::share) == std::vector<std::string>{"0%", "25%", "50%"});
}

TEST_CASE("a statement's money columns share one scale, so a row foots by hand (io/value_text.h)", "[exports]") {
    // A P&L row like the October 2025 deal's buyer: revenue $1,763.4B + share received $5.8B − cost $1,080.2B
    // − share paid $263.0B = net $426.0B. At three significant digits each ($1.76T, $5.80B, $1.08T, $263B) the
    // cells add to $423B against the $426B net; in one scale with one decimal they add to it exactly.
    const std::vector<double> row = {1763.4e9, 5.8e9, -1080.2e9, -263.0e9, 426.0e9};
    const StatementScale s = statement_scale(row);
    CHECK(s.divisor == 1e9);  // the largest is in trillions: billions at most
    CHECK(statement_text(1763.4e9, s) == "$1,763.4B");
    CHECK(statement_text(-1080.2e9, s) == "-$1,080.2B");
    CHECK(statement_text(5.8e9, s) == "$5.8B");
    CHECK(statement_text(426.0e9, s) == "$426.0B");
    CHECK(statement_text(0, s) == "$0");          // exactly nothing
    CHECK(statement_text(2e7, s) == "$0.0B");     // something, below the last digit
    CHECK(statement_text(-2e7, s) == "$0.0B");    // never "-$0.0B"
    CHECK(statement_text(std::nan(""), s) == "-");
    // Smaller statements take the largest value's own scale: $328M and $1M in millions, $12 in dollars.
    const StatementScale m = statement_scale({3.28e8, 1e6, std::nan("")});
    CHECK(statement_text(3.28e8, m) == "$328.0M");
    CHECK(statement_text(1e6, m) == "$1.0M");
    CHECK(statement_text(12, statement_scale({12, 3})) == "$12");
    CHECK(statement_text(1234567.8e9, s) == "$1,234,567.8B");
    // Rounded on its own, each cell is within $0.05B: the sum of four may miss the net by $0.1B or $0.2B (the
    // October 2025 buyer: 1,763.5 + 5.8 − 1,075.3 − 262.9 = 431.1 against $431.2B), and the note says so.
    CHECK(statement_rounding_note(s) == "Each figure is rounded on its own to $0.1B: a row's sum may differ from its net in the last digit.");
    CHECK(statement_rounding_note(statement_scale({12, 3})).find("to $1:") != std::string::npos);
}

TEST_CASE("nice ticks cover the range with equal 1, 2, 2.5 or 5 × 10^k steps", "[exports]") {
    for (auto [lo, hi] : {std::pair{0.0, 9.3e8}, {-2.5e7, 4.1e8}, {0.12, 0.87}, {3.0, 3.0}}) {
        const std::vector<double> t = nice_ticks(lo, hi, 5);
        REQUIRE(t.size() >= 2);
        CHECK(t.front() <= lo);
        CHECK(t.back() >= hi);
        const double step = t[1] - t[0];
        for (std::size_t i = 1; i < t.size(); ++i) CHECK(t[i] - t[i - 1] == Approx(step));
        double mantissa = step;
        while (mantissa >= 10) mantissa /= 10;
        while (mantissa < 1) mantissa *= 10;
        const bool nice = std::fabs(mantissa - 1) < 1e-9 || std::fabs(mantissa - 2) < 1e-9 || std::fabs(mantissa - 2.5) < 1e-9 ||
                          std::fabs(mantissa - 5) < 1e-9;
        CHECK(nice);
    }
}

TEST_CASE("chart SVG: an axis does not run a whole step past a sliver of data", "[exports]") {
    // Cost by component: $400B and $500B of compute over $1B of SLA credits below zero. Ticks step $100B or
    // $50B here, so the tick under -$1B is -$50B or -$100B: more than half a step past the data, so the
    // axis ends just under -$1B instead (3% of the span) and draws no negative tick.
    auto chart = [](double credit) {
        Chart c;
        c.title = "Cost by component";
        c.unit = ValueUnit::usd;
        c.x = {"2031", "2032"};
        c.items.push_back(chart_series(ChartKind::stacked_bars, "compute", 0, {4e11, 5e11}));
        c.items.push_back(chart_series(ChartKind::stacked_bars, "SLA credits", 1, {credit, credit}));
        return chart_svg(c, 800, 450);
    };
    const std::string sliver = chart(-1e9);
    CHECK(count_of(sliver, ">-$") == 0);
    CHECK(count_of(sliver, ">$0<") == 1);
    CHECK(count_of(sliver, ">$500B<") == 1);
    // -$95B of credits: the plot's ~370 px at a tick per 48 px ask for 7 ticks over $595B, a $100B step
    // (85B rounded up to 1, 2, 2.5, 5 × 10^k); -$100B is $5B past the data, under half a step: kept.
    const std::string deep = chart(-9.5e10);
    CHECK(count_of(deep, ">-$100B<") == 1);
}

TEST_CASE("chart SVG: a flat line keeps a drawable axis; the axis title names the ticks' unit", "[exports]") {
    // A line at $5B throughout (a sweep over an input that moves nothing): the ticks are padded around it and
    // both ends lie more than half a step from the data, but data of no span has no margin to end at; the
    // axis keeps its ticks' ends, so no coordinate is NaN.
    Chart flat;
    flat.unit = ValueUnit::usd;
    flat.x = {"a", "b", "c"};
    flat.items.push_back(chart_series(ChartKind::line, "net", 0, {5e9, 5e9, 5e9}));
    const std::string svg = chart_svg(flat, 800, 450);
    CHECK(svg.find("nan") == std::string::npos);
    CHECK(count_of(svg, "<path") >= 1);
    // Power from 0 to 880 MW: about 7 ticks over 880 MW is a 200 MW step (125.7 rounded up to 1, 2, 2.5, 5 ×
    // 10^k), so the ticks run to 1000 MW, 120 MW past the data: more than half a step, dropped. The ticks shown
    // stop at 800 MW and read in MW, and the title says MW as they do (labelled with the dropped 1000 MW tick,
    // they read "0.8 GW" under a title in MW).
    Chart power;
    power.unit = ValueUnit::mw;
    power.y_title = "power";
    power.x = {"2025", "2026"};
    power.items.push_back(chart_series(ChartKind::line, "drawn", 0, {0, 880}));
    const std::string p = chart_svg(power, 800, 450);
    CHECK(count_of(p, " GW<") == 0);
    CHECK(count_of(p, ">800 MW<") == 1);
    CHECK(count_of(p, ">power (MW)<") == 1);
}

TEST_CASE("marker labels: beside their own line, never over another label (io/marker_labels.h)", "[exports]") {
    // A plot from x = 0 to 400, labels 50 wide, a gap of 4: a label starts 4 right of its line and needs 4
    // clear beside it.
    // Markers at 100 and 300: far apart, both on the top row, right of their lines (104, 304).
    auto apart = place_marker_labels({{100, 50}, {300, 50}}, 0, 400, 4);
    CHECK(apart[0].row == 0);
    CHECK(apart[1].row == 0);
    CHECK(apart[0].left == 104);
    CHECK(apart[1].left == 304);
    // Given out of order (a pair's later crossing before the next pair's first: 200, then 120, then 150): visited
    // left to right, 120 takes row 0 at [124, 174]; 150's label [154, 204] meets it, so row 1; 200's [204, 254]
    // starts 30 past 174 (row 0 is free) — the order given does not matter, only the places.
    auto mixed = place_marker_labels({{200, 50}, {120, 50}, {150, 50}}, 0, 400, 4);
    CHECK(mixed[1].row == 0);
    CHECK(mixed[2].row == 1);
    CHECK(mixed[0].row == 0);
    CHECK(mixed[0].left == 204);
    // Three crossings within 10 px: three rows, none sharing one.
    auto close = place_marker_labels({{100, 50}, {105, 50}, {110, 50}}, 0, 400, 4);
    CHECK(close[0].row == 0);
    CHECK(close[1].row == 1);
    CHECK(close[2].row == 2);
    // Near the right edge (380: 384 + 50 would end at 434 > 400) the label goes left of its line: 380 − 4 − 50.
    auto edge = place_marker_labels({{380, 50}}, 0, 400, 4);
    CHECK(edge[0].left == 326);
    // Touching spans within the gap count as meeting: 100 → [104, 154], 152 → [156, 206], 2 apart < 4: row 1.
    auto touching = place_marker_labels({{100, 50}, {152, 50}}, 0, 400, 4);
    CHECK(touching[1].row == 1);
}

TEST_CASE("chart SVG: markers are dashed lines with their labels, and the legend names them", "[exports]") {
    Chart c;
    c.unit = ValueUnit::usd;
    c.x = {"50%", "75%", "100%", "125%"};
    c.items.push_back(chart_series(ChartKind::line, "open-2026", 0, {1e11, 2e11, 3e11, 4e11}));
    c.items.push_back(chart_series(ChartKind::line, "commitment-2025q4", 1, {2e11, 2e11, 2e11, 2e11}));
    const std::string without = chart_svg(c, 800, 450);
    // Two crossings 0.1 positions apart: both labels drawn, in the pinned deal's colour (palette 1).
    c.markers = {{1.0, "75%/yr", 1}, {1.1, "77.5%/yr", 1}};
    c.markers_legend = "break-evens";
    const std::string with = chart_svg(c, 800, 450);
    CHECK(count_of(with, ">75%/yr<") == 1);
    CHECK(count_of(with, ">77.5%/yr<") == 1);
    CHECK(count_of(with, ">break-evens<") == 1);
    CHECK(count_of(without, ">break-evens<") == 0);
    CHECK(count_of(with, "stroke-dasharray=\"5 3\"") == 3);  // two markers and the legend's swatch
    CHECK(count_of(without, "stroke-dasharray=\"5 3\"") == 0);
    // The two labels are on different rows: their y differ (row 1 is 16 units lower than row 0).
    const auto y_of = [&](const std::string& label) {
        const std::size_t at = with.rfind("<text", with.find(">" + label + "<"));
        const std::size_t y = with.find(" y=\"", at) + 4;
        return std::stod(with.substr(y, with.find('"', y) - y));
    };
    CHECK(y_of("77.5%/yr") - y_of("75%/yr") == Approx(16).margin(0.2));
    // A chart's CSV is its x rows: markers add no column.
    CHECK(chart_csv(c).find("75%/yr") == std::string::npos);
}

TEST_CASE("chart SVG: bars from a base (a tornado) span the swings, not zero; counts read as counts", "[exports]") {
    // A tornado of total cost around a $1.18T base: one input moves it to $1.15T / $1.21T, another to $1.17T /
    // $1.19T. From $0 every bar would be ~97% of the width; from the base the first swing is three times the second.
    Chart t;
    t.unit = ValueUnit::usd;
    t.x = {"growth", "price"};
    t.items.push_back(chart_hbars("input at P10", 0, {1.15e12, 1.17e12}));
    t.items.push_back(chart_hbars("input at P90", 1, {1.21e12, 1.19e12}));
    t.bars_from = 1.18e12;
    t.bars_from_legend = "base: every input at its median";
    const std::string svg = chart_svg(t, 800, 400);
    CHECK(svg.find(">$0<") == std::string::npos);  // the axis spans the swings
    CHECK(svg.find(">base: every input at its median<") != std::string::npos);
    // The bars in palette 1 (input at P90), in row order: $30B then $10B above the base, 3 to 1.
    std::vector<double> widths;
    for (std::size_t at = svg.find("fill=\"" + std::string(chart_colour(1)) + "\"/>"); at != std::string::npos;
         at = svg.find("fill=\"" + std::string(chart_colour(1)) + "\"/>", at + 1)) {
        const std::size_t w = svg.rfind(" width=\"", at) + 8;
        widths.push_back(std::stod(svg.substr(w, svg.find('"', w) - w)));
    }
    REQUIRE(widths.size() == 3);  // the legend's swatch, then the two bars
    CHECK(widths[1] / widths[2] == Approx(3.0).margin(0.05));
    // A histogram's counts: "trials per bin" with no unit after it (an index would read 0 to 1), ticks as counts.
    Chart h;
    h.unit = ValueUnit::count;
    h.y_title = "trials per bin";
    h.x = {"a", "b", "c"};
    h.items.push_back(chart_series(ChartKind::stacked_bars, "trials per bin", 0, {120, 895, 310}));
    const std::string hist = chart_svg(h, 800, 400);
    CHECK(hist.find(">trials per bin<") != std::string::npos);
    CHECK(hist.find("index") == std::string::npos);
    CHECK(hist.find(">800<") != std::string::npos);  // a tick at 800 trials (steps of 100 or 200 over 0–895), not "0.800"
    CHECK(chart_csv(h).find("trials per bin (count)") != std::string::npos);
}

TEST_CASE("chart SVG: one bar a row writes its value beside its end, above its whisker", "[exports]") {
    // Money flows as the page draws them: OpenAI → Azure $261B, the SLA credits refunded -$4B; each value is
    // written beside its bar (the page does; the slide had none). A net of $566B with a P10–P90 whisker to $1.25T
    // writes its value next to the bar's end, not beyond the whisker where it read as $1.25T, and the whisker runs
    // under it.
    Chart flows;
    flows.unit = ValueUnit::usd;
    flows.x = {"OpenAI \xe2\x86\x92 Microsoft Azure", "of which SLA credits (refunded)"};
    flows.items.push_back(chart_hbars("Money flows", 0, {261e9, -4e9}));
    const std::string svg = chart_svg(flows, 960, 540);
    CHECK(svg.find(">$261B</text>") != std::string::npos);
    CHECK(svg.find(">-$4.00B</text>") != std::string::npos);
    Chart nets;
    nets.unit = ValueUnit::usd;
    nets.x = {"OpenAI"};
    nets.items.push_back(chart_hbars("net", 0, {566e9}, {-189e9}, {1.25e12}));
    const std::string n = chart_svg(nets, 960, 540);
    const auto number = [&](std::size_t from, const char* attr) {
        const std::size_t x = n.find(attr, from) + std::string(attr).size();
        return std::stod(n.substr(x, n.find('"', x) - x));
    };
    const std::size_t label = n.find(">$566B</text>");
    REQUIRE(label != std::string::npos);
    const std::size_t text = n.rfind("<text", label);
    // The bar: the last rect before the label, from $0 to $566B; the whisker: the first line after the bar.
    const std::size_t bar = n.rfind("<rect", label);
    const double bar_end = number(bar, " x=\"") + number(bar, " width=\"");
    const std::size_t whisker = n.find("<line", bar);
    const double whisker_right = number(whisker, " x2=\""), whisker_y = number(whisker, " y1=\"");
    CHECK(number(text, " x=\"") > bar_end);
    CHECK(number(text, " x=\"") < bar_end + 10);           // beside the bar's end ...
    CHECK(number(text, " x=\"") < whisker_right - 100);    // ... well short of the P90 cap
    CHECK(number(text, " y=\"") < whisker_y);              // and above the whisker's line
}

TEST_CASE("chart SVG: bars in their own colours, and a note on how to read them above the source", "[exports]") {
    // The page's money flows: a provider's bar in its colour (palette 0), a part of the flows above in grey (the
    // palette's last); the slide drew every bar in the item's one colour, so the parts read as more flows.
    Chart flows;
    flows.unit = ValueUnit::usd;
    flows.x = {"OpenAI \xe2\x86\x92 Microsoft Azure", "of which stranded or idle"};
    flows.items.push_back(chart_hbars("Money flows", 0, {261e9, 19.3e9}));
    flows.items.back().colours = {0, kChartColours - 1};
    flows.note = "The flows add up to the total cost; the grey rows are parts of them.";
    flows.source = "Non-exclusive (April 2026) \xc2\xb7 2026-12-01 \xc2\xb7 deterministic";
    const std::string svg = chart_svg(flows, 960, 540);
    const auto fill = [](int colour) { return std::string("fill=\"") + chart_colour(colour) + "\""; };
    CHECK(std::string(chart_colour(0)) != chart_colour(kChartColours - 1));
    const std::size_t first = svg.find("<rect", svg.find(">$0</text>"));  // the first bar after the axis labels
    REQUIRE(first != std::string::npos);
    const std::size_t grey = svg.find(fill(kChartColours - 1), first);
    REQUIRE(grey != std::string::npos);
    CHECK(svg.find(fill(0), first) < grey);  // Azure's bar, then the grey part
    const std::size_t note = svg.find(">The flows add up to the total cost; the grey rows are parts of them.</text>");
    const std::size_t source = svg.find(">Non-exclusive (April 2026)");
    REQUIRE(note != std::string::npos);
    REQUIRE(source != std::string::npos);
    const auto y_of = [&](std::size_t at) {
        const std::size_t text = svg.rfind("<text", at), y = svg.find(" y=\"", text) + 4;
        return std::stod(svg.substr(y, svg.find('"', y) - y));
    };
    CHECK(y_of(note) < y_of(source));  // above the source line
    // Without colours, every bar takes the item's colour, as before.
    flows.items.back().colours.clear();
    CHECK(chart_svg(flows, 960, 540).find(fill(kChartColours - 1)) == std::string::npos);
}

TEST_CASE("chart SVG: a long note wraps to up to four lines, in order, with nothing cut", "[exports]") {
    // Three sentences of about 150 characters each are well over two lines of the 960 px slide (920 px of text):
    // two lines cut the third sentence. The note's lines, read top to bottom (they are written bottom up), must give
    // the note back whole, word for word.
    Chart c;
    c.unit = ValueUnit::usd;
    c.x = {"a", "b"};
    c.items.push_back(chart_hbars("nets", 0, {1e9, 2e9}));
    c.note = "OpenAI's net is its modelled inference revenue, the value of every served H100e-hour of inference, plus the "
             "revenue shares it receives, less its total cost and the shares it pays. A provider's net includes the value of IP "
             "access to the buyer's models, which is not a payment from anybody to anybody, so it is not in the money flows above. "
             "* Google Cloud, Cerebras: net before what the capacity costs its provider, which the scenario does not give.";
    c.source = "deal \xc2\xb7 2026-12-01 \xc2\xb7 deterministic";
    const std::string svg = chart_svg(c, 960, 540);
    // Every text element whose words are a piece of the note, with its y.
    const std::string note = xml_escape(c.note);
    std::vector<std::pair<double, std::string>> lines;
    for (std::size_t at = svg.find("<text x=\""); at != std::string::npos; at = svg.find("<text x=\"", at + 1)) {
        const std::size_t y = svg.find(" y=\"", at) + 4, open = svg.find('>', at) + 1, close = svg.find("</text>", open);
        const std::string words = svg.substr(open, close - open);
        if (words.size() > 20 && note.find(words) != std::string::npos) lines.push_back({std::stod(svg.substr(y, svg.find('"', y) - y)), words});
    }
    std::sort(lines.begin(), lines.end());
    std::string read;
    for (const auto& [y, words] : lines) read += (read.empty() ? "" : " ") + words;
    CHECK(lines.size() >= 3);
    CHECK(lines.size() <= 4);
    CHECK(read == note);
    CHECK(svg.find("\xe2\x80\xa6") == std::string::npos);  // nothing cut
    const std::size_t source = svg.find(">deal ");
    REQUIRE(source != std::string::npos);
    const std::size_t source_y = svg.find(" y=\"", svg.rfind("<text", source)) + 4;
    CHECK(lines.back().first < std::stod(svg.substr(source_y, svg.find('"', source_y) - source_y)));  // above the source line
}

TEST_CASE("chart CSV: one row per x label, units in the header, exact numbers", "[exports]") {
    Chart c;
    c.x_title = "year";
    c.unit = ValueUnit::usd;
    c.x = {"2025", "2026"};
    c.items.push_back(chart_series(ChartKind::stacked_bars, "compute", 0, {1.5e9, 2.25e9}));
    c.items.push_back(chart_band("cost P10-P90", 1, {1, 2}, {3, 4}));
    c.items.push_back(chart_series(ChartKind::line, "Deal, \"B\"", 2, {0.1, std::nan("")}));
    CHECK(chart_csv(c) ==
          "year,compute (USD),cost P10-P90 low (USD),cost P10-P90 high (USD),\"Deal, \"\"B\"\" (USD)\"\n"
          "2025,1500000000,1,3,0.1\n"
          "2026,2250000000,2,4,\n");
}

TEST_CASE("chart CSV of a numeric x axis: the exact values, then the labels as shown", "[exports]") {
    // A sweep over a price: the labels round ("$1.67"), the first column keeps the numbers (5/3 = 1.6666…
    // written as its shortest round-trip form).
    Chart c;
    c.x_title = "price";
    c.unit = ValueUnit::usd;
    c.x = {"$1.5", "$1.67"};
    c.x_values = {1.5, 5.0 / 3.0};
    c.items.push_back(chart_series(ChartKind::line, "net", 0, {10, 20}));
    CHECK(chart_csv(c) ==
          "price,price (as shown),net (USD)\n"
          "1.5,$1.5,10\n"
          "1.6666666666666667,$1.67,20\n");
}

TEST_CASE("chart SVG: a waterfall's value labels are written whole, smaller when the bars are narrow", "[exports]") {
    // 13 bars in a 680-wide chart leave about 37 units a bar: "+$58.9B" at size 10 is wider than that, so every
    // label shrinks (not below 8) instead of being cut to "+$58…".
    Chart c;
    c.unit = ValueUnit::usd;
    std::vector<double> v = {566e9};
    for (int k = 0; k < 11; ++k) v.push_back(k % 2 ? -5.76e9 : 58.9e9);
    v.push_back(566e9 + 6 * 58.9e9 - 5 * 5.76e9);
    for (std::size_t k = 0; k < v.size(); ++k) c.x.push_back(k == 0 ? "A" : k + 1 == v.size() ? "B" : "step " + std::to_string(k));
    c.items.push_back(chart_series(ChartKind::waterfall, "net", 0, v));
    const std::string svg = chart_svg(c, 680, 450);
    CHECK(svg.find(">+$58.9B</text>") != std::string::npos);
    CHECK(svg.find(">-$5.76B</text>") != std::string::npos);
    CHECK(svg.find("$58\xe2\x80\xa6") == std::string::npos);  // never cut
    CHECK(svg.find("font-size=\"10\" text-anchor=\"middle\" fill=\"#111827\">+$58.9B") == std::string::npos);  // not at the full size
}

TEST_CASE("chart SVG: a waterfall whose step names would not stand upright reads across, names whole", "[exports]") {
    // The report's what-changed chart (720 wide) with 13 steps named as explain names them: a vertical chart
    // gives each bar ~46 units, far less than "provider AWS (Trainium, 2 GW) (changed: capacity, provider cost)"
    // needs, and cut it after 30° of turn. Across, each step is a row with its name in the left column (two lines
    // where one is too short), its bar from the level before to the level after, and its value beside it.
    Chart c;
    c.unit = ValueUnit::usd;
    c.x = {"A", "provider AWS (Trainium, 2 GW) (changed: capacity, provider cost)", "revenue share on azure #1 (changed: cap, end)", "B"};
    // $566B, +$58.9B, -$272B, then B = 566 + 58.9 - 272 = $352.9B.
    c.items.push_back(chart_series(ChartKind::waterfall, "OpenAI net", 0, {566e9, 58.9e9, -272e9, 352.9e9}));
    c.source = "Non-exclusive, Azure primary (April 2026) \xe2\x86\x92 $250B Azure commitment, ROFR removed (October 2025) \xc2\xb7 2026-11-30 \xc2\xb7 deterministic";
    std::vector<std::string> many = {"A"};
    std::vector<double> values = {566e9};
    for (int k = 0; k < 11; ++k) many.push_back("reservation on oci-stargate (removed) " + std::to_string(k)), values.push_back(1e9);
    many.push_back("B"), values.push_back(577e9);
    Chart thirteen = c;
    thirteen.x = many;
    thirteen.items = {chart_series(ChartKind::waterfall, "OpenAI net", 0, values)};
    for (const Chart& chart : {c, thirteen}) {
        const std::string svg = chart_svg(chart, 720, 420);
        CHECK(svg.find("\xe2\x80\xa6") == std::string::npos);  // no name and no source cut with "…"
        CHECK(svg.find("rotate(-30") == std::string::npos);       // no turned labels
        CHECK(svg.find("deterministic</text>") != std::string::npos);  // the source's end, on its second line
    }
    const std::string svg = chart_svg(c, 720, 420);
    // The long name on two lines, split at a space, each part written whole.
    CHECK((svg.find(">provider AWS (Trainium, 2 GW) (changed:</text>") != std::string::npos ||
           svg.find(">provider AWS (Trainium, 2 GW) (changed: capacity,</text>") != std::string::npos));
    CHECK(svg.find("provider cost)</text>") != std::string::npos);
    CHECK(svg.find(">+$58.9B</text>") != std::string::npos);
    CHECK(svg.find(">-$272B</text>") != std::string::npos);
    // Bars across: B's bar (palette 0, the last drawn in its colour: the legend's swatches come first) and the
    // -$272B step (the decrease colour) are as wide as their values say, 272 / 352.9 of B's (a linear axis from 0).
    const auto width_of = [&](const std::string& fill) {
        const std::size_t at = svg.rfind("fill=\"" + fill + "\"/>");
        const std::size_t w = svg.rfind(" width=\"", at) + 8;
        return std::stod(svg.substr(w, svg.find('"', w) - w));
    };
    CHECK(width_of("#d93025") / width_of(chart_colour(0)) == Approx(272.0 / 352.9).margin(0.01));
    // Short names still stand under the bars of a vertical chart (as before): "step 1" fits its band.
    Chart upright;
    upright.unit = ValueUnit::usd;
    upright.x = {"A", "step 1", "B"};
    upright.items.push_back(chart_series(ChartKind::waterfall, "net", 0, {10e9, 2e9, 12e9}));
    CHECK(chart_svg(upright, 720, 420).find("text-anchor=\"middle\" fill=\"#4b5563\">step 1<") != std::string::npos);
}

TEST_CASE("chart SVG of a numeric x axis: round values at their places, not the grid's labels", "[exports]") {
    // Five points $1.5 … $3 a step of $0.375; round ticks at $2 and $2.5 sit at 4/3 and 8/3 of a step from the
    // first point, so along the axis ($1.5 → $3, points 0 → 4) they are a third and two thirds of the way.
    Chart c;
    c.x_title = "price";
    c.unit = ValueUnit::usd;
    c.x = {"$1.5", "$1.875", "$2.25", "$2.625", "$3"};
    c.x_values = {1.5, 1.875, 2.25, 2.625, 3};
    c.x_marks = {{0, "$1.5"}, {4.0 / 3.0, "$2"}, {8.0 / 3.0, "$2.5"}, {4, "$3"}};
    c.items.push_back(chart_series(ChartKind::line, "net", 0, {10, 20, 30, 20, 10}));
    const std::string svg = chart_svg(c, 800, 450);
    CHECK(svg.find(">$1.875</text>") == std::string::npos);  // the grid's own labels are not drawn
    CHECK(svg.find(">$2.625</text>") == std::string::npos);
    auto x_of = [&](const std::string& label) {  // the x of the text element that says `label`
        const std::size_t end = svg.find(">" + label + "</text>");
        REQUIRE(end != std::string::npos);
        const std::size_t at = svg.rfind("<text x=\"", end) + 9;
        return std::stod(svg.substr(at, svg.find('"', at) - at));
    };
    const double x0 = x_of("$1.5"), x1 = x_of("$2"), x2 = x_of("$2.5"), x3 = x_of("$3");
    // Positions are written at 0.1 px: allow 0.2 px over the axis's length.
    CHECK((x1 - x0) / (x3 - x0) == Approx(1.0 / 3.0).margin(0.2 / (x3 - x0)));
    CHECK((x2 - x0) / (x3 - x0) == Approx(2.0 / 3.0).margin(0.2 / (x3 - x0)));
}

TEST_CASE("chart SVG: light, titled, legend names, source line; a waterfall's bars scale with its steps", "[exports]") {
    // A waterfall from 10 to 12 by +5 and −3: the bars' heights are in the ratio 10 : 5 : 3 : 12.
    Chart c;
    c.title = "What changed in net";
    c.y_title = "net";
    c.unit = ValueUnit::usd;
    c.x = {"A", "price", "share", "B"};
    c.items.push_back(chart_series(ChartKind::waterfall, "OpenAI <net>", 0, {10e9, 5e9, -3e9, 12e9}));
    c.source = chart_source_line("Deal A", "2026-11-30", 7, 10000);
    const std::string svg = chart_svg(c, 800, 450);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(svg.find("<script") == std::string::npos);
    CHECK(svg.find("fill=\"#ffffff\"") != std::string::npos);  // the white background first
    CHECK(svg.find(">What changed in net</text>") != std::string::npos);
    CHECK(svg.find("OpenAI &lt;net&gt;") != std::string::npos);  // the legend names the item, escaped
    CHECK(svg.find("net (USD)") != std::string::npos);          // the axis title names the unit
    CHECK(c.source == "Deal A · 2026-11-30 · seed 7 · 10,000 trials");
    CHECK(svg.find(">Deal A · 2026-11-30 · seed 7 · 10,000 trials</text>") != std::string::npos);
    const std::vector<double> totals = rect_heights(svg, chart_colour(0)), up = rect_heights(svg, "#188038"), down = rect_heights(svg, "#d93025");
    // The legend (drawn first) has a swatch of each colour; the bars follow it: the last ones are the bars.
    REQUIRE(up.size() >= 1);
    REQUIRE(down.size() >= 1);
    REQUIRE(totals.size() >= 2);
    const double a = totals[totals.size() - 2], b = totals.back();
    // Heights are written at 0.1 px: allow 0.2 px either way.
    CHECK(up.back() / a == Approx(0.5).margin(0.4 / a));
    CHECK(down.back() / a == Approx(0.3).margin(0.4 / a));
    CHECK(b / a == Approx(1.2).margin(0.6 / a));
    CHECK(chart_svg(c, 800, 450) == svg);  // the same chart, the same bytes
}

TEST_CASE("chart SVG: a y title longer than the plot is tall takes a second line instead of being cut", "[exports]") {
    Chart c;
    c.title = "Allocation by provider";
    c.y_title = "allocated H100-equivalents of every provider";
    c.unit = ValueUnit::h100e;
    c.x = {"2025Q1", "2025Q2", "2025Q3", "2025Q4"};
    c.items.push_back(chart_series(ChartKind::line, "Azure", 0, {1e5, 2e5, 3e5, 4e5}));
    const std::regex upright("<text[^>]*transform=\"rotate\\(-90[^>]*>([^<]*)</text>");
    const auto titles = [&](const std::string& svg) {
        std::vector<std::string> out;
        for (auto it = std::sregex_iterator(svg.begin(), svg.end(), upright); it != std::sregex_iterator(); ++it) out.push_back((*it)[1]);
        return out;
    };
    // Tall: the whole title, unit included, on one line.
    CHECK(titles(chart_svg(c, 800, 600)) == std::vector<std::string>{"allocated H100-equivalents of every provider (H100e)"});
    // Short (a plot ~150 px tall, the title ~300 px wide at 11 px): two lines, together the whole title, nothing cut.
    const std::vector<std::string> two = titles(chart_svg(c, 800, 300));
    REQUIRE(two.size() == 2);
    CHECK(two[0] + " " + two[1] == "allocated H100-equivalents of every provider (H100e)");
    CHECK(two[0].find("…") == std::string::npos);
    CHECK(two[1].find("…") == std::string::npos);
}

TEST_CASE("report: one self-contained HTML page with the KPIs, the sources and the split of the difference", "[exports][report]") {
    const Scenario a = load_ok(one_cloud());
    // A: all 1000 H100e on a at $2: cost = 1000 × 2190 × 2 = $4,380,000 -> "$4.38M"; demand served 100.0%.
    json bd = one_cloud();
    bd["name"] = "Dearer cloud";
    bd["providers"][0]["price_usd_per_h100e_hour"] = 3;
    // B: the price alone changes: cost = 1000 × 2190 × 3 = $6,570,000 -> "$6.57M"; the buyer's net falls
    // by exactly the extra cost, 1000 × 2190 × 1 = $2,190,000 -> "-$2.19M", all of it the provider's part.
    const Scenario b = load_ok(bd);
    const std::string html = build_report({a, b}, 200, 11, "2026-11-30");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<link") == std::string::npos);  // nothing fetched: CSS and charts are inline
    CHECK(html.find("@page") != std::string::npos);  // print CSS
    CHECK(count_of(html, "<svg") >= 4);
    CHECK(html.find("$4.38M") != std::string::npos);
    CHECK(html.find("$6.57M") != std::string::npos);
    CHECK(html.find("100.0%") != std::string::npos);
    CHECK(html.find("-$2.19M") != std::string::npos);
    CHECK(html.find("provider a (changed: price per H100e-hour)") != std::string::npos);
    CHECK(html.find("A &lt;first&gt; source") != std::string::npos);
    CHECK(html.find("2024-03-05") != std::string::npos);
    CHECK(html.find("<section id=\"what-changed\"") != std::string::npos);
    CHECK(html.find("<section id=\"comparison\"") != std::string::npos);
    // Beside the deterministic split, the same difference trial by trial: nothing here is uncertain, so every one
    // of the 200 paired trials differs by the -$2.19M above, and so do its median, P10 and P90.
    CHECK(html.find("Over the 200 paired Monte Carlo trials the same difference has a median of -$2.19M (P10 to P90 -$2.19M to -$2.19M") !=
          std::string::npos);
    // The comparison says what the page's Compare tab says: B (the dearer deal) is never the better on cost, so
    // P(B better) is 0%, in a row named as the page names it ("Total cost", not cost_usd).
    const std::size_t section = html.find("<section id=\"comparison\"");
    const std::string cmp = html.substr(section, html.find("</section>", section) - section);
    CHECK(cmp.find("<th>P(B better)</th>") != std::string::npos);
    const std::size_t cost_row = cmp.find("<th scope=\"row\">Total cost</th>");
    REQUIRE(cost_row != std::string::npos);
    const std::string row = cmp.substr(cost_row, cmp.find("</tr>", cost_row) - cost_row);
    CHECK(row.find("<td>0%</td>") != std::string::npos);
    CHECK(cmp.find("<code>cost_usd</code>") == std::string::npos);
    // The same inputs give the same bytes, whatever the number of threads.
    CHECK(build_report({a, b}, 200, 11, "2026-11-30", 2) == html);
    CHECK(build_report({a, b}, 200, 12, "2026-11-30") != html);  // the seed is written in it
    CHECK(report_date_valid("2026-02-28"));
    CHECK_FALSE(report_date_valid("2026-02-30"));
    CHECK_FALSE(report_date_valid("30/11/2026"));
}

TEST_CASE("report: the clause timeline names clauses in words, long names on two lines", "[exports][report]") {
    // open-2026 holds two revenue_share clauses on Azure and a reservation named "Oracle OCI (Stargate sites,
    // 4.5 GW)" (assets/presets): the timeline says "revenue share", as the page does, and no name is cut.
    const auto ls = load_scenario(find_preset("open-2026")->json);
    REQUIRE(ls.scenario);
    const std::string html = build_report({*ls.scenario}, 20, 1, "2026-11-30");
    const std::size_t at = html.find("<title>Clause timeline");
    REQUIRE(at != std::string::npos);
    const std::string timeline = html.substr(at, html.find("</svg>", at) - at);
    CHECK(timeline.find("revenue_share") == std::string::npos);
    CHECK(timeline.find(">revenue share \xc2\xb7 Microsoft Azure") != std::string::npos);
    CHECK(timeline.find("\xe2\x80\xa6") == std::string::npos);
}

TEST_CASE("report: what lies outside the horizon, deals over other years, totals in words", "[exports][report]") {
    const auto load = [](const char* id) { return *load_scenario(find_preset(id)->json).scenario; };
    const Scenario current = load("commitment-2025q4"), other_terms = load("open-2026"), earlier = load("exclusive-2019");
    // exclusive-2019 runs 2019Q3–2024Q4 (assets/presets), the others 2025Q1–2032Q4: a comparison of sums over
    // other years is named as such; two deals over the same years get no such note.
    const std::string mixed = build_report({current, earlier}, 20, 1, "2026-11-30");
    CHECK(mixed.find("<strong>Different horizons.</strong> B (2019Q3\xe2\x80\x93" "2024Q4) covers other quarters than A (2025Q1\xe2\x80\x93" "2032Q4)") !=
          std::string::npos);
    const std::string same = build_report({current, other_terms}, 20, 1, "2026-11-30");
    CHECK(same.find("Different horizons") == std::string::npos);
    // Every edge of the horizon (MODEL §8) is listed under the key figures, each with its sentence, split by
    // whether it moves the buyer's figures (the owned fleets' capex after 2032Q4) or only a provider's.
    const std::vector<HorizonEdge> edges = outside_horizon(current, evaluate(current));
    REQUIRE(edges.size() >= 2);
    for (const HorizonEdge& e : edges) CHECK(same.find(xml_escape(e.text)) != std::string::npos);
    CHECK(same.find("move the key figures above and are not counted in them") != std::string::npos);
    CHECK(same.find("move only the providers' own costs") != std::string::npos);
    // The totals table names each total as the page does; the file's keys stay in the JSON and CSV.
    CHECK(same.find("<code>cost_usd</code>") == std::string::npos);
    CHECK(same.find(">Present value of cost<") != std::string::npos);
    CHECK(same.find("revenue_share") == std::string::npos);
    // Parties (analysis/parties.h): commitment-2025q4 lists Cerebras without capacity (its deal came in 2026), so its
    // P&L has no $0 row for it but a note, and the comparison's A cell says so where open-2026 (B) pays it; the owned
    // fleets, parties in neither, get no comparison row.
    CHECK(same.find("so not in this deal: AWS (Trainium, 2 GW), Cerebras.") != std::string::npos);
    const std::size_t cmp_at = same.find("<section id=\"comparison\"");
    const std::string cmp = same.substr(cmp_at, same.find("</section>", cmp_at) - cmp_at);
    const std::size_t cerebras = cmp.find("<th scope=\"row\">Cerebras \xe2\x80\x94 net</th>");
    REQUIRE(cerebras != std::string::npos);
    const std::string cerebras_row = cmp.substr(cerebras, cmp.find("</tr>", cerebras) - cerebras);
    CHECK(cerebras_row.find("<td><em>not in this deal</em></td>") != std::string::npos);
    CHECK(cerebras_row.find("<td>-</td><td>n/a</td>") != std::string::npos);  // no difference, no verdict
    // Google Cloud carries no provider_cost in either deal: its net is starred in both columns.
    const std::size_t google = cmp.find("<th scope=\"row\">Google Cloud \xe2\x80\x94 net</th>");
    REQUIRE(google != std::string::npos);
    CHECK(count_of(cmp.substr(google, cmp.find("</tr>", google) - google), "*</td>") == 2);
    CHECK(cmp.find("AMD Instinct fleet (owned) \xe2\x80\x94 net") == std::string::npos);
    CHECK(cmp.find("Microsoft Azure \xe2\x80\x94 net") != std::string::npos);
    // The cost fan says why its P90 jumps in 2032Q4: the Azure commitment settles there (analysis/settlements.h).
    CHECK(same.find("<figcaption>Commitments settle at their window") != std::string::npos);
}

TEST_CASE("sweep CSV: the input's unit in the header, every cell, the best deal, and the break-even row", "[exports]") {
    // One quarter; clouds a and b, 10 MW each (scenario_builder: 10,000 H100e), 1000 H100e of inference.
    // A is exclusive to a, whose price p is swept: cost_A = 1000 × 2190 × p. B is exclusive to b at
    // $2.5: cost_B = 1000 × 2190 × 2.5 = 5,475,000 at every p. Over p = 1, 2, 3 A is cheaper at 1 and 2
    // and B at 3; the curves cross at p = 2.5, between the last two grid values, where both cost 5,475,000.
    json da = doc("2025Q1", "2025Q1"), db;
    da["providers"].push_back(cloud("a", 10, 1));
    da["providers"].push_back(cloud("b", 10, 2.5));
    da["workloads"].push_back(workload("w", "inference", 1000));
    db = da;
    da["name"] = "Exclusive to a";
    db["name"] = "Exclusive to b";
    da["contract"].push_back({{"type", "exclusive"}, {"holder", "a"}});
    db["contract"].push_back({{"type", "exclusive"}, {"holder", "b"}});
    const Scenario a = load_ok(da), b = load_ok(db);
    std::string err;
    const std::vector<const Scenario*> ss = {&a, &b};
    auto axis = sweep_axis(ss, "/providers/0/price_usd_per_h100e_hour", 1, 3, 3, false, err);
    REQUIRE(axis);
    const Metric m = *parse_metric(a, "cost_usd", err);
    const SweepGrid g = sweep(ss, {m, m}, {*axis});
    const std::string csv = sweep_to_csv(ss, "cost_usd", g, sweep_crossings(ss, {m, m}, g));
    std::vector<std::string> lines;
    for (std::size_t at = 0, nl; (nl = csv.find('\n', at)) != std::string::npos; at = nl + 1) lines.push_back(csv.substr(at, nl - at));
    REQUIRE(lines.size() == 1 + 6 + 1);  // header, 3 cells for each deal, one crossing
    CHECK(lines[0] == "kind,scenario,versus,/providers/0/price_usd_per_h100e_hour (USD per H100e-hour),cost_usd (USD),cost_usd of versus (USD),best,jump,label");
    CHECK(lines[1] == "cell,Exclusive to a,,1,2190000,,Exclusive to a,,Total cost");
    CHECK(lines[2] == "cell,Exclusive to a,,2,4380000,,Exclusive to a,,Total cost");
    CHECK(lines[3] == "cell,Exclusive to a,,3,6570000,,Exclusive to b,,Total cost");
    CHECK(lines[4] == "cell,Exclusive to b,,1,5475000,,Exclusive to a,,Total cost");
    CHECK(lines[6] == "cell,Exclusive to b,,3,5475000,,Exclusive to b,,Total cost");
    // break_even,A,B,p,cost_A,cost_B,,jump,label — p and the costs to the break-even's precision.
    const std::regex row("break_even,Exclusive to a,Exclusive to b,([0-9.e+-]+),([0-9.e+-]+),([0-9.e+-]+),,no,Total cost");
    std::smatch x;
    REQUIRE(std::regex_match(lines[7], x, row));
    CHECK(std::stod(x[1]) == Approx(2.5).epsilon(1e-9));
    CHECK(std::stod(x[2]) == Approx(5475000).epsilon(1e-9));
    CHECK(std::stod(x[3]) == Approx(5475000).epsilon(1e-9));
}

TEST_CASE("a probability never reads 0% or 100% unless it is") {
    CHECK(probability_text(1) == "100%");
    CHECK(probability_text(0) == "0%");
    CHECK(probability_text(0.9979) == "99.8%");   // 2,079 of 2,083 paired trials, say: not every one
    CHECK(probability_text(0.99996) == ">99.9%");
    CHECK(probability_text(0.0004) == "<0.1%");
    CHECK(probability_text(0.004) == "0.4%");
    CHECK(probability_text(0.5) == "50%");
    CHECK(probability_text(0.994) == "99%");
    CHECK(probability_text(0.995) == "99.5%");  // 1,990 of 2,000 trials
    CHECK(probability_text(0.005) == "0.5%");   // 10 of 2,000: the same precision on the other side
}

TEST_CASE("sweep CSV: a sweep of one input gives the break-evens `breakeven` and the page give, whatever its steps", "[exports]") {
    // OpenAI's net under open-2026 and commitment-2025q4 against inference demand growth, 60% to 140% a year: the
    // difference jumps across zero more than once near 61% (dispatch is discrete). Bisecting the grid interval in
    // which the sign changed (the sweep's old way) found 60.57% on a grid of 24 steps, while `breakeven` and the
    // page found 60.73%: one analysis, two answers. Now every sweep's first crossing is break_even's over the range.
    const Scenario a = preset("open-2026"), b = preset("commitment-2025q4");
    const std::vector<const Scenario*> ss = {&a, &b};
    std::string err;
    const Metric m = *parse_metric(a, "buyer.net_usd", err);
    auto first_crossing = [&](int steps) {
        auto axis = sweep_axis(ss, "/workloads/0/demand/growth_per_year", 0.6, 1.4, steps, false, err);
        REQUIRE(axis);
        const std::vector<SweepCrossing> x = sweep_crossings(ss, {m, m}, sweep(ss, {m, m}, {*axis}));
        REQUIRE_FALSE(x.empty());
        return x.front().at.value;
    };
    auto whole = sweep_axis(ss, "/workloads/0/demand/growth_per_year", 0.6, 1.4, 2, false, err);
    REQUIRE(whole);
    const BreakEven be = break_even(a, m, b, m, *whole);
    REQUIRE(be.found);
    CHECK(first_crossing(24) == be.value);
    CHECK(first_crossing(5) == be.value);
    CHECK(first_crossing(81) == be.value);
}
