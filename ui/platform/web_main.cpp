// web_main.cpp — the browser platform: the only file that sees Emscripten, GLFW and GL.
//
// It sizes the canvas to its CSS box, runs the frame loop with
// emscripten_set_main_loop (never a blocking loop), renders ImGui with WebGL2, and
// exposes the test hook / shell API as exported C functions (web/shell.js wraps
// them as window.pactscope). It tells the shell when the scenario changes (for
// "Download my last scenario" on a crash) and when the headline results change
// (the aria-live summary).
#include <emscripten.h>
#include <GLFW/glfw3.h>

#include <cstdio>
#include <memory>
#include <string>

#include "app.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"

namespace {

GLFWwindow* g_window = nullptr;
std::unique_ptr<pactscope::ui::App> g_app;
std::uint64_t g_notified_revision = ~0ull;
std::int64_t g_notified_trials = -1;
std::string g_out;  // storage of the last string returned to JavaScript

// Matches the canvas backing store to its CSS size and tells GLFW (which would otherwise
// request fullscreen when the size equals the screen's: TOOLCHAIN.md quirk 7).
EM_JS(void, js_fit_canvas, (), {
    var c = Module['canvas'];
    var w = Math.max(1, c.clientWidth | 0), h = Math.max(1, c.clientHeight | 0);
    if (c.width != w || c.height != h) { c.width = w; c.height = h; }
    if (GLFW.active) { GLFW.active.width = w; GLFW.active.height = h; }
});
EM_JS(int, js_today_quarter, (), { var d = new Date(); return d.getFullYear() * 4 + Math.floor(d.getMonth() / 3); });
EM_JS(void, js_scenario_changed, (const char* text), {
    if (window.pactscopeShell) window.pactscopeShell.scenarioChanged(UTF8ToString(text));
});
EM_JS(void, js_summary_changed, (const char* text), {
    if (window.pactscopeShell) window.pactscopeShell.summaryChanged(UTF8ToString(text));
});
EM_JS(void, js_first_frame, (), { if (window.pactscopeShell) window.pactscopeShell.firstFrame(); });

void frame() {
    js_fit_canvas();
    glfwPollEvents();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    const bool first = !g_app->ready();
    g_app->frame();
    ImGui::Render();
    int w = 0, h = 0;
    glfwGetFramebufferSize(g_window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (g_app->revision() != g_notified_revision) {
        g_notified_revision = g_app->revision();
        js_scenario_changed(g_app->scenario_text().c_str());
    }
    const std::int64_t done = g_app->model().summary().trials_done;
    if (first || done != g_notified_trials) {
        g_notified_trials = done;
        js_summary_changed(g_app->summary_text().c_str());
    }
    if (first) js_first_frame();
}

}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE int ps_ready() { return g_app && g_app->ready() ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const char* ps_state() { return (g_out = g_app->state_json()).c_str(); }
EMSCRIPTEN_KEEPALIVE const char* ps_load(const char* text) { return (g_out = g_app->load_json(text)).c_str(); }
EMSCRIPTEN_KEEPALIVE int ps_preset(const char* id) { return g_app->load_preset(id) ? 1 : 0; }
EMSCRIPTEN_KEEPALIVE const char* ps_items() { return (g_out = g_app->items_json()).c_str(); }
EMSCRIPTEN_KEEPALIVE const char* ps_stats() { return (g_out = g_app->stats_json()).c_str(); }
EMSCRIPTEN_KEEPALIVE const char* ps_scenario() { return (g_out = g_app->scenario_text()).c_str(); }
EMSCRIPTEN_KEEPALIVE void ps_reset_stats() { g_app->reset_stats(); }
}

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
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is code; nothing written to the browser's storage
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    ImGui::StyleColorsDark();
    ImGuiStyle& style = ImGui::GetStyle();
    style.FrameRounding = 3;
    style.ChildRounding = 4;
    style.TabRounding = 3;
    ImGui_ImplGlfw_InitForOpenGL(g_window, true);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    g_app = std::make_unique<pactscope::ui::App>([] { return emscripten_get_now(); });
    g_app->set_today(js_today_quarter());
    emscripten_set_main_loop(frame, 0, false);
    return 0;
}
