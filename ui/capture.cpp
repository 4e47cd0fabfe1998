#include "capture.h"

#include <algorithm>
#include <vector>

namespace pactscope::ui {

namespace {

struct ChartRect {
    std::string id;
    ImVec2 min, max;
    float seen = 1;  // the share of its area inside its window's view (scrolled partly out: less)
};

std::int64_t g_frame = 0;
std::vector<ChartRect> g_drawn, g_previous;  // this frame's charts, last frame's
std::string g_last_hovered;
std::optional<CaptureRequest> g_pending;

}  // namespace

void captures_begin_frame(std::int64_t frame) {
    g_frame = frame;
    g_previous.swap(g_drawn);
    g_drawn.clear();
}

void note_chart(const char* id, ImVec2 min, ImVec2 max, bool hovered) {
    const ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 lo = dl->GetClipRectMin(), hi = dl->GetClipRectMax();
    const float w = std::max(0.0f, std::min(max.x, hi.x) - std::max(min.x, lo.x)), h = std::max(0.0f, std::min(max.y, hi.y) - std::max(min.y, lo.y));
    const float area = (max.x - min.x) * (max.y - min.y);
    g_drawn.push_back({id, min, max, area > 0 ? w * h / area : 0.0f});
    if (hovered) g_last_hovered = id;
}

void request_capture(ImVec2 min, ImVec2 max, const std::string& name) { g_pending = CaptureRequest{min, max, name, g_frame}; }

namespace {
// Called between frames (the page's buttons): the charts on screen are those of the last frame.
const ChartRect* current_chart() {
    const std::vector<ChartRect>& on_screen = g_drawn.empty() ? g_previous : g_drawn;
    if (on_screen.empty()) return nullptr;
    // The chart pointed at while at least half of it is in view; else the one most in view (a chart scrolled
    // nearly out above the one the user reads is not the one meant).
    const ChartRect* pick = &on_screen.front();
    for (const ChartRect& c : on_screen)
        if (c.seen > pick->seen) pick = &c;
    for (const ChartRect& c : on_screen)
        if (c.id == g_last_hovered && c.seen >= 0.5f) pick = &c;
    return pick;
}
}  // namespace

bool request_current_chart(const std::string& name_prefix) {
    const ChartRect* pick = current_chart();
    if (!pick) return false;
    request_capture(pick->min, pick->max, name_prefix + "-" + pick->id);
    return true;
}

std::string current_chart_id() {
    const ChartRect* pick = current_chart();
    return pick ? pick->id : std::string();
}

bool capture_pending() { return g_pending.has_value(); }

std::optional<CaptureRequest> due_capture(std::int64_t frame_just_rendered) {
    if (!g_pending || frame_just_rendered <= g_pending->frame) return std::nullopt;
    std::optional<CaptureRequest> r = std::move(g_pending);
    g_pending.reset();
    return r;
}

}  // namespace pactscope::ui
