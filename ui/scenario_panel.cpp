// scenario_panel.cpp — the left side: everything that defines the scenario.
//
// [SECTION] Panel: preset picker, problems
// [SECTION] Timeline of clauses
// [SECTION] Providers and workloads
// [SECTION] Policy and uncertainty
#include <algorithm>
#include <cmath>

#include "scenario_panel.h"
#include "io/agi_words.h"
#include "charts.h"
#include "format.h"
#include "imgui.h"
#include "io/clause_types.h"
#include "io/presets.h"
#include "model/quarter.h"
#include "document_controls.h"
#include "widgets.h"

namespace pactscope::ui {

using nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Panel: preset picker, problems
//-----------------------------------------------------------------------------

void ScenarioPanel::draw() {
    // Another document arrived (a preset from any view, a file, a link): what was typed or refused in the old
    // one no longer applies.
    if (model_.documents_loaded() != loads_seen_) loads_seen_ = model_.documents_loaded(), forget_edits();
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    if (ImGui::BeginCombo("Preset", model_.preset_label().c_str())) {
        for (const Preset& p : presets()) {
            const std::string id(p.id);
            if (ImGui::Selectable(id.c_str(), id == model_.preset_id())) {
                model_.load_preset(id);
            }
            items().track("preset:" + id);
        }
        ImGui::EndCombo();
    }
    items().track("preset_combo");
    ImGui::SetItemTooltip("%s", model_.preset_edited() ? "Changed since the preset was opened: undo takes the changes back one by one."
                                                       : "The shipped preset as it is.");
    help_marker("Shipped scenarios with sourced figures: the Microsoft-OpenAI partnership from Azure exclusivity (2019) "
                "to the non-exclusive licence (2026), and a counterfactual. Pick one, then change any assumption.");
    // The scenario's name (it names downloads too): committed when the field is left, one undo step.
    text_field(model_, fields_, "Name", "/name", -ImGui::GetFontSize() * 4, false);
    items().track("scenario_name");
    refusal_note(fields_, "/name");
    if (!model_.scenario().description.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        wrapped_text(model_.scenario().description);
        ImGui::PopStyleColor();
        items().track("description");
    }
    ImGui::Spacing();
    draw_issues();
    draw_timeline();
    const std::string& focus = fields_.focus_request;
    auto section = [&](const char* title, const char* name, bool open_by_default, bool focus_inside, void (ScenarioPanel::*contents)()) {
        if (focus_inside) ImGui::SetNextItemOpen(true);
        const bool open = ImGui::CollapsingHeader(title, open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0);
        items().track(name);
        if (open) (this->*contents)();
    };
    section("Contract clauses", "section:clauses", true, opens_for_focus(focus, "/contract"), &ScenarioPanel::draw_clauses);
    section("Providers and capacity", "section:providers", false, opens_for_focus(focus, "/providers") || opens_for_focus(focus, "/gpus"),
            &ScenarioPanel::draw_providers);
    section("Workloads (demand)", "section:workloads", false, opens_for_focus(focus, "/workloads"), &ScenarioPanel::draw_workloads);
    section("Policy and uncertainty", "section:policy", false, opens_for_focus(focus, "/policy") || opens_for_focus(focus, "/uncertainty"),
            &ScenarioPanel::draw_policy_uncertainty);
}

void ScenarioPanel::end_frame() {
    fields_.end_frame();
    fields_.focus_request.clear();  // a requested focus is taken this frame or not at all
}

void ScenarioPanel::draw_issues() {
    const ImU32 red = IM_COL32(255, 140, 120, 255);
    if (!load_errors_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, red);
        wrapped_text("Not loaded \xe2\x80\x94 the previous scenario is kept:\n" + load_errors_);
        ImGui::PopStyleColor();
        if (ImGui::SmallButton("Dismiss")) load_errors_.clear();
    }
    if (model_.issues().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, red);
    wrapped_text("This edit makes the scenario invalid; the results on the right are the last valid scenario's. "
                 "Click a problem to go to its field, or undo (Ctrl+Z):");
    ImGui::PopStyleColor();
    int n = 0;
    for (const Issue& i : model_.issues()) {
        ImGui::PushID(n);
        // Each problem in full (wrapped), as a link to its field.
        const std::string text = (i.pointer.empty() ? std::string("(document)") : i.pointer) + ": " + i.message;
        ImGui::Bullet();
        ImGui::PushStyleColor(ImGuiCol_Text, red);
        wrapped_text(text);
        ImGui::PopStyleColor();
        items().track("issue:" + std::to_string(n));
        if (ImGui::IsItemHovered()) {
            ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
            ImGui::SetTooltip("%s\n\nClick to open its card and focus the field.", text.c_str());
        }
        if (ImGui::IsItemClicked() && !i.pointer.empty()) fields_.focus_request = i.pointer;
        // A field the object's kind does not allow is not drawn by its card: offer to remove it here.
        if (i.message.find("does not apply") != std::string::npos || i.message.rfind("unknown key", 0) == 0) {
            if (ImGui::SmallButton("remove this field")) model_.erase(i.pointer);
            items().track("issue_remove:" + std::to_string(n));
        }
        ImGui::PopID();
        ++n;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Timeline of clauses
//-----------------------------------------------------------------------------

void ScenarioPanel::draw_timeline() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const int first = std::min(s.start, *parse_quarter("2019Q1")), last = std::max(s.end, *parse_quarter("2032Q4"));
    const float row = ImGui::GetTextLineHeightWithSpacing();
    // Rows: one per clause, then the AGI label, "today", and the years.
    const float height = row * static_cast<float>(s.contract.size() + 3);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::InvisibleButton("timeline", ImVec2(w, height));
    const bool hovered = ImGui::IsItemHovered();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // The label column is as wide as the longest label (up to 45% of the width), so labels never run into the bars.
    float label_w = 60;
    for (std::size_t c = 0; c < s.contract.size(); ++c) {
        const std::string label = clause_name(s, c);  // "revenue share paid to azure", as inputs and parts are named
        label_w = std::max(label_w, ImGui::CalcTextSize(label.c_str()).x + 8);
    }
    const float x0 = p.x + std::min(label_w, w * 0.45f), x1 = p.x + w - 4;
    auto qx = [&](int q) { return x0 + (x1 - x0) * static_cast<float>(q - first) / static_cast<float>(last + 1 - first); };
    float free_x = x0;  // year labels: each where it fits after the last one and inside the right edge
    for (int y = first / 4; y <= last / 4; ++y) {
        const float x = qx(y * 4);
        dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + height - row), ImGui::GetColorU32(ImGuiCol_Border));
        const std::string year = std::to_string(y);
        const float tw = ImGui::CalcTextSize(year.c_str()).x;
        if (x + 2 >= free_x && x + 2 + tw <= x1 + 4) {
            dl->AddText(ImVec2(x + 2, p.y + height - row), ImGui::GetColorU32(ImGuiCol_TextDisabled), year.c_str());
            free_x = x + 2 + tw + ImGui::GetFontSize() * 0.6f;
        }
    }
    dl->AddRectFilled(ImVec2(qx(s.start), p.y), ImVec2(qx(s.end + 1), p.y + height - row), IM_COL32(255, 255, 255, 12));
    for (std::size_t c = 0; c < s.contract.size(); ++c) {
        const Clause& cl = s.contract[c];
        const float y = p.y + row * static_cast<float>(c);
        const std::string label = clause_name(s, c);
        dl->PushClipRect(ImVec2(p.x, y), ImVec2(x0 - 4, y + row), true);
        dl->AddText(ImVec2(p.x, y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        dl->PopClipRect();
        // Active quarters as the engine saw them (so "to: agi" ends where AGI happened).
        const auto& active = r.clause_active[c];
        for (int q = 0; q < static_cast<int>(active.size()); ++q)
            if (active[static_cast<std::size_t>(q)])
                dl->AddRectFilled(ImVec2(qx(s.start + q), y + 3), ImVec2(qx(s.start + q + 1), y + row - 3), charts::palette(static_cast<int>(cl.type)));
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(p.x, y), ImVec2(x1, y + row))) {
            int on = 0, lo = -1, hi = -1;
            for (int q = 0; q < static_cast<int>(active.size()); ++q)
                if (active[static_cast<std::size_t>(q)]) on++, hi = q, lo = lo < 0 ? q : lo;
            // The row names the clause as inputs and parts are named (by the party's id); the tooltip adds it in words,
            // the party by name, as the report's timeline does ("reservation · Oracle OCI (Stargate sites, 4.5 GW)").
            ImGui::SetTooltip("%s\n%s: active %d quarters%s%s", clause_label(s, c).c_str(), label.c_str(), on, on ? " (" : "",
                              on ? (quarter_label(s.start + lo) + " - " + quarter_label(s.start + hi) + ")").c_str() : "");
        }
    }
    if (today_quarter_ >= first && today_quarter_ <= last) {
        const float x = qx(today_quarter_);
        dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + height - row), IM_COL32(255, 255, 255, 200), 1.5f);
        dl->AddText(ImVec2(x + 2, p.y + height - row * 2), IM_COL32(255, 255, 255, 200), "today");
    }
    // The AGI quarter of the deterministic run (every input at its median), as the bars; the Monte Carlo's
    // trials may put it elsewhere or nowhere, and the Compare table gives their median: the tooltip says both.
    const float agi_y = p.y + height - row * 3;
    const bool agi_clause = std::any_of(s.contract.begin(), s.contract.end(), [](const Clause& c) { return c.type == ClauseType::agi; });
    float agi_x = -1, agi_w = 0;
    if (r.totals.has_agi) {
        const int q = s.start + r.totals.agi_quarter;
        const float x = qx(std::clamp(q, first, last));
        dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + height - row), IM_COL32(255, 90, 90, 255), 2.0f);
        const std::string label = "AGI " + quarter_label(q);
        agi_w = ImGui::CalcTextSize(label.c_str()).x;
        agi_x = x + 2 + agi_w > x1 ? x - 2 - agi_w : x + 2;  // keep the label inside the timeline
        dl->AddText(ImVec2(agi_x, agi_y), IM_COL32(255, 110, 110, 255), label.c_str());
    } else if (agi_clause) {
        const char* label = "no AGI in the horizon";
        agi_w = ImGui::CalcTextSize(label).x;
        agi_x = std::max(x0, x1 - agi_w);
        dl->AddText(ImVec2(agi_x, agi_y), ImGui::GetColorU32(ImGuiCol_TextDisabled), label);
    }
    if (agi_x >= 0) {
        items().track_rect("timeline_agi", ImVec2(agi_x, agi_y), ImVec2(agi_x + agi_w, agi_y + row));
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(agi_x, agi_y), ImVec2(agi_x + agi_w, agi_y + row))) ImGui::SetTooltip("%s", agi_words(s, r, model_.summary()).c_str());
    }
    items().track("timeline");
}

//-----------------------------------------------------------------------------
// [SECTION] Providers and workloads
//-----------------------------------------------------------------------------

void ScenarioPanel::draw_providers() {
    const json& doc = model_.doc();
    const json providers = doc.contains("providers") && doc["providers"].is_array() ? doc["providers"] : json::array();
    std::vector<std::string> gpus;
    if (doc.contains("gpus") && doc["gpus"].is_object())
        for (auto it = doc["gpus"].begin(); it != doc["gpus"].end(); ++it) gpus.push_back(it.key());
    int remove = -1;
    for (std::size_t i = 0; i < providers.size(); ++i) {
        const json& p = providers[i];
        const std::string base = "/providers/" + std::to_string(i);
        const std::string kind = str(p, "kind", "cloud");
        ImGui::PushID(base.c_str());
        if (opens_for_focus(fields_.focus_request, base)) ImGui::SetNextItemOpen(true);
        const bool open = ImGui::TreeNodeEx((str(p, "id") + " (" + kind + ")###prov").c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_AllowOverlap);
        items().track("provider:" + str(p, "id"));
        const std::string note = provenance(p);
        item_tooltip(note);
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 3);
        if (ImGui::SmallButton("remove")) remove = static_cast<int>(i);
        items().track("provider_remove:" + std::to_string(i));
        if (open) {
            choice_combo(model_, "kind", base, "kind", {"cloud", "owned"}, "cloud");
            ImGui::SetItemTooltip("cloud: the buyer pays for what it uses at the provider's price; owned: the buyer builds it and pays "
                                  "its capex, opex and power whether used or not (MODEL §3)");
            for (const char* k : {"price_usd_per_h100e_hour", "price_change_per_year", "capex_usd_per_mw", "amortization_years", "opex_usd_per_mw_year",
                                  "power_usd_per_mwh", "pue", "onboarding_usd", "overhead_usd_per_quarter", "outages_per_year", "outage_hours"})
                if (p.contains(k)) edit_quantity(model_, fields_, input_field(k)->label, base + "/" + k, note);
            if (kind == "cloud") draw_provider_cost(base, p, note);
            ImGui::TextDisabled("Capacity tranches (facility MW)");
            const json tranches = p.contains("capacity") ? p["capacity"] : json::array();
            int remove_t = -1;
            // Columns as wide as their widest value (widgets.h): measured from what each cell will show.
            const ImGuiStyle& st = ImGui::GetStyle();
            std::vector<FitColumn> cols = {{"online"}, {"MW"}, {"GPU"}, {"slip (q)"}, {""}};
            const std::string table = "tranches:" + base;
            for (std::size_t t = 0; t < tranches.size(); ++t) {
                const std::string tb = base + "/capacity/" + std::to_string(t);
                cols[0].width = std::max(cols[0].width, text_width(str(tranches[t], "online")) + st.FramePadding.x * 2);
                cols[1].width = std::max(cols[1].width, edit_quantity_width(model_, tb + "/mw"));
                cols[2].width = std::max(cols[2].width, text_width(str(tranches[t], "gpu")) + ImGui::GetFrameHeight() + st.FramePadding.x * 2);
                cols[3].width = std::max(cols[3].width, tranches[t].contains("slip_quarters") ? edit_quantity_width(model_, tb + "/slip_quarters")
                                                                                              : text_width("+ slip") + st.FramePadding.x * 2);
            }
            cols[4].width = text_width("x") + st.FramePadding.x * 2;
            if (begin_fit_table(table.c_str(), cols, static_cast<int>(tranches.size()), ImGuiTableFlags_BordersInnerH)) {
                ImGui::TableHeadersRow();
                for (std::size_t t = 0; t < tranches.size(); ++t) {
                    const std::string tb = base + "/capacity/" + std::to_string(t);
                    const std::string tnote = provenance(tranches[t]);
                    const int row = static_cast<int>(t);
                    ImGui::PushID(row);
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    fit_cell(table.c_str(), row, 0, text_width(str(tranches[t], "online")) + st.FramePadding.x * 2);
                    quarter_field(model_, fields_, "##online", tb + "/online", false, false);
                    ImGui::TableNextColumn();
                    fit_cell(table.c_str(), row, 1, edit_quantity_width(model_, tb + "/mw"));
                    ImGui::SetNextItemWidth(-1);
                    edit_quantity(model_, fields_, "", tb + "/mw", tnote);
                    ImGui::TableNextColumn();
                    const std::string gpu = str(tranches[t], "gpu");
                    fit_cell(table.c_str(), row, 2, text_width(gpu) + ImGui::GetFrameHeight() + st.FramePadding.x * 2);
                    ImGui::SetNextItemWidth(-1);
                    if (ImGui::BeginCombo("##gpu", gpu.c_str())) {
                        for (const std::string& g : gpus)
                            if (ImGui::Selectable(g.c_str(), g == gpu) && g != gpu) model_.set(tb + "/gpu", g);
                        ImGui::EndCombo();
                    }
                    ImGui::TableNextColumn();
                    if (tranches[t].contains("slip_quarters")) {
                        fit_cell(table.c_str(), row, 3, edit_quantity_width(model_, tb + "/slip_quarters"));
                        ImGui::SetNextItemWidth(-1);
                        edit_quantity(model_, fields_, "", tb + "/slip_quarters", tnote);
                    } else {
                        fit_cell(table.c_str(), row, 3, text_width("+ slip") + st.FramePadding.x * 2);
                        if (ImGui::SmallButton("+ slip")) model_.set(tb + "/slip_quarters", "0 to 4");
                    }
                    ImGui::TableNextColumn();
                    if (ImGui::SmallButton("x")) remove_t = row;
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
            for (std::size_t t = 0; t < tranches.size(); ++t) refusal_note(fields_, base + "/capacity/" + std::to_string(t) + "/online");
            if (remove_t >= 0) model_.erase(base + "/capacity/" + std::to_string(remove_t));
            if (ImGui::SmallButton("add tranche"))
                model_.append(base + "/capacity", {{"online", quarter_label(model_.scenario().start)}, {"mw", 100}, {"gpu", gpus.empty() ? "H100" : gpus[0]}});
            if (p.contains("egress") && p["egress"].contains("tiers")) {
                ImGui::TextDisabled("Egress tiers (monthly TB after the free allowance)");
                if (p["egress"].contains("free_tb_per_month")) edit_quantity(model_, fields_, "free TB / month", base + "/egress/free_tb_per_month", note);
                const json& tiers = p["egress"]["tiers"];
                for (std::size_t t = 0; t < tiers.size(); ++t) {
                    const json& up = tiers[t]["up_to_tb"];
                    const std::string label = up.is_null() ? "$/GB beyond" : "$/GB up to " + format_compact(up.get<double>()) + " TB";
                    edit_quantity(model_, fields_, label.c_str(), base + "/egress/tiers/" + std::to_string(t) + "/usd_per_gb", note);
                }
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (remove >= 0) model_.erase("/providers/" + std::to_string(remove));
    if (ImGui::Button("Add a cloud provider")) {
        std::string id = "cloud" + std::to_string(providers.size() + 1);
        model_.append("/providers", {{"id", id}, {"kind", "cloud"}, {"price_usd_per_h100e_hour", "1.5 to 3"},
                                     {"capacity", json::array({{{"online", quarter_label(model_.scenario().start)}, {"mw", 100}, {"gpu", gpus.empty() ? "H100" : gpus[0]}}})}});
    }
}

// What the capacity costs the cloud itself (MODEL §11.4): not the buyer's money, but its provider's P&L.
void ScenarioPanel::draw_provider_cost(const std::string& base, const json& p, const std::string& note) {
    const std::string at = base + "/provider_cost";
    if (!p.contains("provider_cost")) {
        if (ImGui::SmallButton("add what it costs the provider")) model_.set(at, {{"capex_usd_per_mw", 3.5e7}, {"amortization_years", 5}});
        ImGui::SetItemTooltip("The provider's own capex, opex and power for this capacity: its cost in each party's P&L (not the buyer's). "
                              "Starts at $35M per MW over 5 years, the all-in build cost the presets cite.");
        items().track("add_provider_cost:" + base);
        return;
    }
    ImGui::TextDisabled("What this capacity costs the provider");
    ImGui::SameLine();
    if (ImGui::SmallButton("x##provider_cost")) model_.erase(at);
    ImGui::SetItemTooltip("Remove the provider's cost (its P&L then shows revenue only)");
    items().track("remove_field:" + at);
    for (const char* k : {"capex_usd_per_mw", "amortization_years", "opex_usd_per_mw_year", "power_usd_per_mwh"}) {
        if (p["provider_cost"].contains(k)) edit_quantity(model_, fields_, input_field(k)->label, at + "/" + k, note);
        else if (ImGui::SmallButton(("add " + field_label(k) + "##pc").c_str())) model_.set(at + "/" + k, 0);
    }
}

void ScenarioPanel::draw_workloads() {
    const json& doc = model_.doc();
    const json workloads = doc.contains("workloads") && doc["workloads"].is_array() ? doc["workloads"] : json::array();
    const auto ids = provider_ids(doc);
    for (std::size_t i = 0; i < workloads.size(); ++i) {
        const json& w = workloads[i];
        const std::string base = "/workloads/" + std::to_string(i);
        ImGui::PushID(base.c_str());
        if (opens_for_focus(fields_.focus_request, base)) ImGui::SetNextItemOpen(true);
        if (ImGui::TreeNodeEx((str(w, "id") + " (" + str(w, "kind") + ")###wl").c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_AllowOverlap)) {
            const std::string note = provenance(w);
            if (w.contains("demand") && w["demand"].contains("start_h100e")) {
                edit_quantity(model_, fields_, "demand at start", base + "/demand/start_h100e", note);
                edit_quantity(model_, fields_, "growth / year", base + "/demand/growth_per_year", note);
            } else {
                ImGui::TextDisabled("demand: a series of %zu quarters", w.contains("demand") ? w["demand"].value("series", json::array()).size() : std::size_t{0});
            }
            edit_quantity(model_, fields_, "value per H100e-hour", base + "/value_usd_per_h100e_hour", note);
            if (w.contains("egress_gb_per_h100e_hour")) edit_quantity(model_, fields_, "egress per H100e-h", base + "/egress_gb_per_h100e_hour", note);
            if (w.contains("block_h100e")) edit_quantity(model_, fields_, "training block", base + "/block_h100e", note);
            provider_combo(model_, "home", base + "/home", ids, true);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Policy and uncertainty
//-----------------------------------------------------------------------------

void ScenarioPanel::draw_policy_uncertainty() {
    const json& doc = model_.doc();
    const json policy = doc.value("policy", json::object());
    if (policy.contains("max_share_per_provider")) edit_quantity(model_, fields_, "max share per provider", "/policy/max_share_per_provider");
    else if (ImGui::SmallButton("cap each provider's share")) model_.set("/policy/max_share_per_provider", 0.6);
    for (const char* k : {"sticky", "failover"}) {
        bool on = policy.value(k, true);
        if (ImGui::Checkbox(k, &on)) model_.set(std::string("/policy/") + k, on);
    }
    help_marker("sticky: keep last quarter's placement where still allowed (moving is costly). "
                "failover: inference on a provider that is down moves to spare capacity elsewhere.");
    const json unc = doc.value("uncertainty", json::object());
    // Trials and seed: whole numbers in any number form ("10k", "10,000").
    for (const char* k : {"trials", "seed"}) {
        const std::string at = std::string("/uncertainty/") + k;
        const InputField* d = input_field(k);
        double v = unc.contains(k) && unc[k].is_number() ? unc[k].get<double>() : (std::string(k) == "trials" ? 10000.0 : 1.0);
        auto commit = [this, at](const NumberEntry& e) -> std::string {
            if (e.interval) return "a whole number, not an interval";
            return model_.set_checked(at, static_cast<std::int64_t>(e.lo));
        };
        if (number_field(fields_, k, at, v, NumberUnit::count, d->lo, d->hi, ImGui::GetFontSize() * 8, commit))
            model_.set(at, static_cast<std::int64_t>(std::llround(v)));
        items().track(at);
        ImGui::SetItemTooltip("%s (%s)", d->meaning, d->range);
        ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
        ImGui::TextUnformatted(std::string(k) == "trials" ? "Monte Carlo trials" : "seed");
        refusal_note(fields_, at);
    }
    help_marker("The same seed gives the same trials, natively and in the browser (MODEL §2).");
    const json corr = unc.value("correlations", json::array());
    for (std::size_t i = 0; i < corr.size(); ++i) {
        ImGui::PushID(("/uncertainty/correlations/" + std::to_string(i)).c_str());
        wrapped_text(corr[i].value("a", "") + " ~ " + corr[i].value("b", ""));
        edit_quantity(model_, fields_, "rank correlation", "/uncertainty/correlations/" + std::to_string(i) + "/rho");
        ImGui::PopID();
    }
}

}  // namespace pactscope::ui
