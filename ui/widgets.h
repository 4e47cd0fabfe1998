// widgets.h — the small controls every screen shares.
//
//   number_field    a number in its natural form ($50B, 35%, 1.2 GW): drag it sideways, or
//                   click and type any form of number_entry.h; a typed value is read exactly
//                   or refused with a message beside the field, never reinterpreted
//   edit_quantity   one scenario number in whatever form it is written (number, "a to b",
//                   distribution object), with a tooltip giving its meaning, unit, allowed
//                   range, exact value and source
//   text_field      a string field committed when it is left (names, quarter labels)
//   input_string    ImGui::InputText over std::string
//   help_marker     the "(?)" after a label; item_tooltip, a wrapped tooltip on the last item
//   wrapped_text    text wrapped at spaces only, never inside a number ("60.73%/yr", "$1,500")
//   track           names the last item's screen rectangle for the test hook
//
// FieldEdits is the view state these controls share: the text being typed in a field until it
// is left, and what was refused. The panel that draws the fields owns one and calls end_frame()
// after drawing, which commits text edits that ended this frame (by Enter, Tab, a click
// elsewhere, or the field leaving the screen).
#pragma once
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/input_fields.h"
#include "imgui.h"
#include "model.h"

namespace pactscope::ui {

class FieldEdits {
public:
    // Applies a typed entry; returns "" when taken, else why it was refused.
    using Commit = std::function<std::string(const NumberEntry&)>;
    struct Refusal {
        std::string text, message;  // what was typed, why it was not taken
    };

    // Commits the number fields whose typing ended this frame; call once per frame after drawing.
    void end_frame();
    const Refusal* refusal(const std::string& key) const;
    const std::map<std::string, Refusal>& refusals() const { return refusals_; }
    void forget(const std::string& key) { refusals_.erase(key); }
    void refuse(const std::string& key, std::string text, std::string message) { refusals_[key] = {std::move(text), std::move(message)}; }
    void forget_all() { refusals_.clear(), strings_.clear(); }
    // A field's pointer to focus on the next frame (an error in the list was clicked): the panel
    // opens what contains it, and the field takes the keyboard.
    std::string focus_request;

    // The number fields' side (widgets.cpp).
    struct Typing {
        std::string key, initial, buffer;
        NumberUnit unit = NumberUnit::plain;
        Commit commit;
    };
    Typing& begin_typing(unsigned id, const std::string& key, NumberUnit unit, const std::string& initial, Commit commit);
    Typing* typing(unsigned id);
    // The text of a string field while it is being typed (else it mirrors the document).
    std::string& string_buffer(const std::string& key, const std::string& current);

private:
    std::map<unsigned, Typing> typing_;  // by ImGuiID: fields being typed in
    std::map<std::string, Refusal> refusals_;
    std::map<std::string, std::string> strings_;
};

// Returns true while a drag changed `value` this frame (the caller applies it); a typed value is
// handed to `commit` when the field is left. `key` names the field for its refusal message.
// `unit_words`: show the unit's words when they fit ("$3/H100e-h"); an interval's low end leaves them to the high end.
bool number_field(FieldEdits& edits, const char* str_id, const std::string& key, double& value, NumberUnit unit, double lo, double hi,
                  float width, FieldEdits::Commit commit, bool unit_words = true);

// Edits the quantity at `pointer`; `source_note` is appended to its tooltip. Returns true when edited.
bool edit_quantity(AppModel& m, FieldEdits& edits, const char* label, const std::string& pointer, const std::string& source_note = "");
// A string field at `pointer`, committed when left; empty text erases an optional key.
void text_field(AppModel& m, FieldEdits& edits, const char* label, const std::string& pointer, float width, bool optional);
bool input_string(const char* label, std::string& s, ImGuiInputTextFlags flags = 0);
void help_marker(const char* text);
// The last item's tooltip, wrapped at 30 em (ImGui::SetItemTooltip would run a long note off the screen).
void item_tooltip(std::string_view text);
// Text wrapped at spaces to the current wrap position (ImGui::PushTextWrapPos; without one, the
// content region's edge, as ImGui::TextWrapped), as one item (a group). ImGui's own wrapping also
// breaks after '.' and ',', so a number at the end of a line could read as two ("60." / "73%/yr").
// A word wider than the line gets a line of its own. `disabled`: in the dim text colour.
void wrapped_text(std::string_view text, bool disabled = false);
// The message of a refused entry, under its field (wrapped, red), and its item named "refused:<key>".
void refusal_note(const FieldEdits& edits, const std::string& key);

// Tables whose columns are as wide as their widest value, measured before drawing: nothing is cut
// and nothing moves on hover; a table wider than its panel scrolls sideways. Each cell reports the
// width its value needs (fit_cell) so the test hook can check the fit ("col:<table>:<c>",
// "cell:<table>:<row>:<c>" in items()).
struct FitColumn {
    std::string label;
    float width = 0;  // the widest value in the column, CSS px (the label is measured here)
};
// `text_rows`: every row is a line of text (else a row of fields, a frame high), for the height of a table
// that scrolls sideways.
bool begin_fit_table(const char* id, std::vector<FitColumn> columns, int rows, ImGuiTableFlags flags = 0, bool text_rows = false);
// Call at the start of each cell, with the width its value needs.
void fit_cell(const char* table, int row, int column, float needed);
// Widths a value needs: text, a number field in its natural form, the editor of a quantity.
float text_width(const std::string& text);
float number_field_width(double value, NumberUnit unit);
float edit_quantity_width(const AppModel& m, const std::string& pointer);

// Rectangles of named widgets, for window.pactscope.items() (end-to-end tests click real pixels).
class ItemRegistry {
public:
    void track(const std::string& name);  // the last submitted item
    void track_rect(const std::string& name, ImVec2 min, ImVec2 max);
    void begin_frame() { current_.clear(); }
    void end_frame() { last_ = current_; }
    nlohmann::json to_json() const;

private:
    std::map<std::string, ImVec4> current_, last_;  // x, y, w, h in CSS pixels
};
ItemRegistry& items();

}  // namespace pactscope::ui
