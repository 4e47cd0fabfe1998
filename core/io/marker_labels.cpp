// marker_labels.cpp — see marker_labels.h.
#include "io/marker_labels.h"

#include <algorithm>
#include <numeric>

namespace pactscope {

std::vector<MarkerLabelPlace> place_marker_labels(const std::vector<MarkerLabel>& labels, double plot_left, double plot_right, double gap) {
    std::vector<MarkerLabelPlace> out(labels.size());
    std::vector<std::size_t> by_x(labels.size());
    std::iota(by_x.begin(), by_x.end(), std::size_t{0});
    std::stable_sort(by_x.begin(), by_x.end(), [&](std::size_t a, std::size_t b) { return labels[a].x < labels[b].x; });
    std::vector<std::vector<std::pair<double, double>>> rows;  // per row, the spans its labels take
    for (const std::size_t k : by_x) {
        const MarkerLabel& l = labels[k];
        // Right of the line, unless that runs past the plot and the left side has more room.
        double left = l.x + gap;
        if (left + l.width > plot_right && l.x - gap - l.width >= plot_left) left = l.x - gap - l.width;
        const double right = left + l.width;
        std::size_t row = 0;
        for (; row < rows.size(); ++row)
            if (std::none_of(rows[row].begin(), rows[row].end(), [&](const auto& s) { return left < s.second + gap && s.first < right + gap; })) break;
        if (row == rows.size()) rows.emplace_back();
        rows[row].push_back({left, right});
        out[k] = {left, static_cast<int>(row)};
    }
    return out;
}

}  // namespace pactscope
