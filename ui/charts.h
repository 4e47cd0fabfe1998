// charts.h — the page's charts, in ImPlot's idiom (epezent/implot): a begin/end pair, items between.
//
// What it is: `begin()` lays out a chart like an ImGui item (an id, a size; zero width = the available
// width) with its title, axes and axis titles; item calls (`line`, `area`, `bars`, `band`, `marker`) add
// named series; `end()` fits the y axis to every item, draws ticks with units ($1.2B, 3.4 GW) through
// one tick routine, the items, a legend with the items' names, and a hover read-out of the values under
// the mouse. A few charts that have axes of their own are one call each (histogram, tornado, hbars,
// heatmap), built on the same frame.
// Every chart is recorded as it is drawn — title, axes, items and their numbers — so what is on screen
// is what "Download chart data" and "Download chart for slides" export (recorded()).
// Charts never own the caller's data: item calls copy what they draw.
//
// Usage:
//   if (charts::begin("alloc", "Allocation by provider", {quarters, Unit::h100e, "quarter", "H100e"})) {
//       for (provider p) charts::area(p.name, alloc[p].data(), n, charts::palette(p));
//       charts::end();
//   }
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "format.h"
#include "imgui.h"

namespace pactscope::ui::charts {

ImU32 palette(int i);

struct Axes {
    std::vector<std::string> x;  // a label per point: quarters, years, categories, swept values
    Unit unit = Unit::plain;     // of the y values
    std::string x_title, y_title;
    bool categories = false;     // bars: each label sits in the middle of its slot
    bool fit = false;            // the y axis spans the lines' values only, not from zero (a sweep's curves)
    // A numeric x axis (a sweep's evenly spaced input values): labelled ticks at round values, placed in units
    // of points (0 is the first, n − 1 the last); empty: every few points' own labels.
    std::vector<std::pair<double, std::string>> x_marks = {};
    std::vector<double> x_values = {};  // the same axis's exact value at each point, for the chart's data (CSV)
    // The x title in full for the chart's slide and data (a swept input's owner and field: "workload inference —
    // demand growth per year"), where the page's axis, cut to a third of its width, shows the field alone.
    std::string x_title_full = {};
};

// Starts a chart; true (then call its items and end()). A chart scrolled out of view is drawn and recorded all
// the same, so its record always holds what the current deal shows. `help`: shown when the title is hovered.
bool begin(const char* id, const std::string& title, const Axes& axes, ImVec2 size = ImVec2(0, 0), const char* help = nullptr);
void line(const std::string& name, const double* y, int n, ImU32 color, bool dashed = false);
void area(const std::string& name, const double* y, int n, ImU32 color);  // stacked, in call order
void bars(const std::string& name, const double* y, int n, ImU32 color);  // stacked; negative values below zero
void band(const std::string& name, const double* lo, const double* hi, int n, ImU32 color);
// A vertical line at a fractional point index with a label (a break-even crossing).
void marker(const std::string& label, double at, ImU32 color);
void end();

// Histogram of samples (NaN ignored) with its P10 / P50 / P90 (type 7, as the Monte Carlo summaries).
void histogram(const char* id, const std::string& title, const double* samples, std::int64_t n, Unit unit, const std::string& x_title,
               ImVec2 size = ImVec2(0, 0));

struct TornadoRow {
    std::string label;
    double low = 0, high = 0;  // metric with the input at P10 and at P90
};
void tornado(const char* id, const std::string& title, double base, const std::vector<TornadoRow>& rows, Unit unit, ImVec2 size = ImVec2(0, 0));

// Horizontal bars for a few labelled values (money flows, each party's net); negative to the left.
struct Bar {
    std::string label;
    double value = 0, low = 0, high = 0;  // low/high: a P10–P90 whisker (equal to value: none)
    ImU32 color = 0;
};
void hbars(const char* id, const std::string& title, const std::vector<Bar>& rows, Unit unit, ImVec2 size = ImVec2(0, 0));

// Heatmap of values[i * ny + j] (i: x, j: y). With `best` (a scenario index per cell) and `names`, cells
// are coloured by the best scenario instead: a regime map.
void heatmap(const char* id, const std::string& title, const Axes& axes, const std::vector<std::string>& y, const std::vector<double>& values,
             const std::vector<int>* best, const std::vector<std::string>* names, ImVec2 size = ImVec2(0, 0));

// What a chart showed, as drawn: the export's source.
struct RecordedItem {
    std::string kind;  // line, dashed, area, bars, band, marker, hbar, histogram, tornado, cell, waterfall
    std::string name;
    std::vector<double> y, y2;  // y2: a band's high end, a tornado row's P90
    std::vector<std::string> labels;  // per value, when the item has its own labels (hbars, tornado)
    ImU32 color = 0;
    std::vector<double> low = {}, high = {};  // hbars with whiskers: each bar's P10 and P90 (NaN for a bar without)
    std::vector<ImU32> colors = {};           // hbars: each bar's colour
};
struct RecordedChart {
    std::string id, title, x_title, y_title;  // x_title: Axes::x_title_full when given
    Unit unit = Unit::plain;
    std::vector<std::string> x;
    std::vector<double> x_values;  // Axes::x_values
    std::vector<std::pair<double, std::string>> x_marks;  // Axes::x_marks
    std::vector<RecordedItem> items;
    std::optional<double> bars_from;  // a tornado's base (every input at its median): its bars start there
    std::string note;                 // how to read it, drawn under the chart on the page: a slide writes it too
    std::string slide_title;          // a slide's title where the page's names deals by short labels (else the title)
};
// Records a chart drawn by other means (the what-changed waterfall), so it can be exported like the others.
void record(RecordedChart chart);
// Gives the chart last recorded as `id` the sentence drawn under it (a slide of it then says it too).
void note(const char* id, std::string text);

// The chart with this id as last drawn, or nullptr (capture.h says which chart the user pointed at).
const RecordedChart* recorded(const std::string& id);

}  // namespace pactscope::ui::charts
