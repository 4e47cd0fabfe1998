// chart_export.h — the chart on screen as a slide and as data (issue 16, item 1).
//
// What it is: the chart the user last pointed at, as charts.h recorded it while drawing, turned into
// the core's Chart (io/chart_svg.h): a light theme, its title, axis titles with the unit, the deals'
// and providers' names in the legend ("current" and the pinned copies' labels become the scenarios'
// names) and a source line (scenario, date, seed, trials). The page rasterises the SVG at 2× for
// "Download chart for slides" and saves the CSV for "Download chart data" (web/files.js).
// What it is not: a second chart renderer — the SVG and CSV come from io/chart_svg.h, as the report's.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "charts.h"
#include "io/chart_svg.h"
#include "model/scenario.h"

namespace pactscope::ui {

// The names the page shows for deals, and the scenario names they stand for.
struct DealName {
    std::string shown, name;
};

// The recorded chart as the core's Chart. `vector` is false for charts the SVG writer cannot draw
// (a heatmap): their numbers still export as CSV.
struct ExportedChart {
    Chart chart;
    bool vector = true;
};
ExportedChart export_chart(const charts::RecordedChart& rc, const std::vector<DealName>& deals, const std::string& source);

// The slide's size in CSS pixels (the PNG is twice that): 16:9.
inline constexpr int kSlideWidth = 960, kSlideHeight = 540;

}  // namespace pactscope::ui
