// scenario_inputs.h — every input a sweep or a break-even can move, by name (MODEL §8 "Inputs by name").
//
// What it is: one entry per numeric quantity of a scenario (MODEL §2), named
// "owner — field (unit)": "Microsoft Azure — price per H100e-hour (USD per H100e-hour)",
// "commitment on azure — committed spend (USD)", "workload inference — demand growth per year (share
// per year)", with its JSON pointer (what `sweep` and `breakeven` take), its median, P5 and P95, and
// the span a sweep over it opens on: P5 to P95, or — when the input is a plain number, so P5 = P95 —
// a nonzero span around it that the entry describes (MODEL §13). A search helper finds entries by
// words ("azure pri" finds the Azure price).
// What it is not: the sweep itself (analysis.h) or validation of a chosen range (sweep_axis does that).
//
// Usage:
//   std::vector<ScenarioInput> in = scenario_inputs(s);
//   for (std::size_t i : search_inputs(in, "azure pri")) … in[i].name, in[i].pointer, in[i].sweep_lo …
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analysis.h"
#include "io/number_entry.h"
#include "model/scenario.h"

namespace pactscope {

struct ScenarioInput {
    QRef quantity = -1;
    std::string pointer;   // "/providers/0/price_usd_per_h100e_hour"
    std::string owner;     // "Microsoft Azure", "commitment on azure", "workload inference", "GPU H100", "horizon", "policy"
    std::string field;     // "price per H100e-hour"
    std::string unit;      // "USD per H100e-hour" (empty for plain numbers)
    std::string name;      // "Microsoft Azure — price per H100e-hour (USD per H100e-hour)"
    std::string meaning;   // one line
    NumberUnit number_unit = NumberUnit::plain;  // how the page shows and reads its values (number_entry.h)
    bool quarters = false;  // a quarter input (an AGI date): the values below are absolute quarter indices
    bool uncertain = false;
    double median = 0, p5 = 0, p95 = 0;
    double range_lo = 0, range_hi = 0;  // the field's valid range (MODEL §10.2)
    bool range_lo_open = false;         // "> 0", "> -1": range_lo itself is refused
    // Where a sweep over this input opens: [sweep_lo, sweep_hi] with sweep_lo < sweep_hi, inside the range.
    double sweep_lo = 0, sweep_hi = 0;
    std::string sweep_note;  // what the range is, after "over": "its P5 to P95", "50% either side of its fixed $38B"
    // Whole steps only: a quarter (an AGI date) or a count of quarters the engine rounds (a build slip).
    bool whole_steps() const { return quarters || number_unit == NumberUnit::quarters; }
};

// Every quantity of the scenario, in the order the scenario's document lists them.
std::vector<ScenarioInput> scenario_inputs(const Scenario& s);

// The input of `inputs` at `pointer`, or nullptr.
const ScenarioInput* find_input(const std::vector<ScenarioInput>& inputs, const std::string& pointer);

// The pointer in deal `there` of the input at `pointer` in deal `here`, or "" when `there` has none (MODEL §8
// "The same input in another deal"): providers and workloads matched by id, clauses by type, party id and
// place among that party's clauses of the type, tranches and tiers by their place, a demand series' quarter
// by its label. Deals whose clause or provider lists differ hold one input at different pointers (/contract/3
// is the Azure commitment in one deal and a CoreWeave reservation in another), so a pointer alone does not
// say which input it is.
std::string same_input(const Scenario& here, const std::string& pointer, const Scenario& there);

// Indices of the entries matching `query`: every whitespace-separated word must appear, case-insensitively,
// in the entry's name or pointer. Entries where more words start a word of the name come first, then the
// inputs of a party itself before those of its tranches, tiers and clauses (the shorter owner), then
// document order. An empty query matches everything.
std::vector<std::size_t> search_inputs(const std::vector<ScenarioInput>& inputs, std::string_view query);

// The name of the input at `pointer` ("Microsoft Azure — price per H100e-hour (USD per H100e-hour)"), or "".
std::string input_name(const Scenario& s, const std::string& pointer);

// The entry of the input that moves the metric most (the tornado's first bar), or inputs.size() when none does:
// where the page's sweep opens.
std::size_t strongest_input(const std::vector<ScenarioInput>& inputs, const Tornado& t);

}  // namespace pactscope
