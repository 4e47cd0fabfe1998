// marker_labels.h — where the labels of vertical markers go (a sweep's break-evens) so none covers another.
//
// What it is: a chart's markers are vertical lines at x positions, each with a short label at the top of
// the plot ("60.7%/yr"). Two deals that cross several times, or two pairs that cross close together, put
// markers a few pixels apart, and labels written one after the other ran into each other. This places
// every label beside its own line — right of it, or left of it where the right would leave the plot — on
// the first row (counted down from the top) where it keeps a gap from every label already on that row,
// visiting the markers from left to right. The page (ui/charts.cpp, measured text) and the slides
// (chart_svg.cpp, estimated text) both call it, so a slide reads as the screen did.
//
// Usage:
//   std::vector<MarkerLabelPlace> at = place_marker_labels({{x0, w0}, {x1, w1}}, plot_left, plot_right, 6);
//   // draw label k with its left edge at at[k].left, on row at[k].row (0 = the top row)
#pragma once
#include <vector>

namespace pactscope {

struct MarkerLabel {
    double x = 0;      // the marker line's position, in the chart's units (pixels)
    double width = 0;  // its label's width, in the same units
};

struct MarkerLabelPlace {
    double left = 0;  // where the label's text starts
    int row = 0;      // 0 = the top row, 1 the one under it, …
};

// One place per label, in the order given. `gap`: the space kept beside a line and between two labels.
std::vector<MarkerLabelPlace> place_marker_labels(const std::vector<MarkerLabel>& labels, double plot_left, double plot_right, double gap);

}  // namespace pactscope
