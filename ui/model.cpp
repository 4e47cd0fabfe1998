#include "model.h"

#include <algorithm>

#include "io/analysis_io.h"
#include "io/presets.h"
#include "io/scenario_io.h"
#include "io/scenario_variants.h"

namespace pactscope::ui {

using nlohmann::json;

AppModel::AppModel() { load_preset("rofr-2025"); }

bool AppModel::load_text(std::string_view text, Issues& problems) {
    if (!load_document(text, problems)) return false;
    // A file or link that is a preset as shipped is that preset, not an import. Share links and saved files
    // carry the scenario as written out (scenario_to_json), so it is compared in that form; only a preset of
    // the same name can match, so at most one is read.
    for (const Preset& p : presets()) {
        if (json::parse(p.json, nullptr, false).value("name", std::string()) != scenario_.name) continue;
        const LoadedScenario shipped = load_scenario(p.json);
        if (shipped.scenario && scenario_to_json(*shipped.scenario) == scenario_to_json(scenario_)) {
            // Edits are measured against the preset's own document from here on.
            doc_ = json::parse(p.json, nullptr, false);
            preset_id_ = p.id;
            edited_revision_ = ~0ull;
        }
        break;
    }
    return true;
}

bool AppModel::load_preset(const std::string& id) {
    const Preset* p = find_preset(id);
    if (!p) return false;
    Issues problems;
    if (!load_document(p->json, problems)) return false;
    preset_id_ = id;
    return true;
}

bool AppModel::load_document(std::string_view text, Issues& problems) {
    LoadedScenario ls = load_scenario(text);
    problems = ls.issues;
    if (!ls.scenario) return false;
    // The reader accepted it, so it is JSON; keep the document as written for editing.
    doc_ = json::parse(text.begin(), text.end(), nullptr, false);
    set_aside_.clear();
    ++documents_loaded_;
    ++doc_revision_;
    issues_.clear();
    preset_id_.clear();
    adopt(std::move(*ls.scenario));
    return true;
}

const json* AppModel::at(const std::string& pointer) const {
    json::json_pointer ptr(pointer);
    return doc_.contains(ptr) ? &doc_.at(ptr) : nullptr;
}

void AppModel::set(const std::string& pointer, const json& value) {
    json next = doc_;
    next[json::json_pointer(pointer)] = value;
    apply(std::move(next));
}

std::string AppModel::check(const std::string& pointer, const json& value) const {
    json next = doc_;
    next[json::json_pointer(pointer)] = value;
    const LoadedScenario ls = load_scenario_document(next);
    for (const Issue& i : ls.issues)
        if (i.pointer == pointer || i.pointer.rfind(pointer + "/", 0) == 0) return i.message;
    return {};
}

std::string AppModel::set_checked(const std::string& pointer, const json& value) {
    if (std::string refused = check(pointer, value); !refused.empty()) return refused;
    json next = doc_;
    next[json::json_pointer(pointer)] = value;
    apply(std::move(next));
    return {};
}

void AppModel::switch_variant(const std::string& object_pointer, const std::string& field, const std::string& value) {
    const json* object = at(object_pointer);
    if (!object || !object->is_object()) return;
    json next = pactscope::switch_variant(*object, field, value);
    if (next == *object) return;
    // What the new variant forbids is set aside, and what was set aside comes back (over any default) wherever
    // the new variant allows it: switching to look and back loses nothing typed. An entry belongs to the object
    // it was taken from (its identity), so a list that moved under it is never restored into another object.
    json& aside = set_aside_[object_pointer + "|" + field];
    if (!aside.is_object() || aside.value("identity", json()) != object_identity(*object))
        aside = json{{"identity", object_identity(*object)}, {"fields", json::object()}};
    json& kept = aside["fields"];
    const std::vector<std::string> forbidden = variant_forbids(*object, field, value);
    for (auto it = kept.begin(); it != kept.end();) {
        if (object->contains(it.key())) it = kept.erase(it);  // the object has it again (typed anew, or an undo): that value stands
        else if (std::find(forbidden.begin(), forbidden.end(), it.key()) == forbidden.end()) next[it.key()] = it.value(), it = kept.erase(it);
        else ++it;
    }
    for (const auto& item : object->items())
        if (!next.contains(item.key())) kept[item.key()] = item.value();
    if (kept.empty()) set_aside_.erase(object_pointer + "|" + field);
    set(object_pointer, std::move(next));
}

json AppModel::object_identity(const json& object) {
    if (!object.is_object()) return nullptr;
    return json{{"id", object.value("id", std::string())}, {"type", object.value("type", std::string())},
                {"party", object.value("holder", object.value("provider", std::string()))}};
}

json AppModel::set_aside(const std::string& object_pointer, const std::string& field) const {
    const auto it = set_aside_.find(object_pointer + "|" + field);
    const json* object = at(object_pointer);
    if (it == set_aside_.end() || !object || it->second.value("identity", json()) != object_identity(*object)) return json::object();
    json out = json::object();  // what switching back would bring: kept, and not in the object now (an undo may have)
    for (const auto& item : it->second["fields"].items())
        if (!object->contains(item.key())) out[item.key()] = item.value();
    return out;
}

void AppModel::erase(const std::string& pointer) {
    json::json_pointer ptr(pointer);
    json next = doc_;
    if (!next.contains(ptr) || ptr.empty()) return;
    json& parent = next.at(ptr.parent_pointer());
    const std::string key = ptr.back();
    if (parent.is_array()) parent.erase(static_cast<std::size_t>(std::stoul(key)));
    else parent.erase(key);
    if (parent.is_array()) {  // this element and those after it move: what they set aside would follow another object
        const std::string list = ptr.parent_pointer().to_string() + "/";
        const std::size_t removed = static_cast<std::size_t>(std::stoul(key));
        std::erase_if(set_aside_, [&](const auto& entry) {
            if (entry.first.compare(0, list.size(), list) != 0) return false;
            const std::string rest = entry.first.substr(list.size());
            const std::size_t digits = rest.find_first_not_of("0123456789");
            return digits != 0 && std::stoul(rest.substr(0, digits)) >= removed;
        });
    }
    apply(std::move(next));
}

void AppModel::append(const std::string& array_pointer, const json& value) {
    json next = doc_;
    json& arr = next[json::json_pointer(array_pointer)];
    if (arr.is_null()) arr = json::array();
    if (!arr.is_array()) return;
    arr.push_back(value);
    apply(std::move(next));
}

bool AppModel::preset_edited() const {
    if (preset_id_.empty()) return false;
    if (edited_revision_ != doc_revision_) {
        const Preset* p = find_preset(preset_id_);
        edited_ = !p || json::parse(p->json, nullptr, false) != doc_;
        edited_revision_ = doc_revision_;
    }
    return edited_;
}

std::vector<std::string> AppModel::export_names() const {
    std::vector<const Scenario*> deals = {&scenario_};
    std::vector<bool> edited = {preset_edited()};
    static const std::string kEdited = " (edited)";
    for (const PinnedScenario& p : pinned_) {
        deals.push_back(&p.scenario);
        edited.push_back(p.label.size() > kEdited.size() && p.label.compare(p.label.size() - kEdited.size(), kEdited.size(), kEdited) == 0);
    }
    std::vector<std::string> out;
    for (std::size_t k = 0; k < deals.size(); ++k) {
        bool shared = false;
        for (std::size_t j = 0; j < deals.size(); ++j) shared = shared || (j != k && deals[j]->name == deals[k]->name);
        out.push_back(shared && edited[k] ? deals[k]->name + kEdited : deals[k]->name);
    }
    return unique_names(out);  // two edited copies of one deal: "NAME (edited)" and "NAME (edited) (2)", as tables number them
}

std::string AppModel::export_name_of(const Scenario& s) const {
    const std::vector<std::string> names = export_names();
    if (&s == &scenario_) return names[0];
    for (std::size_t k = 0; k < pinned_.size(); ++k)
        if (&s == &pinned_[k].scenario) return names[k + 1];
    return s.name;
}

Scenario AppModel::named_for_export(const Scenario& s) const {
    Scenario out = s;
    out.name = export_name_of(s);
    return out;
}

std::string AppModel::preset_label() const {
    if (preset_id_.empty()) return scenario_.name.empty() ? std::string("(imported)") : scenario_.name + " (imported)";
    return preset_edited() ? preset_id_ + " (edited)" : preset_id_;
}

void AppModel::restore(const Snapshot& s) {
    // Undo and redo keep what was set aside: an entry checks its object's identity when used, and offers only
    // fields the object does not have again.
    apply(s.doc);
    preset_id_ = s.preset_id;
}

void AppModel::apply(json next) {
    doc_ = std::move(next);
    ++doc_revision_;
    LoadedScenario ls = load_scenario_document(doc_);
    issues_ = ls.issues;
    if (ls.scenario) adopt(std::move(*ls.scenario));
}

void AppModel::adopt(Scenario s) {
    scenario_ = std::move(s);
    result_ = evaluate(scenario_);
    ++revision_;
    sim_.start(scenario_, page_trials(scenario_), scenario_.uncertainty.seed);
    summary_ = McSummary{};  // no trial of the new run yet
    summary_run_ = sim_.run_id();
    summary_builder_.clear();
    // Pinned runs pair with the current one only with the same trials and seed (MODEL §7).
    for (PinnedScenario& p : pinned_)
        if (p.sim.trials() != sim_.trials() || p.sim.seed() != sim_.seed()) p.sim.start(p.scenario, sim_.trials(), sim_.seed());
}

std::string AppModel::scenario_text() const { return scenario_to_json(scenario_).dump(2) + "\n"; }

std::int64_t AppModel::step_monte_carlo(std::int64_t trials) {
    if (trials_at_ != TrialsAt::here) return 0;
    std::int64_t ran = sim_.step(trials);
    for (PinnedScenario& p : pinned_)
        if (ran < trials) ran += p.sim.step(trials - ran);
    trials_run_here_ += ran;
    return ran;
}

bool AppModel::monte_carlo_running() const {
    if (!sim_.done()) return true;
    for (const PinnedScenario& p : pinned_)
        if (!p.sim.done()) return true;
    return false;
}

std::vector<const Simulation*> AppModel::unfinished_runs() const {
    std::vector<const Simulation*> runs;
    if (!sim_.done()) runs.push_back(&sim_);
    for (const PinnedScenario& p : pinned_)
        if (!p.sim.done()) runs.push_back(&p.sim);
    return runs;
}

bool AppModel::accept_block(std::uint64_t run_id, std::int64_t lo, std::int64_t hi, const double* columns, const float* bands) {
    if (sim_.run_id() == run_id) return sim_.accept_block(lo, hi, columns, bands);
    for (PinnedScenario& p : pinned_)
        if (p.sim.run_id() == run_id) return p.sim.accept_block(lo, hi, columns, bands);
    return false;
}

void AppModel::advance_summary(int pieces) {
    if (summary_builder_.advance(sim_, pieces)) summary_run_ = summary_builder_.run_id(), summary_ = summary_builder_.take();
}

std::int64_t AppModel::page_trials(const Scenario& s) {
    // The page's memory is shared by the current run and up to kMaxPinned pinned ones; a run whose
    // samples would exceed its share runs as many trials as fit (the screen says so).
    const std::uint64_t per_trial = std::max<std::uint64_t>(1, Simulation::bytes_for(s, 1));
    const auto fit = static_cast<std::int64_t>(kPageMonteCarloBytes / per_trial);
    return std::min(s.uncertainty.trials, fit);
}

bool AppModel::pin_current(const std::string& label) {
    if (pinned_.size() >= kMaxPinned) return false;
    PinnedScenario p;
    p.label = label;
    // With an edit pending that does not validate, the pinned deal is the last valid scenario (what the results
    // show), not the document as typed.
    p.source = valid() ? snapshot() : Snapshot{json(scenario_to_json(scenario_)), ""};
    p.scenario = scenario_;
    p.result = result_;
    p.sim.start(p.scenario, sim_.trials(), sim_.seed());
    pinned_.push_back(std::move(p));
    ++pinned_revision_;
    return true;
}

bool AppModel::pin_scenario(const std::string& label, const Scenario& s) {
    if (pinned_.size() >= kMaxPinned) return false;
    PinnedScenario p;
    p.label = label;
    // Its document as written; a preset as shipped (a link pins presets by id) is that preset again once swapped in.
    p.source = {json(scenario_to_json(s)), ""};
    if (const Preset* shipped = find_preset(label))
        if (const LoadedScenario ls = load_scenario(shipped->json); ls.scenario && scenario_to_json(*ls.scenario) == scenario_to_json(s))
            p.source = {json::parse(shipped->json, nullptr, false), label};
    p.scenario = s;
    p.result = evaluate(s);
    p.sim.start(p.scenario, sim_.trials(), sim_.seed());
    pinned_.push_back(std::move(p));
    ++pinned_revision_;
    return true;
}

void AppModel::unpin_all() {
    if (!pinned_.empty()) pinned_.clear(), ++pinned_revision_;
}

bool AppModel::swap_with_pinned(std::size_t i) {
    // Only a valid current document can be pinned as it is (an invalid one would pin the last valid scenario
    // under a document that does not give it).
    if (i >= pinned_.size() || !valid()) return false;
    PinnedScenario& p = pinned_[i];
    const Snapshot mine = snapshot();
    std::string label = preset_label();
    Scenario scenario = scenario_;
    Result result = result_;
    restore(p.source);  // a new document revision: one undo step, and the current trials start again
    // Another whole document: the editor forgets the fields typed into the old one, and what was set aside.
    set_aside_.clear();
    ++documents_loaded_;
    p.label = std::move(label);
    p.source = mine;
    p.scenario = std::move(scenario);
    p.result = std::move(result);
    p.sim.start(p.scenario, sim_.trials(), sim_.seed());
    ++pinned_revision_;
    return true;
}

void AppModel::unpin(std::size_t i) {
    if (i < pinned_.size()) pinned_.erase(pinned_.begin() + static_cast<std::ptrdiff_t>(i)), ++pinned_revision_;
}

}  // namespace pactscope::ui
