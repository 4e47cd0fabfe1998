// scenario_panel.h — the left side of the page: everything that defines the scenario.
//
// What it is: the preset picker and the scenario's name, its problems (each a link to its field),
// the clause timeline, the clause cards (clause_cards.cpp), providers and capacity, workloads,
// policy and uncertainty. It edits the document only through AppModel's operations.
// View state it owns: the fields' typing and refusals and a pending focus (FieldEdits), the
// message of a load that failed, and today's quarter for the timeline.
//
// Lifecycle (one per page, like floooh/chips' ui_* windows):
//   ScenarioPanel panel(model);        // over the app's model, which outlives it
//   panel.draw();                      // every frame, inside a child window
//   panel.end_frame();                 // after everything is drawn: commits numbers typed and left
#pragma once
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "io/clause_types.h"
#include "model.h"
#include "widgets.h"

namespace pactscope::ui {

class ScenarioPanel {
public:
    explicit ScenarioPanel(AppModel& model) : model_(model) {}

    void draw();
    void end_frame();
    // Today's quarter (absolute index, quarter.h), marked on the timeline; from the platform's calendar.
    void set_today(int quarter) { today_quarter_ = quarter; }
    // The problems of a file or link that was not loaded ("" clears them).
    void show_load_errors(std::string text) { load_errors_ = std::move(text); }
    const std::string& load_errors() const { return load_errors_; }
    const FieldEdits& fields() const { return fields_; }
    // After another document arrives (a preset, a file, undo): refusals of the old one no longer apply.
    void forget_edits() { fields_.forget_all(); }

private:
    AppModel& model_;
    FieldEdits fields_;
    std::uint64_t loads_seen_ = 0;  // AppModel::documents_loaded() when the fields last belonged to the document
    std::string load_errors_;
    int today_quarter_ = -1;

    void draw_issues();
    void draw_timeline();
    void draw_clauses();  // clause_cards.cpp
    void draw_clause_fields(const ClauseTypeInfo& info, const std::string& base, const nlohmann::json& clause, const std::string& note);
    void draw_providers();
    void draw_provider_cost(const std::string& base, const nlohmann::json& provider, const std::string& note);
    void draw_workloads();
    void draw_policy_uncertainty();
};

}  // namespace pactscope::ui
