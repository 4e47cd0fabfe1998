#include "widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "imgui_internal.h"
#include "io/text_wrap.h"
#include "model/number_text.h"

namespace pactscope::ui {

using nlohmann::json;

namespace {

constexpr std::size_t kTypingBytes = 256;  // the longest text a number field takes

std::string last_token(const std::string& pointer) {
    const auto slash = pointer.rfind('/');
    return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

// The two ends of "a to b" when both are plain numbers (a quarter range is not).
bool numeric_interval(const json& v, double& lo, double& hi) {
    if (!v.is_string()) return false;
    const NumberEntry e = parse_number_entry(v.get<std::string>(), NumberUnit::plain);
    if (!e.ok || !e.interval) return false;
    lo = e.lo, hi = e.hi;
    return true;
}

std::string interval_text(double lo, double hi) { return shortest_number(lo) + " to " + shortest_number(hi); }

void quantity_tooltip(const std::string& pointer, const json* v, const std::string& note) {
    if (!ImGui::BeginItemTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
    const InputField* d = input_field_at(pointer);
    const NumberUnit unit = d ? d->unit : NumberUnit::plain;
    if (d) {
        wrapped_text(d->meaning);
        ImGui::TextDisabled("Unit: %s   Allowed: %s", number_unit_name(unit), d->range);
    } else {
        ImGui::TextUnformatted(last_token(pointer).c_str());
    }
    // The exact number behind the rounded display.
    double lo = 0, hi = 0;
    if (v && v->is_number())
        ImGui::Text("Exactly %s", format_number_grouped(v->get<double>()).c_str());
    else if (v && numeric_interval(*v, lo, hi))
        ImGui::Text("Exactly %s to %s: a 90%% interval (lognormal if the low end > 0, else normal)", format_number_grouped(lo).c_str(),
                    format_number_grouped(hi).c_str());
    ImGui::TextDisabled("Type %s, or \"a to b\"", number_unit_is_fraction(unit) ? "0.35 or 35%" : "1,500 or 1.5k or 50B");
    ImGui::TextDisabled("%s", pointer.c_str());
    if (!note.empty()) {
        ImGui::Separator();
        wrapped_text(note);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

int resize_callback(ImGuiInputTextCallbackData* data) {
    if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
        auto* s = static_cast<std::string*>(data->UserData);
        s->resize(static_cast<std::size_t>(data->BufTextLen));
        data->Buf = s->data();
    }
    return 0;
}

// Decimals that show about four significant digits of `v`: drags move in steps of that size.
const char* drag_format(double v, char (&buf)[16]) {
    const double a = std::max(std::fabs(v), 1e-9);
    const int decimals = std::clamp(3 - static_cast<int>(std::floor(std::log10(a))), 0, 12);
    std::snprintf(buf, sizeof buf, "%%.%df", decimals);
    return buf;
}

// A typed entry for a whole quantity: a number, or an interval written as "a to b".
json entry_json(const NumberEntry& e, NumberUnit unit) {
    if (e.interval) return interval_text(e.lo, e.hi);
    if (unit == NumberUnit::count && std::fabs(e.lo) < 9e15) return static_cast<std::int64_t>(e.lo);
    return e.lo;
}

// Commits a typed quantity. An interval typed with its ends reversed is refused in the words of the
// field (the reader, worded for files, would quote the ends as raw numbers).
std::string commit_entry(AppModel& m, const std::string& pointer, NumberUnit unit, const NumberEntry& e) {
    if (e.interval && e.lo > e.hi) return "its lower end is above its upper end; write the smaller end first";
    return m.set_checked(pointer, entry_json(e, unit));
}

// The distribution editor of an object quantity {"dist": ...}.
bool edit_distribution(AppModel& m, FieldEdits& edits, const std::string& pointer, const json& obj) {
    bool changed = false;
    static const char* const kinds[] = {"normal", "lognormal", "uniform", "triangular", "pert", "point"};
    static const std::vector<std::vector<const char*>> params = {{"mean", "sd"}, {"p5", "p95"}, {"min", "max"},
                                                                 {"min", "mode", "max"}, {"min", "mode", "max"}, {"value"}};
    const InputField* doc = input_field_at(pointer);
    const NumberUnit unit = doc ? doc->unit : NumberUnit::plain;
    const std::string dist = obj.value("dist", "point");
    int k = 5;
    for (int i = 0; i < 6; ++i)
        if (dist == kinds[i]) k = i;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::Combo("distribution", &k, kinds, 6) && kinds[k] != dist) {
        // Keep the median roughly where it was.
        double mid = 0;
        for (const char* key : {"mean", "value", "mode"})
            if (obj.contains(key) && obj[key].is_number()) mid = obj[key].get<double>();
        if (obj.contains("p5") && obj.contains("p95")) mid = std::sqrt(obj["p5"].get<double>() * obj["p95"].get<double>());
        if (obj.contains("min") && obj.contains("max") && mid == 0) mid = 0.5 * (obj["min"].get<double>() + obj["max"].get<double>());
        json next = {{"dist", kinds[k]}};
        const double lo = mid * 0.8, hi = mid * 1.2;
        if (k == 0) next["mean"] = mid, next["sd"] = std::fabs(mid) * 0.1;
        if (k == 1) next["p5"] = lo > 0 ? lo : 1, next["p95"] = hi > 0 ? hi : 2;
        if (k == 2) next["min"] = lo, next["max"] = hi;
        if (k == 3 || k == 4) next["min"] = lo, next["mode"] = mid, next["max"] = hi;
        if (k == 5) next["value"] = mid;
        if (obj.contains("clip")) next["clip"] = obj["clip"];
        m.set(pointer, next);
        return true;
    }
    auto one_number = [&m](const std::string& at) {
        return [&m, at](const NumberEntry& e) -> std::string {
            if (e.interval) return "a distribution's parameter is one number, not an interval";
            return m.set_checked(at, e.lo);
        };
    };
    const double lo_bound = doc ? doc->lo : -DBL_MAX, hi_bound = doc ? doc->hi : DBL_MAX;
    for (const char* p : params[static_cast<std::size_t>(k)]) {
        const std::string at = pointer + "/" + p;
        double v = obj.contains(p) && obj[p].is_number() ? obj[p].get<double>() : 0;
        const bool sd = std::string(p) == "sd";
        if (number_field(edits, p, at, v, unit, sd ? 0 : lo_bound, sd ? DBL_MAX : hi_bound, ImGui::GetFontSize() * 8, one_number(at))) {
            m.set(at, v);
            changed = true;
        }
        items().track(at);
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted(p);
        refusal_note(edits, at);
    }
    bool clip = obj.contains("clip");
    if (ImGui::Checkbox("clip", &clip)) {
        if (clip) m.set(pointer + "/clip", json::array({std::isfinite(lo_bound) ? lo_bound : 0, std::isfinite(hi_bound) ? hi_bound : 1e12}));
        else m.erase(pointer + "/clip");
        changed = true;
    }
    if (clip && obj["clip"].is_array() && obj["clip"].size() == 2 && obj["clip"][0].is_number() && obj["clip"][1].is_number()) {
        for (int end = 0; end < 2; ++end) {
            const std::string at = pointer + "/clip/" + std::to_string(end);
            double v = obj["clip"][static_cast<std::size_t>(end)].get<double>();
            if (end) ImGui::SameLine();
            if (number_field(edits, end ? "clip_hi" : "clip_lo", at, v, unit, lo_bound, hi_bound, ImGui::GetFontSize() * 7, one_number(at))) {
                m.set(at, v);
                changed = true;
            }
        }
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted("clip [lo, hi]");
        refusal_note(edits, pointer + "/clip/0");
        refusal_note(edits, pointer + "/clip/1");
    }
    return changed;
}

// "triangular -25%/yr · -10%/yr · 0%/yr": the kind, then its parameters in their usual order
// (the tooltip and the editor name them).
std::string distribution_summary(const json& obj, NumberUnit unit) {
    std::string s = obj.value("dist", "?");
    const char* sep = " ";
    for (const char* p : {"mean", "sd", "p5", "p95", "min", "mode", "max", "value"})
        if (obj.contains(p) && obj[p].is_number()) {
            s += sep;  // (not " " + …: GCC 12's -Wrestrict misfires on it)
            s += format_number_display(obj[p].get<double>(), unit);
            sep = " \xc2\xb7 ";
        }
    return s;
}

}  // namespace

//-----------------------------------------------------------------------------
// FieldEdits
//-----------------------------------------------------------------------------

FieldEdits::Typing& FieldEdits::begin_typing(unsigned id, const std::string& key, NumberUnit unit, const std::string& initial, Commit commit) {
    Typing& t = typing_[id];
    t.key = key;
    t.unit = unit;
    t.initial = initial;
    t.buffer = initial;
    t.buffer.resize(kTypingBytes, '\0');
    t.commit = std::move(commit);
    return t;
}

void FieldEdits::end_frame() {
    const ImGuiID active = ImGui::GetCurrentContext() ? GImGui->ActiveId : 0;
    for (auto it = typing_.begin(); it != typing_.end();) {
        if (it->first == active) {
            ++it;
            continue;
        }
        // Typing ended (Enter, Tab, a click elsewhere; Escape restored the initial text).
        Typing t = std::move(it->second);
        it = typing_.erase(it);
        const std::string text = t.buffer.c_str();
        if (text == t.initial) {  // left as it was (Escape, or nothing typed): an earlier refusal's note has been seen
            refusals_.erase(t.key);
            continue;
        }
        const NumberEntry e = parse_number_entry(text, t.unit);
        const std::string refused = e.ok ? t.commit(e) : e.error;
        if (refused.empty()) refusals_.erase(t.key);
        else refusals_[t.key] = {text, refused};
    }
}

FieldEdits::Typing* FieldEdits::typing(unsigned id) {
    auto it = typing_.find(id);
    return it == typing_.end() ? nullptr : &it->second;
}

const FieldEdits::Refusal* FieldEdits::refusal(const std::string& key) const {
    auto it = refusals_.find(key);
    return it == refusals_.end() ? nullptr : &it->second;
}

std::string& FieldEdits::string_buffer(const std::string& key, const std::string& current) {
    return strings_.try_emplace(key, current).first->second;
}

//-----------------------------------------------------------------------------
// Controls
//-----------------------------------------------------------------------------

// Built like ImGui's DragScalar (imgui_widgets.cpp), with its own text: the value is shown in its
// natural form, and typing is read by number_entry.h instead of scanf, so "50B" is 5e10, not 50.
// A click that does not drag starts typing at once (so a click then digits reaches the field).
bool number_field(FieldEdits& edits, const char* str_id, const std::string& key, double& value, NumberUnit unit, double lo, double hi,
                  float width, FieldEdits::Commit commit, bool unit_words) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    if (window->SkipItems) return false;
    ImGuiContext& g = *GImGui;
    const ImGuiStyle& style = g.Style;
    // str_id names the field, it is not a label to show: typing hands it to ImGui's text input, which would draw
    // it beside the text ("steps steps") unless it starts with "##" (and that input's id comes from the same string).
    const std::string label = std::string_view(str_id).starts_with("##") ? std::string(str_id) : "##" + std::string(str_id);
    const ImGuiID id = window->GetID(label.c_str());
    const ImVec2 at = window->DC.CursorPos;
    const ImRect bb(at, ImVec2(at.x + std::max(width, ImGui::GetFontSize() * 2), at.y + ImGui::GetFrameHeight()));
    ImGui::ItemSize(bb, style.FramePadding.y);
    if (!ImGui::ItemAdd(bb, id, &bb, ImGuiItemFlags_Inputable)) return false;
    const bool hovered = ImGui::ItemHoverable(bb, id, g.LastItemData.InFlags);
    const bool was_typing = ImGui::TempInputIsActive(id);
    bool typing = was_typing;
    if (!typing) {
        const bool clicked = hovered && ImGui::IsMouseClicked(0, id);
        const bool make_active = clicked || g.NavActivateId == id;
        if (clicked) ImGui::SetKeyOwner(ImGuiKey_MouseLeft, id);
        // The keyboard (Enter, Tab, a focus request) types at once.
        if (g.NavActivateId == id && (g.NavActivateFlags & ImGuiActivateFlags_PreferInput)) typing = true;
        // A click released without dragging types too. (InputText takes the keyboard on a click or a
        // navigation request, so ask as ImGui's DragScalar does; a second click of a double click then
        // lands in the text as in any text field.)
        if (!typing && g.ActiveId == id && hovered && g.IO.MouseReleased[0] && !ImGui::IsMouseDragPastThreshold(0, g.IO.MouseDragThreshold * 0.5f)) {
            g.NavActivateId = id;
            g.NavActivateFlags = ImGuiActivateFlags_PreferInput;
            typing = true;
        }
        if (make_active && !typing) {
            ImGui::SetActiveID(id, window);
            ImGui::SetFocusID(id, window);
            ImGui::FocusWindow(window);
            g.ActiveIdUsingNavDirMask = (1 << ImGuiDir_Left) | (1 << ImGuiDir_Right);
        }
    }
    if (typing) {
        // The first frame of typing fills the field with the exact value, all selected: typing replaces it.
        FieldEdits::Typing* t = was_typing ? edits.typing(id) : nullptr;
        if (!t) {
            g.TempInputId = 0;  // a fresh text edit, whatever this field's last one left behind
            t = &edits.begin_typing(id, key, unit, format_number_exact(value, unit), std::move(commit));
        }
        ImGui::TempInputText(bb, id, label.c_str(), t->buffer.data(), static_cast<int>(t->buffer.size()), ImGuiInputTextFlags_AutoSelectAll);
        return false;
    }
    const FieldEdits::Refusal* refused = edits.refusal(key);
    const ImU32 frame_col = ImGui::GetColorU32(g.ActiveId == id ? ImGuiCol_FrameBgActive : hovered ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg);
    ImGui::RenderNavHighlight(bb, id);
    ImGui::RenderFrame(bb.Min, bb.Max, frame_col, true, style.FrameRounding);
    if (refused) window->DrawList->AddRect(bb.Min, bb.Max, IM_COL32(255, 110, 90, 255), style.FrameRounding, 0, 1.5f);
    char fmt[16];
    const double speed = unit == NumberUnit::count ? 1.0 : unit == NumberUnit::share ? 0.002 : std::max(std::fabs(value) * 0.004, 1e-4);
    const double dmin = std::max(lo, -DBL_MAX), dmax = std::min(hi, DBL_MAX);
    const bool changed = ImGui::DragBehavior(id, ImGuiDataType_Double, &value, static_cast<float>(speed), &dmin, &dmax,
                                             drag_format(value, fmt), ImGuiSliderFlags_AlwaysClamp);
    if (changed) {
        ImGui::MarkItemEdited(id);
        edits.forget(key);
    }
    // The natural form; without the unit's words when they do not fit.
    std::string shown = format_number_display(value, unit);
    if (!unit_words || ImGui::CalcTextSize(shown.c_str()).x > bb.GetWidth() - style.FramePadding.x * 2) shown = format_number_bare(value, unit);
    ImGui::RenderTextClipped(bb.Min, bb.Max, shown.c_str(), nullptr, nullptr, ImVec2(0.5f, 0.5f));
    return changed;
}

void refusal_note(const FieldEdits& edits, const std::string& key) {
    const FieldEdits::Refusal* r = edits.refusal(key);
    if (!r) return;
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 140, 120, 255));
    // Parse refusals quote what was typed already; the reader's messages do not.
    const std::string quoted = "\"" + r->text + "\"";
    if (r->message.find(quoted) != std::string::npos) wrapped_text("Not taken: " + r->message + ". The value is unchanged.");
    else wrapped_text(quoted + " was not taken: " + r->message + ". The value is unchanged.");
    ImGui::PopStyleColor();
    items().track("refused:" + key);
}

bool input_string(const char* label, std::string& s, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputText(label, s.data(), s.capacity() + 1, flags, resize_callback, &s);
}

void wrapped_text(std::string_view text, bool disabled) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float width = std::max(1.0f, ImGui::CalcWrapWidthForPos(window->DC.CursorPos, std::max(0.0f, window->DC.TextWrapPos)));
    const auto width_of = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size(), false).x; };
    if (disabled) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::BeginGroup();
    for (std::string_view line : wrap_at_spaces(text, width, width_of)) ImGui::TextUnformatted(line.data(), line.data() + line.size());
    ImGui::EndGroup();
    if (disabled) ImGui::PopStyleColor();
}

void item_tooltip(std::string_view text) {
    if (text.empty() || !ImGui::BeginItemTooltip()) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    wrapped_text(text);
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        wrapped_text(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void text_field(AppModel& m, FieldEdits& edits, const char* label, const std::string& pointer, float width, bool optional) {
    const json* v = m.at(pointer);
    const std::string value = v && v->is_string() ? v->get<std::string>() : "";
    std::string& text = edits.string_buffer(pointer, value);
    if (edits.focus_request == pointer) {
        ImGui::SetKeyboardFocusHere();
        ImGui::SetScrollHereY(0.3f);
        edits.focus_request.clear();
    }
    ImGui::SetNextItemWidth(width);
    input_string(label, text);
    items().track(pointer);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (text.empty() && optional) {
            m.erase(pointer);
            edits.forget(pointer);
        } else if (std::string refused = m.set_checked(pointer, text); !refused.empty()) {
            edits.refuse(pointer, text, refused);  // the document keeps its value; the message says why
        } else {
            edits.forget(pointer);
        }
    } else if (ImGui::IsItemDeactivated()) {
        edits.forget(pointer);  // left as it was (Escape, or nothing typed): an earlier refusal's note has been seen
    }
    if (!ImGui::IsItemActive()) text = value;
}

bool edit_quantity(AppModel& m, FieldEdits& edits, const char* label, const std::string& pointer, const std::string& note) {
    const json* v = m.at(pointer);
    bool changed = false;
    ImGui::PushID(pointer.c_str());
    const bool has_issue = std::any_of(m.issues().begin(), m.issues().end(), [&](const Issue& i) { return i.pointer.rfind(pointer, 0) == 0; });
    if (has_issue) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(140, 40, 40, 200));
    const InputField* doc = input_field_at(pointer);
    const NumberUnit unit = doc ? doc->unit : NumberUnit::plain;
    const double lo = doc ? doc->lo : -DBL_MAX, hi = doc ? doc->hi : DBL_MAX;
    const float w = ImGui::CalcItemWidth();
    const float button = ImGui::GetFrameHeight();
    if (edits.focus_request == pointer) {  // an error in the list names this field
        ImGui::SetKeyboardFocusHere();
        ImGui::SetScrollHereY(0.3f);
        edits.focus_request.clear();
    }
    auto whole = [&m, pointer, unit](const NumberEntry& e) { return commit_entry(m, pointer, unit, e); };
    double ilo = 0, ihi = 0;
    if (!v || v->is_number()) {
        double x = v ? v->get<double>() : 0;
        if (number_field(edits, "##v", pointer, x, unit, lo, hi, w - button - 4, whole)) {
            m.set(pointer, x);
            changed = true;
        }
        items().track(pointer);
        quantity_tooltip(pointer, v, note);
        ImGui::SameLine(0, 4);
        if (ImGui::Button("~", ImVec2(button, 0))) {  // make it uncertain: ±20% as a 90% interval
            const double a = x > 0 ? x * 0.8 : x - 0.2 * std::max(1.0, std::fabs(x)), b = x > 0 ? x * 1.2 : x + 0.2 * std::max(1.0, std::fabs(x));
            m.set(pointer, interval_text(std::max(a, lo), std::min(b, hi)));
            changed = true;
        }
        ImGui::SetItemTooltip("Make uncertain: a 90%% interval +/-20%% around this value");
    } else if (numeric_interval(*v, ilo, ihi)) {
        // "a to b": each end its own field (a 90% interval, MODEL §2); typing "a to b" in either sets both.
        const float end_w = (w - button - 4 - ImGui::GetStyle().ItemInnerSpacing.x) / 2;
        auto end = [&m, pointer, unit, ilo, ihi](bool high) {
            return [&m, pointer, unit, ilo, ihi, high](const NumberEntry& e) -> std::string {
                if (e.interval) return commit_entry(m, pointer, unit, e);
                // One end: first whether the field takes the value at all (a share is not 2T), then the order,
                // each said in the field's own terms.
                if (std::string alone = m.check(pointer, e.lo); !alone.empty()) return alone;
                if (high && e.lo < ilo) return "the upper end would be below the lower end, " + format_number_display(ilo, unit);
                if (!high && e.lo > ihi) return "the lower end would be above the upper end, " + format_number_display(ihi, unit);
                return m.set_checked(pointer, high ? interval_text(ilo, e.lo) : interval_text(e.lo, ihi));
            };
        };
        double a = ilo, b = ihi;
        if (number_field(edits, "##lo", pointer, a, unit, lo, hi, end_w, end(false), false)) {
            m.set(pointer, interval_text(a, b));
            changed = true;
        }
        items().track(pointer);
        quantity_tooltip(pointer, v, note);
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        if (number_field(edits, "##hi", pointer, b, unit, lo, hi, end_w, end(true))) {
            m.set(pointer, interval_text(a, b));
            changed = true;
        }
        items().track(pointer + "#hi");
        quantity_tooltip(pointer, v, note);
        ImGui::SameLine(0, 4);
        if (ImGui::Button("=", ImVec2(button, 0))) {  // back to a number: the median
            m.set(pointer, ilo > 0 ? std::sqrt(ilo * ihi) : 0.5 * (ilo + ihi));
            changed = true;
        }
        ImGui::SetItemTooltip("Make a fixed number (the median)");
    } else if (v->is_string()) {
        // A quarter label or range (the AGI date), typed as text.
        text_field(m, edits, "##s", pointer, w, false);
        quantity_tooltip(pointer, v, note);
    } else if (v->is_object()) {
        const std::string summary = distribution_summary(*v, unit);
        if (ImGui::Button((summary + "##d").c_str(), ImVec2(w, 0))) ImGui::OpenPopup("dist");
        items().track(pointer);
        quantity_tooltip(pointer, v, note);
        if (ImGui::BeginPopup("dist")) {
            ImGui::TextDisabled("%s", pointer.c_str());
            changed = edit_distribution(m, edits, pointer, *v);
            ImGui::EndPopup();
        }
    }
    if (has_issue) ImGui::PopStyleColor();
    if (*label) {  // (a table cell has its column's header instead)
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted(label);
    }
    refusal_note(edits, pointer);
    ImGui::PopID();
    return changed;
}

float text_width(const std::string& text) { return ImGui::CalcTextSize(text.c_str()).x; }

float number_field_width(double value, NumberUnit unit) {
    return text_width(format_number_display(value, unit)) + ImGui::GetStyle().FramePadding.x * 2 + 2;
}

float edit_quantity_width(const AppModel& m, const std::string& pointer) {
    const json* v = m.at(pointer);
    const NumberUnit unit = input_field_unit(pointer);
    const ImGuiStyle& st = ImGui::GetStyle();
    const float button = ImGui::GetFrameHeight() + 4;  // "~" or "="
    double lo = 0, hi = 0;
    if (!v || v->is_number()) return number_field_width(v ? v->get<double>() : 0, unit) + button;
    if (numeric_interval(*v, lo, hi)) return number_field_width(lo, unit) + st.ItemInnerSpacing.x + number_field_width(hi, unit) + button;
    if (v->is_string()) return text_width(v->get<std::string>()) + st.FramePadding.x * 2;
    return text_width(distribution_summary(*v, unit)) + st.FramePadding.x * 2;
}

bool begin_fit_table(const char* id, std::vector<FitColumn> columns, int rows, ImGuiTableFlags flags, bool text_rows) {
    const ImGuiStyle& st = ImGui::GetStyle();
    float total = 0;
    for (FitColumn& c : columns) {
        c.width = std::max(c.width, text_width(c.label));
        total += c.width + st.CellPadding.x * 2 + 1;
    }
    const bool scroll = total > ImGui::GetContentRegionAvail().x;
    // A sideways-scrolling table is a child window: give it the rows' height (a line of text or a field each,
    // with the cell padding and a border) plus the scrollbar, and keep its first column (what each row is) in view.
    // A header may take several lines ("B: NAME\nmedian"): its row is as high as the tallest.
    const float row_h = (text_rows ? ImGui::GetTextLineHeight() : ImGui::GetFrameHeight()) + st.CellPadding.y * 2 + 1;
    float header_h = 0;
    for (const FitColumn& c : columns) header_h = std::max(header_h, ImGui::CalcTextSize(c.label.c_str()).y);
    header_h += st.CellPadding.y * 2 + 1;
    const float height = scroll ? static_cast<float>(rows) * row_h + header_h + st.ScrollbarSize + 4 : 0;
    flags |= ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_NoKeepColumnsVisible | (scroll ? ImGuiTableFlags_ScrollX : 0);
    if (!ImGui::BeginTable(id, static_cast<int>(columns.size()), flags, ImVec2(0, height))) return false;
    if (scroll) ImGui::TableSetupScrollFreeze(1, 0);
    for (const FitColumn& c : columns) ImGui::TableSetupColumn(c.label.c_str(), ImGuiTableColumnFlags_WidthFixed, c.width);
    return true;
}

void fit_cell(const char* table, int row, int column, float needed) {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const std::string t(table), c = std::to_string(column);
    items().track_rect("col:" + t + ":" + c, at, ImVec2(at.x + ImGui::GetContentRegionAvail().x, at.y + 1));
    items().track_rect("cell:" + t + ":" + std::to_string(row) + ":" + c, at, ImVec2(at.x + needed, at.y + 1));
}

void ItemRegistry::track(const std::string& name) { track_rect(name, ImGui::GetItemRectMin(), ImGui::GetItemRectMax()); }

void ItemRegistry::track_rect(const std::string& name, ImVec2 a, ImVec2 b) { current_[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y); }

json ItemRegistry::to_json() const {
    json o = json::object();
    for (const auto& [name, r] : last_) o[name] = {{"x", r.x}, {"y", r.y}, {"w", r.z}, {"h", r.w}};
    return o;
}

ItemRegistry& items() {
    static ItemRegistry r;
    return r;
}

}  // namespace pactscope::ui
