#include "widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "number_text.h"

namespace pactscope::ui {

using nlohmann::json;

const FieldDoc* field_doc(const std::string& key) {
    static const std::map<std::string, FieldDoc> docs = {
        {"price_usd_per_h100e_hour", {"Contract price of one H100-equivalent GPU for one hour on this cloud", "USD per H100e-hour", ">= 0"}},
        {"price_change_per_year", {"Yearly change of the cloud price, compounded per quarter from the horizon start", "fraction per year (-0.1 = -10%)", "> -1"}},
        {"pue", {"Power usage effectiveness: facility power / IT power", "ratio", ">= 1"}},
        {"mw", {"Facility (grid) megawatts of this capacity tranche", "MW", ">= 0"}},
        {"slip_quarters", {"Build delay of the tranche (power, substations, transformers); rounded to whole quarters", "quarters", ">= 0"}},
        {"onboarding_usd", {"One-off cost in the first quarter the buyer uses this provider", "USD", ">= 0"}},
        {"overhead_usd_per_quarter", {"Fixed cost in every quarter the provider is used", "USD per quarter", ">= 0"}},
        {"outages_per_year", {"Expected number of outages per year (Monte Carlo: Poisson)", "outages per year", ">= 0"}},
        {"outage_hours", {"Duration of one outage", "hours", "0 to 2190"}},
        {"capex_usd_per_mw", {"Capital cost of owned capacity per facility MW", "USD per MW", ">= 0"}},
        {"amortization_years", {"Years over which capex is spread", "years", "> 0"}},
        {"opex_usd_per_mw_year", {"Operating cost of owned capacity", "USD per MW per year", ">= 0"}},
        {"power_usd_per_mwh", {"Electricity price for owned capacity", "USD per MWh", ">= 0"}},
        {"start_h100e", {"Demand in the first quarter", "H100e", ">= 0"}},
        {"growth_per_year", {"Yearly demand growth, compounded per quarter", "fraction per year (1 = doubling)", "> -1"}},
        {"block_h100e", {"Training cluster size: new training capacity comes in whole blocks on one provider", "H100e", ">= 0 (0 = divisible)"}},
        {"egress_gb_per_h100e_hour", {"Data moved per served H100e-hour when served away from the workload's home", "GB per H100e-hour", ">= 0"}},
        {"value_usd_per_h100e_hour", {"Revenue (inference) or value (training) of a served H100e-hour; lost when unserved", "USD per H100e-hour", ">= 0"}},
        {"waiver_max_share", {"Waiver providers together may serve at most this share of each workload", "share", "0 to 1"}},
        {"response_quarters", {"Quarters before the market sees demand the ROFR holder declined", "quarters", ">= 0"}},
        {"tolerance", {"Price match: the holder takes the demand if its cost <= (1 + tolerance) x the best alternative", "fraction", "0 to 1"}},
        {"min_share", {"The preferred holder gets at least this share of each workload, as its capacity allows", "share", "0 to 1"}},
        {"usd", {"Committed compute spend (discounted prices) within the clause's window", "USD", ">= 0"}},
        {"discount", {"Discount on the provider's price while the commitment is unspent", "fraction", "0 to 1"}},
        {"take_or_pay", {"Share of the commitment paid even if unused, at the window's end", "share", "0 to 1"}},
        {"rate", {"Revenue share rate", "share", "0 to 1"}},
        {"cap_usd", {"Cumulative cap on this clause's payments", "USD", ">= 0"}},
        {"holder_api_revenue_usd_per_quarter", {"The holder's API revenue on which it pays the share", "USD per quarter", ">= 0"}},
        {"value_usd_per_quarter", {"Value of IP access to the holder while active", "USD per quarter", ">= 0"}},
        {"profit_threshold_usd", {"AGI is declared when cumulative inference revenue - cost reaches this", "USD", ">= 0"}},
        {"date", {"AGI quarter: a label (2030Q1) or a range (2028Q1 to 2031Q4, uniform)", "quarter", "any"}},
        {"max_share_per_provider", {"No provider gets more than this share of a workload in the merit order", "share", "0 to 1"}},
        {"discount_rate_per_year", {"Discount rate for the NPV of cost", "fraction per year", "0 to 1"}},
        {"free_tb_per_month", {"Egress free allowance", "TB per month", ">= 0"}},
        {"usd_per_gb", {"Egress price in this tier", "USD per GB", ">= 0"}},
        {"it_kw", {"IT power per GPU", "kW", "> 0"}},
        {"h100e", {"H100-equivalents per GPU (compute relative to an H100)", "H100e", "> 0"}},
    };
    auto it = docs.find(key);
    return it == docs.end() ? nullptr : &it->second;
}

namespace {

std::string last_token(const std::string& pointer) {
    const auto slash = pointer.rfind('/');
    return slash == std::string::npos ? pointer : pointer.substr(slash + 1);
}

void quantity_tooltip(const std::string& pointer, const json* v, const std::string& note) {
    if (!ImGui::BeginItemTooltip()) return;
    const std::string key = last_token(pointer);
    if (const FieldDoc* d = field_doc(key)) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(d->meaning);
        ImGui::TextDisabled("Unit: %s   Allowed: %s", d->unit, d->range);
        ImGui::PopTextWrapPos();
    } else {
        ImGui::TextUnformatted(key.c_str());
    }
    ImGui::TextDisabled("%s", pointer.c_str());
    if (v && v->is_string() && v->get<std::string>().find(" to ") != std::string::npos)
        ImGui::TextDisabled("\"a to b\": a 90%% interval (lognormal if a > 0, else normal)");
    if (!note.empty()) {
        ImGui::Separator();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(note.c_str());
        ImGui::PopTextWrapPos();
    }
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

// "a to b" with two numbers (not quarter labels).
bool parse_interval(const std::string& s, double& a, double& b) {
    const auto to = s.find(" to ");
    if (to == std::string::npos) return false;
    const std::string l = s.substr(0, to), r = s.substr(to + 4);
    char* e1 = nullptr;
    char* e2 = nullptr;
    a = std::strtod(l.c_str(), &e1);
    b = std::strtod(r.c_str(), &e2);
    return e1 && *e1 == '\0' && e1 != l.c_str() && e2 && *e2 == '\0' && e2 != r.c_str() && std::isfinite(a) && std::isfinite(b);
}

// A number or "a to b" written in a text field.
json parse_cell(const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (end && end != text.c_str() && *end == '\0' && std::isfinite(v)) return v;
    return text;
}

// The distribution editor of an object quantity {"dist": ...}.
bool edit_distribution(AppModel& m, const std::string& pointer, const json& obj) {
    bool changed = false;
    static const char* kinds[] = {"normal", "lognormal", "uniform", "triangular", "pert", "point"};
    static const std::vector<std::vector<const char*>> params = {{"mean", "sd"}, {"p5", "p95"}, {"min", "max"},
                                                                 {"min", "mode", "max"}, {"min", "mode", "max"}, {"value"}};
    const std::string dist = obj.value("dist", "point");
    int k = 5;
    for (int i = 0; i < 6; ++i)
        if (dist == kinds[i]) k = i;
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
    for (const char* p : params[static_cast<std::size_t>(k)]) {
        double v = obj.contains(p) && obj[p].is_number() ? obj[p].get<double>() : 0;
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        if (ImGui::InputDouble(p, &v, 0, 0, "%.6g")) {
            m.set(pointer + "/" + p, v);
            changed = true;
        }
    }
    bool clip = obj.contains("clip");
    if (ImGui::Checkbox("clip", &clip)) {
        if (clip) m.set(pointer + "/clip", json::array({0, 1e12}));
        else m.erase(pointer + "/clip");
        changed = true;
    }
    if (clip && obj["clip"].is_array() && obj["clip"].size() == 2) {
        double lh[2] = {obj["clip"][0].get<double>(), obj["clip"][1].get<double>()};
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
        if (ImGui::InputScalarN("clip [lo, hi]", ImGuiDataType_Double, lh, 2, nullptr, nullptr, "%.6g")) {
            m.set(pointer + "/clip", json::array({lh[0], lh[1]}));
            changed = true;
        }
    }
    return changed;
}

std::string distribution_summary(const json& obj) {
    std::string s = obj.value("dist", "?");
    for (const char* p : {"mean", "sd", "p5", "p95", "min", "mode", "max", "value"})
        if (obj.contains(p) && obj[p].is_number()) {
            s += ' ';  // (not " " + …: GCC 12's -Wrestrict misfires on it)
            s += shortest_number(obj[p].get<double>());
        }
    return s;
}

}  // namespace

bool input_string(const char* label, std::string& s, ImGuiInputTextFlags flags) {
    flags |= ImGuiInputTextFlags_CallbackResize;
    return ImGui::InputText(label, s.data(), s.capacity() + 1, flags, resize_callback, &s);
}

void help_marker(const char* text) {
    ImGui::SameLine();
    ImGui::TextDisabled("(?)");
    if (ImGui::BeginItemTooltip()) {
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

bool edit_quantity(AppModel& m, const char* label, const std::string& pointer, const std::string& note) {
    const json* v = m.at(pointer);
    bool changed = false;
    ImGui::PushID(pointer.c_str());
    const bool has_issue = std::any_of(m.issues().begin(), m.issues().end(), [&](const Issue& i) { return i.pointer.rfind(pointer, 0) == 0; });
    if (has_issue) ImGui::PushStyleColor(ImGuiCol_FrameBg, IM_COL32(140, 40, 40, 200));
    const float w = ImGui::CalcItemWidth();
    if (!v || v->is_number()) {
        double x = v ? v->get<double>() : 0;
        const float speed = static_cast<float>(std::max(std::fabs(x) * 0.004, 1e-4));
        ImGui::SetNextItemWidth(w - ImGui::GetFrameHeight() - 4);
        if (ImGui::DragScalar("##v", ImGuiDataType_Double, &x, speed, nullptr, nullptr, "%.6g")) {
            m.set(pointer, x);
            changed = true;
        }
        items().track(pointer);
        quantity_tooltip(pointer, v, note);
        ImGui::SameLine(0, 4);
        if (ImGui::Button("~", ImVec2(ImGui::GetFrameHeight(), 0))) {  // make it uncertain: ±20% as a 90% interval
            const double lo = x > 0 ? x * 0.8 : x - 0.2 * std::max(1.0, std::fabs(x)), hi = x > 0 ? x * 1.2 : x + 0.2 * std::max(1.0, std::fabs(x));
            m.set(pointer, shortest_number(lo) + " to " + shortest_number(hi));
            changed = true;
        }
        ImGui::SetItemTooltip("Make uncertain: a 90%% interval +/-20%% around this value");
    } else if (double lh[2]; v->is_string() && parse_interval(v->get<std::string>(), lh[0], lh[1])) {
        // "a to b": both ends draggable (a 90% interval, SPEC section 2).
        const float speed = static_cast<float>(std::max(std::fabs(lh[1] - lh[0]) * 0.004, std::max(std::fabs(lh[1]), 1e-3) * 0.002));
        ImGui::SetNextItemWidth(w - ImGui::GetFrameHeight() - 4);
        if (ImGui::DragScalarN("##i", ImGuiDataType_Double, lh, 2, speed, nullptr, nullptr, "%.4g")) {
            m.set(pointer, shortest_number(lh[0]) + " to " + shortest_number(lh[1]));
            changed = true;
        }
        items().track(pointer);
        quantity_tooltip(pointer, v, note);
        ImGui::SameLine(0, 4);
        if (ImGui::Button("=", ImVec2(ImGui::GetFrameHeight(), 0))) {  // back to a number: the median
            m.set(pointer, lh[0] > 0 ? std::sqrt(lh[0] * lh[1]) : 0.5 * (lh[0] + lh[1]));
            changed = true;
        }
        ImGui::SetItemTooltip("Make a fixed number (the median)");
    } else if (v->is_string()) {
        // The text being typed lives here until the field is left; otherwise it mirrors the document.
        static std::map<std::string, std::string> editing;
        std::string& text = editing.try_emplace(pointer, v->get<std::string>()).first->second;
        ImGui::SetNextItemWidth(w);
        input_string("##s", text);
        if (ImGui::IsItemDeactivatedAfterEdit()) {
            m.set(pointer, parse_cell(text));
            changed = true;
        }
        if (!ImGui::IsItemActive()) text = v->get<std::string>();
        items().track(pointer);
        quantity_tooltip(pointer, v, note);
    } else if (v->is_object()) {
        const std::string summary = distribution_summary(*v);
        if (ImGui::Button((summary + "##d").c_str(), ImVec2(w, 0))) ImGui::OpenPopup("dist");
        items().track(pointer);
        quantity_tooltip(pointer, v, note);
        if (ImGui::BeginPopup("dist")) {
            ImGui::TextDisabled("%s", pointer.c_str());
            changed = edit_distribution(m, pointer, *v);
            ImGui::EndPopup();
        }
    }
    if (has_issue) ImGui::PopStyleColor();
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    ImGui::TextUnformatted(label);
    ImGui::PopID();
    return changed;
}

void ItemRegistry::track(const std::string& name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    current_[name] = ImVec4(a.x, a.y, b.x - a.x, b.y - a.y);
}

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
