// pickers.h — choosing a metric and an input by name (MODEL §8 "Labels", "Inputs by name").
//
// What it is: the two choosers every analysis view shares.
//   metric_picker   a combo of every metric of the scenario (scenario_metrics: the totals, the buyer's
//                   figures, each provider's), grouped under the party's name and named in the
//                   scenario's words ("OpenAI — net"); the raw key is only in the tooltip
//   input_picker    a button naming the chosen input; a click opens a search field and the matching
//                   inputs (search_inputs: "azure pri" finds "Microsoft Azure — price per H100e-hour"),
//                   each with its current value
// Both remember the choice as text (a metric key, an input's JSON pointer), so a choice survives a
// scenario change when the new scenario still has it.
// Items for the test hook: "metric:<id>" (the combo) and "metric:<id>=<key>" (its options);
// "input:<id>" (the button), "input:<id>:search" (the field), "input:<id>=<pointer>" (the matches).
#pragma once
#include <string>
#include <vector>

#include "analysis/metric.h"
#include "format.h"
#include "io/scenario_inputs.h"

namespace pactscope::ui {

// The unit a page chart shows a metric in.
Unit metric_unit_ui(const Metric& m);

// `key` in or out; falls back to "cost_usd" when the scenario does not have it. True when changed.
bool metric_picker(const char* id, const Scenario& s, std::string& key, float width);

// A metric of the scenario by key (cost_usd when it has no such metric).
Metric metric_or_cost(const Scenario& s, const std::string& key);

// The input search's state: what is typed, and the matches it found (for the test hook).
struct InputSearch {
    std::string query;
    std::vector<std::string> matches;  // names, best first (at most 40 shown)
};

// `pointer` in or out ("" = none; `allow_none` offers "(none)"). True when changed.
bool input_picker(const char* id, const std::vector<ScenarioInput>& inputs, std::string& pointer, InputSearch& search, float width,
                  bool allow_none = false);

// An input's value as the page shows it ($2.4/H100e-h, 35%, 2028Q1).
std::string input_value_text(const ScenarioInput& in, double v);

}  // namespace pactscope::ui
