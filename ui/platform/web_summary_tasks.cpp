// web_summary_tasks.cpp — the page's Monte Carlo percentiles brought up to date between frames (issue 17).
//
// Summarising 10,000 trials takes 25–60 ms in the page. Done a few ms per frame it would take as many frames,
// and a frame of this page costs 70–100 ms of CPU where the browser draws WebGL in software, so the last
// percentiles would land a second after the last trial. Instead the summary runs in short tasks of its own
// (emscripten_set_immediate: a message to the page, not a clamped timer), each at most kTaskMs, between which
// the browser handles input, takes the workers' blocks and draws; a finished run's summary asks for a frame
// when it lands (a partial one shows in the next frame the workers' blocks ask for).
#include <emscripten.h>
#include <emscripten/eventloop.h>

#include <algorithm>

#include "web_platform.h"

namespace pactscope::ui::web {

namespace {

constexpr double kTaskMs = 4;  // well under a 16 ms frame, with room for the machine's other work
bool g_posted = false;         // a task is queued
double g_task_ms_max = 0;      // the longest task since reset_stats
double g_task_ms_total = 0;    // all tasks' time since reset_stats
int g_tasks = 0;               // tasks run since reset_stats

void summary_task(void*) {
    g_posted = false;
    App& a = app();
    const double t0 = emscripten_get_now();
    const bool landed = a.summarize_monte_carlo(t0, kTaskMs);
    const double ms = emscripten_get_now() - t0;
    g_task_ms_max = std::max(g_task_ms_max, ms);
    g_task_ms_total += ms;
    ++g_tasks;
    if (landed && a.model().sim().done()) draw_once();
    schedule_summary();
}

}  // namespace

void schedule_summary() {
    if (g_posted || !app().summary_work_due(emscripten_get_now())) return;
    g_posted = true;
    emscripten_set_immediate(summary_task, nullptr);
}

nlohmann::json summary_task_stats() {
    return {{"mc_summary_task_ms_max", g_task_ms_max}, {"mc_summary_task_ms_total", g_task_ms_total}, {"mc_summary_tasks", g_tasks}};
}
void reset_summary_task_stats() { g_task_ms_max = g_task_ms_total = 0, g_tasks = 0; }

}  // namespace pactscope::ui::web
