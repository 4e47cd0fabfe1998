// app.h — the stakeholder's page: every screen, over one AppModel.
//
// What it is: a full-window Dear ImGui layout — the scenario editor on the left
// (preset picker, clause timeline, clause cards, providers, workloads, policy,
// uncertainty), KPI cards and result tabs on the right (overview, capacity and
// power, uncertainty, money, compare, sweep). It knows nothing of the browser:
// the platform layer (platform/web_main.cpp) creates the window, calls frame()
// and forwards the test hook (window.pactscope) to the *_json functions here.
//
// Each edit re-evaluates the deterministic model in the same frame (AppModel) and
// restarts the Monte Carlo, which then advances by a time-bounded slice per frame.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/clause_types.h"
#include "model.h"
#include "widgets.h"

namespace pactscope::ui {

// The result tabs, in order (keys 1-6 select them).
inline constexpr const char* kResultTabs[] = {"Overview", "Capacity & power", "Uncertainty", "Money", "Compare", "Sweep"};
inline constexpr int kResultTabCount = 6;

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
    bool busy() const { return model_.monte_carlo_running(); }

    // Test hook and shell (window.pactscope).
    std::string state_json();
    // Loads a scenario (a file, a share link) as one undoable step; `source` names it in messages.
    // Returns {ok, errors: [{pointer, message}]}; on failure everything is kept.
    std::string load_json(const std::string& text, const std::string& source = "scenario");
    // Opens a share link (share_link.h) as one undoable step: {ok, errors} like load_json.
    std::string open_link(const std::string& link);
    // Loads the autosaved scenario as the starting point of the session (no undo step);
    // `preset`: the preset it was made from, if any (shown in the picker).
    std::string restore_session(const std::string& text, const std::string& preset);
    bool load_preset(const std::string& id);
    std::string items_json() const;
    std::string stats_json() const;
    void reset_stats() { ui_ms_.clear(), mc_ms_.clear(); }
    std::string summary_text() const;                 // the DOM's aria-live summary
    std::string scenario_text() const { return model_.scenario_text(); }
    std::uint64_t revision() const { return model_.revision(); }
    AppModel& model() { return model_; }
    // Today's quarter (absolute index, quarter.h), marked on the timeline; from the platform's calendar.
    void set_today(int quarter) { today_quarter_ = quarter; }

    // Undo and redo (history.h): Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y, and the page's menu.
    bool undo();
    bool redo();
    const History& history() const { return history_; }
    // Undo steps available, counting an invalid edit in progress (undo drops it).
    std::size_t undo_steps() const { return history_.undo_steps() + (history_.pending(model_.doc_revision()) ? 1 : 0); }

    // Downloads: `kind` is scenario.json, share.json (compact, for links), results.csv, samples.csv or summary.csv; returns the
    // text and sets `file_name` (empty text: nothing to download yet, e.g. no trials done).
    std::string export_file(const std::string& kind, std::string& file_name) const;
    // Asks for a PNG of the chart last pointed at (or the first on screen): capture.h.
    bool request_chart_png();
    // Every source of the shipped presets and the current scenario, by date: the About panel.
    std::string sources_json() const;
    // What the keyboard asked of the page since the last call ("shortcuts", "open", ...), or "".
    std::string take_page_request() { return std::exchange(page_request_, std::string()); }

private:
    AppModel model_;
    std::function<double()> now_ms_;
    std::int64_t frames_ = 0;
    double last_summary_ms_ = -1e9;
    std::uint64_t summary_revision_ = ~0ull;
    // per-frame timing for the harness: model + UI, and the Monte Carlo slice
    std::vector<float> ui_ms_, mc_ms_;
    double mc_started_ms_ = 0, mc_finished_ms_ = -1, last_frame_start_ms_ = 0;
    std::uint64_t mc_revision_ = 0;
    std::string load_errors_;  // shown after a failed load
    int today_quarter_ = -1;
    History history_;
    std::string page_request_;

    // view state
    int tab_ = 0;
    int tab_request_ = -1;  // a tab chosen by the keyboard, selected on the next frame
    FieldEdits fields_;      // the scenario's fields: typing in progress, refused entries, focus requests
    int hist_metric_ = 0;
    int tornado_metric_ = 0;
    std::uint64_t tornado_revision_ = ~0ull;
    Tornado tornado_;
    struct SweepState {
        int param[2] = {0, -1};
        double lo[2] = {0, 0}, hi[2] = {0, 0};
        int steps[2] = {12, 8};
        int metric = 0;
        bool regime = false;
        std::uint64_t revision = ~0ull;
        SweepGrid grid;
        std::vector<std::string> names;
        std::string error;
    } sweep_;

    void build();  // the layout of one frame, shared by frame() and input_frame()
    void handle_shortcuts();
    static nlohmann::json typing_text();
    bool travel(std::optional<Snapshot> (History::*step)());
    void draw_scenario_panel();
    void draw_timeline();
    void draw_clauses();
    void draw_clause_fields(const ClauseTypeInfo& info, const std::string& base, const nlohmann::json& clause, const std::string& note);
    void draw_providers();
    void draw_provider_cost(const std::string& base, const nlohmann::json& provider, const std::string& note);
    void draw_workloads();
    void draw_policy_uncertainty();
    void draw_issues();
    void draw_results_panel();
    void draw_kpis();
    void draw_result_tabs();
    void draw_overview();
    void draw_capacity();
    void draw_uncertainty();
    void draw_money();
    void draw_compare();
    void draw_sweep();
    void advance_monte_carlo(double frame_start_ms);
};

}  // namespace pactscope::ui
