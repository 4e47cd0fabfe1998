#include "io/scenario_variants.h"

namespace pactscope {

using nlohmann::json;

namespace {

struct Default {
    const char* key;
    const char* json_text;  // the stated default, as JSON
};

struct Variant {
    const char* owner;  // "rofr", "revenue_share", "agi", "commitment" (clause types), "provider", "workload"
    const char* field;
    const char* value;
    const char* label;
    std::vector<const char*> removes;
    std::vector<Default> adds;
};

// Every variant switch (MODEL §3, §10.3, §11.1). Defaults are stated here and in README ("Variant
// switches"): a price match starts at tolerance 0; a holder-paid share at $1B of API revenue a
// quarter; a date trigger at 2030Q1, a profit trigger at $100B (the reported contractual
// definition the presets cite); a contract price at $2 per H100e-hour; an owned provider at $35M per
// MW of capex over 5 years and $81 per MWh (the all-in and EIA figures the presets cite).
const std::vector<Variant>& variants() {
    static const std::vector<Variant> table = {
        {"rofr", "match", "capacity", "capacity", {"tolerance"}, {}},
        {"rofr", "match", "price", "price", {}, {{"tolerance", "0"}}},
        {"revenue_share", "payer", "buyer", "buyer", {"holder_api_revenue_usd_per_quarter"}, {}},
        {"revenue_share", "payer", "holder", "holder", {}, {{"holder_api_revenue_usd_per_quarter", "1e9"}}},
        {"agi", "trigger", "date", "date", {"profit_threshold_usd"}, {{"date", "\"2030Q1\""}}},
        {"agi", "trigger", "profit", "profit", {"date"}, {{"profit_threshold_usd", "1e11"}}},
        {"agi", "trigger", "none", "none", {"date", "profit_threshold_usd"}, {}},
        {"commitment", kPricingField, "discount", "discount off the provider's price", {"price_usd_per_h100e_hour"}, {{"discount", "0"}}},
        {"commitment", kPricingField, "contract", "contract price", {"discount"}, {{"price_usd_per_h100e_hour", "2"}}},
        {"provider", "kind", "cloud", "cloud",
         {"capex_usd_per_mw", "amortization_years", "opex_usd_per_mw_year", "power_usd_per_mwh"}, {{"price_usd_per_h100e_hour", "2"}}},
        {"provider", "kind", "owned", "owned",
         {"price_usd_per_h100e_hour", "price_change_per_year", "provider_cost"},
         {{"capex_usd_per_mw", "35000000"}, {"amortization_years", "5"}, {"power_usd_per_mwh", "81"}}},
        {"workload", "kind", "inference", "inference", {"block_h100e"}, {}},
        {"workload", "kind", "training", "training", {}, {}},
    };
    return table;
}

// What kind of object this is: a clause by its type, else a provider (capacity) or a workload (demand).
std::string owner_of(const json& o) {
    if (!o.is_object()) return "";
    if (o.contains("type") && o["type"].is_string()) return o["type"].get<std::string>();
    if (o.contains("capacity")) return "provider";
    if (o.contains("demand")) return "workload";
    return "";
}

}  // namespace

std::vector<VariantChoice> variant_choices(const json& object, const std::string& field) {
    std::vector<VariantChoice> out;
    const std::string owner = owner_of(object);
    for (const Variant& v : variants())
        if (owner == v.owner && field == v.field) out.push_back({v.value, v.label});
    return out;
}

std::string current_variant(const json& object, const std::string& field) {
    const std::string owner = owner_of(object);
    if (owner == "commitment" && field == kPricingField) return object.contains("price_usd_per_h100e_hour") ? "contract" : "discount";
    bool known = false;
    for (const Variant& v : variants()) known = known || (owner == v.owner && field == v.field);
    if (!known) return "";
    if (object.contains(field) && object[field].is_string()) return object[field].get<std::string>();
    // MODEL §3 defaults: capacity match, buyer payer, date trigger; providers and workloads state their kind.
    for (const Variant& v : variants())
        if (owner == v.owner && field == v.field) return v.value;
    return "";
}

std::vector<std::string> variant_forbids(const json& object, const std::string& field, const std::string& value) {
    const std::string owner = owner_of(object);
    for (const Variant& v : variants())
        if (owner == v.owner && field == v.field && value == v.value) return {v.removes.begin(), v.removes.end()};
    return {};
}

json switch_variant(const json& object, const std::string& field, const std::string& value) {
    if (current_variant(object, field) == value) return object;
    const std::string owner = owner_of(object);
    for (const Variant& v : variants()) {
        if (owner != v.owner || field != v.field || value != v.value) continue;
        json next = object;
        if (field != kPricingField) next[field] = value;
        for (const char* k : v.removes) next.erase(k);
        for (const Default& d : v.adds)
            if (!next.contains(d.key)) next[d.key] = json::parse(d.json_text);
        return next;
    }
    json next = object;  // a field without variants: just set it
    next[field] = value;
    return next;
}

}  // namespace pactscope
