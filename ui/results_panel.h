// results_panel.h — the right side of the page: the answers.
//
// What it is: the KPI cards (deterministic, with the Monte Carlo P10–P90), a banner while the
// scenario is invalid (everything shown is then the last valid scenario's), and the result tabs:
// overview, capacity and power, uncertainty (fan, histogram, tornado), money (flows, each party's
// P&L, reservations, commitments), compare (pinned scenarios, paired deltas) and sweep.
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
#include <string>
#include <vector>

#include "analysis/analysis.h"
#include "model.h"
#include "widgets.h"

namespace pactscope::ui {

// The result tabs, in order (keys 1-6 select them).
inline constexpr const char* kResultTabs[] = {"Overview", "Capacity & power", "Uncertainty", "Money", "Compare", "Sweep"};
inline constexpr int kResultTabCount = 6;

class ResultsPanel {
public:
    explicit ResultsPanel(AppModel& model) : model_(model) {}

    void draw();
    void end_frame() { fields_.end_frame(); }
    int tab() const { return tab_; }
    const char* tab_name() const { return kResultTabs[tab_]; }
    // Selects a tab on the next frame (the keyboard's 1-6).
    void request_tab(int i) { tab_request_ = i; }

private:
    AppModel& model_;
    FieldEdits fields_;  // the sweep's range fields
    int tab_ = 0;
    int tab_request_ = -1;
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
    // The comparison of the current run with the pinned ones, once all are done; recomputed when
    // the current scenario or the pinned set changes.
    struct ComparisonCache {
        std::uint64_t revision = ~0ull;
        std::uint64_t pinned = ~0ull;  // AppModel::pinned_revision()
        bool valid = false;
        Comparison value;
    } comparison_;

    void draw_kpis();
    void draw_tabs();
    void draw_overview();
    void draw_capacity();
    void draw_uncertainty();
    void draw_money();
    void draw_compare();
    void draw_sweep();
    const Comparison* comparison();
};

}  // namespace pactscope::ui
