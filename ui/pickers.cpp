// pickers.cpp — the metric and input choosers (pickers.h).
#include "pickers.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "imgui.h"
#include "model/quarter.h"
#include "widgets.h"

namespace pactscope::ui {

Unit metric_unit_ui(const Metric& m) { return page_unit(metric_unit(m)); }

Metric metric_or_cost(const Scenario& s, const std::string& key) {
    std::string error;
    if (auto m = parse_metric(s, key, error)) return *m;
    return *parse_metric(s, "cost_usd", error);
}

bool metric_picker(const char* id, const Scenario& s, std::string& key, float width) {
    std::string error;
    if (!parse_metric(s, key, error)) key = "cost_usd";
    const MetricLabel current = metric_label(s, metric_or_cost(s, key));
    bool changed = false;
    ImGui::PushID(id);
    ImGui::SetNextItemWidth(width);
    // The list as tall as the page allows (ImGui moves it up to fit): every option the test hook reports on
    // screen is clickable where it is reported.
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(FLT_MAX, ImGui::GetMainViewport()->WorkSize.y - 20));
    const bool open = ImGui::BeginCombo("##metric", current.name.c_str(), ImGuiComboFlags_None);
    items().track_rect(std::string("metric:") + id, at, ImVec2(at.x + width, at.y + ImGui::GetFrameHeight()));
    if (!open) ImGui::SetItemTooltip("%s (%s): %s\n%s", current.name.c_str(), current.key.c_str(), current.meaning.c_str(),
                                     current.direction_text.empty() ? "no better direction" : current.direction_text.c_str());
    if (open) {
        std::string group = "\x01";
        for (const Metric& m : scenario_metrics(s)) {
            const MetricLabel l = metric_label(s, m);
            const std::string g = l.party.empty() ? std::string("Totals") : l.party;
            if (g != group) ImGui::SeparatorText(g.c_str()), group = g;
            // Within a party's group the figure alone is enough; the whole name is in the preview.
            const std::string shown = (l.party.empty() ? l.name : l.figure) + "##" + l.key;
            if (ImGui::Selectable(shown.c_str(), l.key == key)) key = l.key, changed = true;
            items().track(std::string("metric:") + id + "=" + l.key);
            ImGui::SetItemTooltip("%s (%s): %s", l.name.c_str(), l.key.c_str(), l.meaning.c_str());
        }
        ImGui::EndCombo();
    }
    ImGui::PopID();
    return changed;
}

std::string input_value_text(const ScenarioInput& in, double v) {
    if (in.quarters) return quarter_label(static_cast<int>(std::lround(v)));
    return format_number_display(v, in.number_unit);
}

bool input_picker(const char* id, const std::vector<ScenarioInput>& inputs, std::string& pointer, InputSearch& search, float width,
                  bool allow_none) {
    const ScenarioInput* current = find_input(inputs, pointer);
    bool changed = false;
    ImGui::PushID(id);
    const std::string popup = std::string("inputs:") + id;
    const std::string label = (current ? current->name : std::string("(none)")) + "##button";
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
    if (ImGui::Button(label.c_str(), ImVec2(width, 0))) {
        ImGui::OpenPopup(popup.c_str());
        search.query.clear();
    }
    ImGui::PopStyleVar();
    items().track(std::string("input:") + id);
    if (current) ImGui::SetItemTooltip("%s\n%s\n%s, now %s", current->name.c_str(), current->pointer.c_str(), current->meaning.c_str(),
                                       input_value_text(*current, current->median).c_str());
    if (ImGui::BeginPopup(popup.c_str())) {
        if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
        ImGui::SetNextItemWidth(std::max(width, ImGui::GetFontSize() * 30));
        input_string("##search", search.query);
        items().track(std::string("input:") + id + ":search");
        ImGui::SameLine();
        ImGui::TextDisabled("words of a name: \"azure pri\"");  // short: the popup is as wide as the field
        const std::vector<std::size_t> found = search_inputs(inputs, search.query);
        search.matches.clear();
        ImGui::BeginChild("matches", ImVec2(std::max(width, ImGui::GetFontSize() * 48), ImGui::GetFontSize() * 22));
        if (allow_none && ImGui::Selectable("(none)", current == nullptr)) pointer.clear(), changed = true, ImGui::CloseCurrentPopup();
        for (std::size_t k = 0; k < found.size() && k < 40; ++k) {
            const ScenarioInput& in = inputs[found[k]];
            search.matches.push_back(in.name);
            const std::string row = in.name + "##" + in.pointer;
            if (ImGui::Selectable(row.c_str(), &in == current)) pointer = in.pointer, changed = true, ImGui::CloseCurrentPopup();
            items().track(std::string("input:") + id + "=" + in.pointer);
            ImGui::SetItemTooltip("%s\n%s", in.pointer.c_str(), in.meaning.c_str());
            ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::GetFontSize() * 7);
            ImGui::TextDisabled("%s", input_value_text(in, in.median).c_str());
        }
        if (found.empty()) ImGui::TextDisabled("No input has all of these words.");
        else if (found.size() > 40) ImGui::TextDisabled("%d more: type more words.", static_cast<int>(found.size() - 40));
        ImGui::EndChild();
        ImGui::EndPopup();
    }
    ImGui::PopID();
    return changed;
}

}  // namespace pactscope::ui
