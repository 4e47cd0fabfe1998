// explain_view.h — "what changed, and by how much" between the current deal and a pinned one (MODEL §8
// "What changed"), under the Compare tab.
//
// What it is: a metric picker and a choice of pinned deal (B); the difference metric(B) − metric(current)
// of the deterministic runs — the direction of the comparison table's B − A and of the report — split into
// the contributions of the parts that differ — each clause, provider, workload, policy — by their Shapley
// values (explain.h: the same Explainer as `pactscope explain CURRENT PINNED`), drawn as a waterfall from
// the current value through each part to B's, every part named. The combinations are run a slice per frame (the page stays responsive); exact or sampled is
// stated on screen. Beside it, what falls outside the horizon (outside_horizon.h) in either deal.
// View state it owns: the choices and the attribution in progress, restarted when either deal changes.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "analysis/explain.h"
#include "format.h"
#include "model.h"

namespace pactscope::ui {

class ExplainView {
public:
    explicit ExplainView(AppModel& model);
    ~ExplainView();
    // `paired`: the Compare tab's Monte Carlo comparison once every run is done (nullptr before), for the line that
    // puts the waterfall's deterministic difference beside the trial-by-trial one.
    void draw(const Comparison* paired);
    // Still running combinations (the page keeps drawing frames meanwhile).
    bool working() const;
    nlohmann::json to_json() const;
    // The waterfall on screen as CSV (io/explanation_io.h, as `pactscope explain CURRENT PINNED --metric M
    // --format csv`, or `explain PINNED CURRENT` when reversed): its metric, in the direction on screen. Empty
    // without a pinned deal or when the metric is null in some combination.
    std::string csv() const;

private:
    AppModel& model_;
    int pinned_ = 0;
    std::string metric_ = "buyer.net_usd";
    // From the pinned deal to the current one: when the current deal is the later one (April 2026 beside the
    // October 2025 deal pinned), the clauses it added read "added", not "removed".
    bool reversed_ = false;
    std::string started_for_;  // revision | pinned revision | pinned index | direction
    std::unique_ptr<ScenarioDifference> diff_;
    std::unique_ptr<Explainer> explainer_;
    std::optional<Explanation> result_;
    std::string result_metric_, error_, pinned_label_;
    std::optional<Stat> paired_delta_;  // the Monte Carlo difference in the direction on screen, as last drawn
    std::string paired_text_;           // the same in a few words: the waterfall's note (a slide of it says it)

    void draw_paired_line(const Comparison* paired, const Metric& m, Unit u);
    std::string current_deal_words() const;  // "the current deal (open-2026)", as titles and the paired line say it

    void restart();
    std::string start_key() const;  // what the attribution on screen was started for
};

}  // namespace pactscope::ui
