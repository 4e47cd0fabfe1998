// input_fields.h — the scenario's numeric fields as one table: a short label, a one-line meaning and
// the unit (MODEL §3, §10.2, §11), found by JSON key.
//
// What it is: the words inputs are named with — "price per H100e-hour (USD per H100e-hour)",
// "committed spend (USD)" — for the input list of sweeps and break-evens (scenario_inputs.h), and
// the vocabulary the page's editor speaks: labels, tooltips (meaning, unit, allowed range), the
// number forms a field accepts and how it is shown (number_entry.h), the bounds a drag stays inside. Keys shared by several objects (price_usd_per_h100e_hour on clouds,
// commitments and reservations) mean the same thing in each.
// What it is not: validation; the reader owns the ranges (clause_types.h, scenario_reader.h) — the
// ranges here only explain them and keep drags inside them.
//
// Usage:
//   const InputField* f = input_field_at("/providers/0/price_usd_per_h100e_hour/p95");  // the price's entry
//   std::string words = std::string(f->label) + " (" + number_unit_words(f->unit) + ")";
#pragma once
#include <string>

#include "io/number_entry.h"

namespace pactscope {

struct InputField {
    const char* key;
    const char* label;    // "price per H100e-hour"
    const char* meaning;  // one line
    NumberUnit unit;
    const char* range;  // as a user reads it: ">= 0", "0% to 100%"
    double lo, hi;      // bounds for drags (an open bound "> 0" is its limit plus a little)
};

// The entry for a JSON key, or nullptr.
const InputField* input_field(const std::string& key);
// A JSON key in words, for names and notes: its field's label ("price per H100e-hour" for
// price_usd_per_h100e_hour), else the key with spaces for underscores.
std::string field_words(const std::string& key);
// The entry for the field a pointer names, walking up from distribution parameters, clip bounds and
// array elements (/…/price_usd_per_h100e_hour/p5, /…/series/3), or nullptr.
const InputField* input_field_at(const std::string& pointer);
// The unit of the field at a pointer (plain when unknown).
NumberUnit input_field_unit(const std::string& pointer);
// The unit in a few words, for names: "USD per H100e-hour", "share", "share per year", "" for plain numbers.
const char* number_unit_words(NumberUnit unit);

}  // namespace pactscope
