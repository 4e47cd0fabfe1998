// web_workers.cpp — the page's side of the Monte Carlo workers (issue 17); the workers themselves are
// web/mc_pool.js (started by the shell) running ui/platform/worker_main.cpp's module.
//
// Until the shell says how many workers started (the page API's mc_workers command), no trial runs: the
// main thread never runs one when workers are there. With workers, every frame posts each unfinished run
// (the current scenario's, the pinned ones' and the Story tab's: App::unfinished_runs) to the pool once, with
// its scenario as JSON, trials, seed and whether it waits for the others, and cancels the posted runs that an
// edit replaced; blocks come back through ps_mc_block
// (web_api.cpp). Without workers (none could start, or ?workers=0), the trials run here in slices between
// frames as before, and stats() says why.
#include <emscripten.h>

#include <algorithm>
#include <string>
#include <vector>

#include "io/scenario_io.h"
#include "web_platform.h"

namespace pactscope::ui::web {

namespace {

int g_count = 0;             // workers running
double g_heap_bytes = 0;     // one worker's module heap after its first block
std::string g_note = "starting the workers";
std::vector<std::uint64_t> g_posted;  // runs posted to the pool and not cancelled
double g_last_asked_ms = 0;            // when block_arrived last asked for a frame
// Blocks arrive every few ms; a frame (partial percentiles, the progress bar) is drawn at most this often,
// so the main thread leaves the cores to the workers (and at once for any run's last block).
constexpr double kDrawEveryMs = 200;
double g_merge_ms_max = 0;             // the longest ps_mc_block (copy into the run) since reset_stats

EM_JS(void, js_mc_job, (double run, const char* text, double trials, const char* seed, int background), {
    if (window.pactscopeShell && window.pactscopeShell.mcJob) window.pactscopeShell.mcJob(run, UTF8ToString(text), trials, UTF8ToString(seed), background !== 0);
});
EM_JS(void, js_mc_cancel, (double run), {
    if (window.pactscopeShell && window.pactscopeShell.mcCancel) window.pactscopeShell.mcCancel(run);
});

}  // namespace

nlohmann::json set_workers(const nlohmann::json& args) {
    g_count = std::max(0, args.value("count", 0));
    g_note = args.value("note", std::string());
    g_heap_bytes = args.value("heap_bytes", 0.0);
    app().model().set_trials_at(g_count > 0 ? AppModel::TrialsAt::workers : AppModel::TrialsAt::here, g_note);
    return {{"ok", true}};
}

void start_without_workers_decided() { app().model().set_trials_at(AppModel::TrialsAt::undecided); }

void sync_worker_runs() {
    if (app().model().trials_at() != AppModel::TrialsAt::workers) return;
    const std::vector<App::UnfinishedRun> runs = app().unfinished_runs();
    auto live = [&](std::uint64_t id) { return std::any_of(runs.begin(), runs.end(), [&](const App::UnfinishedRun& r) { return r.sim->run_id() == id; }); };
    for (std::uint64_t id : g_posted)
        if (!live(id)) js_mc_cancel(static_cast<double>(id));  // replaced by an edit (or finished: a no-op)
    g_posted.erase(std::remove_if(g_posted.begin(), g_posted.end(), [&](std::uint64_t id) { return !live(id); }), g_posted.end());
    for (const App::UnfinishedRun& r : runs) {
        const Simulation* s = r.sim;
        if (std::find(g_posted.begin(), g_posted.end(), s->run_id()) != g_posted.end()) continue;
        const std::string text = scenario_to_json(s->scenario()).dump();
        js_mc_job(static_cast<double>(s->run_id()), text.c_str(), static_cast<double>(s->trials()), std::to_string(s->seed()).c_str(), r.background ? 1 : 0);
        g_posted.push_back(s->run_id());
    }
}

void block_merged(double ms) { g_merge_ms_max = std::max(g_merge_ms_max, ms); }
void reset_worker_stats() { g_merge_ms_max = 0; }

void block_arrived(std::uint64_t run_id) {
    schedule_summary();
    const double now = emscripten_get_now();
    const std::vector<App::UnfinishedRun> runs = app().unfinished_runs();
    const bool run_finished = std::none_of(runs.begin(), runs.end(), [&](const App::UnfinishedRun& r) { return r.sim->run_id() == run_id; });
    if (now - g_last_asked_ms >= kDrawEveryMs || run_finished) {
        g_last_asked_ms = now;
        draw_once();
    }
}

nlohmann::json worker_stats() {
    const auto at = app().model().trials_at();
    return {{"mc_workers", g_count},
            {"mc_trials_at", at == AppModel::TrialsAt::workers ? "workers" : at == AppModel::TrialsAt::here ? "main thread (slices)" : "starting"},
            {"mc_workers_note", g_note},
            {"mc_worker_heap_bytes", g_heap_bytes},
            {"mc_merge_ms_max", g_merge_ms_max}};
}


}  // namespace pactscope::ui::web
