// scenario_panel.cpp — the left side: everything that defines the scenario.
//
// [SECTION] Panel: preset picker, problems
// [SECTION] Timeline of clauses
// [SECTION] Clause cards
// [SECTION] Providers and workloads
// [SECTION] Policy and uncertainty
#include <algorithm>
#include <cmath>

#include "app.h"
#include "charts.h"
#include "format.h"
#include "imgui.h"
#include "presets.h"
#include "quarter.h"
#include "widgets.h"

namespace pactscope::ui {

using nlohmann::json;

namespace {

const char* const kClauseTypes[] = {"exclusive", "rofr", "preferred", "commitment", "api_exclusivity", "revenue_share", "ip_access", "agi"};

std::vector<std::string> provider_ids(const json& doc) {
    std::vector<std::string> ids;
    if (doc.contains("providers") && doc["providers"].is_array())
        for (const json& p : doc["providers"]) ids.push_back(p.value("id", std::string()));
    return ids;
}

std::string str(const json& o, const char* key, const std::string& fallback = "") {
    return o.contains(key) && o[key].is_string() ? o[key].get<std::string>() : fallback;
}

// A source id and note as the tooltip footer of a field (SPEC §10.4).
std::string provenance(const json& o) {
    std::string s;
    if (o.contains("source") && o["source"].is_string()) s += "Source: " + o["source"].get<std::string>();
    if (o.contains("note") && o["note"].is_string()) s += (s.empty() ? "" : "\n") + o["note"].get<std::string>();
    return s;
}

// A combo over provider ids that sets `pointer` (holder, provider, home).
void provider_combo(AppModel& m, const char* label, const std::string& pointer, const std::vector<std::string>& ids, bool allow_none) {
    const json* v = m.at(pointer);
    const std::string cur = v && v->is_string() ? v->get<std::string>() : "";
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo(label, cur.empty() ? "(none)" : cur.c_str())) {
        if (allow_none && ImGui::Selectable("(none)", cur.empty())) m.erase(pointer);
        for (const std::string& id : ids)
            if (ImGui::Selectable(id.c_str(), id == cur)) m.set(pointer, id);
        ImGui::EndCombo();
    }
}

// A string enum field (kind, scope, match, payer, trigger).
void enum_combo(AppModel& m, const char* label, const std::string& pointer, std::initializer_list<const char*> options, const char* fallback) {
    const json* v = m.at(pointer);
    const std::string cur = v && v->is_string() ? v->get<std::string>() : fallback;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::BeginCombo(label, cur.c_str())) {
        for (const char* o : options)
            if (ImGui::Selectable(o, cur == o)) m.set(pointer, o);
        ImGui::EndCombo();
    }
}

// A quarter label field (online, from, to); empty text removes an optional key.
void quarter_field(AppModel& m, const char* label, const std::string& pointer, bool optional, bool allow_agi) {
    static std::map<std::string, std::string> editing;
    const json* v = m.at(pointer);
    const std::string value = v && v->is_string() ? v->get<std::string>() : "";
    std::string& text = editing.try_emplace(pointer, value).first->second;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5.5f);
    input_string(label, text);
    if (ImGui::IsItemDeactivatedAfterEdit()) {
        if (text.empty() && optional) m.erase(pointer);
        else m.set(pointer, text);
    }
    if (!ImGui::IsItemActive()) text = value;
    ImGui::SetItemTooltip("A quarter such as 2026Q2%s%s", allow_agi ? ", or \"agi\" (through the AGI quarter)" : "",
                          optional ? "; empty = the whole horizon" : "");
}

json clause_template(const std::string& type, const std::string& first_provider) {
    json c = {{"type", type}};
    if (type == "commitment") return {{"type", type}, {"provider", first_provider}, {"usd", 1e10}, {"discount", 0.1}, {"take_or_pay", 1}};
    if (type == "agi") return {{"type", type}, {"trigger", "date"}, {"date", "2029Q1 to 2031Q4"}};
    c["holder"] = first_provider;
    if (type == "preferred") c["min_share"] = 0.5;
    if (type == "revenue_share") c["payer"] = "buyer", c["rate"] = 0.2;
    if (type == "ip_access") c["value_usd_per_quarter"] = 1e9;
    return c;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Panel: preset picker, problems
//-----------------------------------------------------------------------------

void App::draw_scenario_panel() {
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    const std::string current = model_.preset_id().empty() ? std::string("(edited or imported)") : model_.preset_id();
    if (ImGui::BeginCombo("Preset", current.c_str())) {
        for (const Preset& p : presets()) {
            const std::string id(p.id);
            if (ImGui::Selectable(id.c_str(), id == model_.preset_id())) model_.load_preset(id);
            items().track("preset:" + id);
        }
        ImGui::EndCombo();
    }
    items().track("preset_combo");
    help_marker("Shipped scenarios with sourced figures: the Microsoft-OpenAI partnership from Azure exclusivity (2019) "
                "to the non-exclusive licence (2026), and a counterfactual. Pick one, then change any assumption.");
    // The scenario's name (it names downloads too): committed when the field is left, one undo step.
    const json* name = model_.at("/name");
    ImGui::SetNextItemWidth(-ImGui::GetFontSize() * 4);
    input_string("Name", name_edit_);
    items().track("scenario_name");
    if (ImGui::IsItemDeactivatedAfterEdit()) model_.set("/name", name_edit_);
    if (!ImGui::IsItemActive()) name_edit_ = name && name->is_string() ? name->get<std::string>() : model_.scenario().name;
    if (!model_.scenario().description.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        ImGui::TextWrapped("%s", model_.scenario().description.c_str());
        ImGui::PopStyleColor();
    }
    draw_issues();
    draw_timeline();
    const bool clauses = ImGui::CollapsingHeader("Contract clauses", ImGuiTreeNodeFlags_DefaultOpen);
    items().track("section:clauses");
    if (clauses) draw_clauses();
    const bool providers = ImGui::CollapsingHeader("Providers and capacity");
    items().track("section:providers");
    if (providers) draw_providers();
    const bool workloads = ImGui::CollapsingHeader("Workloads (demand)");
    items().track("section:workloads");
    if (workloads) draw_workloads();
    const bool policy = ImGui::CollapsingHeader("Policy and uncertainty");
    items().track("section:policy");
    if (policy) draw_policy_uncertainty();
}

void App::draw_issues() {
    if (!load_errors_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 140, 120, 255));
        ImGui::TextWrapped("Not loaded — the previous scenario is kept:\n%s", load_errors_.c_str());
        ImGui::PopStyleColor();
        if (ImGui::SmallButton("Dismiss")) load_errors_.clear();
    }
    if (model_.issues().empty()) return;
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 140, 120, 255));
    ImGui::TextWrapped("This edit makes the scenario invalid; results show the last valid one:");
    for (const Issue& i : model_.issues()) ImGui::BulletText("%s: %s", i.pointer.empty() ? "(document)" : i.pointer.c_str(), i.message.c_str());
    ImGui::PopStyleColor();
}

//-----------------------------------------------------------------------------
// [SECTION] Timeline of clauses
//-----------------------------------------------------------------------------

void App::draw_timeline() {
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
    const float x0 = p.x + 110, x1 = p.x + w - 4;
    auto qx = [&](int q) { return x0 + (x1 - x0) * static_cast<float>(q - first) / static_cast<float>(last + 1 - first); };
    for (int y = first / 4; y <= last / 4; ++y) {
        const float x = qx(y * 4);
        dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + height - row), ImGui::GetColorU32(ImGuiCol_Border));
        if ((y % 2 == 0) || (x1 - x0) > 500) dl->AddText(ImVec2(x + 2, p.y + height - row), ImGui::GetColorU32(ImGuiCol_TextDisabled), std::to_string(y).c_str());
    }
    dl->AddRectFilled(ImVec2(qx(s.start), p.y), ImVec2(qx(s.end + 1), p.y + height - row), IM_COL32(255, 255, 255, 12));
    for (std::size_t c = 0; c < s.contract.size(); ++c) {
        const Clause& cl = s.contract[c];
        const float y = p.y + row * static_cast<float>(c);
        std::string label = to_string(cl.type);
        const int who = cl.type == ClauseType::commitment ? cl.provider : cl.holder;
        if (who >= 0) label += " " + s.providers[static_cast<std::size_t>(who)].id;
        dl->AddText(ImVec2(p.x, y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        // Active quarters as the engine saw them (so "to: agi" ends where AGI happened).
        const auto& active = r.clause_active[c];
        for (int q = 0; q < static_cast<int>(active.size()); ++q)
            if (active[static_cast<std::size_t>(q)])
                dl->AddRectFilled(ImVec2(qx(s.start + q), y + 3), ImVec2(qx(s.start + q + 1), y + row - 3), charts::palette(static_cast<int>(cl.type)));
        if (hovered && ImGui::IsMouseHoveringRect(ImVec2(p.x, y), ImVec2(x1, y + row))) {
            int on = 0, lo = -1, hi = -1;
            for (int q = 0; q < static_cast<int>(active.size()); ++q)
                if (active[static_cast<std::size_t>(q)]) on++, hi = q, lo = lo < 0 ? q : lo;
            ImGui::SetTooltip("%s: active %d quarters%s%s%s", label.c_str(), on, on ? " (" : "", on ? (quarter_label(s.start + lo) + " - " + quarter_label(s.start + hi) + ")").c_str() : "", "");
        }
    }
    if (today_quarter_ >= first && today_quarter_ <= last) {
        const float x = qx(today_quarter_);
        dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + height - row), IM_COL32(255, 255, 255, 200), 1.5f);
        dl->AddText(ImVec2(x + 2, p.y + height - row * 2), IM_COL32(255, 255, 255, 200), "today");
    }
    if (r.totals.has_agi) {
        const int q = s.start + r.totals.agi_quarter;
        const float x = qx(std::clamp(q, first, last));
        dl->AddLine(ImVec2(x, p.y), ImVec2(x, p.y + height - row), IM_COL32(255, 90, 90, 255), 2.0f);
        const std::string label = "AGI " + quarter_label(q);
        const float tw = ImGui::CalcTextSize(label.c_str()).x;
        const float tx = x + 2 + tw > x1 ? x - 2 - tw : x + 2;  // keep the label inside the timeline
        dl->AddText(ImVec2(tx, p.y + height - row * 3), IM_COL32(255, 110, 110, 255), label.c_str());
    }
    items().track("timeline");
}

//-----------------------------------------------------------------------------
// [SECTION] Clause cards
//-----------------------------------------------------------------------------

void App::draw_clauses() {
    const json& doc = model_.doc();
    const auto ids = provider_ids(doc);
    const json contract = doc.contains("contract") && doc["contract"].is_array() ? doc["contract"] : json::array();
    int remove = -1;
    for (std::size_t i = 0; i < contract.size(); ++i) {
        const json& c = contract[i];
        const std::string base = "/contract/" + std::to_string(i);
        const std::string type = str(c, "type", "?");
        const std::string who = str(c, "holder", str(c, "provider"));
        ImGui::PushID(static_cast<int>(i));
        const std::string title = type + (who.empty() ? "" : " - " + who) + "##card";
        const bool open = ImGui::TreeNodeEx(title.c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth);
        const std::string note = provenance(c);
        if (!note.empty()) ImGui::SetItemTooltip("%s", note.c_str());
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 3);
        if (ImGui::SmallButton("remove")) remove = static_cast<int>(i);
        if (open) {
            quarter_field(model_, "from", base + "/from", true, false);
            ImGui::SameLine();
            quarter_field(model_, "to", base + "/to", true, type != "agi");
            if (type == "commitment") provider_combo(model_, "provider", base + "/provider", ids, false);
            else if (type != "agi") provider_combo(model_, "holder", base + "/holder", ids, false);
            if (type == "exclusive") {
                ImGui::TextDisabled("waivers:");
                const json waivers = c.contains("waivers") ? c["waivers"] : json::array();
                for (const std::string& id : ids) {
                    if (id == who) continue;
                    bool on = std::find(waivers.begin(), waivers.end(), json(id)) != waivers.end();
                    ImGui::SameLine();
                    if (ImGui::Checkbox(id.c_str(), &on)) {
                        json next = json::array();
                        for (const std::string& x : ids)
                            if (x == id ? on : std::find(waivers.begin(), waivers.end(), json(x)) != waivers.end()) next.push_back(x);
                        model_.set(base + "/waivers", next);
                    }
                }
                if (c.contains("waivers") && !c["waivers"].empty()) {
                    if (!c.contains("waiver_max_share")) {
                        if (ImGui::SmallButton("limit waivers")) model_.set(base + "/waiver_max_share", 0.3);
                    } else {
                        edit_quantity(model_, "waiver max share", base + "/waiver_max_share", note);
                    }
                }
            }
            if (type == "rofr") {
                enum_combo(model_, "scope", base + "/scope", {"all", "training", "inference"}, "all");
                ImGui::SameLine();
                enum_combo(model_, "match", base + "/match", {"capacity", "price"}, "capacity");
                if (!c.contains("response_quarters")) {
                    if (ImGui::SmallButton("add response delay")) model_.set(base + "/response_quarters", 1);
                } else {
                    edit_quantity(model_, "response quarters", base + "/response_quarters", note);
                }
                if (str(c, "match") == "price") {
                    if (!c.contains("tolerance")) model_.set(base + "/tolerance", 0);
                    else edit_quantity(model_, "tolerance", base + "/tolerance", note);
                }
            }
            if (type == "preferred") edit_quantity(model_, "min share", base + "/min_share", note);
            if (type == "commitment") {
                edit_quantity(model_, "usd", base + "/usd", note);
                for (const char* k : {"discount", "take_or_pay"})
                    if (c.contains(k)) edit_quantity(model_, k, base + "/" + k, note);
            }
            if (type == "revenue_share") {
                enum_combo(model_, "payer", base + "/payer", {"buyer", "holder"}, "buyer");
                edit_quantity(model_, "rate", base + "/rate", note);
                if (c.contains("cap_usd")) edit_quantity(model_, "cap usd", base + "/cap_usd", note);
                else if (ImGui::SmallButton("add cap")) model_.set(base + "/cap_usd", 1e10);
                if (str(c, "payer") == "holder") {
                    if (!c.contains("holder_api_revenue_usd_per_quarter")) model_.set(base + "/holder_api_revenue_usd_per_quarter", 1e9);
                    else edit_quantity(model_, "holder API revenue / quarter", base + "/holder_api_revenue_usd_per_quarter", note);
                }
            }
            if (type == "ip_access") edit_quantity(model_, "value / quarter", base + "/value_usd_per_quarter", note);
            if (type == "agi") {
                const std::string trigger = str(c, "trigger", "date");
                const json* tr = model_.at(base + "/trigger");
                ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
                if (ImGui::BeginCombo("trigger", trigger.c_str())) {
                    for (const char* t : {"date", "profit", "none"})
                        if (ImGui::Selectable(t, trigger == t) && t != trigger) {
                            json next = c;
                            next["trigger"] = t;
                            next.erase("date"), next.erase("profit_threshold_usd");
                            if (std::string(t) == "date") next["date"] = "2030Q1";
                            if (std::string(t) == "profit") next["profit_threshold_usd"] = 1e11;
                            model_.set(base, next);
                        }
                    ImGui::EndCombo();
                }
                (void)tr;
                if (trigger == "date") edit_quantity(model_, "date", base + "/date", note);
                if (trigger == "profit") edit_quantity(model_, "profit threshold", base + "/profit_threshold_usd", note);
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
    if (remove >= 0) model_.erase("/contract/" + std::to_string(remove));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ImGui::BeginCombo("##add", "Add a clause...")) {
        for (const char* t : kClauseTypes)
            if (ImGui::Selectable(t)) model_.append("/contract", clause_template(t, ids.empty() ? "" : ids[0]));
        ImGui::EndCombo();
    }
    items().track("add_clause");
}

//-----------------------------------------------------------------------------
// [SECTION] Providers and workloads
//-----------------------------------------------------------------------------

void App::draw_providers() {
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
        ImGui::PushID(static_cast<int>(i));
        const bool open = ImGui::TreeNodeEx((str(p, "id") + " (" + kind + ")##prov").c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth);
        items().track("provider:" + str(p, "id"));
        const std::string note = provenance(p);
        if (!note.empty()) ImGui::SetItemTooltip("%s", note.c_str());
        ImGui::SameLine(ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 3);
        if (ImGui::SmallButton("remove")) remove = static_cast<int>(i);
        if (open) {
            if (kind == "cloud") {
                edit_quantity(model_, "price $/H100e-h", base + "/price_usd_per_h100e_hour", note);
                if (p.contains("price_change_per_year")) edit_quantity(model_, "price change / year", base + "/price_change_per_year", note);
            } else {
                for (const char* k : {"capex_usd_per_mw", "amortization_years", "opex_usd_per_mw_year", "power_usd_per_mwh"})
                    if (p.contains(k)) edit_quantity(model_, k, base + "/" + k, note);
            }
            for (const char* k : {"pue", "onboarding_usd", "overhead_usd_per_quarter", "outages_per_year", "outage_hours"})
                if (p.contains(k)) edit_quantity(model_, k, base + "/" + k, note);
            ImGui::TextDisabled("Capacity tranches (facility MW)");
            const json tranches = p.contains("capacity") ? p["capacity"] : json::array();
            int remove_t = -1;
            if (ImGui::BeginTable("tranches", 5, ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("online");
                ImGui::TableSetupColumn("MW");
                ImGui::TableSetupColumn("GPU");
                ImGui::TableSetupColumn("slip (q)");
                ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 1.5f);
                ImGui::TableHeadersRow();
                for (std::size_t t = 0; t < tranches.size(); ++t) {
                    const std::string tb = base + "/capacity/" + std::to_string(t);
                    const std::string tnote = provenance(tranches[t]);
                    ImGui::PushID(static_cast<int>(t));
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    quarter_field(model_, "##online", tb + "/online", false, false);
                    ImGui::TableNextColumn();
                    ImGui::SetNextItemWidth(-1);
                    edit_quantity(model_, "", tb + "/mw", tnote);
                    ImGui::TableNextColumn();
                    const std::string gpu = str(tranches[t], "gpu");
                    ImGui::SetNextItemWidth(-1);
                    if (ImGui::BeginCombo("##gpu", gpu.c_str())) {
                        for (const std::string& g : gpus)
                            if (ImGui::Selectable(g.c_str(), g == gpu)) model_.set(tb + "/gpu", g);
                        ImGui::EndCombo();
                    }
                    ImGui::TableNextColumn();
                    if (tranches[t].contains("slip_quarters")) edit_quantity(model_, "", tb + "/slip_quarters", tnote);
                    else if (ImGui::SmallButton("+ slip")) model_.set(tb + "/slip_quarters", "0 to 4");
                    ImGui::TableNextColumn();
                    if (ImGui::SmallButton("x")) remove_t = static_cast<int>(t);
                    ImGui::PopID();
                }
                ImGui::EndTable();
            }
            if (remove_t >= 0) model_.erase(base + "/capacity/" + std::to_string(remove_t));
            if (ImGui::SmallButton("add tranche"))
                model_.append(base + "/capacity", {{"online", quarter_label(model_.scenario().start)}, {"mw", 100}, {"gpu", gpus.empty() ? "H100" : gpus[0]}});
            if (p.contains("egress") && p["egress"].contains("tiers")) {
                ImGui::TextDisabled("Egress tiers (monthly TB after the free allowance)");
                if (p["egress"].contains("free_tb_per_month")) edit_quantity(model_, "free TB / month", base + "/egress/free_tb_per_month", note);
                const json& tiers = p["egress"]["tiers"];
                for (std::size_t t = 0; t < tiers.size(); ++t) {
                    const json& up = tiers[t]["up_to_tb"];
                    const std::string label = up.is_null() ? "$/GB beyond" : "$/GB up to " + format_compact(up.get<double>()) + " TB";
                    edit_quantity(model_, label.c_str(), base + "/egress/tiers/" + std::to_string(t) + "/usd_per_gb", note);
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

void App::draw_workloads() {
    const json& doc = model_.doc();
    const json workloads = doc.contains("workloads") && doc["workloads"].is_array() ? doc["workloads"] : json::array();
    const auto ids = provider_ids(doc);
    for (std::size_t i = 0; i < workloads.size(); ++i) {
        const json& w = workloads[i];
        const std::string base = "/workloads/" + std::to_string(i);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::TreeNodeEx((str(w, "id") + " (" + str(w, "kind") + ")##wl").c_str(), ImGuiTreeNodeFlags_Framed | ImGuiTreeNodeFlags_SpanAvailWidth)) {
            const std::string note = provenance(w);
            if (w.contains("demand") && w["demand"].contains("start_h100e")) {
                edit_quantity(model_, "demand at start (H100e)", base + "/demand/start_h100e", note);
                edit_quantity(model_, "growth / year", base + "/demand/growth_per_year", note);
            } else {
                ImGui::TextDisabled("demand: a series of %zu quarters", w.contains("demand") ? w["demand"].value("series", json::array()).size() : std::size_t{0});
            }
            edit_quantity(model_, "value $/H100e-h", base + "/value_usd_per_h100e_hour", note);
            if (w.contains("egress_gb_per_h100e_hour")) edit_quantity(model_, "egress GB / H100e-h", base + "/egress_gb_per_h100e_hour", note);
            if (w.contains("block_h100e")) edit_quantity(model_, "training block (H100e)", base + "/block_h100e", note);
            provider_combo(model_, "home", base + "/home", ids, true);
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Policy and uncertainty
//-----------------------------------------------------------------------------

void App::draw_policy_uncertainty() {
    const json& doc = model_.doc();
    const json policy = doc.value("policy", json::object());
    if (policy.contains("max_share_per_provider")) edit_quantity(model_, "max share per provider", "/policy/max_share_per_provider");
    else if (ImGui::SmallButton("cap each provider's share")) model_.set("/policy/max_share_per_provider", 0.6);
    for (const char* k : {"sticky", "failover"}) {
        bool on = policy.value(k, true);
        if (ImGui::Checkbox(k, &on)) model_.set(std::string("/policy/") + k, on);
    }
    help_marker("sticky: keep last quarter's placement where still allowed (moving is costly). "
                "failover: inference on a provider that is down moves to spare capacity elsewhere.");
    const json unc = doc.value("uncertainty", json::object());
    int trials = unc.value("trials", 10000);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputInt("Monte Carlo trials", &trials, 1000, 10000, ImGuiInputTextFlags_EnterReturnsTrue))
        model_.set("/uncertainty/trials", std::clamp(trials, 1, 1000000));
    long long seed = static_cast<long long>(unc.value("seed", 1ull));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ImGui::InputScalar("seed", ImGuiDataType_S64, &seed, nullptr, nullptr, nullptr, ImGuiInputTextFlags_EnterReturnsTrue))
        model_.set("/uncertainty/seed", std::max(0ll, seed));
    help_marker("The same seed gives the same trials, natively and in the browser (SPEC section 2).");
    const json corr = unc.value("correlations", json::array());
    for (std::size_t i = 0; i < corr.size(); ++i) {
        ImGui::PushID(static_cast<int>(i));
        ImGui::TextWrapped("%s ~ %s", corr[i].value("a", "").c_str(), corr[i].value("b", "").c_str());
        edit_quantity(model_, "rank correlation", "/uncertainty/correlations/" + std::to_string(i) + "/rho");
        ImGui::PopID();
    }
}

}  // namespace pactscope::ui
