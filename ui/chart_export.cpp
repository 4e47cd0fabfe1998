// chart_export.cpp — see chart_export.h.
#include "chart_export.h"

#include "io/value_text.h"

namespace pactscope::ui {

namespace {

// The palette index of a recorded colour (charts::palette), so the slide keeps the screen's hues.
int colour_index(ImU32 c) {
    for (int i = 0; i < kChartColours; ++i)
        if (charts::palette(i) == c) return i;
    return 0;
}

std::string deal_name(const std::string& shown, const std::vector<DealName>& deals) {
    for (const DealName& d : deals)
        if (d.shown == shown && !d.name.empty()) return d.name;
    return shown;
}

// The page's value axes name only the unit ("USD", "H100e"); a slide's axis title says what is measured,
// then the unit in brackets (chart_svg.h adds it): "compute (H100e)".
std::string value_title(const std::string& screen, ValueUnit unit) {
    const std::string words = axis_unit_words(unit);
    if (!screen.empty() && screen != words && screen != "USD" && screen != "MW" && screen != "GW") return screen;
    switch (unit) {
        case ValueUnit::usd: return "amount";
        case ValueUnit::usd_per_h100e_hour: return "price";
        case ValueUnit::h100e: case ValueUnit::h100e_hours: return "compute";
        case ValueUnit::mw: return "power";
        case ValueUnit::gwh: return "energy";
        case ValueUnit::share: return "share";
        default: return screen;
    }
}

}  // namespace

ExportedChart export_chart(const charts::RecordedChart& rc, const std::vector<DealName>& deals, const std::string& source) {
    ExportedChart out;
    Chart& c = out.chart;
    c.title = rc.slide_title.empty() ? rc.title : rc.slide_title;
    c.x_title = rc.x_title;
    c.unit = value_unit(rc.unit);
    c.y_title = value_title(rc.y_title, c.unit);
    c.x = rc.x;
    c.x_values = rc.x_values;
    c.x_marks = rc.x_marks;
    c.note = rc.note;
    c.source = source;
    if (rc.bars_from) c.bars_from = rc.bars_from, c.bars_from_legend = "base: every input at its median";
    for (const charts::RecordedItem& it : rc.items) {
        const std::string name = deal_name(it.name, deals);
        const int colour = colour_index(it.color);
        if (!it.labels.empty() && c.x.empty()) c.x = it.labels;  // hbars, tornado, histogram: their own categories
        if (it.kind == "line") c.items.push_back(chart_series(ChartKind::line, name, colour, it.y));
        else if (it.kind == "dashed") c.items.push_back(chart_series(ChartKind::dashed_line, name, colour, it.y));
        else if (it.kind == "area") c.items.push_back(chart_series(ChartKind::stacked_area, name, colour, it.y));
        else if (it.kind == "bars" || it.kind == "histogram") c.items.push_back(chart_series(ChartKind::stacked_bars, name, colour, it.y));
        else if (it.kind == "band") c.items.push_back(chart_band(name, colour, it.y, it.y2));
        else if (it.kind == "waterfall") {  // what changed: from deal A through each part to deal B, named as deals are
            c.x.clear();
            for (const std::string& label : it.labels) c.x.push_back(deal_name(label, deals));
            c.items.push_back(chart_series(ChartKind::waterfall, name, colour, it.y));
        }
        else if (it.kind == "hbar") {  // with the whiskers drawn, each bar in its colour on the page
            c.items.push_back(chart_hbars(name, colour, it.y, it.low, it.high));
            for (ImU32 bar : it.colors) c.items.back().colours.push_back(colour_index(bar));
        }
        else if (it.kind == "tornado") {  // the metric with the input at its P10, and at its P90
            c.items.push_back(chart_hbars("input at P10", 0, it.y));
            c.items.push_back(chart_hbars("input at P90", 1, it.y2));
        } else if (it.kind == "cell") {  // a heatmap row: numbers for the CSV only
            c.items.push_back(chart_series(ChartKind::line, name, colour, it.y));
            out.vector = false;
        }
        else if (it.kind == "marker" && !it.y.empty()) c.markers.push_back({it.y.front(), it.name, colour});  // a sweep's break-even
    }
    if (!c.markers.empty()) c.markers_legend = c.markers.size() == 1 ? "break-even" : "break-evens";
    if (c.items.size() == 1 && rc.items.front().kind == "histogram") {  // counts of trials, not an index
        c.unit = ValueUnit::count;
        if (c.y_title.empty()) c.y_title = "trials per bin";
    }
    return out;
}

}  // namespace pactscope::ui
