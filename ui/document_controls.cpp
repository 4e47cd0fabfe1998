#include "document_controls.h"

#include <algorithm>

namespace pactscope::ui {

using nlohmann::json;

std::vector<std::string> provider_ids(const json& doc) {
    std::vector<std::string> ids;
    if (doc.contains("providers") && doc["providers"].is_array())
        for (const json& p : doc["providers"]) ids.push_back(p.value("id", std::string()));
    return ids;
}

std::vector<std::string> provider_ids_of_kind(const json& doc, const char* kind) {
    std::vector<std::string> ids;
    if (doc.contains("providers") && doc["providers"].is_array())
        for (const json& p : doc["providers"])
            if (str(p, "kind", "cloud") == kind) ids.push_back(p.value("id", std::string()));
    return ids;
}

std::string str(const json& o, const char* key, const std::string& fallback) {
    return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : fallback;
}

std::string provenance(const json& o) {
    std::string s;  // (appended piece by piece: GCC 12's -Wrestrict misfires on "a" + std::string)
    if (o.contains("source") && o["source"].is_string()) s.append("Source: ").append(o["source"].get<std::string>());
    if (o.contains("note") && o["note"].is_string()) {
        if (!s.empty()) s.push_back('\n');
        s.append(o["note"].get<std::string>());
    }
    return s;
}

void provider_combo(AppModel& m, const char* label, const std::string& pointer, const std::vector<std::string>& ids, bool allow_none) {
    const json* v = m.at(pointer);
    const std::string cur = v && v->is_string() ? v->get<std::string>() : "";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo(label, cur.empty() ? "(none)" : cur.c_str())) {
        if (allow_none && ImGui::Selectable("(none)", cur.empty())) m.erase(pointer);
        for (const std::string& id : ids) {
            if (ImGui::Selectable(id.c_str(), id == cur) && id != cur) m.set(pointer, id);
            items().track(pointer + "=" + id);
        }
        ImGui::EndCombo();
    }
    items().track(pointer);
}

void choice_combo(AppModel& m, const char* label, const std::string& object, const char* field, const std::vector<std::string>& options,
                  const std::string& fallback) {
    const json* v = m.at(object + "/" + field);
    const std::string cur = v && v->is_string() ? v->get<std::string>() : fallback;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo(label, cur.c_str())) {
        for (const std::string& o : options) {
            if (ImGui::Selectable(o.c_str(), cur == o) && cur != o) m.switch_variant(object, field, o);
            items().track(object + "/" + field + "=" + o);
        }
        ImGui::EndCombo();
    }
    items().track(object + "/" + field);
    // What an earlier switch removed is kept, and said so: nothing typed is lost by switching to look.
    if (const json aside = m.set_aside(object, field); !aside.empty()) {
        std::string names;
        for (const auto& item : aside.items()) names += (names.empty() ? "" : ", ") + field_words(item.key());
        wrapped_text(std::string("Set aside while ") + field + " is " + cur + ": " + names + ". Switching back restores it.", true);
        items().track(object + "/" + field + "/set_aside");
    }
}

void quarter_field(AppModel& m, FieldEdits& edits, const char* label, const std::string& pointer, bool optional, bool allow_agi) {
    text_field(m, edits, label, pointer, ImGui::GetFontSize() * 5.5f, optional);
    ImGui::SetItemTooltip("A quarter such as 2026Q2%s%s", allow_agi ? ", or \"agi\" (through the AGI quarter)" : "",
                          optional ? "; empty = the whole horizon" : "");
}

bool opens_for_focus(const std::string& focus, const std::string& base) {
    return !focus.empty() && (focus == base || focus.rfind(base + "/", 0) == 0);
}

std::string field_label(const std::string& key) {
    if (const InputField* d = input_field(key)) return d->label;
    std::string s = key;
    for (char& c : s)
        if (c == '_') c = ' ';
    return s;
}

}  // namespace pactscope::ui
