// widgets.h — the small controls every screen shares.
//
//   edit_quantity   one scenario number in whatever form it is written (number,
//                   "a to b", distribution object), with a tooltip giving its
//                   meaning, unit, allowed range and source
//   input_string    ImGui::InputText over std::string
//   help_marker     the "(?)" after a label
//   track           names the last item's screen rectangle for the test hook
#pragma once
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "imgui.h"
#include "model.h"

namespace pactscope::ui {

// What a field means, its unit and range, from its JSON key (SPEC §3, §10.2).
struct FieldDoc {
    const char* meaning;
    const char* unit;
    const char* range;
};
const FieldDoc* field_doc(const std::string& key);

// Edits the quantity at `pointer`; `source_note` is appended to its tooltip. Returns true when edited.
bool edit_quantity(AppModel& m, const char* label, const std::string& pointer, const std::string& source_note = "");
bool input_string(const char* label, std::string& s, ImGuiInputTextFlags flags = 0);
void help_marker(const char* text);

// Rectangles of named widgets, for window.pactscope.items() (end-to-end tests click real pixels).
class ItemRegistry {
public:
    void track(const std::string& name);  // the last submitted item
    void begin_frame() { current_.clear(); }
    void end_frame() { last_ = current_; }
    nlohmann::json to_json() const;

private:
    std::map<std::string, ImVec4> current_, last_;  // x, y, w, h in CSS pixels
};
ItemRegistry& items();

}  // namespace pactscope::ui
