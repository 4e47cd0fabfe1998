// Bad inputs of MODEL §11 (contract prices, reservations, SLA credits, provider cost): each is
// refused at its exact JSON pointer with this exact, actionable message.
#include <functional>
#include <string>

#include "scenario_builder.h"

using namespace test;

namespace {

// az and oci are clouds (1000 H100e each), own is owned; two workloads.
json valid() {
    json d = doc();
    d["providers"].push_back(cloud("az", 1, 2));
    d["providers"].push_back(cloud("oci", 1, 1));
    d["providers"].push_back({{"id", "own"}, {"kind", "owned"}, {"capacity", json::array()}, {"capex_usd_per_mw", 1}, {"amortization_years", 5},
                              {"power_usd_per_mwh", 80}});
    d["workloads"].push_back(workload("inf", "inference", 100));
    d["workloads"].push_back(workload("tr", "training", 100));
    return d;
}

json reservation(const char* provider) { return {{"type", "reservation"}, {"provider", provider}, {"price_usd_per_h100e_hour", 2}}; }
json sla(const char* provider, json credits) { return {{"type", "sla"}, {"provider", provider}, {"credits", credits}}; }
json commitment(const char* provider) { return {{"type", "commitment"}, {"provider", provider}, {"usd", 1e9}}; }

struct BadCase {
    const char* name;
    std::function<void(json&)> mutate;
    const char* pointer;
    const char* message;  // the whole message
    std::size_t count = 1;  // problems reported in all
};

const std::vector<BadCase>& cases() {
    static const std::vector<BadCase> all = {
        {"contract price beside a discount",
         [](json& d) {
             json c = commitment("az");
             c["price_usd_per_h100e_hour"] = 1.5, c["discount"] = 0.2;
             d["contract"].push_back(c);
         },
         "/contract/0/discount",
         "\"discount\" does not apply next to \"price_usd_per_h100e_hour\": a contract price replaces the discount off the provider's "
         "price; keep one of the two (MODEL §11.1)"},
        {"contract price beside an explicit zero discount",
         [](json& d) {
             json c = commitment("az");
             c["price_usd_per_h100e_hour"] = 1.5, c["discount"] = 0;
             d["contract"].push_back(c);
         },
         "/contract/0/discount",
         "\"discount\" does not apply next to \"price_usd_per_h100e_hour\": a contract price replaces the discount off the provider's "
         "price; keep one of the two (MODEL §11.1)"},
        {"contract price on an owned provider's commitment",
         [](json& d) {
             json c = commitment("own");
             c["price_usd_per_h100e_hour"] = 1.5;
             d["contract"].push_back(c);
         },
         "/contract/0/price_usd_per_h100e_hour",
         "a contract price does not apply to a commitment on \"own\", an owned provider (the buyer pays its capex, opex and power, "
         "MODEL §11.1); remove it (a \"discount\" stays valid)"},
        {"negative contract price",
         [](json& d) {
             json c = commitment("az");
             c["price_usd_per_h100e_hour"] = -1;
             d["contract"].push_back(c);
         },
         "/contract/0/price_usd_per_h100e_hour", "-1 is out of range: must be >= 0"},
        {"reservation without a price",
         [](json& d) { d["contract"].push_back({{"type", "reservation"}, {"provider", "az"}}); },
         "/contract/0/price_usd_per_h100e_hour", "required key \"price_usd_per_h100e_hour\" is missing"},
        {"reservation on an owned provider", [](json& d) { d["contract"].push_back(reservation("own")); }, "/contract/0/provider",
         "a reservation needs a cloud provider; \"own\" is owned, and the buyer already pays for all of its capacity (MODEL §11.2)"},
        {"reservation take-or-pay above 1",
         [](json& d) {
             json c = reservation("az");
             c["take_or_pay"] = 1.5;
             d["contract"].push_back(c);
         },
         "/contract/0/take_or_pay", "1.5 is out of range: must be in [0, 1]"},
        {"reservation with a discount",
         [](json& d) {
             json c = reservation("az");
             c["discount"] = 0.1;
             d["contract"].push_back(c);
         },
         "/contract/0/discount",
         "unknown key \"discount\"; allowed here: type, from, to, source, note, provider, price_usd_per_h100e_hour, take_or_pay"},
        {"two reservations on one provider in the same quarter",
         [](json& d) {
             json a = reservation("az"), b = reservation("az");
             a["to"] = "2025Q3", b["from"] = "2025Q3";
             d["contract"].push_back(a), d["contract"].push_back(b);
         },
         "/contract/1",
         "this reservation on \"az\" is active in 2025Q3 together with the reservation at /contract/0; a provider may not have two "
         "reservations active in the same quarter (MODEL §11.2): end one before the other starts"},
        {"a commitment active beside an earlier reservation",
         [](json& d) {
             json r = reservation("oci"), c = commitment("oci");
             r["from"] = "2025Q2", c["to"] = "2025Q3";
             d["contract"].push_back(r), d["contract"].push_back(c);
         },
         "/contract/1",
         "this commitment on \"oci\" is active in 2025Q2 together with the reservation at /contract/0; a provider may not have a "
         "reservation and a commitment active in the same quarter (MODEL §11.2): end one before the other starts"},
        {"a reservation running to agi meets a later commitment (agi runs to the horizon end for this check)",
         [](json& d) {
             json r = reservation("az"), c = commitment("az");
             r["to"] = "agi", c["from"] = "2025Q4";
             d["contract"].push_back(r), d["contract"].push_back(c);
             d["contract"].push_back({{"type", "agi"}, {"date", "2025Q1"}});
         },
         "/contract/1",
         "this commitment on \"az\" is active in 2025Q4 together with the reservation at /contract/0; a provider may not have a "
         "reservation and a commitment active in the same quarter (MODEL §11.2): end one before the other starts"},
        {"sla without tiers", [](json& d) { d["contract"].push_back(sla("az", json::array())); }, "/contract/0/credits",
         "expected a non-empty array of tiers such as [{\"below\": 0.99, \"credit\": 0.1}]"},
        {"sla without credits", [](json& d) { d["contract"].push_back({{"type", "sla"}, {"provider", "az"}}); }, "/contract/0/credits",
         "required key \"credits\" is missing"},
        {"sla below as an interval",
         [](json& d) { d["contract"].push_back(sla("az", {{{"below", "0.99 to 0.999"}, {"credit", 0.1}}})); }, "/contract/0/credits/0/below",
         "SLA tiers take plain numbers, not uncertain quantities: write \"below\" as a number such as 0.99 (MODEL §11.3)"},
        {"sla credit as a distribution",
         [](json& d) { d["contract"].push_back(sla("az", {{{"below", 0.99}, {"credit", {{"dist", "point"}, {"value", 0.1}}}}})); },
         "/contract/0/credits/0/credit", "SLA tiers take plain numbers, not uncertain quantities: write \"credit\" as a number such as 0.1 (MODEL §11.3)"},
        {"sla below of 0", [](json& d) { d["contract"].push_back(sla("az", {{{"below", 0}, {"credit", 0.1}}})); }, "/contract/0/credits/0/below",
         "0 is out of range: must be in (0, 1]"},
        {"sla below above 1", [](json& d) { d["contract"].push_back(sla("az", {{{"below", 1.01}, {"credit", 0.1}}})); },
         "/contract/0/credits/0/below", "1.01 is out of range: must be in (0, 1]"},
        {"sla credit above 1", [](json& d) { d["contract"].push_back(sla("az", {{{"below", 0.99}, {"credit", 1.5}}})); },
         "/contract/0/credits/0/credit", "1.5 is out of range: must be in [0, 1]"},
        {"sla tiers not strictly decreasing",
         [](json& d) { d["contract"].push_back(sla("az", {{{"below", 0.99}, {"credit", 0.1}}, {{"below", 0.99}, {"credit", 0.3}}})); },
         "/contract/0/credits/1/below",
         "below 0.99 is not below the previous tier's 0.99; list the tiers from the highest availability down, each \"below\" strictly lower"},
        {"sla tier without its credit", [](json& d) { d["contract"].push_back(sla("az", {{{"below", 0.99}}})); },
         "/contract/0/credits/0/credit", "required key \"credit\" is missing"},
        {"sla tier with a misspelt key",
         [](json& d) { d["contract"].push_back(sla("az", {{{"below", 0.99}, {"credits", 0.1}, {"credit", 0.1}}})); },
         "/contract/0/credits/0/credits", "unknown key \"credits\" (did you mean \"credit\"?)"},
        {"sla on an owned provider", [](json& d) { d["contract"].push_back(sla("own", {{{"below", 0.99}, {"credit", 0.1}}})); },
         "/contract/0/provider",
         "an sla clause needs a cloud provider; \"own\" is owned, and credits are refunds of a cloud's bill (MODEL §11.3)"},
        {"sla with a holder instead of a provider",
         [](json& d) { d["contract"].push_back({{"type", "sla"}, {"holder", "az"}, {"credits", {{{"below", 0.99}, {"credit", 0.1}}}}}); },
         "/contract/0/holder", "\"holder\" does not apply to a clause of type \"sla\": it names its \"provider\"", 2},  // and provider is missing
        {"provider_cost on an owned provider",
         [](json& d) { d["providers"][2]["provider_cost"] = {{"capex_usd_per_mw", 1}, {"amortization_years", 5}}; }, "/providers/2/provider_cost",
         "\"provider_cost\" does not apply to an owned provider (its cost is the buyer's fixed_usd and compute, MODEL §11.4)"},
        {"provider_cost without amortization", [](json& d) { d["providers"][0]["provider_cost"] = {{"capex_usd_per_mw", 1e7}}; },
         "/providers/0/provider_cost/amortization_years", "required key \"amortization_years\" is missing"},
        {"provider_cost amortized over 0 years",
         [](json& d) { d["providers"][0]["provider_cost"] = {{"capex_usd_per_mw", 1e7}, {"amortization_years", 0}}; },
         "/providers/0/provider_cost/amortization_years", "0 is out of range: must be > 0"},
        {"provider_cost with a misspelt key",
         [](json& d) { d["providers"][0]["provider_cost"] = {{"capex_usd_per_mw", 1e7}, {"amortization_years", 5}, {"power_usd_per_mw", 50}}; },
         "/providers/0/provider_cost/power_usd_per_mw", "unknown key \"power_usd_per_mw\" (did you mean \"power_usd_per_mwh\"?)"},
        {"capex on a cloud points at provider_cost", [](json& d) { d["providers"][0]["capex_usd_per_mw"] = 1e7; }, "/providers/0/capex_usd_per_mw",
         "\"capex_usd_per_mw\" does not apply to a cloud provider (only owned providers have capex, opex and power costs; a cloud's own "
         "costs go in \"provider_cost\")"},
        {"unknown clause type lists every type", [](json& d) { d["contract"].push_back({{"type", "reserve"}}); }, "/contract/0/type",
         "unknown clause type \"reserve\"; use exclusive, rofr, preferred, commitment, api_exclusivity, revenue_share, ip_access, agi, "
         "reservation or sla"},
    };
    return all;
}

}  // namespace

TEST_CASE("every MODEL §11 bad input is refused at its exact pointer with its exact message") {
    REQUIRE(cases().size() >= 15);
    REQUIRE(pactscope::load_scenario(valid().dump()).issues.empty());
    for (const BadCase& c : cases()) {
        DYNAMIC_SECTION(c.name) {
            json d = valid();
            c.mutate(d);
            auto ls = pactscope::load_scenario(d.dump());
            CHECK_FALSE(ls.scenario.has_value());
            CHECK(ls.issues.size() == c.count);
            REQUIRE_FALSE(ls.issues.empty());
            CHECK(ls.issues[0].pointer == c.pointer);
            CHECK(ls.issues[0].message == c.message);
        }
    }
}

TEST_CASE("windows that meet only outside the horizon, or a reservation beside a commitment on another provider, are valid (MODEL §11.2)") {
    json d = valid();
    json r = reservation("az"), c = commitment("az");
    r["from"] = "2024Q1", r["to"] = "2024Q4";  // before the horizon (2025Q1–2025Q4)
    c["from"] = "2024Q3";                      // overlaps r only in 2024Q3–Q4, outside the horizon
    d["contract"].push_back(r), d["contract"].push_back(c);
    d["contract"].push_back(reservation("oci"));
    d["contract"].push_back(commitment("az"));  // two commitments on one provider remain fine (§10.6)
    auto ls = pactscope::load_scenario(d.dump());
    for (const auto& i : ls.issues) UNSCOPED_INFO(i.pointer << ": " << i.message);
    CHECK(ls.issues.empty());
    // Back to back inside the horizon is fine too.
    json e = valid();
    json r1 = reservation("az"), r2 = reservation("az");
    r1["to"] = "2025Q2", r2["from"] = "2025Q3";
    e["contract"].push_back(r1), e["contract"].push_back(r2);
    CHECK(pactscope::load_scenario(e.dump()).issues.empty());
}
