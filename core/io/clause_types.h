// clause_types.h — the clause vocabulary (MODEL §3 table, §10.3, §11.2, §11.3) as one table.
//
// What it is: one row per clause type — its name, the key that names the provider it is about
// ("holder", "provider" or none) and its fields in document order, each with its kind, the
// Clause member it fills, its range and default, and the condition under which it applies.
// The reader (scenario_read_contract.cpp), the writer (scenario_write.cpp), the result's
// `clauses[]` (result_io.cpp) and the page's clause cards iterate this table, so a field or a
// clause type is added here once. Rules that relate a clause to other parts of the document
// (an owned provider, overlapping windows) stay in the reader.
// What it is not: the clause's meaning; the engine gives it (engine*.cpp).
//
// Usage:
//   const ClauseTypeInfo& info = clause_type_info(ClauseType::reservation);
//   for (const ClauseField& f : info.fields) …            // name, kind, range, default, applies_when
//   nlohmann::json c = clause_example(ClauseType::sla, "azure");   // a valid clause to start from
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/scenario.h"

namespace pactscope {

// The valid range of a number (MODEL §10.2), with the words a message uses for it.
struct Range {
    double lo, hi;
    bool lo_open;
    const char* text;
};
inline constexpr Range kNonNeg{0, kInf, false, ">= 0"};
inline constexpr Range kPositive{0, kInf, true, "> 0"};
inline constexpr Range kUnit{0, 1, false, "in [0, 1]"};
inline constexpr Range kGrowth{-1, kInf, true, "> -1"};
inline constexpr Range kPue{1, kInf, false, ">= 1"};
inline constexpr Range kHours{0, kHoursPerQuarter, false, "in [0, 2190] (hours in a quarter)"};
inline constexpr Range kAvailability{0, 1, true, "in (0, 1]"};

enum class FieldKind : std::uint8_t {
    party,      // a provider id naming who the clause is about (holder or provider); required
    providers,  // an array of provider ids (waivers); optional, empty by default
    quantity,   // an uncertain number (MODEL §2)
    choice,     // one of a few words (scope, match, payer, trigger)
    agi_date,   // a quarter or a quarter range (MODEL §2)
    sla_tiers,  // [{below, credit}, …] of plain numbers (MODEL §11.3)
};

// When a field applies, decided on the clause as written (so the page can show or hide it):
// `key` has the text `equals`, or, with equals = nullptr, `key` is absent.
struct FieldCondition {
    const char* key = nullptr;  // nullptr: always applies
    const char* equals = nullptr;
    const char* reason = nullptr;        // why it does not apply, after "does not apply "; nullptr: `unless "key" is "equals"`
    const char* absent_means = nullptr;  // the text an absent (or unreadable) `key` counts as: its default
};

struct ClauseField {
    const char* name = "";
    FieldKind kind = FieldKind::quantity;
    const char* meaning = "";
    const char* unit = "";
    // party
    int Clause::*party = nullptr;
    // providers
    std::vector<int> Clause::*provider_list = nullptr;
    // quantity / agi_date
    QRef Clause::*quantity = nullptr;
    Range range = kNonNeg;
    std::optional<double> default_value;  // quantity: the value when absent
    bool optional = false;                // quantity without a default: absent means none (cap_usd)
    double example = 0;                   // a sensible value for a new clause (required fields)
    // choice
    std::vector<const char*> choices;     // the first is the default
    int (*get_choice)(const Clause&) = nullptr;
    void (*set_choice)(Clause&, int) = nullptr;
    FieldCondition applies_when;

    bool required() const { return kind == FieldKind::party || kind == FieldKind::sla_tiers || kind == FieldKind::agi_date ||
                                   (kind == FieldKind::quantity && !default_value && !optional); }
    // Whether the field applies to a clause written as `clause` (see FieldCondition).
    bool applies(const nlohmann::json& clause) const;
    // The words after `"name" does not apply ` when it does not.
    std::string not_applicable_reason() const;
};

struct ClauseTypeInfo {
    ClauseType type;
    const char* name;
    const char* label;      // in words, for names of parts and inputs: "revenue share", "ROFR" (MODEL §8 labels)
    const char* meaning;
    const char* party_key;  // "holder", "provider" or nullptr (agi)
    std::vector<ClauseField> fields;
    // The provider the clause names (holder or provider), or -1.
    int party(const Clause& c) const;
};

// Every clause type, in the order of MODEL §3's table then §11.
const std::vector<ClauseTypeInfo>& clause_types();
const ClauseTypeInfo& clause_type_info(ClauseType t);
const ClauseTypeInfo* find_clause_type(const std::string& name);
// "exclusive, rofr, … or sla" for messages.
std::string clause_type_list();

// What a clause is called in labels (MODEL §8): "commitment on azure"; "reservation on oracle #2" when the
// scenario has several clauses of one type on one party (numbered from 1 in document order); "AGI clause"
// for a clause that names no party. A revenue share says which way it flows: "revenue share paid to azure"
// (the buyer pays), "revenue share paid by azure" (the holder pays), numbered among those of its direction.
// The party is named by its id, as people write clauses.
std::string clause_name(const Scenario& s, std::size_t clause);
// The same in words, the party by its name, for readers rather than writers: "reservation · Oracle OCI (Stargate
// sites, 4.5 GW)", "revenue share · Microsoft Azure (buyer pays)", "AGI (profit trigger)". The report's timeline
// rows; the page's timeline and clause cards in their tooltips.
std::string clause_label(const Scenario& s, std::size_t clause);

// A valid clause of type `t` about `provider` with every required field at its example value.
nlohmann::json clause_example(ClauseType t, const std::string& provider);

}  // namespace pactscope
