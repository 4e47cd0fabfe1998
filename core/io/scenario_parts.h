// scenario_parts.h — two scenario documents split into the parts in which they differ, and the document
// of A with any of those parts switched to B's (MODEL §8 "What changed", §13).
//
// What it is: the ScenarioDifference that explain() (analysis/explain.h) attributes a change to. Both
// scenarios are written as documents (scenario_to_json: every default explicit, so an absent default
// and an explicit one do not differ) and compared item by item, ignoring what never moves a number
// (`source` and `note` everywhere, `sources`, `name`, `description`, `uncertainty`):
//   - providers and workloads, matched by id: each one added, removed or changed is a part;
//   - contract clauses, matched by type and party (holder or provider), then by position among those:
//     each one added, removed or changed is a part;
//   - horizon, buyer, policy: one part each when they differ; a GPU type present in both with other
//     figures is a part (GPU types only one side has are kept in every combination: unused, they move
//     nothing);
//   - the order of providers, of workloads or of the contract, when the items both have are in another
//     order (document order breaks ties and sets priorities, MODEL §3): one part each.
// A combination keeps the items both sides share; A's items where a part is not switched, B's where it
// is; items only one side has where that side's state is chosen. Items keep their place: B's items
// inserted where B has them among A's, or A's order of everything when the order part is not switched.
// Correlations are dropped (they never move the deterministic run) and sources are pooled.
// What it is not: the attribution (analysis/explain.h) or validation (the reader checks each combination).
//
// Usage:
//   ScenarioParts parts(a, b);
//   for (const ScenarioPart& p : parts.parts()) … p.name, p.pointer …
//   nlohmann::json doc = parts.coalition_document({1, 0, 1});   // A with parts 0 and 2 of B
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/explain.h"

namespace pactscope {

class ScenarioParts final : public ScenarioDifference {
public:
    ScenarioParts(const Scenario& a, const Scenario& b);

    const Scenario& a() const override { return a_; }
    const Scenario& b() const override { return b_; }
    const std::vector<ScenarioPart>& parts() const override { return parts_; }
    // A clause or workload with the provider it names when one side lacks that provider (or the provider
    // changes kind); a horizon of another length with every demand series that changes.
    std::vector<std::vector<int>> linked_parts() const override { return linked_; }
    CoalitionScenario coalition(const Coalition& in) const override;

    // The document of A with the parts marked 1 switched to B's.
    nlohmann::json coalition_document(const Coalition& in) const;

private:
    struct Item {
        std::string key;                 // id, or "type|party|k" for a clause
        nlohmann::json a, b;             // each side's item (null when absent)
        bool in_a = false, in_b = false;
        int index_a = -1, index_b = -1;  // position in each document
        int part = -1;                   // -1: the same on both sides
    };
    struct List {
        std::string key;               // "providers", "workloads", "contract"
        std::vector<Item> items;
        std::vector<int> order_a, order_b;  // items in A's order with B's extras placed, and the reverse
        int order_part = -1;
    };
    struct Setting {
        std::string key;  // "horizon", "buyer", "policy" or "gpus/NAME"
        nlohmann::json a, b;
        int part = -1;
    };

    Scenario a_, b_;
    nlohmann::json doc_a_, doc_b_, sources_;
    std::vector<Setting> settings_;  // horizon, buyer, policy, then GPU types
    std::vector<List> lists_;        // providers, workloads, contract
    std::vector<ScenarioPart> parts_;
    std::vector<std::vector<int>> linked_;

    void diff_settings();
    void diff_list(const std::string& key);
    void name_parts();
    void link_parts();
    // The part a problem at `pointer` of a combination's document lies in (-1: a shared item).
    int part_at(const Coalition& in, const std::string& pointer) const;
};

}  // namespace pactscope
