// Bad inputs (MODEL §10): each names the exact JSON pointer and says what is allowed.
#include <functional>
#include <string>

#include "scenario_builder.h"

using namespace test;

namespace {

json valid() {
    json d = doc();
    d["sources"] = json::array({{{"id", "s1"}, {"title", "t"}, {"url", "u"}, {"date", "2025"}}});
    d["providers"].push_back(cloud("az", 1, 2));
    d["providers"].push_back(cloud("oci", 1, 1));
    d["workloads"].push_back(workload("inf", "inference", 100));
    d["workloads"].push_back(workload("tr", "training", 100));
    return d;
}

struct BadCase {
    const char* name;
    std::function<void(json&)> mutate;
    const char* pointer;
    const char* message;  // a substring the message must contain
};

const std::vector<BadCase>& cases() {
    static const std::vector<BadCase> all = {
        {"unknown top-level key with a hint", [](json& d) { d["horizn"] = 1; }, "/horizn", "did you mean \"horizon\""},
        {"missing required section", [](json& d) { d.erase("horizon"); }, "/horizon", "required key \"horizon\" is missing"},
        {"wrong schema", [](json& d) { d["schema"] = "pactscope/scenario@2"; }, "/schema", "unsupported schema"},
        {"quarter out of range", [](json& d) { d["horizon"]["start"] = "2025Q5"; }, "/horizon/start", "is not a quarter"},
        {"horizon end before start", [](json& d) { d["horizon"]["end"] = "2024Q4"; }, "/horizon/end", "is before start"},
        {"horizon over 200 quarters", [](json& d) { d["horizon"]["end"] = "2075Q1"; }, "/horizon/end", "at most 200"},
        {"discount rate above 1", [](json& d) { d["horizon"]["discount_rate_per_year"] = 1.5; }, "/horizon/discount_rate_per_year", "must be in [0, 1]"},
        {"gpu it_kw zero", [](json& d) { d["gpus"]["U"]["it_kw"] = 0; }, "/gpus/U/it_kw", "must be > 0"},
        {"gpu name needs escaping", [](json& d) { d["gpus"]["A/B"] = {{"it_kw", -1}, {"h100e", 1}}; }, "/gpus/A~1B/it_kw", "must be > 0"},
        {"unknown gpu in a tranche", [](json& d) { d["providers"][0]["capacity"][0]["gpu"] = "B300"; }, "/providers/0/capacity/0/gpu", "unknown GPU \"B300\""},
        {"duplicate provider id", [](json& d) { d["providers"][1]["id"] = "az"; }, "/providers/1/id", "duplicate provider id"},
        {"provider called buyer", [](json& d) { d["providers"][1]["id"] = "buyer"; }, "/providers/1/id", "reserved"},
        {"capex on a cloud provider", [](json& d) { d["providers"][0]["capex_usd_per_mw"] = 1; }, "/providers/0/capex_usd_per_mw", "does not apply to a cloud provider"},
        {"price on an owned provider",
         [](json& d) {
             d["providers"][0]["kind"] = "owned";
             d["providers"][0]["capex_usd_per_mw"] = 1;
             d["providers"][0]["amortization_years"] = 5;
             d["providers"][0]["power_usd_per_mwh"] = 80;
         },
         "/providers/0/price_usd_per_h100e_hour", "does not apply to an owned provider"},
        {"owned provider without amortization",
         [](json& d) {
             d["providers"][0] = {{"id", "own"}, {"kind", "owned"}, {"capacity", json::array()}, {"capex_usd_per_mw", 1}, {"power_usd_per_mwh", 1}};
         },
         "/providers/0/amortization_years", "required key"},
        {"unknown provider kind", [](json& d) { d["providers"][0]["kind"] = "colo"; }, "/providers/0/kind", "\"cloud\" or \"owned\""},
        {"pue below 1", [](json& d) { d["providers"][0]["pue"] = 0.9; }, "/providers/0/pue", "must be >= 1"},
        {"negative price", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = -1; }, "/providers/0/price_usd_per_h100e_hour", "must be >= 0"},
        {"interval upside down", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = "3 to 1"; }, "/providers/0/price_usd_per_h100e_hour", "lower end above its upper end"},
        {"text that is no interval", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = "cheap"; }, "/providers/0/price_usd_per_h100e_hour", "write it like \"1.2 to 3.0\""},
        {"unbounded normal on an open bound", [](json& d) { d["providers"][0]["price_change_per_year"] = "-0.1 to 0.2"; }, "/providers/0/price_change_per_year", "unbounded below"},
        {"outage hours beyond a quarter", [](json& d) { d["providers"][0]["outage_hours"] = 3000; }, "/providers/0/outage_hours", "in [0, 2190]"},
        {"mw as a boolean", [](json& d) { d["providers"][0]["capacity"][0]["mw"] = true; }, "/providers/0/capacity/0/mw", "found a boolean"},
        {"null as a value", [](json& d) { d["providers"][0]["pue"] = nullptr; }, "/providers/0/pue", "null is not a value"},
        {"misspelt provider key", [](json& d) { d["providers"][0]["prise_usd_per_h100e_hour"] = 1; }, "/providers/0/prise_usd_per_h100e_hour", "did you mean \"price_usd_per_h100e_hour\""},
        {"last egress tier not null",
         [](json& d) { d["providers"][0]["egress"] = {{"tiers", {{{"up_to_tb", 10}, {"usd_per_gb", 0.1}}}}}; },
         "/providers/0/egress/tiers/0/up_to_tb", "must have \"up_to_tb\": null"},
        {"decreasing egress tiers",
         [](json& d) {
             d["providers"][0]["egress"] = {{"tiers", {{{"up_to_tb", 10}, {"usd_per_gb", 0.1}}, {{"up_to_tb", 5}, {"usd_per_gb", 0.1}}, {{"up_to_tb", nullptr}, {"usd_per_gb", 0.1}}}}};
         },
         "/providers/0/egress/tiers/1/up_to_tb", "must not decrease"},
        {"null on a middle egress tier",
         [](json& d) { d["providers"][0]["egress"] = {{"tiers", {{{"up_to_tb", nullptr}, {"usd_per_gb", 0.1}}, {{"up_to_tb", nullptr}, {"usd_per_gb", 0.1}}}}}; },
         "/providers/0/egress/tiers/0/up_to_tb", "only the last tier"},
        {"unknown source id", [](json& d) { d["providers"][0]["source"] = "s9"; }, "/providers/0/source", "unknown source id \"s9\""},
        {"duplicate source id", [](json& d) { d["sources"].push_back(d["sources"][0]); }, "/sources/1/id", "duplicate source id"},
        {"series of the wrong length", [](json& d) { d["workloads"][0]["demand"] = {{"series", {1, 2, 3}}}; }, "/workloads/0/demand/series", "has 3 values; the horizon has 4"},
        {"series and growth together", [](json& d) { d["workloads"][0]["demand"]["series"] = {1, 2, 3, 4}; }, "/workloads/0/demand/start_h100e", "does not apply next to \"series\""},
        {"block on inference", [](json& d) { d["workloads"][0]["block_h100e"] = 10; }, "/workloads/0/block_h100e", "does not apply to an inference workload"},
        {"unknown home", [](json& d) { d["workloads"][0]["home"] = "gcp"; }, "/workloads/0/home", "unknown provider \"gcp\""},
        {"duplicate workload id", [](json& d) { d["workloads"][1]["id"] = "inf"; }, "/workloads/1/id", "duplicate workload id"},
        {"growth of -1", [](json& d) { d["workloads"][0]["demand"]["growth_per_year"] = -1; }, "/workloads/0/demand/growth_per_year", "must be > -1"},
        {"empty id", [](json& d) { d["workloads"][0]["id"] = ""; }, "/workloads/0/id", "must not be empty"},
        {"unknown clause type", [](json& d) { d["contract"].push_back({{"type", "mfn"}}); }, "/contract/0/type", "unknown clause type \"mfn\""},
        {"clause from after to", [](json& d) { d["contract"].push_back({{"type", "api_exclusivity"}, {"holder", "az"}, {"from", "2025Q3"}, {"to", "2025Q2"}}); }, "/contract/0/to", "is before from"},
        {"tolerance without price match", [](json& d) { d["contract"].push_back({{"type", "rofr"}, {"holder", "az"}, {"tolerance", 0.1}}); }, "/contract/0/tolerance", "unless \"match\" is \"price\""},
        {"holder revenue with payer buyer", [](json& d) { d["contract"].push_back({{"type", "revenue_share"}, {"holder", "az"}, {"rate", 0.2}, {"holder_api_revenue_usd_per_quarter", 1}}); }, "/contract/0/holder_api_revenue_usd_per_quarter", "unless \"payer\" is \"holder\""},
        {"payer holder without its revenue", [](json& d) { d["contract"].push_back({{"type", "revenue_share"}, {"payer", "holder"}, {"holder", "az"}, {"rate", 0.2}}); }, "/contract/0/holder_api_revenue_usd_per_quarter", "required key"},
        {"date with a profit trigger", [](json& d) { d["contract"].push_back({{"type", "agi"}, {"trigger", "profit"}, {"profit_threshold_usd", 1}, {"date", "2030Q1"}}); }, "/contract/0/date", "unless \"trigger\" is \"date\""},
        {"threshold without a profit trigger", [](json& d) { d["contract"].push_back({{"type", "agi"}, {"date", "2030Q1"}, {"profit_threshold_usd", 1}}); }, "/contract/0/profit_threshold_usd", "unless \"trigger\" is \"profit\""},
        {"agi clause ending at agi", [](json& d) { d["contract"].push_back({{"type", "agi"}, {"date", "2030Q1"}, {"to", "agi"}}); }, "/contract/0/to", "cannot end at \"agi\""},
        {"agi date range reversed", [](json& d) { d["contract"].push_back({{"type", "agi"}, {"date", "2031Q1 to 2030Q1"}}); }, "/contract/0/date", "ends before it starts"},
        {"unknown waiver", [](json& d) { d["contract"].push_back({{"type", "exclusive"}, {"holder", "az"}, {"waivers", {"gcp"}}}); }, "/contract/0/waivers/0", "unknown provider \"gcp\""},
        {"min_share above 1", [](json& d) { d["contract"].push_back({{"type", "preferred"}, {"holder", "az"}, {"min_share", 1.2}}); }, "/contract/0/min_share", "must be in [0, 1]"},
        {"rofr scope misspelt", [](json& d) { d["contract"].push_back({{"type", "rofr"}, {"holder", "az"}, {"scope", "train"}}); }, "/contract/0/scope", "\"all\", \"training\" or \"inference\""},
        {"commitment without usd", [](json& d) { d["contract"].push_back({{"type", "commitment"}, {"provider", "az"}}); }, "/contract/0/usd", "required key \"usd\""},
        {"commitment on an unknown provider", [](json& d) { d["contract"].push_back({{"type", "commitment"}, {"provider", "gcp"}, {"usd", 1}}); }, "/contract/0/provider", "unknown provider"},
        {"to that is not a quarter", [](json& d) { d["contract"].push_back({{"type", "ip_access"}, {"holder", "az"}, {"value_usd_per_quarter", 1}, {"to", "2030"}}); }, "/contract/0/to", "or \"agi\""},
        {"policy flag as text", [](json& d) { d["policy"]["sticky"] = "yes"; }, "/policy/sticky", "expected true or false"},
        {"zero trials", [](json& d) { d["uncertainty"]["trials"] = 0; }, "/uncertainty/trials", "1 to 1,000,000"},
        {"negative seed", [](json& d) { d["uncertainty"]["seed"] = -1; }, "/uncertainty/seed", "integer >= 0"},
        {"fractional seed", [](json& d) { d["uncertainty"]["seed"] = 1.5; }, "/uncertainty/seed", "integer >= 0"},
        {"correlating a fixed value",
         [](json& d) { d["uncertainty"]["correlations"] = {{{"a", "/providers/0/price_usd_per_h100e_hour"}, {"b", "/providers/1/price_usd_per_h100e_hour"}, {"rho", 0.5}}}; },
         "/uncertainty/correlations/0/a", "only uncertain inputs"},
        {"correlating a path that is no input",
         [](json& d) {
             d["providers"][0]["price_usd_per_h100e_hour"] = "1 to 2";
             d["uncertainty"]["correlations"] = {{{"a", "/providers/0/price_usd_per_h100e_hour"}, {"b", "/nowhere"}, {"rho", 0.5}}};
         },
         "/uncertainty/correlations/0/b", "does not point at a numeric input"},
        {"rho beyond 1",
         [](json& d) {
             d["providers"][0]["price_usd_per_h100e_hour"] = "1 to 2";
             d["providers"][1]["price_usd_per_h100e_hour"] = "1 to 2";
             d["uncertainty"]["correlations"] = {{{"a", "/providers/0/price_usd_per_h100e_hour"}, {"b", "/providers/1/price_usd_per_h100e_hour"}, {"rho", 2}}};
         },
         "/uncertainty/correlations/0/rho", "in [-1, 1]"},
        {"normal with negative sd", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "normal"}, {"mean", 2}, {"sd", -1}}; }, "/providers/0/price_usd_per_h100e_hour/sd", "sd must be >= 0"},
        {"lognormal with p5 of zero", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "lognormal"}, {"p5", 0}, {"p95", 1}}; }, "/providers/0/price_usd_per_h100e_hour/p5", "p5 > 0"},
        {"triangular out of order", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "triangular"}, {"min", 2}, {"mode", 1}, {"max", 3}}; }, "/providers/0/price_usd_per_h100e_hour", "min <= mode <= max"},
        {"clip upside down", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "normal"}, {"mean", 2}, {"sd", 1}, {"clip", {3, 1}}}; }, "/providers/0/price_usd_per_h100e_hour/clip", "lo <= hi"},
        {"unknown distribution", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "gamma"}, {"k", 1}}; }, "/providers/0/price_usd_per_h100e_hour/dist", "unknown distribution \"gamma\""},
        {"distribution parameter out of range", [](json& d) { d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "uniform"}, {"min", -1}, {"max", 1}}; }, "/providers/0/price_usd_per_h100e_hour/min", "must be >= 0"},
        {"results that would not be finite", [](json& d) { d["workloads"][0]["demand"]["growth_per_year"] = 1e308; d["horizon"]["end"] = "2074Q4"; }, "", "would not be finite"},
        {"providers not an array", [](json& d) { d["providers"] = json::object(); }, "/providers", "expected an array of providers"},
    };
    return all;
}

}  // namespace

TEST_CASE("every bad input names its JSON pointer and what is allowed (MODEL §10)") {
    REQUIRE(cases().size() >= 40);
    REQUIRE(pactscope::load_scenario(valid().dump()).issues.empty());  // the base is valid
    for (const BadCase& c : cases()) {
        DYNAMIC_SECTION(c.name) {
            json d = valid();
            c.mutate(d);
            auto ls = pactscope::load_scenario(d.dump());
            CHECK_FALSE(ls.scenario.has_value());
            bool found = false;
            for (const auto& i : ls.issues) {
                UNSCOPED_INFO("issue " << i.pointer << ": " << i.message);
                if (i.pointer == c.pointer && i.message.find(c.message) != std::string::npos) found = true;
            }
            CHECK(found);
        }
    }
}

TEST_CASE("text-level problems: invalid JSON, duplicate keys, non-finite numbers, depth (MODEL §10.1)") {
    auto issues = [](const std::string& text) { return pactscope::load_scenario(text).issues; };
    auto a = issues("{\"schema\": ");
    REQUIRE(a.size() == 1);
    CHECK(a[0].pointer == "/schema");  // where the parser stopped
    CHECK(a[0].message.find("not valid JSON") != std::string::npos);

    auto b = issues(R"({"schema":"pactscope/scenario@1","name":"a","name":"b"})");
    REQUIRE_FALSE(b.empty());
    CHECK(b[0].pointer == "/name");
    CHECK(b[0].message.find("duplicate key") != std::string::npos);

    // Found by fuzz_scenario (tests/fuzz/regressions/scenario/nested-duplicate-keys.json): a duplicate key
    // inside the value of a duplicate key once overwrote a container the parser still had open.
    auto nested = issues(R"({"a":0,"a":{"x":{"k":1,"k":2,"z":3}}})");
    REQUIRE(nested.size() >= 2);
    CHECK(nested[0].pointer == "/a");
    CHECK(nested[1].pointer == "/a/x/k");
    CHECK(nested[1].message.find("duplicate key") != std::string::npos);

    auto c = issues(R"({"horizon":{"discount_rate_per_year":1e400}})");
    REQUIRE_FALSE(c.empty());
    CHECK(c[0].pointer == "/horizon/discount_rate_per_year");
    CHECK(c[0].message.find("not finite") != std::string::npos);

    std::string deep(10000, '[');
    auto e = issues(deep);
    REQUIRE_FALSE(e.empty());
    CHECK(e[0].message.find("nesting deeper") != std::string::npos);
}

TEST_CASE("all problems are reported at once") {
    json d = valid();
    d["providers"][0]["pue"] = 0.5;
    d["workloads"][1]["kind"] = "batch";
    d["uncertainty"]["trials"] = 0;
    auto ls = pactscope::load_scenario(d.dump());
    CHECK(ls.issues.size() >= 3);
}
