// charts.h — the chart widgets, drawn with ImDrawList in ImGui's idioms.
//
// Each chart is one call that lays itself out like an ImGui item (an id, a size;
// zero width = the available width), draws axes with readable ticks and units
// ($1.2B, 3.4 GW), a legend, and a hover read-out of the values under the mouse.
// Charts never own data: they read spans the caller keeps alive for the call.
//
// Usage:
//   charts::Series s{"Azure", values.data(), n, charts::palette(0)};
//   charts::stacked_area("alloc", quarter_labels, {s, ...}, Unit::h100e, {0, 260});
#pragma once
#include <string>
#include <vector>

#include "format.h"
#include "imgui.h"

namespace pactscope::ui::charts {

struct Series {
    std::string label;
    const double* y = nullptr;
    int n = 0;
    ImU32 color = 0;
    bool dashed = false;  // lines(): a reference line (demand, capacity)
};

ImU32 palette(int i);

// x: one label per point (quarters, years). Series are stacked in order, bottom first.
void stacked_area(const char* id, const std::vector<std::string>& x, const std::vector<Series>& series, Unit unit, ImVec2 size);
void stacked_bars(const char* id, const std::vector<std::string>& x, const std::vector<Series>& series, Unit unit, ImVec2 size);
void lines(const char* id, const std::vector<std::string>& x, const std::vector<Series>& series, Unit unit, ImVec2 size);

// Monte Carlo fan: P10–P90 band, P50 line and the deterministic line.
void fan(const char* id, const std::vector<std::string>& x, const std::vector<double>& p10, const std::vector<double>& p50,
         const std::vector<double>& p90, const std::vector<double>& deterministic, Unit unit, ImVec2 size);

// Histogram of samples (NaN ignored) with P10/P50/P90 markers.
void histogram(const char* id, const double* samples, std::int64_t n, Unit unit, ImVec2 size);

struct TornadoRow {
    std::string label;
    double low = 0, high = 0;  // metric with the input at P10 and at P90
};
void tornado(const char* id, double base, const std::vector<TornadoRow>& rows, Unit unit, ImVec2 size);

// Heatmap of values[i * n1 + j] (i: x axis, j: y axis). With `best` (a scenario index per cell)
// and `names`, cells are coloured by the best scenario instead: a regime map.
void heatmap(const char* id, const std::vector<std::string>& x, const std::vector<std::string>& y, const std::vector<double>& values,
             Unit unit, const std::vector<int>* best, const std::vector<std::string>* names, ImVec2 size);

// Horizontal bars for a few labelled values (money flows, stakeholder nets); negative to the left.
struct Bar {
    std::string label;
    double value = 0, low = 0, high = 0;  // low/high: optional P10–P90 whisker (equal to value = none)
    ImU32 color = 0;
};
void bars(const char* id, const std::vector<Bar>& rows, Unit unit, ImVec2 size);

}  // namespace pactscope::ui::charts
