// document_controls.h — controls bound to a place in the scenario document (a JSON pointer),
// shared by the clause cards and the provider, workload and policy sections.
//
//   provider_combo   a provider id (holder, provider, home), from the document's providers
//   choice_combo     a word field (scope, match, payer, trigger, kind): a field that chooses a variant
//                    switches through AppModel::switch_variant, one valid edit
//   quarter_field    a quarter label (online, from, to), committed when left
//   provenance       a source id and note, for tooltips
// What it is not: view state; that lives in FieldEdits (widgets.h) and the panels.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "widgets.h"

namespace pactscope::ui {

std::vector<std::string> provider_ids(const nlohmann::json& doc);
// Ids of the providers of one kind ("cloud" or "owned").
std::vector<std::string> provider_ids_of_kind(const nlohmann::json& doc, const char* kind);
std::string str(const nlohmann::json& o, const char* key, const std::string& fallback = "");
// A source id and note as the tooltip footer of a field (MODEL §10.4).
std::string provenance(const nlohmann::json& o);

void provider_combo(AppModel& m, const char* label, const std::string& pointer, const std::vector<std::string>& ids, bool allow_none);
void choice_combo(AppModel& m, const char* label, const std::string& object, const char* field, const std::vector<std::string>& options,
                  const std::string& fallback);
void quarter_field(AppModel& m, FieldEdits& edits, const char* label, const std::string& pointer, bool optional, bool allow_agi);
// True when a field to focus lies inside the object at `base` (an error in the list was clicked).
bool opens_for_focus(const std::string& focus, const std::string& base);
// What the editor calls a field: its label in the input field table (io/input_fields.h), else its key with spaces.
std::string field_label(const std::string& key);

}  // namespace pactscope::ui
