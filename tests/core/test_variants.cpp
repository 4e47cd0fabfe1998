// Variant switches (core/io/scenario_variants.h): each switch and its reverse keep a valid scenario,
// remove what the new variant forbids and add what it needs with the stated default.
#include <catch2/catch.hpp>

#include "io/presets.h"
#include "io/scenario_io.h"
#include "io/scenario_variants.h"

using namespace pactscope;
using nlohmann::json;

namespace {
json preset_doc(const char* id) {
    const Preset* p = find_preset(id);
    REQUIRE(p);
    return json::parse(p->json);
}

bool valid(const json& doc) {
    const LoadedScenario ls = load_scenario_document(doc);
    for (const Issue& i : ls.issues) UNSCOPED_INFO(i.pointer << ": " << i.message);
    return ls.scenario.has_value();
}

// The first object of `array` whose `key` is `value`, as a pointer, or "".
std::string find(const json& doc, const char* array, const char* key, const char* value) {
    for (std::size_t i = 0; i < doc[array].size(); ++i)
        if (doc[array][i].value(key, "") == value) return std::string("/") + array + "/" + std::to_string(i);
    return "";
}

void switch_and_back(json doc, const std::string& at, const std::string& field, const std::string& to) {
    REQUIRE(valid(doc));
    const json::json_pointer ptr(at);
    const json original = doc[ptr];
    const std::string from = current_variant(original, field);
    REQUIRE_FALSE(from.empty());
    REQUIRE(from != to);
    doc[ptr] = switch_variant(original, field, to);
    INFO(at << " " << field << ": " << from << " -> " << to << ": " << doc[ptr].dump());
    CHECK(current_variant(doc[ptr], field) == to);
    CHECK(valid(doc));
    doc[ptr] = switch_variant(doc[ptr], field, from);
    CHECK(current_variant(doc[ptr], field) == from);
    CHECK(valid(doc));
}
}  // namespace

TEST_CASE("a ROFR's match switches with its tolerance", "[variants]") {
    json doc = preset_doc("rofr-2025");
    const std::string at = find(doc, "contract", "type", "rofr");
    REQUIRE_FALSE(at.empty());
    json rofr = doc[json::json_pointer(at)];
    rofr.erase("tolerance");
    rofr["match"] = "capacity";
    const json price = switch_variant(rofr, "match", "price");
    CHECK(price["match"] == "price");
    CHECK(price["tolerance"] == 0);
    const json back = switch_variant(price, "match", "capacity");
    CHECK_FALSE(back.contains("tolerance"));
    CHECK(back == rofr);
    doc[json::json_pointer(at)] = rofr;
    switch_and_back(doc, at, "match", "price");
}

TEST_CASE("a revenue share's payer switches with the holder's API revenue", "[variants]") {
    const json doc = preset_doc("rofr-2025");
    const std::string at = find(doc, "contract", "type", "revenue_share");
    REQUIRE_FALSE(at.empty());
    const json share = doc[json::json_pointer(at)];
    const json holder = switch_variant(share, "payer", "holder");
    CHECK(holder["holder_api_revenue_usd_per_quarter"] == 1e9);
    CHECK_FALSE(switch_variant(holder, "payer", "buyer").contains("holder_api_revenue_usd_per_quarter"));
    switch_and_back(doc, at, "payer", current_variant(share, "payer") == "buyer" ? "holder" : "buyer");
}

TEST_CASE("an AGI trigger switches among date, profit and none", "[variants]") {
    const json doc = preset_doc("rofr-2025");
    const std::string at = find(doc, "contract", "type", "agi");
    REQUIRE_FALSE(at.empty());
    const json agi = doc[json::json_pointer(at)];
    const std::string from = current_variant(agi, "trigger");
    for (const char* to : {"date", "profit", "none"})
        if (from != to) switch_and_back(doc, at, "trigger", to);
    const json none = switch_variant(agi, "trigger", "none");
    CHECK_FALSE(none.contains("date"));
    CHECK_FALSE(none.contains("profit_threshold_usd"));
    CHECK(switch_variant(none, "trigger", "profit")["profit_threshold_usd"] == 1e11);
    CHECK(switch_variant(none, "trigger", "date")["date"] == "2030Q1");
}

TEST_CASE("a commitment's pricing switches between a discount and a contract price", "[variants]") {
    const json doc = preset_doc("commitment-2025q4");
    const std::string at = find(doc, "contract", "type", "commitment");
    REQUIRE_FALSE(at.empty());
    const json c = doc[json::json_pointer(at)];
    const std::string from = current_variant(c, kPricingField);
    const json contract = switch_variant(c, kPricingField, "contract");
    CHECK_FALSE(contract.contains("discount"));
    CHECK(contract.contains("price_usd_per_h100e_hour"));
    CHECK_FALSE(switch_variant(contract, kPricingField, "discount").contains("price_usd_per_h100e_hour"));
    CHECK(variant_choices(c, kPricingField).size() == 2);
    (void)from;
}

TEST_CASE("a provider's and a workload's kind switch with their fields", "[variants]") {
    const json doc = preset_doc("rofr-2025");
    // A provider that no sla, reservation or commitment names: those clauses need a cloud (SPEC §11.2, §11.3),
    // so switching a named one to owned is rightly invalid.
    std::string free_provider;
    for (std::size_t p = 0; p < doc["providers"].size() && free_provider.empty(); ++p) {
        bool named = false;
        for (const json& c : doc["contract"]) named = named || c.value("provider", "") == doc["providers"][p]["id"];
        if (!named) free_provider = "/providers/" + std::to_string(p);
    }
    REQUIRE_FALSE(free_provider.empty());
    const json& pr = doc[json::json_pointer(free_provider)];
    switch_and_back(doc, free_provider, "kind", pr["kind"] == "cloud" ? "owned" : "cloud");
    std::string training = find(doc, "workloads", "kind", "training");
    REQUIRE_FALSE(training.empty());
    switch_and_back(doc, training, "kind", "inference");
}

TEST_CASE("switching to the current variant changes nothing; other fields just set", "[variants]") {
    const json rofr = {{"type", "rofr"}, {"holder", "azure"}, {"match", "price"}, {"tolerance", 0.05}};
    CHECK(switch_variant(rofr, "match", "price") == rofr);
    CHECK(switch_variant(rofr, "scope", "training")["scope"] == "training");
    CHECK(variant_choices(rofr, "scope").empty());
}
