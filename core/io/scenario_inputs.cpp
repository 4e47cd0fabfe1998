// scenario_inputs.cpp — the scenario's inputs by name (see scenario_inputs.h).
#include "io/scenario_inputs.h"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "analysis/metric.h"
#include "io/input_fields.h"
#include "io/clause_types.h"
#include "io/issue.h"
#include "io/number_entry.h"
#include "model/number_text.h"
#include "model/quarter.h"

namespace pactscope {

namespace {

std::size_t index_of(const std::string& token) { return static_cast<std::size_t>(std::stoul(token)); }

bool is_index(const std::string& t) { return !t.empty() && t.find_first_not_of("0123456789") == std::string::npos; }

// Who an input belongs to, and the field's words when the table's label is not specific enough (a
// quarter of a demand series).
void owner_and_field(const Scenario& s, const std::string& pointer, std::string& owner, std::string& field) {
    const std::vector<std::string> t = pointer_tokens(pointer);
    if (t.empty()) return;
    const std::string& top = t[0];
    if (top == "horizon") owner = "horizon";
    else if (top == "policy") owner = "policy";
    else if (top == "gpus" && t.size() > 1) owner = "GPU " + t[1];
    else if (top == "providers" && t.size() > 2 && is_index(t[1])) {
        const Provider& p = s.providers[index_of(t[1])];
        owner = provider_display_name(p);
        if (t[2] == "capacity" && t.size() > 3 && is_index(t[3])) owner = tranche_name(p, index_of(t[3]));
        else if (t[2] == "egress" && t.size() > 4 && t[3] == "tiers" && is_index(t[4]))
            owner += " egress tier " + std::to_string(index_of(t[4]) + 1);
        else if (t[2] == "egress") owner += " egress";
        else if (t[2] == "provider_cost") owner += " own cost";
    } else if (top == "workloads" && t.size() > 2 && is_index(t[1])) {
        const Workload& w = s.workloads[index_of(t[1])];
        owner = workload_name(w);
        if (t.size() > 4 && t[2] == "demand" && t[3] == "series" && is_index(t[4]))
            field = "demand in " + quarter_label(s.start + static_cast<int>(index_of(t[4])));
    } else if (top == "contract" && t.size() > 1 && is_index(t[1])) {
        owner = clause_name(s, index_of(t[1]));
    } else {
        owner = top;
    }
}

// What an input is, in terms that hold across deals (MODEL §8 "The same input in another deal"): its pointer
// with each place in a list replaced by what sits there — a provider or workload by its id, a clause by its
// name (type, party id, place among that party's clauses of the type), a quarter of a demand series by its
// label — so /contract/3/price_usd_per_h100e_hour reads "contract/commitment on azure/price_usd_per_h100e_hour".
std::string input_key(const Scenario& s, const std::string& pointer) {
    std::vector<std::string> t = pointer_tokens(pointer);
    if (t.size() > 1 && is_index(t[1])) {
        const std::size_t i = index_of(t[1]);
        if (t[0] == "providers" && i < s.providers.size()) t[1] = "id:" + s.providers[i].id;
        else if (t[0] == "workloads" && i < s.workloads.size()) {
            t[1] = "id:" + s.workloads[i].id;
            if (t.size() > 4 && t[2] == "demand" && t[3] == "series" && is_index(t[4])) t[4] = quarter_label(s.start + static_cast<int>(index_of(t[4])));
        } else if (t[0] == "contract" && i < s.contract.size()) t[1] = "clause:" + clause_name(s, i);
    }
    std::string key;
    for (const std::string& token : t) key += "/" + token;
    return key;
}

// A span to sweep for an input fixed at 0, by unit: where such inputs usually lie.
double typical_span(NumberUnit u) {
    switch (u) {
        case NumberUnit::usd: return 1e9;
        case NumberUnit::usd_per_quarter: return 1e8;
        case NumberUnit::usd_per_h100e_hour: return 4;
        case NumberUnit::usd_per_mw: return 5e7;
        case NumberUnit::usd_per_mw_year: return 2e6;
        case NumberUnit::usd_per_mwh: return 100;
        case NumberUnit::usd_per_gb: return 0.1;
        case NumberUnit::share: return 0.5;
        case NumberUnit::fraction_per_year: return 0.2;
        case NumberUnit::mw: return 1000;
        case NumberUnit::kw: return 2;
        case NumberUnit::h100e: return 1e5;
        case NumberUnit::h100e_per_gpu: return 2;
        case NumberUnit::gb_per_h100e_hour: return 1;
        case NumberUnit::tb_per_month: return 100;
        case NumberUnit::hours: return 24;
        case NumberUnit::quarters: return 4;
        case NumberUnit::years: return 10;
        case NumberUnit::per_year: return 12;
        case NumberUnit::plain:
        case NumberUnit::count: return 1;
    }
    return 1;
}

// MODEL §13: where a sweep opens. P5 to P95 when they differ; otherwise a span around the value — four quarters
// either side of a fixed quarter, ±50% of a nonzero number, a unit's typical span from 0 — kept inside the
// field's range and strictly inside an open bound.
void sweep_span(ScenarioInput& in) {
    if (in.p95 > in.p5) {
        in.sweep_lo = in.p5, in.sweep_hi = in.p95;
        in.sweep_note = "its P5 to P95";
    } else if (in.quarters) {
        in.sweep_lo = in.median - 4, in.sweep_hi = in.median + 4;
        in.sweep_note = "four quarters either side of its fixed " + quarter_label(static_cast<int>(in.median));
        return;  // quarters have no numeric range
    } else if (in.median != 0) {
        const double a = in.median * 0.5, b = in.median * 1.5;
        in.sweep_lo = std::min(a, b), in.sweep_hi = std::max(a, b);
        in.sweep_note = "50% either side of its fixed " + format_number_display(in.median, in.number_unit);  // as the field shows it
    } else {
        const double span = typical_span(in.number_unit);
        in.sweep_lo = in.number_unit == NumberUnit::fraction_per_year ? -span : 0;
        in.sweep_hi = span;
        in.sweep_note = "a typical span for " + (in.unit.empty() ? std::string("the field") : in.unit) + " (it is fixed at 0)";
    }
    in.sweep_hi = std::min(in.sweep_hi, in.range_hi);
    if (in.sweep_lo < in.range_lo || (in.range_lo_open && in.sweep_lo <= in.range_lo)) {
        in.sweep_lo = in.range_lo;
        if (in.range_lo_open) in.sweep_lo += (in.sweep_hi - in.range_lo) * 1e-3;  // just inside "> lo"
        in.sweep_note += " (kept inside the field's range)";
    }
    if (!(in.sweep_hi > in.sweep_lo)) {  // a value at the top of its range: open downward from it
        in.sweep_hi = in.range_hi;
        in.sweep_lo = std::max(in.range_lo, in.sweep_hi - typical_span(in.number_unit));
        if (in.range_lo_open && in.sweep_lo <= in.range_lo) in.sweep_lo = in.range_lo + (in.sweep_hi - in.range_lo) * 1e-3;
    }
    // A count of quarters (a build slip, a response delay) acts in whole quarters (the engine rounds it), so
    // its sweep opens on whole quarters: each end rounded, at least one quarter apart, inside the range.
    if (in.number_unit == NumberUnit::quarters && !in.quarters) {
        in.sweep_lo = std::max(in.range_lo, std::round(in.sweep_lo));
        in.sweep_hi = std::min(in.range_hi, std::max(std::round(in.sweep_hi), in.sweep_lo + 1));
        in.sweep_note += ", in whole quarters";
    }
}

std::string lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// An input's names and unit (everything in ScenarioInput that follows from its pointer and the scenario).
ScenarioInput named_input(const Scenario& s, QRef q) {
    const Quantity& qt = s.quantities[static_cast<std::size_t>(q)];
    ScenarioInput in;
    in.quantity = q;
    in.pointer = qt.pointer;
    in.quarters = qt.form == Form::label || qt.dist == Dist::quarters;
    owner_and_field(s, qt.pointer, in.owner, in.field);
    const InputField* f = input_field_at(qt.pointer);
    if (f) {
        if (in.field.empty()) in.field = f->label;
        in.meaning = f->meaning;
        in.number_unit = f->unit;
        in.unit = number_unit_words(f->unit);
    } else if (in.field.empty()) {
        in.field = pointer_tokens(qt.pointer).empty() ? qt.pointer : pointer_tokens(qt.pointer).back();
    }
    if (in.quarters) in.unit = "quarter";
    in.name = in.owner + " — " + in.field + (in.unit.empty() ? std::string() : " (" + in.unit + ")");
    return in;
}

}  // namespace

std::vector<ScenarioInput> scenario_inputs(const Scenario& s) {
    std::vector<ScenarioInput> out;
    for (QRef q = 0; q < static_cast<QRef>(s.quantities.size()); ++q) {
        const Quantity& qt = s.quantities[static_cast<std::size_t>(q)];
        ScenarioInput in = named_input(s, q);
        in.uncertain = qt.uncertain();
        const double shift = in.quarters ? s.start : 0;  // quarter inputs are stored relative to horizon.start
        in.median = qt.median() + shift;
        in.p5 = qt.quantile(0.05) + shift;
        in.p95 = qt.quantile(0.95) + shift;
        in.range_lo = qt.range_lo, in.range_hi = qt.range_hi, in.range_lo_open = qt.range_lo_open;
        sweep_span(in);
        out.push_back(std::move(in));
    }
    return out;
}

const ScenarioInput* find_input(const std::vector<ScenarioInput>& inputs, const std::string& pointer) {
    for (const ScenarioInput& in : inputs)
        if (in.pointer == pointer) return &in;
    return nullptr;
}

std::string same_input(const Scenario& here, const std::string& pointer, const Scenario& there) {
    if (here.find_quantity(pointer) < 0) return "";
    const std::string key = input_key(here, pointer);
    if (there.find_quantity(pointer) >= 0 && input_key(there, pointer) == key) return pointer;
    for (const Quantity& q : there.quantities)
        if (input_key(there, q.pointer) == key) return q.pointer;
    return "";
}

std::vector<std::size_t> search_inputs(const std::vector<ScenarioInput>& inputs, std::string_view query) {
    std::vector<std::string> words;
    const std::string q = lower(query);
    for (std::size_t i = 0; i < q.size();) {
        while (i < q.size() && std::isspace(static_cast<unsigned char>(q[i]))) ++i;
        std::size_t j = i;
        while (j < q.size() && !std::isspace(static_cast<unsigned char>(q[j]))) ++j;
        if (j > i) words.push_back(q.substr(i, j - i));
        i = j;
    }
    struct Hit {
        int starts;              // query words that start a word of the name: more first
        std::size_t owner_size;  // then the input of the party itself before its tranches, tiers and clauses
        std::size_t index;       // then document order
    };
    std::vector<Hit> hits;
    for (std::size_t k = 0; k < inputs.size(); ++k) {
        const std::string name = lower(inputs[k].name), text = name + " " + lower(inputs[k].pointer);
        bool all = true;
        int starts = 0;
        for (const std::string& w : words) {
            if (text.find(w) == std::string::npos) { all = false; break; }
            for (std::size_t at = name.find(w); at != std::string::npos; at = name.find(w, at + 1))
                if (at == 0 || !std::isalnum(static_cast<unsigned char>(name[at - 1]))) { ++starts; break; }
        }
        if (all) hits.push_back({starts, inputs[k].owner.size(), k});
    }
    std::stable_sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) {
        return a.starts != b.starts ? a.starts > b.starts : a.owner_size < b.owner_size;
    });
    std::vector<std::size_t> out;
    for (const Hit& h : hits) out.push_back(h.index);
    return out;
}

std::string input_name(const Scenario& s, const std::string& pointer) {
    const QRef q = s.find_quantity(pointer);
    return q < 0 ? "" : named_input(s, q).name;
}

std::size_t strongest_input(const std::vector<ScenarioInput>& inputs, const Tornado& t) {
    if (t.bars.empty()) return inputs.size();
    for (std::size_t k = 0; k < inputs.size(); ++k)
        if (inputs[k].quantity == t.bars.front().quantity) return k;
    return inputs.size();
}

}  // namespace pactscope
