// charts.cpp
//
// [SECTION] Context: the chart being built and what was recorded
// [SECTION] Frame: layout, title, one tick routine, legend, hover
// [SECTION] begin / items / end
// [SECTION] Charts with axes of their own: histogram, tornado, horizontal bars, heatmap
#include "charts.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <map>

#include "capture.h"
#include "fonts.h"
#include "icons.h"
#include "io/chart_svg.h"
#include "io/marker_labels.h"
#include "io/text_wrap.h"
#include "io/value_text.h"
#include "uncertainty/stats.h"
#include "widgets.h"

namespace pactscope::ui::charts {

namespace {

constexpr float kRight = 10;
constexpr double kHeadroom = 1.05;  // the y axis ends a little above the highest value

ImU32 with_alpha(ImU32 c, float a) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w = a;
    return ImGui::ColorConvertFloat4ToU32(v);
}
ImU32 text_color() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 dim_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 grid_color() { return with_alpha(ImGui::GetColorU32(ImGuiCol_Border), 0.5f); }

//-----------------------------------------------------------------------------
// [SECTION] Context: the chart being built and what was recorded
//-----------------------------------------------------------------------------

// The frame of a chart: its rectangle, the plot area inside it and the y scale.
struct Frame {
    std::string id;
    ImVec2 outer_min, outer_max, min, max;  // min/max: the plot area
    double y0 = 0, y1 = 1;
    bool flat = false;  // the values had no extent (all equal): the y axis labels that one value only ...
    double flat_at = 0; // ... this one
    int n = 0;  // x points
    bool categories = false;
    bool fit = false;  // Axes::fit
    bool hovered = false;
    ImDrawList* dl = nullptr;

    float x_at(double i) const {
        if (categories) return min.x + static_cast<float>((i + 0.5) / std::max(1, n)) * (max.x - min.x);
        if (n <= 1) return 0.5f * (min.x + max.x);
        return min.x + static_cast<float>(i / (n - 1)) * (max.x - min.x);
    }
    float y_at(double v) const { return max.y - static_cast<float>((v - y0) / (y1 - y0)) * (max.y - min.y); }
    int hovered_index() const {
        if (!hovered || n <= 0) return -1;
        const float mx = ImGui::GetIO().MousePos.x;
        const double t = categories ? static_cast<double>((mx - min.x) / (max.x - min.x)) * n - 0.5
                                    : static_cast<double>((mx - min.x) / (max.x - min.x)) * (n - 1);
        return std::clamp(static_cast<int>(std::lround(t)), 0, n - 1);
    }
};

// Like ImPlot's context: the chart between begin() and end(), and every chart's last record.
struct Context {
    Frame frame;
    RecordedChart chart;
    std::vector<std::pair<double, std::string>> x_marks;  // Axes::x_marks of the chart being drawn
    std::string x_title;  // Axes::x_title of the chart being drawn, as its axis shows it (the record may hold it in full)
    const char* help = nullptr;
    bool open = false;
    std::map<std::string, RecordedChart> recorded;
    // Rows each chart's legend took last frame: the plot starts below them (a legend is drawn after the
    // items it names, so its height is known a frame late; it changes only when the names or width do).
    std::map<std::string, int> legend_rows;
};
constexpr int kMaxLegendRows = 4;
Context g_charts;

//-----------------------------------------------------------------------------
// [SECTION] Frame: layout, title, one tick routine, legend, hover
//-----------------------------------------------------------------------------

// Reserves the chart's rectangle; draws its title (and the right-click menu). A chart scrolled out of
// view is still drawn (ImGui clips it) so that its record holds this frame's numbers — a record left from an
// earlier frame was another deal's once the deal changed, and "Download chart data" gave it under the new deal's
// name. Only a chart in view counts as on screen for the export's pick (capture.h).
void begin_frame(const char* id, const std::string& title, ImVec2 size, Frame& f, const char* help) {
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = 220;
    ImGui::PushID(id);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##chart", size);
    const bool hovered = ImGui::IsItemHovered(), visible = ImGui::IsItemVisible();
    f.id = id;
    f.outer_min = p;
    f.outer_max = ImVec2(p.x + size.x, p.y + size.y);
    if (ImGui::BeginPopupContextItem("##chart_menu")) {
        if (ImGui::MenuItem(PS_ICON_CAMERA "  Download this chart as PNG")) request_capture(f.outer_min, f.outer_max, std::string("pactscope-") + id);
        ImGui::EndPopup();
    }
    ImGui::PopID();
    // While a capture is pending the chart shows no hover read-out: the picture is of the chart, not the mouse.
    f.hovered = hovered && !capture_pending();
    if (visible) note_chart(id, f.outer_min, f.outer_max, hovered);
    f.dl = ImGui::GetWindowDrawList();
    const float line = ImGui::GetTextLineHeight();
    // The title, then a row for the legend, then the plot.
    f.dl->AddText(ImVec2(p.x, p.y), text_color(), title.c_str());
    if (help) {
        const ImVec2 ts = ImGui::CalcTextSize(title.c_str());
        const ImVec2 q(p.x + ts.x + 6, p.y);
        f.dl->AddText(q, dim_color(), "(?)");
        if (ImGui::IsMouseHoveringRect(p, ImVec2(q.x + ImGui::CalcTextSize("(?)").x, p.y + line)) && ImGui::BeginTooltip()) {
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
            wrapped_text(help);
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
    }
    const auto rows = g_charts.legend_rows.find(id);
    const float legend_h = (rows == g_charts.legend_rows.end() ? 1.0f : static_cast<float>(rows->second)) * (line + 2);
    f.min = ImVec2(p.x + 60, p.y + line + legend_h + 6);
    f.max = ImVec2(p.x + size.x - kRight, p.y + size.y - line - 6);
}

void set_range(Frame& f, double lo, double hi) {
    f.flat = lo == hi, f.flat_at = lo;
    if (!(hi > lo)) {
        if (lo == hi) hi = lo == 0 ? 1 : lo + std::fabs(lo) * 0.1, lo = lo == 0 ? 0 : lo - std::fabs(lo) * 0.1;
        else lo = 0, hi = 1;
    }
    f.y0 = lo, f.y1 = hi;
}

// The one tick routine: nice values (1, 2, 2.5, 5 × 10^k) along an axis, each labelled in its unit.
// `vertical`: ticks on the y axis (labels left of the plot, grid lines across); else along x.
// The ticks of an axis from lo to hi. One without extent (lo == hi: every value the same, often all zero) is
// labelled at that value alone: ticks at $0.5 and $1.0 beside bars of $0 would invent a scale.
std::vector<AxisTick> axis_marks(double lo, double hi, int target, Unit unit) {
    if (hi > lo) return axis_ticks(lo, hi, target, unit);
    return {{lo, value_text(lo, value_unit(unit))}};
}

void ticks(Frame& f, double lo, double hi, Unit unit, bool vertical, int target, const std::function<float(double)>& at) {
    for (const AxisTick& tick : axis_marks(lo, hi, target, unit)) {
        const double t = tick.at;
        const std::string& s = tick.label;
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        const float c = at(t);
        if (vertical) {
            f.dl->AddLine(ImVec2(f.min.x, c), ImVec2(f.max.x, c), t == 0 ? dim_color() : grid_color());
            f.dl->AddText(ImVec2(f.min.x - ts.x - 6, c - ts.y * 0.5f), dim_color(), s.c_str());
        } else {
            f.dl->AddLine(ImVec2(c, f.min.y), ImVec2(c, f.max.y), t == 0 ? dim_color() : grid_color());
            f.dl->AddText(ImVec2(c - ts.x * 0.5f, f.max.y + 4), dim_color(), s.c_str());
        }
    }
}

// Widens the left margin to the widest y tick label, then draws the y axis.
void y_axis(Frame& f, Unit unit, const std::string& title) {
    float widest = 0;
    const double lo = f.flat ? f.flat_at : f.y0, hi = f.flat ? f.flat_at : f.y1;
    for (const AxisTick& t : axis_marks(lo, hi, 5, unit)) widest = std::max(widest, ImGui::CalcTextSize(t.label.c_str()).x);
    f.min.x = f.outer_min.x + widest + 10;
    ticks(f, lo, hi, unit, true, 5, [&](double v) { return f.y_at(v); });
    f.dl->AddLine(ImVec2(f.min.x, f.min.y), ImVec2(f.min.x, f.max.y), dim_color());
    if (!title.empty()) {  // above the axis, where a reader looks for the unit
        const float line = ImGui::GetTextLineHeight();
        f.dl->AddText(ImVec2(f.outer_min.x, f.min.y - line - 2), dim_color(), title.c_str());
    }
}

// A label (a row's, an axis title) in at most `width`, cut at a word boundary with an ellipsis, never mid-word.
std::string fit_label(const std::string& label, float width) {
    if (ImGui::CalcTextSize(label.c_str()).x <= width) return label;
    // An input's name, "owner — field": the owner's first word (whose fleet), the end of the owner (which
    // tranche: three tranches of one fleet differ only there) and the field say which input it is, so the
    // owner gives way in its middle: "Broadcom … tranche 5, 2029Q3 — build slip".
    static const std::string kDash = " \xe2\x80\x94 ";
    if (const std::size_t dash = label.rfind(kDash); dash != std::string::npos && dash > 0) {
        const std::string tail = label.substr(dash);
        const std::size_t first_space = label.find(' ');
        const std::string head = first_space < dash ? label.substr(0, first_space) + " \xe2\x80\xa6" : std::string("\xe2\x80\xa6");
        std::string kept;
        for (std::size_t j = dash; j > first_space + 1 && j > 0;) {
            const std::size_t space = label.rfind(' ', j - 1);
            if (space == std::string::npos || space <= first_space) break;
            const std::size_t from = space + 1;
            const std::string next = head + label.substr(from, dash - from) + tail;
            if (ImGui::CalcTextSize(next.c_str()).x > width) break;
            kept = next;
            j = space;
        }
        if (!kept.empty()) return kept;
    }
    std::string out;
    std::size_t i = 0;
    while (i < label.size()) {
        std::size_t j = label.find(' ', i + 1);
        if (j == std::string::npos) j = label.size();
        const std::string next = label.substr(0, j) + "\xe2\x80\xa6";
        if (ImGui::CalcTextSize(next.c_str()).x > width) break;
        out = label.substr(0, j);
        i = j;
    }
    return (out.empty() ? label.substr(0, std::min<std::size_t>(label.size(), 8)) : out) + "\xe2\x80\xa6";
}

// Every how many labels one is drawn so that labels side by side never overlap in `width` pixels.
int label_stride(const std::vector<std::string>& labels, float width) {
    float label_w = 0;
    for (const std::string& s : labels) label_w = std::max(label_w, ImGui::CalcTextSize(s.c_str()).x + 10);
    return std::max(1, static_cast<int>(std::ceil(label_w * static_cast<float>(labels.size()) / std::max(1.0f, width))));
}

// Labels along x: as many as fit, evenly spaced; the axis title at the right end, in at most a third of the
// axis (a swept input's full name, which the chart's title above also gives, is cut so the ticks keep room).
void x_axis(Frame& f, const std::vector<std::string>& x, const std::string& title, const std::vector<std::pair<double, std::string>>& marks) {
    f.dl->AddLine(ImVec2(f.min.x, f.max.y), ImVec2(f.max.x, f.max.y), dim_color());
    float right = f.max.x;
    if (!title.empty()) {
        const std::string shown = fit_label(title, (f.max.x - f.min.x) / 3);
        const ImVec2 ts = ImGui::CalcTextSize(shown.c_str());
        // Beside the labels, right; where that would hide a round value's label (the end of a sweep's range),
        // just above the axis instead, so every mark keeps its label.
        bool above = false;
        for (const auto& [at, label] : marks)
            above = above || f.x_at(at) + ImGui::CalcTextSize(label.c_str()).x * 0.5f > f.max.x - ts.x - 8;
        if (above) {
            right = f.outer_max.x;
            f.dl->AddText(ImVec2(f.max.x - ts.x, f.max.y - ts.y - 2), dim_color(), shown.c_str());
        } else {
            right -= ts.x + 8;
            f.dl->AddText(ImVec2(f.max.x - ts.x, f.max.y + 4), dim_color(), shown.c_str());
        }
    }
    if (!marks.empty()) {  // round values, each with a tick, while they fit left of the title
        float free_x = f.min.x - 9;
        for (const auto& [at, label] : marks) {
            const float x_px = f.x_at(at);
            const ImVec2 ts = ImGui::CalcTextSize(label.c_str());
            const float cx = std::min(x_px - ts.x * 0.5f, f.outer_max.x - ts.x);  // the last label may end at the frame's right edge
            if (cx + ts.x > right) break;
            f.dl->AddLine(ImVec2(x_px, f.max.y), ImVec2(x_px, f.max.y + 3), dim_color());
            const float left = std::max(cx, f.min.x - 8);  // the first label may start at the axis' left end
            if (left < free_x) continue;
            f.dl->AddText(ImVec2(left, f.max.y + 4), dim_color(), label.c_str());
            free_x = left + ts.x + 8;
        }
        return;
    }
    if (x.empty()) return;
    const int every = label_stride(x, f.max.x - f.min.x);
    for (int i = 0; i < static_cast<int>(x.size()); i += every) {
        const ImVec2 ts = ImGui::CalcTextSize(x[static_cast<std::size_t>(i)].c_str());
        const float cx = f.x_at(i) - ts.x * 0.5f;
        if (cx + ts.x > right) break;
        f.dl->AddText(ImVec2(std::max(cx, f.min.x - 8), f.max.y + 4), dim_color(), x[static_cast<std::size_t>(i)].c_str());
    }
}

// Every item's name and colour, in rows above the plot (as many as the names need, up to
// kMaxLegendRows; what does not fit then is counted, "+3 more", and listed on hover).
void legend(const Frame& f, const std::vector<RecordedItem>& items) {
    const float line = ImGui::GetTextLineHeight();
    float x = f.min.x, y = f.outer_min.y + line + 4;
    int rows = 1;
    std::string left_out;
    int left_out_count = 0;
    for (const RecordedItem& it : items) {
        if (it.kind == "marker" || it.name.empty()) continue;
        const ImVec2 ts = ImGui::CalcTextSize(it.name.c_str());
        const bool full = x + ts.x + 20 > f.outer_max.x && x > f.min.x;
        if (left_out_count > 0 || (full && rows == kMaxLegendRows)) {  // once one is left out, so are the rest
            left_out += (left_out.empty() ? "" : "\n") + it.name, ++left_out_count;
            continue;
        }
        if (full) x = f.min.x, y += line + 2, ++rows;  // the next row
        const ImU32 c = it.kind == "band" ? with_alpha(it.color, 0.35f) : it.color;
        if (it.kind == "line" || it.kind == "dashed") f.dl->AddLine(ImVec2(x, y + 8), ImVec2(x + 12, y + 8), c, 2.5f);
        else f.dl->AddRectFilled(ImVec2(x, y + 3), ImVec2(x + 10, y + 13), c);
        f.dl->AddText(ImVec2(x + 16, y), text_color(), it.name.c_str());
        x += ts.x + 30;
    }
    if (left_out_count > 0) {
        const std::string more = "+" + std::to_string(left_out_count) + " more";
        const ImVec2 ts = ImGui::CalcTextSize(more.c_str());
        const ImVec2 at(std::min(x, f.outer_max.x - ts.x), y);
        f.dl->AddText(at, dim_color(), more.c_str());
        if (ImGui::IsMouseHoveringRect(at, ImVec2(at.x + ts.x, at.y + line))) ImGui::SetTooltip("%s", left_out.c_str());
    }
    g_charts.legend_rows[f.id] = rows;
}

void empty_message(const Frame& f, const char* text) {
    const ImVec2 ts = ImGui::CalcTextSize(text);
    f.dl->AddText(ImVec2(0.5f * (f.min.x + f.max.x - ts.x), 0.5f * (f.min.y + f.max.y - ts.y)), dim_color(), text);
}

void dashed_line(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 c, float thickness) {
    for (int k = 0; k < 4; k += 2) {  // two dashes per segment
        const float t0 = static_cast<float>(k) / 4.0f, t1 = static_cast<float>(k + 1) / 4.0f;
        dl->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0), ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), c, thickness);
    }
}

void store(RecordedChart chart) {
    std::string id = chart.id;
    g_charts.recorded[id] = std::move(chart);
}

// A chart drawn by one call: its record with one item.
void record_whole(const char* id, const std::string& title, Unit unit, const std::string& x_title, RecordedItem item) {
    RecordedChart c;
    c.id = id, c.title = title, c.unit = unit, c.x_title = x_title;
    c.items.push_back(std::move(item));
    store(std::move(c));
}

}  // namespace

void record(RecordedChart chart) { store(std::move(chart)); }

ImU32 palette(int i) {
    static const ImU32 colors[] = {IM_COL32(66, 133, 244, 255), IM_COL32(234, 67, 53, 255),  IM_COL32(251, 188, 5, 255),
                                   IM_COL32(52, 168, 83, 255),  IM_COL32(171, 71, 188, 255), IM_COL32(0, 172, 193, 255),
                                   IM_COL32(255, 112, 67, 255), IM_COL32(158, 157, 36, 255),  IM_COL32(92, 107, 192, 255),
                                   IM_COL32(240, 98, 146, 255), IM_COL32(141, 110, 99, 255), IM_COL32(120, 144, 156, 255)};
    static_assert(sizeof colors / sizeof colors[0] == kChartColours);  // the slides' palette, index for index
    return colors[static_cast<unsigned>(i) % kChartColours];
}

void note(const char* id, std::string text) {
    const auto it = g_charts.recorded.find(id);
    if (it != g_charts.recorded.end()) it->second.note = std::move(text);
}

const RecordedChart* recorded(const std::string& id) {
    auto it = g_charts.recorded.find(id);
    return it == g_charts.recorded.end() ? nullptr : &it->second;
}

//-----------------------------------------------------------------------------
// [SECTION] begin / items / end
//-----------------------------------------------------------------------------

bool begin(const char* id, const std::string& title, const Axes& axes, ImVec2 size, const char* help) {
    Context& c = g_charts;
    c.frame = Frame{};
    begin_frame(id, title, size, c.frame, help);
    c.frame.n = static_cast<int>(axes.x.size());
    c.frame.categories = axes.categories;
    c.frame.fit = axes.fit;
    c.chart = RecordedChart{};
    c.chart.id = id, c.chart.title = title, c.chart.unit = axes.unit, c.chart.x = axes.x, c.chart.x_title = axes.x_title_full.empty() ? axes.x_title : axes.x_title_full, c.chart.y_title = axes.y_title;
    c.x_marks = axes.x_marks;
    c.x_title = axes.x_title;
    c.chart.x_values = axes.x_values;
    c.chart.x_marks = axes.x_marks;
    c.help = help;
    c.open = true;
    return true;
}

namespace {
void add_item(const char* kind, const std::string& name, const double* y, const double* y2, int n, ImU32 color) {
    RecordedItem it;
    it.kind = kind, it.name = name, it.color = color;
    if (y) it.y.assign(y, y + std::max(0, n));
    if (y2) it.y2.assign(y2, y2 + std::max(0, n));
    g_charts.chart.items.push_back(std::move(it));
}
}  // namespace

void line(const std::string& name, const double* y, int n, ImU32 color, bool dashed) { add_item(dashed ? "dashed" : "line", name, y, nullptr, n, color); }
void area(const std::string& name, const double* y, int n, ImU32 color) { add_item("area", name, y, nullptr, n, color); }
void bars(const std::string& name, const double* y, int n, ImU32 color) { add_item("bars", name, y, nullptr, n, color); }
void band(const std::string& name, const double* lo, const double* hi, int n, ImU32 color) { add_item("band", name, lo, hi, n, color); }
void marker(const std::string& label, double at, ImU32 color) { add_item("marker", label, &at, nullptr, 1, color); }

void end() {
    Context& c = g_charts;
    if (!c.open) return;
    c.open = false;
    Frame& f = c.frame;
    const auto& items = c.chart.items;
    const std::size_t n = static_cast<std::size_t>(std::max(0, f.n));
    // The y range: every line and band, the stacks of areas (positive) and bars (either side).
    double lo = 0, hi = 0;
    std::vector<double> area_top(n, 0.0), bar_pos(n, 0.0), bar_neg(n, 0.0);
    for (const RecordedItem& it : items)
        for (std::size_t i = 0; i < std::min(n, it.y.size()); ++i) {
            const double v = it.y[i];
            if (std::isnan(v)) continue;
            if (it.kind == "area") area_top[i] += std::max(0.0, v);
            else if (it.kind == "bars") (v >= 0 ? bar_pos[i] : bar_neg[i]) += v;
            else if (it.kind != "marker") lo = std::min(lo, v), hi = std::max(hi, v);
            if (it.kind == "band" && i < it.y2.size()) hi = std::max(hi, it.y2[i]), lo = std::min(lo, it.y2[i]);
        }
    for (std::size_t i = 0; i < n; ++i) hi = std::max({hi, area_top[i], bar_pos[i]}), lo = std::min(lo, bar_neg[i]);
    double fit_lo = HUGE_VAL, fit_hi = -HUGE_VAL;  // Axes::fit: the lines' own span, 5% margin each side
    for (const RecordedItem& it : items)
        for (double v : it.y)
            if (it.kind == "line" && !std::isnan(v)) fit_lo = std::min(fit_lo, v), fit_hi = std::max(fit_hi, v);
    if (f.fit && fit_hi > fit_lo) set_range(f, fit_lo - 0.05 * (fit_hi - fit_lo), fit_hi + 0.05 * (fit_hi - fit_lo));
    else set_range(f, lo < 0 ? lo * kHeadroom : lo, hi > lo ? hi * kHeadroom : lo);  // all equal: set_range spreads them, flat
    y_axis(f, c.chart.unit, c.chart.y_title);
    x_axis(f, c.chart.x, c.x_title, c.x_marks);
    // Items, in call order: bands under lines; areas and bars stacked.
    std::vector<const RecordedItem*> markers;  // drawn with the items; their labels last, over every line
    std::vector<MarkerLabel> marker_labels;
    std::vector<double> area_base(n, 0.0), pos(n, 0.0), neg(n, 0.0);
    const float slot = (f.max.x - f.min.x) / std::max(1.0f, static_cast<float>(n));
    for (const RecordedItem& it : items) {
        const std::size_t m = std::min(n, it.y.size());
        if (it.kind == "band") {
            for (std::size_t i = 0; i + 1 < std::min(m, it.y2.size()); ++i) {
                const ImVec2 quad[4] = {ImVec2(f.x_at(static_cast<double>(i)), f.y_at(it.y[i])), ImVec2(f.x_at(static_cast<double>(i)), f.y_at(it.y2[i])),
                                        ImVec2(f.x_at(static_cast<double>(i + 1)), f.y_at(it.y2[i + 1])),
                                        ImVec2(f.x_at(static_cast<double>(i + 1)), f.y_at(it.y[i + 1]))};
                f.dl->AddConvexPolyFilled(quad, 4, with_alpha(it.color, 0.3f));
            }
        } else if (it.kind == "area") {
            for (std::size_t i = 0; i + 1 < m; ++i) {
                const double a0 = area_base[i], a1 = area_base[i + 1], b0 = a0 + std::max(0.0, it.y[i]), b1 = a1 + std::max(0.0, it.y[i + 1]);
                const ImVec2 quad[4] = {ImVec2(f.x_at(static_cast<double>(i)), f.y_at(a0)), ImVec2(f.x_at(static_cast<double>(i)), f.y_at(b0)),
                                        ImVec2(f.x_at(static_cast<double>(i + 1)), f.y_at(b1)), ImVec2(f.x_at(static_cast<double>(i + 1)), f.y_at(a1))};
                f.dl->AddConvexPolyFilled(quad, 4, with_alpha(it.color, 0.75f));
                f.dl->AddLine(quad[1], quad[2], it.color, 1.5f);
            }
            for (std::size_t i = 0; i < m; ++i) area_base[i] += std::max(0.0, it.y[i]);
        } else if (it.kind == "bars") {
            for (std::size_t i = 0; i < m; ++i) {
                if (it.y[i] == 0 || std::isnan(it.y[i])) continue;
                double& acc = it.y[i] >= 0 ? pos[i] : neg[i];
                const double from = acc;
                acc += it.y[i];
                const float x0 = f.min.x + slot * (static_cast<float>(i) + 0.15f), x1 = x0 + slot * 0.7f;
                f.dl->AddRectFilled(ImVec2(x0, f.y_at(std::max(from, acc))), ImVec2(x1, f.y_at(std::min(from, acc))), it.color);
            }
        } else if (it.kind == "line" || it.kind == "dashed") {
            for (std::size_t i = 0; i + 1 < m; ++i) {
                if (std::isnan(it.y[i]) || std::isnan(it.y[i + 1])) continue;
                const ImVec2 a(f.x_at(static_cast<double>(i)), f.y_at(it.y[i])), b(f.x_at(static_cast<double>(i + 1)), f.y_at(it.y[i + 1]));
                if (it.kind == "line") f.dl->AddLine(a, b, it.color, 2.0f);
                else dashed_line(f.dl, a, b, it.color, 2.0f);
            }
        } else if (it.kind == "marker" && !it.y.empty()) {
            const float x = f.x_at(it.y[0]);
            dashed_line(f.dl, ImVec2(x, f.min.y), ImVec2(x, f.max.y), it.color, 1.5f);
            markers.push_back(&it);
            marker_labels.push_back({x, ImGui::CalcTextSize(it.name.c_str()).x});
        }
    }
    // Marker labels after every line, each beside its own marker on the first row where it covers no other
    // (marker_labels.h; a slide places them the same way), on a backing so lines do not run through them.
    const std::vector<MarkerLabelPlace> places = place_marker_labels(marker_labels, f.min.x, f.max.x, 4);
    for (std::size_t k = 0; k < markers.size(); ++k) {
        const ImVec2 at(static_cast<float>(places[k].left), f.min.y + 2 + (ImGui::GetTextLineHeight() + 2) * static_cast<float>(places[k].row));
        f.dl->AddRectFilled(ImVec2(at.x - 2, at.y), ImVec2(at.x + static_cast<float>(marker_labels[k].width) + 2, at.y + ImGui::GetTextLineHeight()),
                            with_alpha(ImGui::GetColorU32(ImGuiCol_ChildBg), 0.85f));
        f.dl->AddText(at, markers[k]->color, markers[k]->name.c_str());
    }
    legend(f, items);
    // The hover read-out: every item's value at the point under the mouse.
    if (const int i = f.hovered_index(); i >= 0) {
        f.dl->AddLine(ImVec2(f.x_at(i), f.min.y), ImVec2(f.x_at(i), f.max.y), with_alpha(text_color(), 0.35f));
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(static_cast<std::size_t>(i) < c.chart.x.size() ? c.chart.x[static_cast<std::size_t>(i)].c_str() : "");
        double stacked = 0;
        int stacks = 0;
        for (const RecordedItem& it : items) {
            if (it.kind == "marker" || static_cast<std::size_t>(i) >= it.y.size()) continue;
            ImGui::ColorButton(("##" + it.name).c_str(), ImGui::ColorConvertU32ToFloat4(it.color), ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
            ImGui::SameLine();
            const double v = it.y[static_cast<std::size_t>(i)];
            if (it.kind == "band" && static_cast<std::size_t>(i) < it.y2.size())
                ImGui::Text("%s: %s to %s", it.name.c_str(), format_value(v, c.chart.unit).c_str(), format_value(it.y2[static_cast<std::size_t>(i)], c.chart.unit).c_str());
            else
                ImGui::Text("%s: %s", it.name.c_str(), format_value(v, c.chart.unit).c_str());
            if (it.kind == "area" || it.kind == "bars") stacked += v, ++stacks;
        }
        if (stacks > 1) ImGui::Text("Total: %s", format_value(stacked, c.chart.unit).c_str());
        ImGui::EndTooltip();
    }
    store(std::move(c.chart));
}

//-----------------------------------------------------------------------------
// [SECTION] Charts with axes of their own: histogram, tornado, horizontal bars, heatmap
//-----------------------------------------------------------------------------

void histogram(const char* id, const std::string& title, const double* samples, std::int64_t n, Unit unit, const std::string& x_title, ImVec2 size) {
    Frame f;
    begin_frame(id, title, size, f, nullptr);
    std::vector<double> v;
    for (std::int64_t i = 0; i < n; ++i)
        if (!std::isnan(samples[i])) v.push_back(samples[i]);
    if (v.empty()) {
        empty_message(f, "No samples yet");
        return;
    }
    std::sort(v.begin(), v.end());
    const double lo = v.front(), hi = v.back();
    const int bins = 40;
    std::vector<double> count(bins, 0.0);
    const double w = hi > lo ? (hi - lo) / bins : 1;
    for (double x : v) ++count[static_cast<std::size_t>(std::clamp(static_cast<int>((x - lo) / w), 0, bins - 1))];
    const double peak = *std::max_element(count.begin(), count.end());
    set_range(f, 0, peak * 1.1);
    f.min.x = f.outer_min.x + 10;
    auto px = [&](double x) { return f.min.x + static_cast<float>((x - lo) / (hi > lo ? hi - lo : 1)) * (f.max.x - f.min.x); };
    ticks(f, lo, hi, unit, false, 5, px);
    f.dl->AddLine(ImVec2(f.min.x, f.max.y), ImVec2(f.max.x, f.max.y), dim_color());
    if (!x_title.empty()) {
        const ImVec2 ts = ImGui::CalcTextSize(x_title.c_str());
        f.dl->AddText(ImVec2(f.max.x - ts.x, f.outer_min.y + ImGui::GetTextLineHeight() + 4), dim_color(), x_title.c_str());
    }
    const float bw = (f.max.x - f.min.x) / bins;
    for (int b = 0; b < bins; ++b)
        f.dl->AddRectFilled(ImVec2(f.min.x + bw * static_cast<float>(b) + 1, f.y_at(count[static_cast<std::size_t>(b)])),
                            ImVec2(f.min.x + bw * static_cast<float>(b + 1) - 1, f.max.y), with_alpha(palette(0), 0.8f));
    // The same percentiles as the Monte Carlo summaries (type 7 on the sorted samples).
    const double probs[] = {0.1, 0.5, 0.9};
    double q[3];
    std::vector<double> scratch = v;
    percentiles_inplace(scratch.data(), static_cast<std::int64_t>(scratch.size()), probs, 3, q);
    const char* const names[] = {"P10", "P50", "P90"};
    for (int k = 0; k < 3; ++k) {
        const float x = px(q[k]);
        f.dl->AddLine(ImVec2(x, f.min.y), ImVec2(x, f.max.y), palette(1), 1.5f);
        const std::string s = std::string(names[k]) + " " + format_value(q[k], unit);
        f.dl->AddText(ImVec2(x + 3, f.min.y + ImGui::GetTextLineHeight() * static_cast<float>(k % 2)), text_color(), s.c_str());
    }
    if (f.hovered) {
        const int b = std::clamp(static_cast<int>((ImGui::GetIO().MousePos.x - f.min.x) / bw), 0, bins - 1);
        ImGui::SetTooltip("%s to %s: %.0f trials (%.1f%%)", format_value(lo + w * b, unit).c_str(), format_value(lo + w * (b + 1), unit).c_str(),
                          count[static_cast<std::size_t>(b)], 100.0 * count[static_cast<std::size_t>(b)] / static_cast<double>(v.size()));
    }
    RecordedItem item{"histogram", "trials per bin", count, {}, {}, palette(0)};
    for (int b = 0; b < bins; ++b) item.labels.push_back(format_value(lo + w * b, unit) + " to " + format_value(lo + w * (b + 1), unit));
    record_whole(id, title, Unit::plain, x_title, std::move(item));
}

// The names of a chart of one bar a row (hbars, tornado), each on one line or, when longer than `label_w`, two
// ("revenue share: OpenAI → Microsoft" / "Azure"), so no name is cut to "revenue share: Op…" (only a third
// line's worth would be); every row is then two lines tall.
struct RowNames {
    std::vector<std::vector<std::string>> lines;
    bool two_lines = false;
    float row_height() const { return two_lines ? 2 * ImGui::GetTextLineHeight() + 12 : 26.0f; }
};

RowNames row_names(const std::vector<std::string>& names, float label_w) {
    const auto width_of = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
    RowNames out;
    for (const std::string& name : names) {
        const TwoLines wrapped = wrap_in_two(name, label_w - 12, width_of);
        std::vector<std::string> lines = {std::string(wrapped.first)};
        if (!wrapped.second.empty()) lines.emplace_back(wrapped.second);
        out.two_lines = out.two_lines || lines.size() > 1;
        out.lines.push_back(std::move(lines));
    }
    return out;
}

// Row k's name, its lines from y0 down, each cut only if a single word is wider than the column.
void draw_row_name(const Frame& f, const RowNames& names, std::size_t k, float y0, float label_w) {
    for (std::size_t l = 0; l < names.lines[k].size(); ++l)
        f.dl->AddText(ImVec2(f.outer_min.x, y0 + ImGui::GetTextLineHeight() * static_cast<float>(l)), text_color(),
                      fit_label(names.lines[k][l], label_w - 12).c_str());
}

void tornado(const char* id, const std::string& title, double base, const std::vector<TornadoRow>& rows, Unit unit, ImVec2 size) {
    // The names' column takes up to 45% of the width (320 px at most); a longer name takes two lines
    // ("Broadcom accelerator fleet (owned) tranche 5," / "2029Q4 — build slip") rather than being cut.
    // As wide as begin_frame will make the plot's span (the frame less its right margin), so the names are
    // wrapped at the width they are drawn at.
    const float avail = (size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x) - kRight;
    const float label_w = std::min(320.0f, avail * 0.45f);
    std::vector<std::string> labels;
    for (const TornadoRow& r : rows) labels.push_back(r.label);
    const RowNames names = row_names(labels, label_w);
    if (size.y <= 0) size.y = (names.two_lines ? names.row_height() : 24.0f) * static_cast<float>(std::max<std::size_t>(rows.size(), 1)) +
                              ImGui::GetTextLineHeight() * 3 + 20;
    Frame f;
    begin_frame(id, title, size, f, nullptr);
    if (rows.empty()) {
        empty_message(f, "No uncertain input moves this metric");
        return;
    }
    double lo = base, hi = base;
    for (const TornadoRow& r : rows) lo = std::min({lo, r.low, r.high}), hi = std::max({hi, r.low, r.high});
    f.min.x = f.outer_min.x + label_w;
    auto px = [&](double x) { return f.min.x + static_cast<float>((x - lo) / (hi > lo ? hi - lo : 1)) * (f.max.x - f.min.x); };
    ticks(f, lo, hi, unit, false, 4, px);
    const float row_h = (f.max.y - f.min.y) / static_cast<float>(rows.size());
    int hovered = -1;
    RecordedItem low{"tornado", "input at P10", {}, {}, {}, palette(0)};
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const TornadoRow& r = rows[k];
        const float y0 = f.min.y + row_h * static_cast<float>(k) + 3, y1 = y0 + row_h - 6;
        const float xb = px(base);
        f.dl->AddRectFilled(ImVec2(std::min(xb, px(r.low)), y0), ImVec2(std::max(xb, px(r.low)), y1), palette(0));   // input at P10
        f.dl->AddRectFilled(ImVec2(std::min(xb, px(r.high)), y0), ImVec2(std::max(xb, px(r.high)), y1), palette(1)); // input at P90
        draw_row_name(f, names, k, y0, label_w);
        if (f.hovered && ImGui::GetIO().MousePos.y >= y0 && ImGui::GetIO().MousePos.y < y1) hovered = static_cast<int>(k);
        low.y.push_back(r.low), low.y2.push_back(r.high), low.labels.push_back(r.label);
    }
    f.dl->AddLine(ImVec2(px(base), f.min.y), ImVec2(px(base), f.max.y), text_color());
    legend(f, {{"bars", "input at P10", {}, {}, {}, palette(0)}, {"bars", "input at P90", {}, {}, {}, palette(1)}});
    if (hovered >= 0) {
        const TornadoRow& r = rows[static_cast<std::size_t>(hovered)];
        ImGui::SetTooltip("%s\ninput at P10: %s\ninput at P90: %s\nbase (all medians): %s", r.label.c_str(), format_value(r.low, unit).c_str(),
                          format_value(r.high, unit).c_str(), format_value(base, unit).c_str());
    }
    record_whole(id, title, unit, "", std::move(low));
    g_charts.recorded[id].bars_from = base;
}

void hbars(const char* id, const std::string& title, const std::vector<Bar>& rows, Unit unit, ImVec2 size) {
    // The labels' column takes up to 40% of the width; a longer label takes two lines (row_names).
    const float avail = (size.x > 0 ? size.x : ImGui::GetContentRegionAvail().x) - kRight;  // the plot's span, as begin_frame makes it
    float label_w = 60;
    std::vector<std::string> labels;
    for (const Bar& b : rows) label_w = std::max(label_w, ImGui::CalcTextSize(b.label.c_str()).x + 12), labels.push_back(b.label);
    label_w = std::min(label_w, avail * 0.4f);
    const RowNames names = row_names(labels, label_w);
    if (size.y <= 0) size.y = names.row_height() * static_cast<float>(std::max<std::size_t>(rows.size(), 1)) + ImGui::GetTextLineHeight() * 3 + 20;
    Frame f;
    begin_frame(id, title, size, f, nullptr);
    double lo = 0, hi = 0;
    for (const Bar& b : rows) lo = std::min({lo, b.value, b.low}), hi = std::max({hi, b.value, b.high});
    const bool flat = !(hi > lo);  // every bar 0: the axis says $0 only
    if (flat) hi = lo + 1;
    f.min.x = f.outer_min.x + label_w;
    // Room for the value labels beside the bars' ends: the longest bar may end at the range's edge.
    float value_w = 0;
    for (const Bar& b : rows) value_w = std::max(value_w, ImGui::CalcTextSize(format_value(b.value, unit).c_str()).x + 8);
    const double span = hi - lo, plot_w = std::max(1.0f, f.max.x - f.min.x - 2 * value_w);
    const double pad = span * value_w / plot_w;
    if (hi > 0) hi += pad;
    if (lo < 0) lo -= pad;
    auto px = [&](double x) { return f.min.x + static_cast<float>((x - lo) / (hi - lo)) * (f.max.x - f.min.x); };
    ticks(f, flat ? 0.0 : lo, flat ? 0.0 : hi, unit, false, 4, px);
    const float row_h = (f.max.y - f.min.y) / static_cast<float>(std::max<std::size_t>(rows.size(), 1));
    RecordedItem item{"hbar", title, {}, {}, {}, palette(0)};
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const Bar& b = rows[k];
        const float y0 = f.min.y + row_h * static_cast<float>(k) + 4, y1 = y0 + row_h - 8;
        const ImU32 colour = b.color ? b.color : palette(static_cast<int>(k));
        f.dl->AddRectFilled(ImVec2(std::min(px(0), px(b.value)), y0), ImVec2(std::max(px(0), px(b.value)), y1), colour);
        item.colors.push_back(colour);
        const bool whisker = b.low != b.value || b.high != b.value;
        if (whisker) {  // along the bar's lower edge, under the value written beside the bar's end
            const float ym = y1 + 1.5f;
            f.dl->AddLine(ImVec2(px(b.low), ym), ImVec2(px(b.high), ym), text_color(), 1.5f);
            f.dl->AddLine(ImVec2(px(b.low), ym - 4), ImVec2(px(b.low), ym + 3), text_color(), 1.5f);
            f.dl->AddLine(ImVec2(px(b.high), ym - 4), ImVec2(px(b.high), ym + 3), text_color(), 1.5f);
        }
        draw_row_name(f, names, k, y0, label_w);
        // The value beside the bar's own end, above the whisker's line: written beyond a long whisker it read as
        // the whisker's end (OpenAI's $566B at the $1.25T mark).
        const std::string v = format_value(b.value, unit);
        const float text_y = std::max(y0 - 2, y1 - ImGui::GetTextLineHeight() - 1);
        f.dl->AddText(ImVec2(px(b.value) + (b.value >= 0 ? 4.0f : -4.0f - ImGui::CalcTextSize(v.c_str()).x), text_y), text_color(), v.c_str());
        if (f.hovered && ImGui::GetIO().MousePos.y >= y0 && ImGui::GetIO().MousePos.y < y1) {
            if (whisker)
                ImGui::SetTooltip("%s: %s (P10 %s, P90 %s)", b.label.c_str(), v.c_str(), format_value(b.low, unit).c_str(), format_value(b.high, unit).c_str());
            else
                ImGui::SetTooltip("%s: %s", b.label.c_str(), v.c_str());
        }
        item.y.push_back(b.value), item.labels.push_back(b.label);
        item.low.push_back(whisker ? b.low : std::numeric_limits<double>::quiet_NaN());
        item.high.push_back(whisker ? b.high : std::numeric_limits<double>::quiet_NaN());
    }
    if (std::all_of(item.low.begin(), item.low.end(), [](double v) { return std::isnan(v); })) item.low.clear(), item.high.clear();
    f.dl->AddLine(ImVec2(px(0), f.min.y), ImVec2(px(0), f.max.y), text_color());
    record_whole(id, title, unit, "", std::move(item));
}

void heatmap(const char* id, const std::string& title, const Axes& axes, const std::vector<std::string>& y, const std::vector<double>& values,
             const std::vector<int>* best, const std::vector<std::string>* names, ImVec2 size) {
    Frame f;
    begin_frame(id, title, size, f, nullptr);
    const std::vector<std::string>& x = axes.x;
    const int n0 = static_cast<int>(x.size()), n1 = std::max<int>(1, static_cast<int>(y.size()));
    if (n0 == 0 || values.size() < static_cast<std::size_t>(n0) * static_cast<std::size_t>(n1)) {
        empty_message(f, "Choose inputs to sweep");
        return;
    }
    f.min.x = f.outer_min.x + 80;
    double lo = INFINITY, hi = -INFINITY;
    for (double v : values)
        if (!std::isnan(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    const float cw = (f.max.x - f.min.x) / static_cast<float>(n0), ch = (f.max.y - f.min.y) / static_cast<float>(n1);
    int hover_i = -1, hover_j = -1;
    for (int i = 0; i < n0; ++i)
        for (int j = 0; j < n1; ++j) {
            const double v = values[static_cast<std::size_t>(i) * static_cast<std::size_t>(n1) + static_cast<std::size_t>(j)];
            ImU32 c;
            if (best && names) {
                const int b = (*best)[static_cast<std::size_t>(i) * static_cast<std::size_t>(n1) + static_cast<std::size_t>(j)];
                c = b < 0 ? dim_color() : with_alpha(palette(b), 0.85f);
            } else {
                const float t = std::isnan(v) || !(hi > lo) ? 0.5f : static_cast<float>((v - lo) / (hi - lo));
                c = ImGui::ColorConvertFloat4ToU32(ImVec4(0.15f + 0.8f * t, 0.35f + 0.3f * (1 - std::fabs(2 * t - 1)), 0.95f - 0.8f * t, 1));
            }
            const ImVec2 a(f.min.x + cw * static_cast<float>(i), f.max.y - ch * static_cast<float>(j + 1));
            const ImVec2 b(a.x + cw - 1, a.y + ch - 1);
            f.dl->AddRectFilled(a, b, c);
            if (f.hovered && ImGui::IsMouseHoveringRect(a, b)) hover_i = i, hover_j = j;
        }
    const int every_x = label_stride(x, f.max.x - f.min.x);
    for (int i = 0; i < n0; i += every_x) {
        const ImVec2 ts = ImGui::CalcTextSize(x[static_cast<std::size_t>(i)].c_str());
        f.dl->AddText(ImVec2(f.min.x + cw * (static_cast<float>(i) + 0.5f) - ts.x * 0.5f, f.max.y + 4), dim_color(), x[static_cast<std::size_t>(i)].c_str());
    }
    const int every_y = std::max(1, static_cast<int>(std::ceil(18.0f * static_cast<float>(n1) / (f.max.y - f.min.y))));
    for (int j = 0; j < static_cast<int>(y.size()); j += every_y) {
        const ImVec2 ts = ImGui::CalcTextSize(y[static_cast<std::size_t>(j)].c_str());
        f.dl->AddText(ImVec2(f.min.x - ts.x - 6, f.max.y - ch * (static_cast<float>(j) + 0.5f) - ts.y * 0.5f), dim_color(), y[static_cast<std::size_t>(j)].c_str());
    }
    if (best && names) {
        std::vector<RecordedItem> items;
        for (std::size_t k = 0; k < names->size(); ++k) items.push_back({"bars", (*names)[k], {}, {}, {}, palette(static_cast<int>(k))});
        legend(f, items);
    } else {
        const std::string s = "from " + format_value(lo, axes.unit) + " (blue) to " + format_value(hi, axes.unit) + " (red)";
        f.dl->AddText(ImVec2(f.min.x, f.outer_min.y + ImGui::GetTextLineHeight() + 4), text_color(), s.c_str());
    }
    if (hover_i >= 0) {
        const std::size_t cell = static_cast<std::size_t>(hover_i) * static_cast<std::size_t>(n1) + static_cast<std::size_t>(hover_j);
        std::string tip = x[static_cast<std::size_t>(hover_i)] + (y.empty() ? "" : ", " + y[static_cast<std::size_t>(hover_j)]) + ": " + format_value(values[cell], axes.unit);
        if (best && names) {
            const int b = (*best)[cell];
            tip += "\nbest: " + (b < 0 ? std::string("none") : (*names)[static_cast<std::size_t>(b)]);
        }
        ImGui::SetTooltip("%s", tip.c_str());
    }
    RecordedChart c;
    c.id = id, c.title = title, c.unit = axes.unit, c.x = x, c.x_title = axes.x_title, c.y_title = axes.y_title;
    for (int j = 0; j < n1; ++j) {
        RecordedItem row{"cell", j < static_cast<int>(y.size()) ? y[static_cast<std::size_t>(j)] : title, {}, {}, {}, 0};
        for (int i = 0; i < n0; ++i) row.y.push_back(values[static_cast<std::size_t>(i) * static_cast<std::size_t>(n1) + static_cast<std::size_t>(j)]);
        c.items.push_back(std::move(row));
    }
    store(std::move(c));
}

}  // namespace pactscope::ui::charts
