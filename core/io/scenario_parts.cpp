// scenario_parts.cpp — scenarios split into the parts that differ, and their combinations (see
// scenario_parts.h; MODEL §8 "What changed", §13).
#include "io/scenario_parts.h"

#include <algorithm>
#include <map>

#include "io/clause_types.h"
#include "io/input_fields.h"
#include "io/issue.h"
#include "io/scenario_io.h"
#include "model/names.h"
#include "model/quarter.h"

namespace pactscope {

namespace {

using nlohmann::json;

// What never moves a number: provenance, anywhere in an item.
json without_provenance(const json& j) {
    if (j.is_object()) {
        json out = json::object();
        for (auto it = j.begin(); it != j.end(); ++it)
            if (it.key() != "source" && it.key() != "note") out[it.key()] = without_provenance(it.value());
        return out;
    }
    if (j.is_array()) {
        json out = json::array();
        for (const json& x : j) out.push_back(without_provenance(x));
        return out;
    }
    return j;
}

// The top-level keys in which two objects differ, in words (field_words): "committed spend, end".
std::string changed_keys(const json& a, const json& b) {
    std::vector<std::string> keys;
    if (a.is_object() && b.is_object()) {
        for (auto it = a.begin(); it != a.end(); ++it)
            if (!b.contains(it.key()) || b[it.key()] != it.value()) keys.push_back(it.key());
        for (auto it = b.begin(); it != b.end(); ++it)
            if (!a.contains(it.key())) keys.push_back(it.key());
    }
    std::string out;
    for (std::size_t i = 0; i < keys.size() && i < 4; ++i) out += (i ? ", " : "") + field_words(keys[i]);
    if (keys.size() > 4) out += ", …";
    return out;
}

// The first reference token of a pointer and, if it is followed by one, the second (unescaped).
std::pair<std::string, std::string> head(const std::string& pointer) {
    std::vector<std::string> t = pointer_tokens(pointer);
    t.resize(2);
    return {t[0], t[1]};
}

// The provider ids an item names: a clause's holder, provider and waivers; a workload's home.
std::vector<std::string> named_providers(const json& item) {
    std::vector<std::string> out;
    if (!item.is_object()) return out;
    for (const char* k : {"holder", "provider", "home"})
        if (item.contains(k) && item[k].is_string()) out.push_back(item[k].get<std::string>());
    if (item.contains("waivers") && item["waivers"].is_array())
        for (const json& w : item["waivers"])
            if (w.is_string()) out.push_back(w.get<std::string>());
    return out;
}

// A clause's matching key, as its name (clause_name): type, party, a revenue share's payer, and its position
// among the clauses alike in those. (A share the buyer pays is never paired with one the holder pays.)
std::vector<std::string> clause_keys(const json& contract) {
    std::vector<std::string> out;
    std::map<std::string, int> seen;
    for (const json& c : contract) {
        std::string party;
        for (const char* k : {"holder", "provider"})
            if (c.contains(k) && c[k].is_string()) party = c[k].get<std::string>();
        std::string base = c.value("type", std::string()) + "|" + party;
        if (base.rfind("revenue_share|", 0) == 0) {
            const json* payer = c.contains("payer") ? &c["payer"] : nullptr;  // MODEL §3: the buyer by default
            base += "|" + (payer && payer->is_string() ? payer->get<std::string>() : std::string("buyer"));
        }
        out.push_back(base + "|" + std::to_string(seen[base]++));
    }
    return out;
}

// `first`'s items in order, each item only `second` has placed right after the item before it in
// `second` (at the front when it comes first there). seq_* are item indices in each side's order.
std::vector<int> merged(const std::vector<int>& first, const std::vector<int>& second, const std::vector<bool>& in_first) {
    std::vector<int> out = first;
    for (std::size_t k = 0; k < second.size(); ++k) {
        const int item = second[k];
        if (in_first[static_cast<std::size_t>(item)]) continue;
        auto at = out.begin();
        if (k > 0) at = std::find(out.begin(), out.end(), second[k - 1]) + 1;
        out.insert(at, item);
    }
    return out;
}

int quarter_count(const json& horizon) {
    auto s = parse_quarter(horizon.value("start", std::string())), e = parse_quarter(horizon.value("end", std::string()));
    return s && e ? *e - *s + 1 : 0;
}

}  // namespace

ScenarioParts::ScenarioParts(const Scenario& a, const Scenario& b) : a_(a), b_(b) {
    doc_a_ = json(scenario_to_json(a));
    doc_b_ = json(scenario_to_json(b));
    // Sources never move a number; pooled, every item's `source` still names one (MODEL §10.4).
    sources_ = json::array();
    std::vector<std::string> ids;
    for (const json* d : {&doc_a_, &doc_b_})
        if (d->contains("sources"))
            for (const json& src : (*d)["sources"])
                if (std::find(ids.begin(), ids.end(), src.value("id", std::string())) == ids.end()) {
                    ids.push_back(src.value("id", std::string()));
                    sources_.push_back(src);
                }
    diff_settings();
    for (const char* key : {"providers", "workloads", "contract"}) diff_list(key);
    name_parts();
    link_parts();
}

void ScenarioParts::diff_settings() {
    for (const char* key : {"horizon", "buyer", "policy"}) {
        Setting s{key, doc_a_[key], doc_b_[key], without_provenance(doc_a_[key]) == without_provenance(doc_b_[key]) ? -1 : -2};
        settings_.push_back(s);
    }
    // A GPU type both sides have with other figures is a part; one only a side has is always kept.
    for (auto it = doc_a_["gpus"].begin(); it != doc_a_["gpus"].end(); ++it) {
        if (!doc_b_["gpus"].contains(it.key())) continue;
        const json& b = doc_b_["gpus"][it.key()];
        if (b != it.value()) settings_.push_back({"gpus/" + it.key(), it.value(), b, -2});
    }
}

void ScenarioParts::diff_list(const std::string& key) {
    List list;
    list.key = key;
    const json &la = doc_a_[key], &lb = doc_b_[key];
    std::vector<std::string> ka, kb;
    if (key == "contract") ka = clause_keys(la), kb = clause_keys(lb);
    else {
        for (const json& x : la) ka.push_back(x.value("id", std::string()));
        for (const json& x : lb) kb.push_back(x.value("id", std::string()));
    }
    std::vector<int> seq_a, seq_b;
    for (std::size_t i = 0; i < la.size(); ++i) {
        Item it;
        it.key = ka[i];
        it.a = la[i];
        it.in_a = true;
        it.index_a = static_cast<int>(i);
        seq_a.push_back(static_cast<int>(list.items.size()));
        list.items.push_back(std::move(it));
    }
    for (std::size_t i = 0; i < lb.size(); ++i) {
        auto found = std::find_if(list.items.begin(), list.items.end(), [&](const Item& x) { return x.in_a && x.key == kb[i]; });
        if (found == list.items.end()) {
            Item it;
            it.key = kb[i];
            list.items.push_back(std::move(it));
            found = list.items.end() - 1;
        }
        found->b = lb[i];
        found->in_b = true;
        found->index_b = static_cast<int>(i);
        seq_b.push_back(static_cast<int>(found - list.items.begin()));
    }
    std::vector<bool> in_a, in_b;
    for (Item& it : list.items) {
        in_a.push_back(it.in_a);
        in_b.push_back(it.in_b);
        it.part = it.in_a && it.in_b && without_provenance(it.a) == without_provenance(it.b) ? -1 : -2;
    }
    list.order_a = merged(seq_a, seq_b, in_a);
    list.order_b = merged(seq_b, seq_a, in_b);
    // The items both sides have, in each side's order: a part of its own when they differ (MODEL §3: order matters).
    std::vector<int> common_a, common_b;
    for (int i : seq_a)
        if (list.items[static_cast<std::size_t>(i)].in_b) common_a.push_back(i);
    for (int i : seq_b)
        if (list.items[static_cast<std::size_t>(i)].in_a) common_b.push_back(i);
    if (common_a != common_b) list.order_part = -2;
    lists_.push_back(std::move(list));
}

void ScenarioParts::name_parts() {
    auto add = [&](std::string name, std::string pointer) {
        parts_.push_back({std::move(name), std::move(pointer)});
        return static_cast<int>(parts_.size()) - 1;
    };
    for (Setting& s : settings_) {
        if (s.part != -2) continue;
        const bool gpu = s.key.rfind("gpus/", 0) == 0;
        const std::string name = gpu ? "GPU " + s.key.substr(5) : s.key;
        const std::string changed = changed_keys(s.a, s.b);
        s.part = add(name + " (changed" + (changed.empty() ? "" : ": " + changed) + ")",
                     gpu ? "/gpus/" + pointer_escape(s.key.substr(5)) : "/" + s.key);
    }
    for (List& list : lists_) {
        for (int i : list.order_b) {  // B's document order, a removed item at its place in A
            Item& it = list.items[static_cast<std::size_t>(i)];
            if (it.part != -2) continue;
            const bool from_b = it.in_b;
            const int index = from_b ? it.index_b : it.index_a;
            const Scenario& s = from_b ? b_ : a_;
            std::string name;
            if (list.key == "providers") name = "provider " + provider_display_name(s.providers[static_cast<std::size_t>(index)]);
            else if (list.key == "workloads") name = workload_name(s.workloads[static_cast<std::size_t>(index)]);
            else name = clause_name(s, static_cast<std::size_t>(index));
            std::string what = !it.in_a ? "added" : !it.in_b ? "removed" : "changed";
            if (it.in_a && it.in_b) {
                const std::string changed = changed_keys(without_provenance(it.a), without_provenance(it.b));
                if (!changed.empty()) what += ": " + changed;
            }
            it.part = add(name + " (" + what + ")", "/" + list.key + "/" + std::to_string(index));
        }
        if (list.order_part == -2)
            list.order_part = add(std::string("order of ") + (list.key == "contract" ? "the contract" : list.key) + " (changed)", "/" + list.key);
    }
}

void ScenarioParts::link_parts() {
    const List& providers = lists_[0];
    auto provider_item = [&](const std::string& id) -> const Item* {
        for (const Item& it : providers.items)
            if (it.key == id) return &it;
        return nullptr;
    };
    // A clause or a workload naming a provider one side lacks, or one that changes kind (MODEL §10.3, §11.2:
    // what a clause may name depends on it), validates only beside that provider's own state.
    for (std::size_t l = 1; l < lists_.size(); ++l)
        for (const Item& it : lists_[l].items) {
            if (it.part < 0) continue;
            for (const json* side : {&it.a, &it.b})
                for (const std::string& id : named_providers(*side)) {
                    const Item* p = provider_item(id);
                    if (!p || p->part < 0) continue;
                    const bool one_sided = !p->in_a || !p->in_b;
                    const bool kind_changes = p->in_a && p->in_b && p->a.value("kind", std::string()) != p->b.value("kind", std::string());
                    if (one_sided || kind_changes) linked_.push_back({p->part, it.part});
                }
        }
    // A demand series has one value per quarter of the horizon (MODEL §3).
    const Setting& horizon = settings_[0];
    if (horizon.part >= 0 && quarter_count(horizon.a) != quarter_count(horizon.b))
        for (const Item& it : lists_[1].items) {
            if (it.part < 0) continue;
            auto series = [](const json& w) { return w.is_object() && w.contains("demand") && w["demand"].contains("series"); };
            if (series(it.a) || series(it.b)) linked_.push_back({horizon.part, it.part});
        }
}

json ScenarioParts::coalition_document(const Coalition& in) const {
    auto on = [&](int part) { return part >= 0 && in[static_cast<std::size_t>(part)]; };
    json d = json::object();
    d["schema"] = doc_a_["schema"];
    if (doc_a_.contains("name")) d["name"] = doc_a_["name"];
    if (!sources_.empty()) d["sources"] = sources_;
    json gpus = doc_a_["gpus"];
    for (auto it = doc_b_["gpus"].begin(); it != doc_b_["gpus"].end(); ++it)
        if (!gpus.contains(it.key())) gpus[it.key()] = it.value();
    for (const Setting& s : settings_) {
        const json& v = on(s.part) ? s.b : s.a;
        if (s.key.rfind("gpus/", 0) == 0) gpus[s.key.substr(5)] = v;
        else d[s.key] = v;
    }
    d["gpus"] = gpus;
    for (const List& list : lists_) {
        json arr = json::array();
        for (int i : on(list.order_part) ? list.order_b : list.order_a) {
            const Item& it = list.items[static_cast<std::size_t>(i)];
            if (it.in_a && it.in_b) arr.push_back(on(it.part) ? it.b : it.a);
            else if (it.in_a && !on(it.part)) arr.push_back(it.a);
            else if (it.in_b && on(it.part)) arr.push_back(it.b);
        }
        d[list.key] = arr;
    }
    d["uncertainty"] = json::object();  // correlations never move the deterministic run
    return d;
}

int ScenarioParts::part_at(const Coalition& in, const std::string& pointer) const {
    auto on = [&](int part) { return part >= 0 && in[static_cast<std::size_t>(part)]; };
    const auto [first, second] = head(pointer);
    for (const Setting& s : settings_)
        if (s.key == first || (first == "gpus" && s.key == "gpus/" + second)) return s.part;
    for (const List& list : lists_) {
        if (list.key != first || second.empty() || second.find_first_not_of("0123456789") != std::string::npos) continue;
        std::size_t slot = 0;
        const std::size_t wanted = std::stoul(second);
        for (int i : on(list.order_part) ? list.order_b : list.order_a) {
            const Item& it = list.items[static_cast<std::size_t>(i)];
            const bool present = it.in_a && it.in_b ? true : it.in_a ? !on(it.part) : on(it.part);
            if (!present) continue;
            if (slot++ == wanted) return it.part;
        }
    }
    return -1;
}

CoalitionScenario ScenarioParts::coalition(const Coalition& in) const {
    CoalitionScenario out;
    Result r;
    LoadedScenario ls = load_scenario_document(coalition_document(in), &r);
    if (ls.scenario) {
        out.scenario = std::move(ls.scenario);
        out.result = std::move(r);
        return out;
    }
    for (const Issue& i : ls.issues) out.problems.push_back({i.pointer, i.message, part_at(in, i.pointer)});
    return out;
}

}  // namespace pactscope
