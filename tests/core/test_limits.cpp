// Caps on input (core/io/input_limits.h, issue #6): each is rejected with the pointer of
// what is too long or too many and the cap, before the thing is walked or allocated.
// Each case goes one past its cap; the cap itself is read from input_limits.h so the
// test follows a change of the number, and the message must name the number.
#include <string>

#include "io/input_limits.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

json base() {
    json d = doc();
    d["providers"].push_back(cloud("az", 1, 2));
    d["workloads"].push_back(workload("inf", "inference", 100));
    return d;
}

// True when loading `text` reports an issue at `pointer` whose message contains `part`.
bool rejected(const std::string& text, const std::string& pointer, const std::string& part) {
    auto ls = load_scenario(text);
    bool found = false;
    for (const auto& i : ls.issues) {
        UNSCOPED_INFO("issue " << i.pointer << ": " << i.message);
        if (i.pointer == pointer && i.message.find(part) != std::string::npos) found = true;
    }
    return !ls.scenario && found;
}
std::string at_most(std::size_t n) { return "at most " + std::to_string(n); }

}  // namespace

TEST_CASE("scenario counts have caps: providers, tranches, tiers, workloads, clauses, waivers, GPUs, sources, correlations") {
    REQUIRE(load_scenario(base().dump()).issues.empty());
    SECTION("providers") {
        json d = base();
        for (std::size_t i = 1; i <= kMaxProviders; ++i) d["providers"].push_back(cloud("p" + std::to_string(i), 1, 2));
        CHECK(rejected(d.dump(), "/providers", at_most(kMaxProviders)));
    }
    SECTION("tranches per provider") {
        json d = base();
        json t = d["providers"][0]["capacity"][0];
        for (std::size_t i = 0; i < kMaxTranches; ++i) d["providers"][0]["capacity"].push_back(t);
        CHECK(rejected(d.dump(), "/providers/0/capacity", at_most(kMaxTranches)));
    }
    SECTION("egress tiers") {
        json d = base();
        json tiers = json::array();
        for (std::size_t i = 0; i < kMaxEgressTiers; ++i) tiers.push_back({{"up_to_tb", static_cast<double>(i + 1)}, {"usd_per_gb", 0.05}});
        tiers.push_back({{"up_to_tb", nullptr}, {"usd_per_gb", 0.05}});
        d["providers"][0]["egress"] = {{"tiers", tiers}};
        CHECK(rejected(d.dump(), "/providers/0/egress/tiers", at_most(kMaxEgressTiers)));
    }
    SECTION("workloads") {
        json d = base();
        for (std::size_t i = 1; i <= kMaxWorkloads; ++i) d["workloads"].push_back(workload("w" + std::to_string(i), "inference", 1));
        CHECK(rejected(d.dump(), "/workloads", at_most(kMaxWorkloads)));
    }
    SECTION("clauses") {
        json d = base();
        for (std::size_t i = 0; i <= kMaxClauses; ++i) d["contract"].push_back({{"type", "rofr"}, {"holder", "az"}});
        CHECK(rejected(d.dump(), "/contract", at_most(kMaxClauses)));
    }
    SECTION("waivers") {
        json d = base();
        json waivers = json::array();
        for (std::size_t i = 0; i <= kMaxWaivers; ++i) waivers.push_back("az");
        d["contract"].push_back({{"type", "exclusive"}, {"holder", "az"}, {"waivers", waivers}});
        CHECK(rejected(d.dump(), "/contract/0/waivers", at_most(kMaxWaivers)));
    }
    SECTION("GPU types") {
        json d = base();
        for (std::size_t i = 0; i < kMaxGpus; ++i) d["gpus"]["G" + std::to_string(i)] = {{"it_kw", 1}, {"h100e", 1}};
        CHECK(rejected(d.dump(), "/gpus", at_most(kMaxGpus)));
    }
    SECTION("sources") {
        json d = base();
        d["sources"] = json::array();
        for (std::size_t i = 0; i <= kMaxSources; ++i) d["sources"].push_back({{"id", "s" + std::to_string(i)}, {"title", "t"}, {"url", ""}, {"date", "2025"}});
        CHECK(rejected(d.dump(), "/sources", at_most(kMaxSources)));
    }
    SECTION("correlations") {
        json d = base();
        d["uncertainty"]["correlations"] = json::array();
        for (std::size_t i = 0; i <= kMaxCorrelations; ++i) d["uncertainty"]["correlations"].push_back({{"a", "/x"}, {"b", "/y"}, {"rho", 0}});
        CHECK(rejected(d.dump(), "/uncertainty/correlations", at_most(kMaxCorrelations)));
    }
    SECTION("horizon quarters") {
        json d = base();
        d["horizon"] = {{"start", "2025Q1"}, {"end", "2075Q1"}};  // 201 quarters
        CHECK(rejected(d.dump(), "/horizon/end", at_most(static_cast<std::size_t>(kMaxQuarters))));
    }
}

TEST_CASE("strings have caps: ids and prose") {
    json d = base();
    d["providers"][0]["id"] = std::string(kMaxIdBytes + 1, 'a');
    CHECK(rejected(d.dump(), "/providers/0/id", at_most(kMaxIdBytes)));
    json e = base();
    e["name"] = std::string(kMaxTextBytes + 1, 'n');
    CHECK(rejected(e.dump(), "/name", at_most(kMaxTextBytes)));
    json f = base();
    f["name"] = std::string(kMaxTextBytes, 'n');  // exactly the cap is allowed
    CHECK(load_scenario(f.dump()).issues.empty());
}

TEST_CASE("JSON text caps stop parsing: any array or object, any string, depth, size, NUL") {
    // One past the array cap, in a key nobody reads: the parser stops before the reader sees it.
    std::string big = "{\"x\": [";
    for (std::size_t i = 0; i <= kMaxJsonArray; ++i) big += i ? ",0" : "0";
    big += "]}";
    CHECK(rejected(big, "/x", "more than " + std::to_string(kMaxJsonArray) + " elements"));
    std::string wide = "{";
    for (std::size_t i = 0; i <= kMaxJsonArray; ++i) wide += (i ? ",\"k" : "\"k") + std::to_string(i) + "\":0";
    wide += "}";
    CHECK(rejected(wide, "", "more than " + std::to_string(kMaxJsonArray) + " elements"));
    CHECK(rejected("{\"name\": \"" + std::string(kMaxJsonString + 1, 's') + "\"}", "/name", at_most(kMaxJsonString)));
    CHECK(rejected("{\"" + std::string(kMaxJsonString + 1, 'k') + "\": 1}", "", at_most(kMaxJsonString)));
    std::string deep;
    for (int i = 0; i <= kMaxJsonDepth; ++i) deep += "[";
    auto ls = load_scenario(deep);
    REQUIRE_FALSE(ls.issues.empty());
    CHECK(ls.issues[0].message.find("nesting deeper than " + std::to_string(kMaxJsonDepth)) != std::string::npos);
    std::string huge(kMaxJsonBytes + 1, ' ');
    CHECK(rejected(huge, "", "the limit is " + std::to_string(kMaxJsonBytes) + " bytes"));
    CHECK(rejected(std::string("{\"name\": \"a\0b\"}", 15), "", "NUL byte at offset 11"));
}
