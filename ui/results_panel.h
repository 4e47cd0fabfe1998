// results_panel.h — the right side of the page: the answers.
//
// What it is: the KPI cards (deterministic, with the Monte Carlo P10–P90), a banner while the
// scenario is invalid (everything shown is then the last valid scenario's), and the result tabs:
// overview, capacity and power, uncertainty (fan, histogram, tornado), money (flows, each party's
// P&L, reservations, commitments), compare (pinned scenarios, paired deltas, what changed:
// explain_view.h), sweep (sweep_view.h) and the story of every preset (story_view.h).
// View state it owns: the open tab, each tab's choices (metrics, sweep axes and ranges), and the
// caches of what is costly to compute (the tornado, the sweep grid, the comparison), each keyed by
// what it depends on so it is recomputed only when that changes. It changes the document never;
// pinning goes through AppModel.
//
// Lifecycle (one per page):
//   ResultsPanel panel(model);
//   panel.draw();                 // every frame, inside a child window
//   panel.end_frame();            // after everything is drawn
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "analysis/comparison_builder.h"
#include "analysis/outside_horizon.h"
#include "explain_view.h"
#include "model.h"
#include "story_view.h"
#include "sweep_view.h"
#include "widgets.h"

namespace pactscope::ui {

// The result tabs, in order (keys 1-7 select them).
inline constexpr const char* kResultTabs[] = {"Overview", "Capacity & power", "Uncertainty", "Money", "Compare", "Sweep", "Story"};
inline constexpr int kResultTabCount = 7;

class ResultsPanel {
public:
    explicit ResultsPanel(AppModel& model) : model_(model) {}

    void draw();
    void end_frame() { sweep_.end_frame(); }
    SweepView& sweep() { return sweep_; }
    const SweepView& sweep() const { return sweep_; }
    const ExplainView& explain() const { return explain_; }
    StoryView& story() { return story_; }
    const StoryView& story() const { return story_; }
    int tab() const { return tab_; }
    const char* tab_name() const { return kResultTabs[tab_]; }
    // Selects a tab on the next frame (the keyboard's 1-7).
    void request_tab(int i) { tab_request_ = i; }
    // Work in progress that needs frames drawn (the story's runs, an attribution): the idle gate stays open.
    bool working() const;
    // The Compare tab's comparison (every run done, a deal pinned) is built a piece at a time (ComparisonBuilder),
    // like the Monte Carlo summary and with it (App::summarize_monte_carlo): due while it is not up to date.
    bool comparison_work_due() const;
    // Works on it until `budget_ms` has passed since `start_ms` on the clock `now_ms`; true when it landed.
    bool advance_comparison(const std::function<double()>& now_ms, double start_ms, double budget_ms);
    // What the analysis views show, for the test hook (web_api.h "views").
    nlohmann::json views() const;

private:
    AppModel& model_;
    int tab_ = 0;
    int tab_request_ = -1;
    std::string hist_metric_ = "cost_usd";
    std::string tornado_metric_ = "cost_usd";
    std::string tornado_for_;  // revision | metric the tornado was computed for
    Tornado tornado_;
    std::vector<std::string> tornado_labels_;
    std::string compare_rows_ = "";  // the compare table's rows: "" the totals, "buyer", or a provider id
    std::vector<std::vector<std::string>> compare_cells_;  // as last drawn (the test hook reads them)
    nlohmann::json kpi_cards_ = nlohmann::json::array();   // the KPI cards as last drawn: title, value, range, trials
    std::string progress_bar_;                             // the Monte Carlo progress bar's text as last drawn
    std::uint64_t horizon_revision_ = ~0ull;
    std::vector<HorizonEdge> horizon_;  // outside_horizon() of the current scenario, per revision
    SweepView sweep_{model_};
    ExplainView explain_{model_};
    StoryView story_{model_};
    // The comparison of the current run with the pinned ones, once all are done; rebuilt when the current
    // scenario or the pinned set changes, keyed by (AppModel::revision(), AppModel::pinned_revision()).
    using ComparisonKey = std::pair<std::uint64_t, std::uint64_t>;
    struct ComparisonCache {
        ComparisonKey key{~0ull, ~0ull};
        bool valid = false;
        Comparison value;
    } comparison_;
    ComparisonBuilder comparison_builder_;
    ComparisonKey building_key_{~0ull, ~0ull};  // what comparison_builder_ compares
    ComparisonKey comparison_key() const { return {model_.revision(), model_.pinned_revision()}; }
    bool runs_done() const;  // the current run and every pinned one

    void draw_kpis();
    void draw_tabs();
    void draw_overview();
    void draw_capacity();
    void draw_uncertainty();
    void draw_money();
    void draw_compare();
    void draw_sweep() { sweep_.draw(); }
    void draw_story() { story_.draw(); }
    const Comparison* comparison();
    void draw_compare_table(const Comparison& c, const std::vector<std::string>& labels);  // compare_table.cpp
};

}  // namespace pactscope::ui
