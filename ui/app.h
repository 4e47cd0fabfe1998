// app.h — the stakeholder's page: the scenario panel and the results panel over one AppModel.
//
// What it is: the composition of the page — a full-window layout with the scenario editor on the
// left (scenario_panel.h) and the answers on the right (results_panel.h) — plus what belongs to the
// page as a whole: the undo history, the keyboard shortcuts, the Monte Carlo's time slices, timing
// figures, downloads, and the operations the browser shell and the test hook call (platform/web_api.h
// documents them). It knows nothing of the browser: the platform layer (platform/web_main.cpp)
// creates the window and calls frame().
//
// Each edit re-evaluates the deterministic model in the same frame (AppModel) and restarts the
// Monte Carlo, which then advances by a time-bounded slice per frame.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.h"
#include "results_panel.h"
#include "scenario_panel.h"

namespace pactscope::ui {

class App {
public:
    // `now_ms`: a monotonic clock from the platform (the UI itself has none).
    explicit App(std::function<double()> now_ms);

    // Builds one frame of UI (between ImGui::NewFrame and ImGui::Render) and advances the Monte Carlo.
    void frame();
    // Builds the UI without drawing it or running trials: the platform calls it to take queued input
    // faster than one event per drawn frame (ImGui trickles fast input over frames).
    void input_frame();
    bool ready() const { return frames_ > 0; }
    std::int64_t frames() const { return frames_; }  // frames built so far
    // Frames are needed while trials run here (in slices) or a view computes; the page's workers wake the
    // loop themselves when their blocks arrive (web_workers.cpp), so their runs keep no frame loop going.
    bool busy() const {
        return (model_.monte_carlo_running() && model_.trials_at() != AppModel::TrialsAt::workers) || results_.working();
    }
    // The percentiles on screen brought up to date: a refresh begun when due (every 250 ms while trials arrive,
    // at once when the last are in) and worked on for up to `budget_ms` from `start_ms`, a piece at a time
    // (SummaryBuilder); then the Compare tab's comparison the same way (ResultsPanel::advance_comparison).
    // frame() does a little of it first; the platform runs the rest in short tasks between frames while
    // summary_work_due() (platform/web_summary_tasks.cpp), so neither a frame nor a task stalls on it. True when
    // a summary or the comparison landed (is on screen from the next frame).
    bool summarize_monte_carlo(double start_ms, double budget_ms);
    bool summary_work_due(double now_ms) const;
    // Trials still to run, or the last ones' percentiles (or the Compare tab's comparison of the runs) not yet on
    // screen: what stats().mc_running says.
    bool monte_carlo_running() const {
        return model_.monte_carlo_running() || (model_.sim().done() && !model_.summary_current()) || results_.comparison_work_due();
    }

    // The runs whose trials are still to come, for the page's workers (platform/web_workers.cpp): the current
    // deal's, the pinned ones', then the Story tab's, which are `background` (the workers take them only when
    // no other run waits: an edit's new numbers come first).
    struct UnfinishedRun {
        const Simulation* sim;
        bool background;
    };
    std::vector<UnfinishedRun> unfinished_runs() const;
    // Stores a block of trials a worker ran for the run `run_id`, whichever it is; false when no run has that id
    // any more (an edit restarted it) or the block does not fit.
    bool accept_block(std::uint64_t run_id, std::int64_t lo, std::int64_t hi, const double* columns, const float* bands);

    // What the page API (platform/web_api.h) asks of the page; each answer is a JSON object.
    nlohmann::json state();
    // Loads a scenario (a file, a share link) as one undoable step; `source` names it in messages.
    // {ok, errors: [{pointer, message, text}]}; on failure everything is kept.
    nlohmann::json load(const std::string& text, const std::string& source = "scenario");
    // Opens a share link (share_link.h) as one undoable step: {ok, errors} like load().
    nlohmann::json open_link(const std::string& link);
    // A share link's or file's analysis (io/share_link.h kAnalysisSchema): the scenario (one undo step), the
    // pinned deals (replacing the current ones) and the open tab. load() and open_link() take either this
    // or a plain scenario.
    nlohmann::json load_analysis(const nlohmann::json& envelope, const std::string& source);
    std::string analysis_text() const;
    // Loads the autosaved scenario as the starting point of the session (no undo step);
    // `preset`: the preset it was made from, if any (shown in the picker).
    nlohmann::json restore_session(const std::string& text, const std::string& preset);
    bool load_preset(const std::string& id);
    nlohmann::json items() const;
    // What the analysis views show (sweep and break-evens, compare table, what changed, story).
    nlohmann::json views() const { return results_.views(); }
    nlohmann::json stats() const;
    void reset_stats() { ui_ms_.clear(), mc_ms_.clear(); }
    std::string summary_text() const;                 // the DOM's aria-live summary
    std::string scenario_text() const { return model_.scenario_text(); }
    std::uint64_t revision() const { return model_.revision(); }
    AppModel& model() { return model_; }
    // Today's quarter (absolute index, quarter.h), marked on the timeline; from the platform's calendar.
    void set_today(int quarter) { scenario_.set_today(quarter); }

    // Undo and redo (history.h): Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, and the page's menu.
    bool undo();
    bool redo();
    const History& history() const { return history_; }
    // Undo steps available, counting an invalid edit in progress (undo drops it).
    std::size_t undo_steps() const { return history_.undo_steps() + (history_.pending(model_.doc_revision()) ? 1 : 0); }

    // Downloads: `kind` is scenario.json, share.json (compact, for links), results.csv, samples.csv, summary.csv,
    // compare.csv, what-changed.csv, sweep.csv (the Sweep tab's grid, brought up to date) or report.html; returns
    // the text and sets `file_name` (empty text: nothing to download yet, e.g. no trials done).
    std::string export_file(const std::string& kind, std::string& file_name);
    // Asks for a PNG of the chart last pointed at (or the first on screen): capture.h.
    bool request_chart_png();
    // The same chart for slides and as data (chart_export.h): {ok, name, title, legend, width, height,
    // svg ("" for a heatmap), csv}; `date` goes in the source line; `chart_id` (charts.h ids: "cost",
    // "alloc", ...) picks a chart drawn this session instead of the one last pointed at.
    nlohmann::json chart_export(const std::string& date, const std::string& chart_id = "") const;
    // Every source of the shipped presets and the current scenario, by date: the About panel.
    nlohmann::json sources() const;
    // What the keyboard asked of the page since the last call ("shortcuts", "open", ...), or "".
    std::string take_page_request() { return std::exchange(page_request_, std::string()); }

private:
    AppModel model_;
    History history_;
    ScenarioPanel scenario_{model_};
    ResultsPanel results_{model_};
    std::function<double()> now_ms_;
    std::int64_t frames_ = 0;
    double last_summary_ms_ = -1e9;
    // The model's (revision, pinned revision) when the charts were last recorded (build): chart_export refuses
    // records of an older deal.
    std::pair<std::uint64_t, std::uint64_t> charts_revision_{~0ull, ~0ull};
    // per-frame timing for the harness: model + UI, and the Monte Carlo slice
    std::vector<float> ui_ms_, mc_ms_;
    double mc_started_ms_ = 0, mc_finished_ms_ = -1, last_frame_start_ms_ = 0;
    std::uint64_t mc_revision_ = 0;
    std::string page_request_;

    void build();  // the layout of one frame, shared by frame() and input_frame()
    void handle_shortcuts();
    static nlohmann::json typing_text();
    bool travel(std::optional<Snapshot> (History::*step)());
    // Trials run here for the Monte Carlo's share of the frame (when no workers run them).
    void advance_monte_carlo(double frame_start_ms);
};

}  // namespace pactscope::ui
