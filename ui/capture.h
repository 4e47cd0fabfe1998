// capture.h — "download this chart as PNG": which rectangle of the screen to save.
//
// What it is: charts report their rectangles as they are drawn (note_chart), a
// chart's context menu or the page's "Chart PNG" button asks for one
// (request_capture / request_current_chart), and the platform, after rendering
// the next frame, reads those pixels and saves them (due_capture). While a
// capture is pending, charts draw no hover read-out, so the picture shows the
// chart and not the mouse.
// What it is not: pixels or files (platform/web_main.cpp reads the framebuffer;
// the shell encodes and downloads the PNG).
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "imgui.h"

namespace pactscope::ui {

struct CaptureRequest {
    ImVec2 min, max;    // CSS pixels, canvas coordinates
    std::string name;   // file name without extension
    std::int64_t frame = 0;
};

void captures_begin_frame(std::int64_t frame);
// Charts in view call this once per frame as they are drawn; `hovered`: the mouse is over it.
void note_chart(const char* id, ImVec2 min, ImVec2 max, bool hovered);
void request_capture(ImVec2 min, ImVec2 max, const std::string& name);
// The chart the user last pointed at, if at least half of it is still in view, else the chart most in view.
bool request_current_chart(const std::string& name_prefix);
// The id of that chart ("" when none is on screen): what "Download chart for slides" and "… data" export.
std::string current_chart_id();
bool capture_pending();
// After a frame was rendered: the request, once a whole frame has been drawn since it was made.
std::optional<CaptureRequest> due_capture(std::int64_t frame_just_rendered);

}  // namespace pactscope::ui
