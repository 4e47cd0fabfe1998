// charts.cpp
//
// [SECTION] Frame: layout, axes, legend, hover
// [SECTION] Time series: stacked area, stacked bars, lines, fan
// [SECTION] Distributions: histogram, tornado, bars
// [SECTION] Grids: heatmap and regime map
#include "charts.h"

#include "capture.h"
#include "icons.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace pactscope::ui::charts {

namespace {

constexpr float kLeft = 64, kBottom = 22, kTop = 22, kRight = 10;

ImU32 with_alpha(ImU32 c, float a) {
    ImVec4 v = ImGui::ColorConvertU32ToFloat4(c);
    v.w = a;
    return ImGui::ColorConvertFloat4ToU32(v);
}

ImU32 text_color() { return ImGui::GetColorU32(ImGuiCol_Text); }
ImU32 dim_color() { return ImGui::GetColorU32(ImGuiCol_TextDisabled); }
ImU32 grid_color() { return with_alpha(ImGui::GetColorU32(ImGuiCol_Border), 0.5f); }

//-----------------------------------------------------------------------------
// [SECTION] Frame: layout, axes, legend, hover
//-----------------------------------------------------------------------------

struct Frame {
    ImVec2 outer_min, outer_max, min, max;  // min/max: the plot area
    double y0 = 0, y1 = 1;
    int n = 0;                               // x points
    bool hovered = false;
    ImDrawList* dl = nullptr;

    float x_at(double i) const {
        if (n <= 1) return 0.5f * (min.x + max.x);
        return min.x + static_cast<float>(i / (n - 1)) * (max.x - min.x);
    }
    float y_at(double v) const { return max.y - static_cast<float>((v - y0) / (y1 - y0)) * (max.y - min.y); }
    int hovered_index() const {
        if (!hovered || n <= 0) return -1;
        const float mx = ImGui::GetIO().MousePos.x;
        if (n == 1) return 0;
        const double t = static_cast<double>((mx - min.x) / (max.x - min.x)) * (n - 1);
        return std::clamp(static_cast<int>(std::lround(t)), 0, n - 1);
    }
};

// Reserves the widget's rectangle and returns its frame; false when clipped away.
bool begin(const char* id, ImVec2 size, Frame& f) {
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = 220;
    ImGui::PushID(id);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("##chart", size);
    const bool hovered = ImGui::IsItemHovered();
    f.outer_min = p;
    f.outer_max = ImVec2(p.x + size.x, p.y + size.y);
    if (ImGui::BeginPopupContextItem("##chart_menu")) {
        if (ImGui::MenuItem(PS_ICON_CAMERA "  Download this chart as PNG"))
            request_capture(ImVec2(f.outer_min.x, f.outer_min.y - ImGui::GetTextLineHeightWithSpacing()), f.outer_max, std::string("pactscope-") + id);
        ImGui::EndPopup();
    }
    ImGui::PopID();
    // While a capture is pending the chart shows no hover read-out: the picture is of the chart, not the mouse.
    f.hovered = hovered && !capture_pending();
    // The line above a chart is its title (every caller writes one): it belongs in the picture.
    note_chart(id, ImVec2(f.outer_min.x, f.outer_min.y - ImGui::GetTextLineHeightWithSpacing()), f.outer_max, hovered);
    f.min = ImVec2(p.x + kLeft, p.y + kTop);
    f.max = ImVec2(p.x + size.x - kRight, p.y + size.y - kBottom);
    f.dl = ImGui::GetWindowDrawList();
    return ImGui::IsItemVisible();
}

void set_range(Frame& f, double lo, double hi) {
    if (!(hi > lo)) {
        if (lo == hi) hi = lo == 0 ? 1 : lo + std::fabs(lo) * 0.1, lo = lo == 0 ? 0 : lo - std::fabs(lo) * 0.1;
        else lo = 0, hi = 1;
    }
    f.y0 = lo, f.y1 = hi;
}

void y_axis(Frame& f, Unit unit) {
    const auto ticks = nice_ticks(f.y0, f.y1, 5);
    float widest = 0;  // the plot starts right of the widest tick label
    for (double t : ticks) widest = std::max(widest, ImGui::CalcTextSize(format_value(t, unit).c_str()).x);
    f.min.x = f.outer_min.x + widest + 10;
    for (double t : ticks) {
        const float y = f.y_at(t);
        f.dl->AddLine(ImVec2(f.min.x, y), ImVec2(f.max.x, y), t == 0 ? dim_color() : grid_color());
        const std::string s = format_value(t, unit);
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        f.dl->AddText(ImVec2(f.min.x - ts.x - 6, y - ts.y * 0.5f), dim_color(), s.c_str());
    }
    f.dl->AddLine(ImVec2(f.min.x, f.min.y), ImVec2(f.min.x, f.max.y), dim_color());
}

void x_axis(Frame& f, const std::vector<std::string>& x, bool centered_bars) {
    if (x.empty()) return;
    const float width = f.max.x - f.min.x;
    const float label_w = ImGui::CalcTextSize(x[0].c_str()).x + 10;
    const int every = std::max(1, static_cast<int>(std::ceil(label_w * static_cast<float>(x.size()) / std::max(1.0f, width))));
    for (int i = 0; i < static_cast<int>(x.size()); i += every) {
        const float cx = centered_bars ? f.min.x + (static_cast<float>(i) + 0.5f) * width / static_cast<float>(x.size()) : f.x_at(i);
        const ImVec2 ts = ImGui::CalcTextSize(x[i].c_str());
        f.dl->AddText(ImVec2(cx - ts.x * 0.5f, f.max.y + 4), dim_color(), x[i].c_str());
    }
    f.dl->AddLine(ImVec2(f.min.x, f.max.y), ImVec2(f.max.x, f.max.y), dim_color());
}

void legend(const Frame& f, const std::vector<Series>& series) {
    float x = f.min.x;
    const float y = f.outer_min.y + 3;
    for (const Series& s : series) {
        const ImVec2 ts = ImGui::CalcTextSize(s.label.c_str());
        if (x + ts.x + 20 > f.outer_max.x) break;
        f.dl->AddRectFilled(ImVec2(x, y + 3), ImVec2(x + 10, y + 13), s.color);
        f.dl->AddText(ImVec2(x + 14, y), text_color(), s.label.c_str());
        x += ts.x + 28;
    }
}

// Tooltip with each series' value at the hovered index (and their sum when stacked).
void hover_readout(const Frame& f, const std::vector<std::string>& x, const std::vector<Series>& series, Unit unit, bool stacked,
                   bool centered_bars) {
    int i = -1;
    if (f.hovered && centered_bars && f.n > 0) {
        const float w = (f.max.x - f.min.x) / static_cast<float>(f.n);
        i = std::clamp(static_cast<int>((ImGui::GetIO().MousePos.x - f.min.x) / w), 0, f.n - 1);
    } else {
        i = f.hovered_index();
    }
    if (i < 0) return;
    const float cx = centered_bars ? f.min.x + (static_cast<float>(i) + 0.5f) * (f.max.x - f.min.x) / static_cast<float>(f.n) : f.x_at(i);
    f.dl->AddLine(ImVec2(cx, f.min.y), ImVec2(cx, f.max.y), with_alpha(text_color(), 0.35f));
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(i < static_cast<int>(x.size()) ? x[i].c_str() : "");
    double sum = 0;
    for (const Series& s : series) {
        if (i >= s.n) continue;
        ImGui::ColorButton(("##" + s.label).c_str(), ImGui::ColorConvertU32ToFloat4(s.color), ImGuiColorEditFlags_NoTooltip, ImVec2(10, 10));
        ImGui::SameLine();
        ImGui::Text("%s: %s", s.label.c_str(), format_value(s.y[i], unit).c_str());
        sum += s.y[i];
    }
    if (stacked && series.size() > 1) ImGui::Text("Total: %s", format_value(sum, unit).c_str());
    ImGui::EndTooltip();
}

void empty_message(const Frame& f, const char* text) {
    const ImVec2 ts = ImGui::CalcTextSize(text);
    f.dl->AddText(ImVec2(0.5f * (f.min.x + f.max.x - ts.x), 0.5f * (f.min.y + f.max.y - ts.y)), dim_color(), text);
}

}  // namespace

ImU32 palette(int i) {
    static const ImU32 colors[] = {IM_COL32(66, 133, 244, 255), IM_COL32(234, 67, 53, 255),  IM_COL32(251, 188, 5, 255),
                                   IM_COL32(52, 168, 83, 255),  IM_COL32(171, 71, 188, 255), IM_COL32(0, 172, 193, 255),
                                   IM_COL32(255, 112, 67, 255), IM_COL32(158, 157, 36, 255),  IM_COL32(92, 107, 192, 255),
                                   IM_COL32(240, 98, 146, 255)};
    return colors[static_cast<unsigned>(i) % (sizeof colors / sizeof colors[0])];
}

//-----------------------------------------------------------------------------
// [SECTION] Time series: stacked area, stacked bars, lines, fan
//-----------------------------------------------------------------------------

void stacked_area(const char* id, const std::vector<std::string>& x, const std::vector<Series>& series, Unit unit, ImVec2 size) {
    Frame f;
    if (!begin(id, size, f)) return;
    f.n = static_cast<int>(x.size());
    std::vector<double> top(x.size(), 0.0);
    for (const Series& s : series)
        for (int i = 0; i < std::min(s.n, f.n); ++i) top[i] += std::max(0.0, s.y[i]);
    const double hi = top.empty() ? 1 : *std::max_element(top.begin(), top.end());
    set_range(f, 0, hi > 0 ? hi * 1.05 : 1);
    y_axis(f, unit);
    x_axis(f, x, false);
    std::vector<double> base(x.size(), 0.0);
    for (const Series& s : series) {
        for (int i = 0; i + 1 < std::min(s.n, f.n); ++i) {
            const double a0 = base[i], a1 = base[i + 1];
            const double b0 = a0 + std::max(0.0, s.y[i]), b1 = a1 + std::max(0.0, s.y[i + 1]);
            const ImVec2 quad[4] = {ImVec2(f.x_at(i), f.y_at(a0)), ImVec2(f.x_at(i), f.y_at(b0)), ImVec2(f.x_at(i + 1), f.y_at(b1)),
                                    ImVec2(f.x_at(i + 1), f.y_at(a1))};
            f.dl->AddConvexPolyFilled(quad, 4, with_alpha(s.color, 0.75f));
            f.dl->AddLine(quad[1], quad[2], s.color, 1.5f);
        }
        for (int i = 0; i < std::min(s.n, f.n); ++i) base[i] += std::max(0.0, s.y[i]);
    }
    legend(f, series);
    hover_readout(f, x, series, unit, true, false);
}

void stacked_bars(const char* id, const std::vector<std::string>& x, const std::vector<Series>& series, Unit unit, ImVec2 size) {
    Frame f;
    if (!begin(id, size, f)) return;
    f.n = static_cast<int>(x.size());
    double lo = 0, hi = 0;
    for (int i = 0; i < f.n; ++i) {
        double pos = 0, neg = 0;
        for (const Series& s : series)
            if (i < s.n) (s.y[i] >= 0 ? pos : neg) += s.y[i];
        hi = std::max(hi, pos), lo = std::min(lo, neg);
    }
    set_range(f, lo * 1.05, hi > 0 ? hi * 1.05 : 1);
    y_axis(f, unit);
    x_axis(f, x, true);
    const float w = (f.max.x - f.min.x) / std::max(1.0f, static_cast<float>(f.n));
    for (int i = 0; i < f.n; ++i) {
        double pos = 0, neg = 0;
        const float x0 = f.min.x + w * static_cast<float>(i) + w * 0.15f, x1 = x0 + w * 0.7f;
        for (const Series& s : series) {
            if (i >= s.n || s.y[i] == 0) continue;
            double& acc = s.y[i] >= 0 ? pos : neg;
            const double from = acc;
            acc += s.y[i];
            f.dl->AddRectFilled(ImVec2(x0, f.y_at(std::max(from, acc))), ImVec2(x1, f.y_at(std::min(from, acc))), s.color);
        }
    }
    legend(f, series);
    hover_readout(f, x, series, unit, true, true);
}

void lines(const char* id, const std::vector<std::string>& x, const std::vector<Series>& series, Unit unit, ImVec2 size) {
    Frame f;
    if (!begin(id, size, f)) return;
    f.n = static_cast<int>(x.size());
    double lo = 0, hi = 0;
    for (const Series& s : series)
        for (int i = 0; i < std::min(s.n, f.n); ++i) lo = std::min(lo, s.y[i]), hi = std::max(hi, s.y[i]);
    set_range(f, lo, hi > lo ? hi * 1.05 : lo + 1);
    y_axis(f, unit);
    x_axis(f, x, false);
    for (const Series& s : series)
        for (int i = 0; i + 1 < std::min(s.n, f.n); ++i) {
            const ImVec2 a(f.x_at(i), f.y_at(s.y[i])), b(f.x_at(i + 1), f.y_at(s.y[i + 1]));
            if (!s.dashed) {
                f.dl->AddLine(a, b, s.color, 2.0f);
                continue;
            }
            for (int k = 0; k < 4; k += 2) {  // two dashes per segment
                const float t0 = static_cast<float>(k) / 4.0f, t1 = static_cast<float>(k + 1) / 4.0f;
                f.dl->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0), ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1),
                              s.color, 2.0f);
            }
        }
    legend(f, series);
    hover_readout(f, x, series, unit, false, false);
}

void fan(const char* id, const std::vector<std::string>& x, const std::vector<double>& p10, const std::vector<double>& p50,
         const std::vector<double>& p90, const std::vector<double>& det, Unit unit, ImVec2 size) {
    Frame f;
    if (!begin(id, size, f)) return;
    f.n = static_cast<int>(x.size());
    const ImU32 band = palette(0), mid = palette(0), d = palette(1);
    std::vector<Series> legend_items = {{"P10\xe2\x80\x93P90", nullptr, 0, with_alpha(band, 0.3f)}, {"P50", p50.data(), static_cast<int>(p50.size()), mid},
                                        {"Deterministic", det.data(), static_cast<int>(det.size()), d}};
    double hi = 0, lo = 0;
    for (const auto* v : {&p10, &p50, &p90, &det})
        for (double y : *v) hi = std::max(hi, y), lo = std::min(lo, y);
    set_range(f, lo, hi > lo ? hi * 1.05 : lo + 1);
    y_axis(f, unit);
    x_axis(f, x, false);
    const int n = std::min({f.n, static_cast<int>(p10.size()), static_cast<int>(p90.size())});
    for (int i = 0; i + 1 < n; ++i) {
        const ImVec2 quad[4] = {ImVec2(f.x_at(i), f.y_at(p10[i])), ImVec2(f.x_at(i), f.y_at(p90[i])), ImVec2(f.x_at(i + 1), f.y_at(p90[i + 1])),
                                ImVec2(f.x_at(i + 1), f.y_at(p10[i + 1]))};
        f.dl->AddConvexPolyFilled(quad, 4, with_alpha(band, 0.3f));
    }
    for (int i = 0; i + 1 < std::min(f.n, static_cast<int>(p50.size())); ++i)
        f.dl->AddLine(ImVec2(f.x_at(i), f.y_at(p50[i])), ImVec2(f.x_at(i + 1), f.y_at(p50[i + 1])), mid, 2.0f);
    for (int i = 0; i + 1 < std::min(f.n, static_cast<int>(det.size())); ++i)
        f.dl->AddLine(ImVec2(f.x_at(i), f.y_at(det[i])), ImVec2(f.x_at(i + 1), f.y_at(det[i + 1])), d, 1.5f);
    legend(f, legend_items);
    if (int i = f.hovered_index(); i >= 0 && i < n) {
        f.dl->AddLine(ImVec2(f.x_at(i), f.min.y), ImVec2(f.x_at(i), f.max.y), with_alpha(text_color(), 0.35f));
        ImGui::BeginTooltip();
        ImGui::TextUnformatted(x[i].c_str());
        ImGui::Text("P90: %s", format_value(p90[i], unit).c_str());
        if (i < static_cast<int>(p50.size())) ImGui::Text("P50: %s", format_value(p50[i], unit).c_str());
        ImGui::Text("P10: %s", format_value(p10[i], unit).c_str());
        if (i < static_cast<int>(det.size())) ImGui::Text("Deterministic: %s", format_value(det[i], unit).c_str());
        ImGui::EndTooltip();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Distributions: histogram, tornado, bars
//-----------------------------------------------------------------------------

void histogram(const char* id, const double* samples, std::int64_t n, Unit unit, ImVec2 size) {
    Frame f;
    if (!begin(id, size, f)) return;
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
    std::vector<int> count(bins, 0);
    const double w = hi > lo ? (hi - lo) / bins : 1;
    for (double x : v) ++count[std::clamp(static_cast<int>((x - lo) / w), 0, bins - 1)];
    const int peak = *std::max_element(count.begin(), count.end());
    set_range(f, 0, peak * 1.1);
    // x axis in value units
    const auto ticks = nice_ticks(lo, hi > lo ? hi : lo + 1, 5);
    auto px = [&](double x) { return f.min.x + static_cast<float>((x - lo) / (hi > lo ? hi - lo : 1)) * (f.max.x - f.min.x); };
    for (double t : ticks) {
        const std::string s = format_value(t, unit);
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        f.dl->AddText(ImVec2(px(t) - ts.x * 0.5f, f.max.y + 4), dim_color(), s.c_str());
    }
    f.dl->AddLine(ImVec2(f.min.x, f.max.y), ImVec2(f.max.x, f.max.y), dim_color());
    const float bw = (f.max.x - f.min.x) / bins;
    for (int b = 0; b < bins; ++b)
        f.dl->AddRectFilled(ImVec2(f.min.x + bw * static_cast<float>(b) + 1, f.y_at(count[b])), ImVec2(f.min.x + bw * static_cast<float>(b + 1) - 1, f.max.y),
                            with_alpha(palette(0), 0.8f));
    auto q = [&](double p) { return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))]; };
    const struct { const char* name; double p; } marks[] = {{"P10", 0.1}, {"P50", 0.5}, {"P90", 0.9}};
    for (const auto& m : marks) {
        const float x = px(q(m.p));
        f.dl->AddLine(ImVec2(x, f.min.y), ImVec2(x, f.max.y), palette(1), 1.5f);
        const std::string s = std::string(m.name) + " " + format_value(q(m.p), unit);
        f.dl->AddText(ImVec2(x + 3, f.min.y - 16), text_color(), s.c_str());
    }
    if (f.hovered) {
        const int b = std::clamp(static_cast<int>((ImGui::GetIO().MousePos.x - f.min.x) / bw), 0, bins - 1);
        ImGui::SetTooltip("%s to %s: %d trials (%.1f%%)", format_value(lo + w * b, unit).c_str(), format_value(lo + w * (b + 1), unit).c_str(),
                          count[b], 100.0 * count[b] / static_cast<double>(v.size()));
    }
}

void tornado(const char* id, double base, const std::vector<TornadoRow>& rows, Unit unit, ImVec2 size) {
    if (size.y <= 0) size.y = 24.0f * static_cast<float>(std::max<std::size_t>(rows.size(), 1)) + kTop + kBottom;
    Frame f;
    if (!begin(id, size, f)) return;
    if (rows.empty()) {
        empty_message(f, "No uncertain input moves this metric");
        return;
    }
    double lo = base, hi = base;
    for (const TornadoRow& r : rows) lo = std::min({lo, r.low, r.high}), hi = std::max({hi, r.low, r.high});
    const float label_w = 220;
    f.min.x = f.outer_min.x + label_w;
    auto px = [&](double x) { return f.min.x + static_cast<float>((x - lo) / (hi > lo ? hi - lo : 1)) * (f.max.x - f.min.x); };
    for (double t : nice_ticks(lo, hi > lo ? hi : lo + 1, 4)) {
        const std::string s = format_value(t, unit);
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        f.dl->AddText(ImVec2(px(t) - ts.x * 0.5f, f.max.y + 4), dim_color(), s.c_str());
        f.dl->AddLine(ImVec2(px(t), f.min.y), ImVec2(px(t), f.max.y), grid_color());
    }
    const float row_h = (f.max.y - f.min.y) / static_cast<float>(rows.size());
    int hovered = -1;
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const TornadoRow& r = rows[k];
        const float y0 = f.min.y + row_h * static_cast<float>(k) + 3, y1 = y0 + row_h - 6;
        const float xb = px(base);
        f.dl->AddRectFilled(ImVec2(std::min(xb, px(r.low)), y0), ImVec2(std::max(xb, px(r.low)), y1), palette(0));   // input at P10
        f.dl->AddRectFilled(ImVec2(std::min(xb, px(r.high)), y0), ImVec2(std::max(xb, px(r.high)), y1), palette(1)); // input at P90
        std::string label = r.label;
        // Keep the end of a long JSON pointer (the field name), dropping characters from the front.
        std::size_t cut = 0;
        while (cut + 4 < r.label.size() && ImGui::CalcTextSize(label.c_str()).x > label_w - 10) label = "..." + r.label.substr(++cut);
        f.dl->AddText(ImVec2(f.outer_min.x, y0), text_color(), label.c_str());
        if (f.hovered && ImGui::GetIO().MousePos.y >= y0 && ImGui::GetIO().MousePos.y < y1) hovered = static_cast<int>(k);
    }
    f.dl->AddLine(ImVec2(px(base), f.min.y), ImVec2(px(base), f.max.y), text_color());
    legend(f, {{"input at P10", nullptr, 0, palette(0)}, {"input at P90", nullptr, 0, palette(1)}});
    if (hovered >= 0) {
        const TornadoRow& r = rows[hovered];
        ImGui::SetTooltip("%s\ninput at P10: %s\ninput at P90: %s\nbase (all medians): %s", r.label.c_str(), format_value(r.low, unit).c_str(),
                          format_value(r.high, unit).c_str(), format_value(base, unit).c_str());
    }
}

void bars(const char* id, const std::vector<Bar>& rows, Unit unit, ImVec2 size) {
    if (size.y <= 0) size.y = 26.0f * static_cast<float>(std::max<std::size_t>(rows.size(), 1)) + kTop + kBottom;
    Frame f;
    if (!begin(id, size, f)) return;
    double lo = 0, hi = 0;
    for (const Bar& b : rows) lo = std::min({lo, b.value, b.low}), hi = std::max({hi, b.value, b.high});
    if (!(hi > lo)) hi = lo + 1;
    const double pad = 0.12 * (hi - lo);  // room for the value labels beside the bars
    if (hi > 0) hi += pad;
    if (lo < 0) lo -= pad;
    const float label_w = 170;
    f.min.x = f.outer_min.x + label_w;
    auto px = [&](double x) { return f.min.x + static_cast<float>((x - lo) / (hi - lo)) * (f.max.x - f.min.x); };
    for (double t : nice_ticks(lo, hi, 4)) {
        const std::string s = format_value(t, unit);
        const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
        f.dl->AddText(ImVec2(px(t) - ts.x * 0.5f, f.max.y + 4), dim_color(), s.c_str());
        f.dl->AddLine(ImVec2(px(t), f.min.y), ImVec2(px(t), f.max.y), grid_color());
    }
    const float row_h = (f.max.y - f.min.y) / static_cast<float>(std::max<std::size_t>(rows.size(), 1));
    for (std::size_t k = 0; k < rows.size(); ++k) {
        const Bar& b = rows[k];
        const float y0 = f.min.y + row_h * static_cast<float>(k) + 4, y1 = y0 + row_h - 8;
        f.dl->AddRectFilled(ImVec2(std::min(px(0), px(b.value)), y0), ImVec2(std::max(px(0), px(b.value)), y1), b.color ? b.color : palette(static_cast<int>(k)));
        if (b.low != b.value || b.high != b.value) {
            const float ym = 0.5f * (y0 + y1);
            f.dl->AddLine(ImVec2(px(b.low), ym), ImVec2(px(b.high), ym), text_color(), 1.5f);
            f.dl->AddLine(ImVec2(px(b.low), y0 + 3), ImVec2(px(b.low), y1 - 3), text_color(), 1.5f);
            f.dl->AddLine(ImVec2(px(b.high), y0 + 3), ImVec2(px(b.high), y1 - 3), text_color(), 1.5f);
        }
        f.dl->AddText(ImVec2(f.outer_min.x, y0), text_color(), b.label.c_str());
        const std::string v = format_value(b.value, unit);
        f.dl->AddText(ImVec2(px(b.value) + (b.value >= 0 ? 4.0f : -4.0f - ImGui::CalcTextSize(v.c_str()).x), y0), text_color(), v.c_str());
        if (f.hovered && ImGui::GetIO().MousePos.y >= y0 && ImGui::GetIO().MousePos.y < y1) {
            if (b.low != b.value || b.high != b.value)
                ImGui::SetTooltip("%s: %s (P10 %s, P90 %s)", b.label.c_str(), v.c_str(), format_value(b.low, unit).c_str(), format_value(b.high, unit).c_str());
            else
                ImGui::SetTooltip("%s: %s", b.label.c_str(), v.c_str());
        }
    }
    f.dl->AddLine(ImVec2(px(0), f.min.y), ImVec2(px(0), f.max.y), text_color());
}

//-----------------------------------------------------------------------------
// [SECTION] Grids: heatmap and regime map
//-----------------------------------------------------------------------------

void heatmap(const char* id, const std::vector<std::string>& x, const std::vector<std::string>& y, const std::vector<double>& values,
             Unit unit, const std::vector<int>* best, const std::vector<std::string>* names, ImVec2 size) {
    Frame f;
    if (!begin(id, size, f)) return;
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
            const double v = values[static_cast<std::size_t>(i) * n1 + j];
            ImU32 c;
            if (best && names) {
                const int b = (*best)[static_cast<std::size_t>(i) * n1 + j];
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
    const int every_x = std::max(1, static_cast<int>(std::ceil(60.0f * static_cast<float>(n0) / (f.max.x - f.min.x))));
    for (int i = 0; i < n0; i += every_x) {
        const ImVec2 ts = ImGui::CalcTextSize(x[i].c_str());
        f.dl->AddText(ImVec2(f.min.x + cw * (static_cast<float>(i) + 0.5f) - ts.x * 0.5f, f.max.y + 4), dim_color(), x[i].c_str());
    }
    const int every_y = std::max(1, static_cast<int>(std::ceil(18.0f * static_cast<float>(n1) / (f.max.y - f.min.y))));
    for (int j = 0; j < static_cast<int>(y.size()); j += every_y) {
        const ImVec2 ts = ImGui::CalcTextSize(y[j].c_str());
        f.dl->AddText(ImVec2(f.min.x - ts.x - 6, f.max.y - ch * (static_cast<float>(j) + 0.5f) - ts.y * 0.5f), dim_color(), y[j].c_str());
    }
    if (best && names) {
        std::vector<Series> items;
        for (std::size_t k = 0; k < names->size(); ++k) items.push_back({(*names)[k], nullptr, 0, palette(static_cast<int>(k))});
        legend(f, items);
    } else {
        const std::string s = "from " + format_value(lo, unit) + " (blue) to " + format_value(hi, unit) + " (red)";
        f.dl->AddText(ImVec2(f.min.x, f.outer_min.y + 3), text_color(), s.c_str());
    }
    if (hover_i >= 0) {
        const double v = values[static_cast<std::size_t>(hover_i) * n1 + hover_j];
        std::string tip = x[hover_i] + (y.empty() ? "" : ", " + y[hover_j]) + ": " + format_value(v, unit);
        if (best && names) {
            const int b = (*best)[static_cast<std::size_t>(hover_i) * n1 + hover_j];
            tip += "\nbest: " + (b < 0 ? std::string("none") : (*names)[b]);
        }
        ImGui::SetTooltip("%s", tip.c_str());
    }
}

}  // namespace pactscope::ui::charts
