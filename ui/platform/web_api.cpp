#include "web_api.h"

#include <emscripten.h>

#include <cstdlib>
#include <string>

#include "imgui.h"
#include "web_platform.h"

namespace {

using nlohmann::json;
using pactscope::ui::App;
namespace web = pactscope::ui::web;

std::string str(const json& args, const char* key) {
    auto it = args.find(key);
    return it != args.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct Command {
    const char* name;
    bool wakes;  // changes what is on screen
    json (*run)(App& app, const json& args);
};

// The commands of web_api.h, in its order.
const Command kCommands[] = {
    {"state", false, [](App& a, const json&) { return a.state(); }},
    {"load", true, [](App& a, const json& args) {
         const std::string source = str(args, "source");
         return a.load(str(args, "text"), source.empty() ? "scenario" : source);
     }},
    {"open_link", true, [](App& a, const json& args) { return a.open_link(str(args, "link")); }},
    {"restore", true, [](App& a, const json& args) { return a.restore_session(str(args, "text"), str(args, "preset")); }},
    {"preset", true, [](App& a, const json& args) { return json{{"ok", a.load_preset(str(args, "id"))}}; }},
    {"items", false, [](App& a, const json&) { return a.items(); }},
    {"views", false, [](App& a, const json&) { return a.views(); }},
    {"stats", false, [](App& a, const json&) {
         json s = a.stats();
         s.update(web::loop_stats());
         s.update(web::worker_stats());
         s.update(web::summary_task_stats());
         return s;
     }},
    {"reset_stats", false, [](App& a, const json&) {
         a.reset_stats();
         web::reset_worker_stats();
         web::reset_summary_task_stats();
         return json::object();
     }},
    {"mc_workers", true, [](App&, const json& args) { return web::set_workers(args); }},
    {"undo", true, [](App& a, const json&) { return json{{"ok", a.undo()}}; }},
    {"redo", true, [](App& a, const json&) { return json{{"ok", a.redo()}}; }},
    {"export", false, [](App& a, const json& args) {
         std::string name;
         std::string text = a.export_file(str(args, "kind"), name);
         return json{{"text", std::move(text)}, {"name", std::move(name)}};
     }},
    {"chart_png", true, [](App& a, const json&) { return json{{"ok", a.request_chart_png()}}; }},
    {"chart_export", false, [](App& a, const json& args) { return a.chart_export(str(args, "date"), str(args, "id")); }},
    {"sources", false, [](App& a, const json&) { return a.sources(); }},
    // Fault injection: an abort as from a failed check, to test that the page shows its overlay and
    // keeps the last scenario downloadable.
    {"test_abort", false, [](App&, const json&) -> json { std::abort(); }},
};

std::string g_answer;  // the last answer, valid until the next call

}  // namespace

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* ps_call(const char* name, const char* args_json) {
    const json args = json::parse(args_json ? args_json : "{}", nullptr, false);
    json answer;
    if (args.is_discarded() || !args.is_object()) {
        answer = {{"error", "the arguments of a call are a JSON object"}};
    } else {
        const std::string n = name ? name : "";
        answer = {{"error", "no call named \"" + n + "\""}};
        for (const Command& c : kCommands)
            if (n == c.name) {
                if (c.wakes) web::wake();
                answer = c.run(web::app(), args);
                break;
            }
    }
    g_answer = answer.dump();
    return g_answer.c_str();
}

EMSCRIPTEN_KEEPALIVE int ps_mc_block(double run, double lo, double hi, const double* columns, const float* bands) {
    const double t0 = emscripten_get_now();
    const bool ok = web::app().accept_block(static_cast<std::uint64_t>(run), static_cast<std::int64_t>(lo), static_cast<std::int64_t>(hi), columns, bands);
    web::block_merged(emscripten_get_now() - t0);
    if (ok) web::block_arrived(static_cast<std::uint64_t>(run));
    return ok ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE void ps_wake() { web::wake(); }

EMSCRIPTEN_KEEPALIVE void ps_paste(const char* text) {
    web::set_paste_text(text ? text : "");
    web::wake();
}

// Text that arrived without key events (an input method, dictation, insertText: web/input.js), for
// the text field being edited.
EMSCRIPTEN_KEEPALIVE void ps_text(const char* text) {
    if (text) ImGui::GetIO().AddInputCharactersUTF8(text);
    web::wake();
}

EMSCRIPTEN_KEEPALIVE void ps_touch(int phase, float x, float y) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(x, y);
    if (phase != 1) io.AddMouseButtonEvent(0, phase == 0);
    web::wake();
}

EMSCRIPTEN_KEEPALIVE void ps_wheel(float dx, float dy) {
    ImGui::GetIO().AddMouseWheelEvent(dx, dy);
    web::wake();
}

}  // extern "C"
