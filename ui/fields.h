// fields.h — one table of the scenario's numeric fields: what each means, its unit and range.
//
// What it is: the vocabulary the scenario editor speaks — tooltips (meaning, unit, allowed
// range), the number forms a field accepts and how it is shown (number_entry.h), and the
// bounds a drag stays inside. A field is found by its JSON key; a distribution parameter
// (/…/price_usd_per_h100e_hour/p5), a clip bound or a series element takes its parent's entry.
// What it is not: validation — the scenario reader (core) decides what is valid; these ranges
// only keep drags inside it and explain it.
#pragma once
#include <string>

#include "io/number_entry.h"

namespace pactscope::ui {

struct FieldDoc {
    const char* key;
    const char* label;    // what the editor calls it: "capex per MW"
    const char* meaning;
    NumberUnit unit;
    const char* range;    // as a user reads it: ">= 0", "0 to 1"
    double lo, hi;        // bounds for drags (an open bound "> 0" is its limit plus a little)
};

// The entry for a JSON key, or nullptr.
const FieldDoc* field_doc(const std::string& key);
// The entry for the field a pointer names (walking up from distribution parameters, clip
// bounds and array elements), or nullptr.
const FieldDoc* field_doc_at(const std::string& pointer);
// The unit of the field at a pointer (plain when unknown).
NumberUnit field_unit(const std::string& pointer);

}  // namespace pactscope::ui
