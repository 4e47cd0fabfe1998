// clause_cards.cpp — one card per contract clause, drawn from the clause table (core/io/clause_types.h).
//
// A card shows the clause's window, then every field its type has, in the table's order: the party
// (a provider combo), waivers (checkboxes), words that choose a variant (a combo that switches
// variants, scenario_variants.h), quantities (edit_quantity; an optional one absent is an "add"
// button, present a field with a remove button), the AGI date, and SLA credit tiers (a small table).
// A field the clause's variant does not allow is not drawn. A new clause type therefore needs no
// code here: a row in the clause table is enough (CONTRIBUTING.md).
#include <algorithm>

#include "scenario_panel.h"
#include "io/clause_types.h"
#include "document_controls.h"
#include "imgui.h"
#include "model/number_text.h"
#include "io/scenario_variants.h"

namespace pactscope::ui {

using nlohmann::json;

namespace {

// The providers a clause may name: reservations and SLAs are about clouds (MODEL §11.2, §11.3).
std::vector<std::string> eligible_parties(const json& doc, ClauseType t) {
    return t == ClauseType::reservation || t == ClauseType::sla ? provider_ids_of_kind(doc, "cloud") : provider_ids(doc);
}

// SLA credit tiers (MODEL §11.3): plain numbers, `below` strictly decreasing; a new tier goes under the last.
void sla_tiers(AppModel& m, FieldEdits& edits, const std::string& base, const json& tiers) {
    const std::string at = base + "/credits";
    const ImGuiStyle& st = ImGui::GetStyle();
    std::vector<FitColumn> cols = {{"availability below"}, {"credit"}, {""}};
    const std::string table = "tiers:" + base;
    for (const json& t : tiers) {
        cols[0].width = std::max(cols[0].width, number_field_width(t.value("below", 0.0), NumberUnit::share));
        cols[1].width = std::max(cols[1].width, number_field_width(t.value("credit", 0.0), NumberUnit::share));
    }
    cols[2].width = text_width("x") + st.FramePadding.x * 2;
    int remove = -1;
    if (begin_fit_table(table.c_str(), cols, static_cast<int>(tiers.size()), ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableHeadersRow();
        for (std::size_t i = 0; i < tiers.size(); ++i) {
            const int row = static_cast<int>(i);
            ImGui::PushID(row);
            ImGui::TableNextRow();
            for (int c = 0; c < 2; ++c) {
                const char* key = c == 0 ? "below" : "credit";
                const std::string ptr = at + "/" + std::to_string(i) + "/" + key;
                double v = tiers[i].value(key, 0.0);
                ImGui::TableNextColumn();
                fit_cell(table.c_str(), row, c, number_field_width(v, NumberUnit::share));
                auto plain = [&m, ptr](const NumberEntry& e) -> std::string {
                    if (e.interval) return "SLA tiers take plain numbers, not intervals";
                    return m.set_checked(ptr, e.lo);
                };
                const InputField* d = input_field(key);
                if (number_field(edits, key, ptr, v, NumberUnit::share, d->lo, d->hi, ImGui::GetContentRegionAvail().x, plain)) m.set(ptr, v);
                items().track(ptr);
                item_tooltip(d->meaning);
            }
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("x")) remove = row;
            ImGui::SetItemTooltip("Remove this tier");
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    for (std::size_t i = 0; i < tiers.size(); ++i)
        for (const char* key : {"below", "credit"}) refusal_note(edits, at + "/" + std::to_string(i) + "/" + key);
    if (remove >= 0) m.erase(at + "/" + std::to_string(remove));
    if (ImGui::SmallButton("add tier")) {
        // Under the last tier: a lower availability earns more credit.
        const json last = tiers.empty() ? json{{"below", 1.0}, {"credit", 0.0}} : tiers.back();
        const double below = std::max(0.01, std::round((last.value("below", 1.0) - 0.04) * 1e4) / 1e4);
        const double credit = std::min(1.0, last.value("credit", 0.0) + 0.25);
        m.append(at, {{"below", below}, {"credit", credit}});
    }
    items().track("add_tier:" + base);
}

}  // namespace

void ScenarioPanel::draw_clauses() {
    const json& doc = model_.doc();
    const json contract = doc.contains("contract") && doc["contract"].is_array() ? doc["contract"] : json::array();
    int remove = -1;
    for (std::size_t i = 0; i < contract.size(); ++i) {
        const json& c = contract[i];
        const std::string base = "/contract/" + std::to_string(i);
        const std::string type = str(c, "type", "?");
        const ClauseTypeInfo* info = find_clause_type(type);
        const std::string who = str(c, "holder", str(c, "provider"));
        ImGui::PushID(base.c_str());  // ids by pointer: clause 5 and provider 5 must not share a "remove" button
        // "###card": the card's identity is its place, not its title, so it stays open when the title changes.
        // Named as the timeline, inputs and parts name it ("reservation on oracle #2") while the document is valid.
        const Scenario& valid = model_.scenario();
        const bool named = model_.valid() && i < valid.contract.size();
        // While it is not (an edit made it invalid), the same words from the document, without the number.
        const std::string on = type != "revenue_share" ? " on " : str(c, "payer", "buyer") == "holder" ? " paid by " : " paid to ";
        const std::string title = (named ? clause_name(valid, i) : std::string(info ? info->label : type.c_str()) + (who.empty() ? "" : on + who)) + "###card";
        if (opens_for_focus(fields_.focus_request, base)) ImGui::SetNextItemOpen(true);
        const bool open = ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_AllowOverlap);
        items().track("card:" + base);
        const std::string note = provenance(c);
        // The card names the party by its id, as inputs and parts do; the tooltip first says it in words, by name.
        const std::string words = named ? clause_label(valid, i) + "\n\n" : std::string();
        item_tooltip(words + std::string(info ? info->meaning : "") + (info && !note.empty() ? "\n\n" : "") + note);
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 3);
        if (ImGui::SmallButton("remove")) remove = static_cast<int>(i);
        items().track("clause_remove:" + std::to_string(i));
        if (open && info) {
            quarter_field(model_, fields_, "from", base + "/from", true, false);
            ImGui::SameLine();
            quarter_field(model_, fields_, "to", base + "/to", true, info->type != ClauseType::agi);
            refusal_note(fields_, base + "/from");
            refusal_note(fields_, base + "/to");
            draw_clause_fields(*info, base, c, note);
        }
        if (open) ImGui::TreePop();
        ImGui::PopID();
    }
    if (remove >= 0) model_.erase("/contract/" + std::to_string(remove));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("##add", "Add a clause...", ImGuiComboFlags_HeightLargest)) {
        for (const ClauseTypeInfo& t : clause_types()) {
            if (ImGui::Selectable(t.name)) {
                const auto parties = eligible_parties(doc, t.type);
                model_.append("/contract", clause_example(t.type, parties.empty() ? "" : parties.front()));
            }
            item_tooltip(t.meaning);
            items().track(std::string("add_clause=") + t.name);
        }
        ImGui::EndCombo();
    }
    items().track("add_clause");
}

void ScenarioPanel::draw_clause_fields(const ClauseTypeInfo& info, const std::string& base, const json& c, const std::string& note) {
    const json& doc = model_.doc();
    const bool priced_commitment = info.type == ClauseType::commitment;
    for (const ClauseField& f : info.fields) {
        if (!f.applies(c)) continue;
        const std::string at = base + "/" + f.name;
        const std::string label = field_label(f.name);
        switch (f.kind) {
            case FieldKind::party: provider_combo(model_, f.name, at, eligible_parties(doc, info.type), false); break;
            case FieldKind::providers: {
                ImGui::TextDisabled("%s:", label.c_str());
                const json list = c.contains(f.name) ? c[f.name] : json::array();
                const std::string holder = str(c, "holder");
                for (const std::string& id : provider_ids(doc)) {
                    if (id == holder) continue;
                    bool on = std::find(list.begin(), list.end(), json(id)) != list.end();
                    ImGui::SameLine();
                    if (ImGui::Checkbox(id.c_str(), &on)) {
                        json next = json::array();
                        for (const std::string& x : provider_ids(doc))
                            if (x == id ? on : std::find(list.begin(), list.end(), json(x)) != list.end()) next.push_back(x);
                        model_.set(at, next);
                    }
                    items().track(at + "=" + id);
                }
                break;
            }
            case FieldKind::choice: {
                const std::vector<std::string> options(f.choices.begin(), f.choices.end());
                choice_combo(model_, f.name, base, f.name, options, options.front());
                item_tooltip(f.meaning);
                break;
            }
            case FieldKind::quantity:
            case FieldKind::agi_date: {
                // A commitment is priced one of two ways (MODEL §11.1): a switch, not two optional fields.
                const bool pricing = priced_commitment && (std::string(f.name) == "discount" || std::string(f.name) == "price_usd_per_h100e_hour");
                if (pricing && std::string(f.name) == "price_usd_per_h100e_hour") {
                    const json* object = model_.at(base);
                    std::vector<std::string> modes;
                    for (const VariantChoice& v : variant_choices(*object, kPricingField)) modes.push_back(v.value);
                    choice_combo(model_, "pricing", base, kPricingField, modes, current_variant(*object, kPricingField));
                    item_tooltip("discount: the provider's price less a discount while the commitment is unspent; contract: a fixed "
                                 "contract price per H100e-hour over the window (MODEL §11.1)");
                }
                if (c.contains(f.name)) {
                    edit_quantity(model_, fields_, label.c_str(), at, note);
                    // An optional field, or one with a default, can go again (its default then applies).
                    if (!pricing && !f.required()) {
                        ImGui::SameLine();
                        ImGui::PushID(f.name);
                        if (ImGui::SmallButton("x")) model_.erase(at);
                        ImGui::SetItemTooltip("Remove: %s", f.default_value ? ("back to the default " + shortest_number(*f.default_value)).c_str() : "none");
                        items().track("remove_field:" + at);
                        ImGui::PopID();
                    }
                } else if (!pricing) {
                    ImGui::PushID(f.name);
                    if (ImGui::SmallButton(("add " + label).c_str())) model_.set(at, f.default_value.value_or(f.example));
                    item_tooltip(std::string(f.meaning) + (f.default_value ? " (default " + shortest_number(*f.default_value) + ")" : ""));
                    items().track("add_field:" + at);
                    ImGui::PopID();
                }
                break;
            }
            case FieldKind::sla_tiers: sla_tiers(model_, fields_, base, c.contains(f.name) ? c[f.name] : json::array()); break;
        }
    }
}

}  // namespace pactscope::ui
