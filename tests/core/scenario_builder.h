// scenario_builder.h — small scenario documents for tests.
//
// Unit GPU "U" (it_kw 1, h100e 1) with pue 1 makes 1 MW = 1000 H100e, so the
// golden arithmetic in the tests stays readable. H = 2190 hours per quarter.
#pragma once
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>

#include "model/engine.h"
#include "io/presets.h"
#include "io/scenario_io.h"

namespace test {

using nlohmann::json;
inline constexpr double H = 2190.0;

inline json doc(const char* start = "2025Q1", const char* end = "2025Q4") {
    return json{{"schema", "pactscope/scenario@1"},
                {"name", "test"},
                {"horizon", {{"start", start}, {"end", end}}},
                {"gpus", {{"U", {{"it_kw", 1}, {"h100e", 1}}}}},
                {"buyer", {{"id", "b"}}},
                {"providers", json::array()},
                {"workloads", json::array()},
                {"contract", json::array()},
                {"policy", json::object()},
                {"uncertainty", json::object()}};
}

// A cloud provider with `mw` MW (= mw × 1000 H100e) online from `online`.
inline json cloud(const std::string& id, double mw, double price, const char* online = "2025Q1") {
    return json{{"id", id}, {"kind", "cloud"}, {"capacity", json::array({{{"online", online}, {"mw", mw}, {"gpu", "U"}}})},
                {"price_usd_per_h100e_hour", price}};
}

inline json workload(const std::string& id, const char* kind, double start_h100e, double growth = 0, double value = 1) {
    return json{{"id", id}, {"kind", kind}, {"demand", {{"start_h100e", start_h100e}, {"growth_per_year", growth}}},
                {"value_usd_per_h100e_hour", value}};
}

inline json series(const std::string& id, const char* kind, std::vector<double> values, double value = 1) {
    return json{{"id", id}, {"kind", kind}, {"demand", {{"series", values}}}, {"value_usd_per_h100e_hour", value}};
}

inline pactscope::Scenario load_ok(const json& d) {
    auto ls = pactscope::load_scenario(d.dump());
    for (const auto& i : ls.issues) UNSCOPED_INFO(i.pointer << ": " << i.message);
    REQUIRE(ls.issues.empty());
    return *ls.scenario;
}

inline pactscope::Result run(const json& d) { return pactscope::evaluate(load_ok(d)); }

// A built-in preset as a Scenario (it must exist and validate).
inline pactscope::Scenario preset(const char* id) {
    const pactscope::Preset* p = pactscope::find_preset(id);
    REQUIRE(p != nullptr);
    auto ls = pactscope::load_scenario(p->json);
    REQUIRE(ls.scenario);
    return *ls.scenario;
}

inline int provider_index(const pactscope::Scenario& s, const std::string& id) {
    for (std::size_t i = 0; i < s.providers.size(); ++i)
        if (s.providers[i].id == id) return static_cast<int>(i);
    FAIL("no provider " << id);
    return -1;
}

}  // namespace test
