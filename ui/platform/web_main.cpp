// web_main.cpp — the browser platform: the only file that sees Emscripten, GLFW and GL.
//
// [SECTION] Canvas, pixel ratio and fonts
// [SECTION] Clipboard, text input, touch and the idle gate
// [SECTION] Frame
// [SECTION] What the page API needs (web_platform.h; the API itself is web_api.cpp)
// [SECTION] Start
//
// The frame loop runs with emscripten_set_main_loop (never a blocking loop) and
// renders ImGui with WebGL2. Layout is in CSS pixels; the canvas backing store
// is CSS size × devicePixelRatio and the fonts are rasterised at that ratio, so
// the page is crisp on HiDPI screens (GLFW in Emscripten 3.1.6 ignores the ratio:
// DEVELOPING §7). An idle gate pauses the loop when nothing happens: it
// renders only after input, a resize, a call from the shell, or while the
// Monte Carlo runs — an idle tab costs no CPU; awake, it skips frames that
// would show nothing new (quiet frames, below).
#include <emscripten.h>
#include <emscripten/html5.h>
#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "app.h"
#include "capture.h"
#include "fonts.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_internal.h"  // the input event queue: the idle gate waits until it is empty
#include "theme.h"
#include "web_platform.h"
#include "imgui_impl_opengl3.h"

namespace {

using pactscope::ui::App;

GLFWwindow* g_window = nullptr;
std::unique_ptr<App> g_app;
std::uint64_t g_notified_revision = ~0ull;
std::int64_t g_notified_trials = -1;
std::string g_notified_history;
std::string g_clipboard;        // what ImGui copies and pastes (mirrored to the system clipboard)
float g_font_scale = 0;         // the pixel ratio the font atlas was rasterised for

// Idle gate: render until this time (ms) after the last input; the loop is paused afterwards.
constexpr double kAwakeAfterInputMs = 1000;  // covers ImGui's tooltip delay and popup settling
double g_awake_until_ms = 0;
bool g_paused = false, g_was_busy = false;
std::int64_t g_ticks = 0;  // main-loop callbacks, rendered or not (the idle test reads both)

// Quiet frames. Awake but with nothing new — the few frames after input drawn, no edit, no resize, nothing
// asked of the loop — a frame would show what the last one showed; it is drawn only every kQuietFrameMs (so
// ImGui's timers, the tooltip delay, still advance). A browser drawing WebGL in software spends ~70 ms of
// CPU on each frame of this page (measured: headless Chromium, 1400×900), which the Monte Carlo's workers
// need (issue 17; README "Performance").
constexpr int kSettleFrames = 3;       // frames drawn after input whatever else (a popup sizes itself over two)
constexpr double kQuietFrameMs = 200;
int g_settle_frames = 0;
double g_last_drawn_ms = -1e9;
bool g_draw_asked = false;              // draw_once(): the next frame is drawn
std::uint64_t g_drawn_revision = ~0ull;
int g_drawn_w = 0, g_drawn_h = 0;

//-----------------------------------------------------------------------------
// [SECTION] Canvas, pixel ratio and fonts
//-----------------------------------------------------------------------------

// Sizes the backing store to CSS size × devicePixelRatio and tells GLFW the CSS size (which it
// would otherwise take from the backing store, and request fullscreen when it equals the screen's).
// Returns the ratio.
EM_JS(double, js_fit_canvas, (), {
    var c = Module['canvas'];
    var dpr = window.devicePixelRatio || 1;
    var r = c.getBoundingClientRect();
    var bw = Math.max(1, Math.round(r.width * dpr)), bh = Math.max(1, Math.round(r.height * dpr));
    if (c.width != bw || c.height != bh) { c.width = bw; c.height = bh; }
    if (GLFW.active) { GLFW.active.width = Math.max(1, r.width); GLFW.active.height = Math.max(1, r.height); }
    return dpr;
});

// Mouse positions in CSS pixels (Emscripten's GLFW reports backing-store pixels, which would be
// off by the pixel ratio). Touch is handled by the shell (ps_touch), so GLFW's touch path is unused.
EM_JS(void, js_install_pointer, (), {
    Browser.calculateMouseEvent = function(event) {
        if (!event || typeof event.clientX != 'number') return;
        var r = Module['canvas'].getBoundingClientRect();
        var x = event.clientX - r.left, y = event.clientY - r.top;
        Browser.mouseMovementX = x - Browser.mouseX;
        Browser.mouseMovementY = y - Browser.mouseY;
        Browser.mouseX = x;
        Browser.mouseY = y;
    };
});

// Rasterises the fonts for a pixel ratio. The first time, the renderer uploads the atlas itself
// (its device objects do not exist yet); afterwards (a zoom, a move to another screen) it is replaced.
void build_fonts(float scale) {
    const bool replace = g_font_scale > 0;
    if (replace) ImGui_ImplOpenGL3_DestroyFontsTexture();
    const pactscope::ui::Fonts& f = pactscope::ui::load_fonts("/fonts/", scale);
    if (f.loaded < 4) std::printf("pactscope: %d of 4 fonts found; using the built-in font for the rest\n", f.loaded);
    if (replace) ImGui_ImplOpenGL3_CreateFontsTexture();
    g_font_scale = scale;
}

//-----------------------------------------------------------------------------
// [SECTION] Clipboard, text input, touch and the idle gate
//-----------------------------------------------------------------------------

EM_JS(void, js_clipboard_write, (const char* text), {
    if (window.pactscopeShell) window.pactscopeShell.copied(UTF8ToString(text));
});

// Where the text field being edited is (ImGui's IME data, sent when it changes): the page keeps the
// keyboard focus on a text area there while one is, so text without key events reaches the field.
EM_JS(void, js_text_input, (int on, float x, float y, float line_height), {
    if (window.pactscopeShell) window.pactscopeShell.textInput(on != 0, x, y, line_height);
});

void set_ime_data(ImGuiViewport*, ImGuiPlatformImeData* data) {
    js_text_input(data->WantVisible ? 1 : 0, data->InputPos.x, data->InputPos.y, data->InputLineHeight);
}

void set_clipboard(void*, const char* text) {
    g_clipboard = text ? text : "";
    js_clipboard_write(g_clipboard.c_str());
}
const char* get_clipboard(void*) { return g_clipboard.c_str(); }

void resume() {
    if (g_paused) {
        g_paused = false;
        emscripten_resume_main_loop();
    }
}

// The idle gate: past the awake time and with nothing to do, the loop pauses until resume().
void pause_when_idle(bool busy) {
    if (!busy && emscripten_get_now() > g_awake_until_ms) {
        g_paused = true;
        emscripten_pause_main_loop();
    }
}

void wake() {
    g_settle_frames = kSettleFrames;  // a call from the shell counts as input
    g_awake_until_ms = emscripten_get_now() + kAwakeAfterInputMs;
    resume();
}

void draw_asked() {
    g_draw_asked = true;
    resume();
}

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

EM_JS(int, js_today_quarter, (), { var d = new Date(); return d.getFullYear() * 4 + Math.floor(d.getMonth() / 3); });
EM_JS(void, js_scenario_changed, (const char* text, const char* preset), {
    if (window.pactscopeShell) window.pactscopeShell.scenarioChanged(UTF8ToString(text), UTF8ToString(preset));
});
EM_JS(void, js_summary_changed, (const char* text), {
    if (window.pactscopeShell) window.pactscopeShell.summaryChanged(UTF8ToString(text));
});
EM_JS(void, js_history_changed, (int undo_steps, int redo_steps), {
    if (window.pactscopeShell) window.pactscopeShell.historyChanged(undo_steps, redo_steps);
});
EM_JS(void, js_page_request, (const char* what), {
    if (window.pactscopeShell) window.pactscopeShell.request(UTF8ToString(what));
});
EM_JS(void, js_first_frame, (), { if (window.pactscopeShell) window.pactscopeShell.firstFrame(); });
EM_JS(void, js_deliver_png, (const unsigned char* rgba, int w, int h, const char* name), {
    if (window.pactscopeShell) window.pactscopeShell.savePixels(HEAPU8.slice(rgba, rgba + w * h * 4), w, h, UTF8ToString(name));
});

// Reads a captured chart from the framebuffer right after rendering (before the browser composites
// and clears it), flipped to top-down rows for the shell's PNG encoder.
void deliver_capture(const pactscope::ui::CaptureRequest& req, int fb_w, int fb_h, float scale) {
    const int x0 = std::max(0, static_cast<int>(std::floor(req.min.x * scale)));
    const int y0 = std::max(0, static_cast<int>(std::floor(req.min.y * scale)));
    const int x1 = std::min(fb_w, static_cast<int>(std::ceil(req.max.x * scale)));
    const int y1 = std::min(fb_h, static_cast<int>(std::ceil(req.max.y * scale)));
    if (x1 <= x0 || y1 <= y0) return;
    const int w = x1 - x0, h = y1 - y0;
    std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * 4), rows(px.size());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x0, fb_h - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
    const std::size_t stride = static_cast<std::size_t>(w) * 4;
    for (int y = 0; y < h; ++y) std::copy_n(px.data() + static_cast<std::size_t>(h - 1 - y) * stride, stride, rows.data() + y * stride);
    for (std::size_t i = 3; i < rows.size(); i += 4) rows[i] = 255;  // opaque, as on screen
    js_deliver_png(rows.data(), w, h, req.name.c_str());
}

void notify_shell(bool first) {
    if (g_app->revision() != g_notified_revision) {
        g_notified_revision = g_app->revision();
        js_scenario_changed(g_app->scenario_text().c_str(), g_app->model().preset_id().c_str());
    }
    const std::int64_t done = g_app->model().summary().trials_done;
    if (first || done != g_notified_trials) {
        g_notified_trials = done;
        js_summary_changed(g_app->summary_text().c_str());
    }
    const std::string history = std::to_string(g_app->undo_steps()) + "/" + std::to_string(g_app->history().redo_steps());
    if (history != g_notified_history) {
        g_notified_history = history;
        js_history_changed(static_cast<int>(g_app->undo_steps()), static_cast<int>(g_app->history().redo_steps()));
    }
    const std::string request = g_app->take_page_request();
    if (!request.empty()) js_page_request(request.c_str());
}

// Starts an ImGui frame; returns the framebuffer scale.
float begin_imgui_frame(float dpr, int fb_w, int fb_h) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DeltaTime = std::max(io.DeltaTime, 1e-4f);  // input frames may share a timestamp
    const float scale = io.DisplaySize.x > 0 ? static_cast<float>(fb_w) / io.DisplaySize.x : dpr;
    io.DisplayFramebufferScale = ImVec2(scale, io.DisplaySize.y > 0 ? static_cast<float>(fb_h) / io.DisplaySize.y : dpr);
    ImGui::NewFrame();
    return scale;
}

// ImGui takes fast input a little per frame (a key and its character on separate frames), which at
// the page's frame rate makes fast typing or a paste lag by seconds. While input is queued, the UI
// takes it in frames that are built but not drawn (a millisecond each), so text arrives whole.
constexpr int kMaxInputFrames = 24;

void frame() {
    ++g_ticks;
    const float dpr = static_cast<float>(js_fit_canvas());
    if (dpr != g_font_scale) build_fonts(dpr);
    glfwPollEvents();
    int fb_w = 1, fb_h = 1;
    emscripten_get_canvas_element_size("#canvas", &fb_w, &fb_h);
    const double now = emscripten_get_now();
    if (GImGui->InputEventsQueue.Size > 0) g_settle_frames = kSettleFrames;
    const bool quiet = g_app->ready() && !g_draw_asked && !g_was_busy && !g_app->busy() && !pactscope::ui::capture_pending() &&
                       g_settle_frames == 0 && now - g_last_drawn_ms < kQuietFrameMs &&
                       g_app->revision() == g_drawn_revision && fb_w == g_drawn_w && fb_h == g_drawn_h;
    if (quiet) {
        pause_when_idle(false);
        return;
    }
    // While the summary tasks work (web_summary_tasks.cpp), a frame that nothing asks for — no input, no edit, no
    // resize — waits up to kQuietFrameMs as a quiet one would, even while a view computes in frames: the browser
    // runs one task between two frames, so with a frame drawn every tick a 4 ms task came every 30–100 ms and a
    // comparison of four deals took 7 s instead of 0.5 s (timing.mjs, the Compare tab). Not while trials run in
    // the frames themselves (no workers).
    const bool trials_in_frames = g_app->model().trials_at() == pactscope::ui::AppModel::TrialsAt::here && g_app->model().monte_carlo_running();
    const bool summary_first = g_app->ready() && !g_draw_asked && g_settle_frames == 0 && GImGui->InputEventsQueue.Size == 0 && !trials_in_frames &&
                               g_app->summary_work_due(now) && now - g_last_drawn_ms < kQuietFrameMs && g_app->revision() == g_drawn_revision &&
                               fb_w == g_drawn_w && fb_h == g_drawn_h;
    if (summary_first) return;
    g_draw_asked = false;
    g_last_drawn_ms = now;
    if (g_settle_frames > 0) --g_settle_frames;
    // What this frame draws; an edit made while it is built (typed numbers applied after the panels are
    // drawn) changes the revision again, so the next frame is drawn too.
    g_drawn_revision = g_app->revision();
    g_drawn_w = fb_w;
    g_drawn_h = fb_h;
    if (g_app->ready())
        for (int i = 0; i < kMaxInputFrames && GImGui->InputEventsQueue.Size > 0; ++i) {
            begin_imgui_frame(dpr, fb_w, fb_h);
            g_app->input_frame();
            ImGui::EndFrame();
        }
    const float scale = begin_imgui_frame(dpr, fb_w, fb_h);
    const bool first = !g_app->ready();
    g_app->frame();
    ImGui::Render();
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (auto req = pactscope::ui::due_capture(g_app->frames() - 1)) deliver_capture(*req, fb_w, fb_h, scale);
    notify_shell(first);
    pactscope::ui::web::sync_worker_runs();
    pactscope::ui::web::schedule_summary();
    if (first) js_first_frame();

    // The idle gate. The frame after the Monte Carlo finishes still shows the last partial
    // percentiles, so the end of work counts as an event. ImGui takes queued input a little per
    // frame (a key and its character on separate frames), so the loop runs until the queue is
    // empty: text typed or pasted at any speed arrives whole without further input.
    const bool input_queued = GImGui->InputEventsQueue.Size > 0;
    const bool busy = g_app->busy() || pactscope::ui::capture_pending() || input_queued;
    if (g_was_busy && !busy) wake();
    g_was_busy = busy;
    pause_when_idle(busy);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] What the page API needs (web_platform.h)
//-----------------------------------------------------------------------------

namespace pactscope::ui::web {

App& app() { return *g_app; }
void wake() { ::wake(); }
void draw_once() { ::draw_asked(); }
void set_paste_text(std::string text) { g_clipboard = std::move(text); }
nlohmann::json loop_stats() {
    const ImFont* font = ImGui::GetIO().FontDefault;  // its size in texels: rasterised at the pixel ratio
    return {{"ticks", g_ticks}, {"paused", g_paused}, {"pixel_ratio", g_font_scale}, {"font_texel_px", font ? font->FontSize : 0.0f}};
}

}  // namespace pactscope::ui::web

//-----------------------------------------------------------------------------
// [SECTION] Start
//-----------------------------------------------------------------------------

int main() {
    if (!glfwInit()) {
        std::puts("pactscope: glfwInit failed");
        return 1;
    }
    glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    g_window = glfwCreateWindow(1280, 720, "PactScope", nullptr, nullptr);
    if (!g_window) {
        std::puts("pactscope: could not create a WebGL2 context");
        return 1;
    }
    glfwMakeContextCurrent(g_window);
    js_install_pointer();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code; nothing written to the browser's storage
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would keep an idle tab drawing
    pactscope::ui::apply_theme();
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    io.SetClipboardTextFn = set_clipboard;  // GLFW's are empty stubs in Emscripten 3.1.6
    io.GetClipboardTextFn = get_clipboard;
    io.SetPlatformImeDataFn = set_ime_data;  // text from input methods (web/input.js)
    g_app = std::make_unique<App>([] { return emscripten_get_now(); });
    g_app->set_today(js_today_quarter());
    pactscope::ui::web::start_without_workers_decided();  // until web/mc_pool.js says (mc_workers)
    g_awake_until_ms = emscripten_get_now() + kAwakeAfterInputMs;
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
