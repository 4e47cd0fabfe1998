// chart_svg.h — a chart described in ImPlot's idiom, written as self-contained SVG (for slides and the
// report) and as CSV (the same chart's numbers).
//
// What it is: `Chart` says what a chart shows — a title, axis titles, the unit of every value, one label
// per x position (quarters, years or categories) and items: lines, dashed lines, a band between two
// series (P10–P90), stacked areas, stacked bars, horizontal bars with optional P10–P90 whiskers, a
// waterfall. The page records one from what it draws on screen ("Download chart for slides" rasterises
// chart_svg() at 2×, "Download chart data" saves chart_csv()); the report (report.h) builds its own.
// Output: a light theme (white background, dark text), the title, axis titles with the unit, ticks in the
// unit's natural form ($1.2B, 3.4 GW, 35%; value_text.h), a legend naming every item, and the optional
// source line ("scenario · date · seed · trials") at the bottom. The same chart gives the same bytes on
// every machine and in WASM (fixed formatting, no locale, no transcendental functions).
// What it is not: a plotting library. Text widths are estimated (no font metrics in the core), so
// layout leaves room rather than measuring.
//
// Usage:
//   Chart c;
//   c.title = "Cost by year"; c.x_title = "year"; c.y_title = "cost"; c.unit = ValueUnit::usd;
//   c.x = {"2025", "2026"};
//   c.items.push_back(chart_series(ChartKind::stacked_bars, "compute", 0, {1e9, 2e9}));
//   std::string svg = chart_svg(c, 800, 450), csv = chart_csv(c);
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/result_fields.h"

namespace pactscope {

enum class ChartKind : std::uint8_t {
    line,          // values at each x, NaN leaves a gap
    dashed_line,   // a reference line (demand, capacity, the deterministic run)
    band,          // filled between `values` (lower edge) and `upper`: a P10–P90 range
    stacked_area,  // stacked on the stacked areas before it (negative values stack downwards)
    stacked_bars,  // one bar per x, stacked on the stacked bars before it (negative values downwards)
    hbars,         // horizontal bars, one per x label (a category, e.g. a party); `low`/`high`: whiskers.
                   // Several hbars items are grouped within each category. A chart with hbars is drawn
                   // horizontally and should hold only hbars.
    waterfall,     // values: the start level, then each change, then the end level (x: their labels)
};

struct ChartItem {
    ChartKind kind = ChartKind::line;
    std::string name;               // legend and CSV header: a deal's, provider's or series' name
    int colour = 0;                 // index into the palette (chart_colour)
    std::vector<double> values;     // one per x label (NaN or missing: none there)
    std::vector<double> upper;      // band: the upper edge
    std::vector<double> low, high;  // hbars: optional P10–P90 whiskers, one per x label (empty: none)
    std::vector<int> colours;       // hbars: optional, a palette index per bar (a party's own colour); empty: `colour`
};

// Items in one call (the aggregate's later fields empty).
ChartItem chart_series(ChartKind kind, std::string name, int colour, std::vector<double> values);
ChartItem chart_band(std::string name, int colour, std::vector<double> lower, std::vector<double> upper);
ChartItem chart_hbars(std::string name, int colour, std::vector<double> values, std::vector<double> low = {}, std::vector<double> high = {});

struct ChartMarker {
    double at = 0;      // the position: 0 = the first x label, n − 1 the last, fractions between
    std::string label;  // "60.7%/yr"
    int colour = 0;     // palette index (a sweep: the pinned deal's colour)
};

struct Chart {
    std::string title;
    std::string x_title;             // the x axis (hbars: the category axis); may be empty
    std::string y_title;             // the value axis without its unit: the writer adds "(USD)", "(GW)", "(%)"
    ValueUnit unit = ValueUnit::usd;  // of every value
    std::vector<std::string> x;      // one label per position
    std::vector<double> x_values;    // optional, one per position: the numbers behind the labels (a sweep's input values)
    // Optional: the x axis's labelled ticks at round values instead of the positions' own labels (a sweep over a
    // continuous input: "60%/yr" between grid points), each at a fractional position (0 = the first, n − 1 the last).
    std::vector<std::pair<double, std::string>> x_marks;
    std::vector<ChartItem> items;
    // Optional vertical markers at fractional positions, each a dashed line with its label at the top (a
    // sweep's break-evens: where two deals' curves cross). Drawn, not in the CSV (a sweep's CSV lists them).
    std::vector<ChartMarker> markers;
    std::string markers_legend;      // the legend's one entry for them ("break-even"); empty: none
    // Optional: horizontal bars drawn from this value instead of zero, marked by a solid line named in the legend
    // (a tornado: each input at its P10 and P90 against every input at its median). The axis then spans the bars
    // alone, so swings of 3% on a $1.2T metric are not drawn as bars of equal length from $0.
    std::optional<double> bars_from;
    std::string bars_from_legend;    // "base: every input at its median"
    std::string note;                // optional: how to read the chart, a sentence above the source line (up to two lines)
    std::string source;              // optional last line (chart_source_line)
};

// The SVG document (UTF-8, starting with "<svg"), `width` × `height` user units (at least 240 × 160).
std::string chart_svg(const Chart& chart, int width, int height);

// The chart's numbers, one row per x label: the x label (with x_values: the exact number, then the label
// under "X_TITLE (as shown)"), then per item "NAME (UNIT)" — a band gives
// "NAME low" and "NAME high", hbars with whiskers add "NAME P10" and "NAME P90". Numbers are exact
// (they read back as the same doubles); an empty cell where there is none.
std::string chart_csv(const Chart& chart);

// How many colours the palette has: the page's (ui/charts.h palette) and these, index for index.
inline constexpr int kChartColours = 12;
// "#rrggbb" of a palette index (the page's hues, darkened for a white background); cycles after kChartColours.
const char* chart_colour(int index);

// "NAME · DATE · seed S · N trials" for a chart drawn from Monte Carlo trials; trials < 0: a chart of
// deterministic runs, "NAME · DATE · deterministic" (a seed would claim trials it never used).
std::string chart_source_line(const std::string& scenario, const std::string& date, std::uint64_t seed, std::int64_t trials);

// The text with &, <, >, " and ' escaped, for XML and HTML.
std::string xml_escape(const std::string& text);

}  // namespace pactscope
