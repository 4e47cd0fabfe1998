// web_api.h — the page's API: every call the browser shell makes into the module.
//
// The shell has one caller of these functions, web/api.js; everything else in web/ goes through it.
// There are two kinds of call.
//
// 1. ps_call(name, args) -> text. `name` a command below, `args` a JSON object (UTF-8 text); the
//    answer is a JSON object (booleans are JSON booleans), valid until the next call. An unknown
//    name or malformed args answer {"error": "..."}. Calls that change what is on screen wake the
//    idle gate, so the change is drawn at once.
//
//    command      args                  answer
//    state        {}                    {scenario, result, mc: {trials_done, trials, seed, totals},
//                                        preset, preset_label, tab, pinned: [{label, trials_done,
//                                        trials}], issues: [{pointer, message}], load_errors, valid,
//                                        history: {undo, redo, pending}, typing, refused: [{field,
//                                        text, message}]}
//    load         {text, source}        {ok, errors: [{pointer, message, text}]}   one undo step
//    open_link    {link}                {ok, errors}   a share link's fragment (#s=v1....)
//    restore      {text, preset}        {ok, errors}   the autosave, as the session's start
//    preset       {id}                  {ok}
//    items        {}                    {name: {x, y, w, h}}   named widgets, CSS pixels in the canvas
//    views        {}                    what the analysis views show, as drawn: {kpis: [{title, value, range,
//                                        trials}] (the KPI cards' text and the trials their range is over),
//                                        progress (the Monte Carlo bar's text: the trials the cards show), sweep: {metric, metric_label,
//                                        direction, input, input_name, lo, hi, steps, second_input, series,
//                                        crossings: [{a, b, found, value, jump, first, text}], opened,
//                                        search: {query, matches}}, compare: [[header...], [row...]...]
//                                        (the table's text), explain: {metric, from ("current"), to (the pinned deal), working, value_a,
//                                        value_b, delta, exact, contributions: [{part, pointer, value}]},
//                                        story: {trials, seed, eras: [{preset, date, trials_done, trials,
//                                        seed, p50: {cost_usd, served_fraction, stranded_usd,
//                                        buyer.net_usd, ID.net_usd...}}]}}
//    stats        {}                    {frames, ui_ms_median, mc_ms_median, frame_work_ms_median,
//                                        mc_running, mc_seconds, ticks, paused, pixel_ratio, font_texel_px,
//                                        mc_ms_max, mc_workers, mc_trials_at, mc_workers_note,
//                                        mc_worker_heap_bytes, mc_merge_ms_max, mc_trials_main_thread,
//                                        mc_finished_at_ms, mc_summary_task_ms_max, mc_summary_task_ms_total,
//                                        mc_summary_tasks}
//    reset_stats  {}                    {}
//    undo, redo   {}                    {ok}
//    export       {kind}                {text, name}   kind: scenario.json, share.json, results.csv,
//                                                      samples.csv, summary.csv, compare.csv and
//                                                      what-changed.csv (with a pinned deal: as the CLI's
//                                                      compare and explain), report.html (io/report.h:
//                                                      the current deal and the pinned ones, the page's
//                                                      trials and seed); "" text: nothing yet
//    chart_png    {}                    {ok}   the chart then arrives through savePixels
//    chart_export {date, [id]}          {ok, name, title, legend, width, height, svg, csv}  the chart
//                                        last pointed at (or chart `id`), light, for slides (ui/chart_export.h);
//                                        {ok: false, stale: true, why} until a frame has drawn a changed deal
//    sources      {}                    {sources: [{id, title, url, date}]}
//    mc_workers   {count, note,         {ok}   from web/mc_pool.js: how many Monte Carlo workers started
//                  heap_bytes}                 (0: trials run here in slices; note says why)
//    test_abort   {}                    (aborts, as a failed check would: the overlay's test)
//
// 2. Monte Carlo blocks from the workers: ps_mc_block(run, lo, hi, columns, bands) stores trials
//    [lo, hi) of run `run` (App::accept_block: the current, a pinned or a Story run; layout in montecarlo.h); 1 when stored, 0 when that
//    run is gone (an edit replaced it) or the block does not fit.
//
// 3. The input paths, called per event, with plain numbers: ps_wake(), ps_paste(text) (the DOM paste
//    event's text, just before ImGui reads the clipboard), ps_text(text) (text that came without key
//    events — an input method, dictation — for the field being edited: web/input.js), ps_touch(phase, x, y) (one finger as the
//    mouse: 0 down, 1 move, 2 up; CSS pixels), ps_wheel(dx, dy) (ImGui wheel steps, +y = up).
//
// The module calls the shell back through window.pactscopeShell (web_main.cpp): scenarioChanged(text,
// preset), summaryChanged(text), mcJob(run, text, trials, seed), mcCancel(run), historyChanged(undo, redo), request(what), copied(text),
// savePixels(rgba, w, h, name), textInput(on, x, y, line_height) (where the text field being edited is), firstFrame().
#pragma once

extern "C" {
const char* ps_call(const char* name, const char* args_json);
int ps_mc_block(double run, double lo, double hi, const double* columns, const float* bands);
void ps_wake();
void ps_paste(const char* text);
void ps_touch(int phase, float x, float y);
void ps_wheel(float dx, float dy);
}
