// web_platform.h — what the page API (web_api.cpp) needs from the browser platform (web_main.cpp).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "app.h"

namespace pactscope::ui::web {

App& app();
// The idle gate: draw the next frames (what a call changed shows at once).
void wake();
// One frame, unless the loop is already running (no second of frames as after input).
void draw_once();
// What ImGui pastes next: the DOM paste event delivers it just before ImGui reads it.
void set_paste_text(std::string text);
// The frame loop's own figures: callbacks, whether it is paused, the pixel ratio and font texels.
nlohmann::json loop_stats();

// The Monte Carlo workers (web_workers.cpp): the shell's count (mc_workers command), each frame's posting
// and cancelling of runs, and their figures for stats().
nlohmann::json set_workers(const nlohmann::json& args);
void start_without_workers_decided();
void sync_worker_runs();
// A block of trials was stored (ps_mc_block): draws a frame when the partial percentiles are due.
void block_arrived(std::uint64_t run_id);  // a block of that run was stored
void block_merged(double ms);  // how long storing one block took (stats: mc_merge_ms_max)
void reset_worker_stats();
nlohmann::json worker_stats();
// Queues a short task that works on the Monte Carlo summary when a refresh is under way or due
// (web_summary_tasks.cpp); called after each frame and each block.
void schedule_summary();
// mc_summary_task_ms_max (the longest such task), mc_summary_task_ms_total and mc_summary_tasks, since reset_stats
nlohmann::json summary_task_stats();
void reset_summary_task_stats();

}  // namespace pactscope::ui::web
