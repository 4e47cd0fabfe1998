// story_view.h — the Story tab: every preset side by side, ordered by the date its terms began.
//
// What it is: each shipped preset run by the Monte Carlo with the same trials and the same seed (common
// random numbers, MODEL §7: the draws of inputs the presets share are the same), then shown as small
// multiples — total cost, demand served, stranded take-or-pay, the buyer's and each provider's net, each
// era's median with its P10–P90 — and as a table. A click on an era opens that preset. The runs start when
// the tab is first opened, with the trial count on screen. In the page they run in the Web Workers, after the
// current and pinned deals' runs (App::unfinished_runs); without workers (the native app, ?workers=0) they
// advance a slice per frame while the tab is open.
// When its terms began: the date in the last parenthesis of the preset's name ("(April 2026 terms)",
// "(2019-2024, historical)"), else its horizon's start. Equal dates keep the presets' order.
// View state it owns: the runs and their summaries (computed once per page).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model.h"

namespace pactscope::ui {

class StoryView {
public:
    explicit StoryView(AppModel& model);
    ~StoryView();
    void draw();
    // Work for the frames while the tab is open: trials to run here, or finished runs to summarize.
    bool working() const;
    // The runs started and not finished, for the page's workers, and a block of trials they ran for one of them
    // (Simulation::accept_block): false when no era's run has that id.
    std::vector<const Simulation*> unfinished_runs() const;
    bool accept_block(std::uint64_t run_id, std::int64_t lo, std::int64_t hi, const double* columns, const float* bands);
    std::int64_t trials_run_here() const { return trials_run_here_; }  // on this thread, in frames
    nlohmann::json to_json() const;
    static constexpr std::int64_t kTrials = 2000;
    static constexpr std::uint64_t kSeed = 1;

private:
    struct Era;
    AppModel& model_;
    std::vector<std::unique_ptr<Era>> eras_;
    std::int64_t trials_run_here_ = 0;

    void start();
    void draw_multiples();
    void draw_table();
};

// When a scenario's terms began, for ordering (months since year 0) and as shown ("Apr 2026").
struct TermsDate {
    int months = 0;
    std::string label;
};
TermsDate terms_date(const Scenario& s);

}  // namespace pactscope::ui
