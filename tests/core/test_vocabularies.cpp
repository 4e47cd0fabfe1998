// One table per vocabulary (issue 12): clause types, distributions, result series, totals and
// stakeholder figures. The reader, writer, result JSON/CSV, metrics and Monte Carlo iterate
// these tables; these tests pin that every entry is reachable through each of them.
#include <set>

#include "analysis/analysis.h"
#include "io/clause_types.h"
#include "uncertainty/montecarlo.h"
#include "io/result_io.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

// Every clause type's example in one scenario: clouds a and b, owned o.
json every_clause() {
    json d = doc("2025Q1", "2026Q4");
    d["providers"].push_back(cloud("a", 1, 2));
    d["providers"].push_back(cloud("b", 1, 1.5));
    d["providers"][0]["provider_cost"] = {{"capex_usd_per_mw", 3e7}, {"amortization_years", 5}};
    d["workloads"].push_back(workload("w", "inference", 800, 0.5, 4));
    for (const ClauseTypeInfo& info : clause_types()) {
        // b carries the reservation; commitments go to a, so their windows never meet on one provider.
        json c = clause_example(info.type, info.type == ClauseType::reservation ? "b" : "a");
        if (info.type == ClauseType::agi) c["trigger"] = "date", c["date"] = "2026Q2";
        d["contract"].push_back(c);
    }
    return d;
}

}  // namespace

TEST_CASE("clause table: one row per clause type, found by its name, names as written in documents") {
    std::set<std::string> names;
    for (int t = 0; t <= static_cast<int>(ClauseType::sla); ++t) {
        const ClauseTypeInfo& info = clause_type_info(static_cast<ClauseType>(t));
        CHECK(static_cast<int>(info.type) == t);
        CHECK(names.insert(info.name).second);
        CHECK(find_clause_type(info.name) == &info);
        CHECK(std::string(to_string(info.type)) == info.name);
    }
    CHECK(clause_types().size() == names.size());
    CHECK(clause_type_list() == "exclusive, rofr, preferred, commitment, api_exclusivity, revenue_share, ip_access, agi, reservation or sla");
    CHECK(std::string(clause_type_info(ClauseType::reservation).party_key) == "provider");
    CHECK(std::string(clause_type_info(ClauseType::sla).party_key) == "provider");
    CHECK(clause_type_info(ClauseType::agi).party_key == nullptr);
}

TEST_CASE("clause table: a field applies by the clause as written (the page shows and hides fields by it)") {
    auto field = [](ClauseType t, const char* name) -> const ClauseField& {
        for (const ClauseField& f : clause_type_info(t).fields)
            if (std::string(f.name) == name) return f;
        FAIL("no field " << name);
        return clause_type_info(t).fields.front();
    };
    const ClauseField& discount = field(ClauseType::commitment, "discount");
    CHECK(discount.applies(json{{"type", "commitment"}}));
    CHECK_FALSE(discount.applies(json{{"type", "commitment"}, {"price_usd_per_h100e_hour", 2}}));
    const ClauseField& tolerance = field(ClauseType::rofr, "tolerance");
    CHECK_FALSE(tolerance.applies(json{{"type", "rofr"}}));
    CHECK(tolerance.applies(json{{"type", "rofr"}, {"match", "price"}}));
    const ClauseField& date = field(ClauseType::agi, "date");
    CHECK(date.applies(json{{"type", "agi"}}));  // trigger defaults to date
    CHECK_FALSE(date.applies(json{{"type", "agi"}, {"trigger", "profit"}}));
    CHECK(field(ClauseType::reservation, "price_usd_per_h100e_hour").required());
    CHECK_FALSE(field(ClauseType::commitment, "price_usd_per_h100e_hour").required());
    CHECK(field(ClauseType::sla, "credits").required());
}

TEST_CASE("clause table: every type's example is valid, and reads, writes and reads back equal with every field") {
    json d = every_clause();
    auto a = load_scenario(d.dump());
    for (const auto& i : a.issues) UNSCOPED_INFO(i.pointer << ": " << i.message);
    REQUIRE(a.scenario);
    const std::string text = scenario_to_json(*a.scenario).dump(2);
    auto b = load_scenario(text);
    REQUIRE(b.scenario);
    CHECK(*a.scenario == *b.scenario);
    CHECK(scenario_to_json(*b.scenario).dump(2) == text);
    // The writer writes every field of the table that applies (defaults included).
    const json written = json::parse(text);
    for (std::size_t i = 0; i < a.scenario->contract.size(); ++i) {
        const ClauseTypeInfo& info = clause_type_info(a.scenario->contract[i].type);
        INFO(info.name);
        for (const ClauseField& f : info.fields)
            if (f.applies(written["contract"][i]) && !f.optional) CHECK(written["contract"][i].contains(f.name));
    }
    // clauses[] names every party by its key.
    auto r = result_to_json(*a.scenario, evaluate(*a.scenario));
    for (std::size_t i = 0; i < r["clauses"].size(); ++i) {
        const ClauseTypeInfo& info = clause_type_info(a.scenario->contract[i].type);
        if (info.party_key) CHECK(r["clauses"][i].contains(info.party_key));
    }
}

TEST_CASE("distribution table: every shape reads and writes back, with the range checked on values, not on spreads") {
    for (const DistributionShape& sh : distribution_shapes()) {
        INFO(sh.name);
        CHECK(distribution_shape(sh.dist) == &sh);
        json q = {{"dist", sh.name}};
        const double values[3] = {1, 2, 3};
        for (int i = 0; i < sh.param_count; ++i) q[sh.params[i]] = sh.dist == Dist::normal ? (i == 0 ? 2.0 : 0.1) : values[i];
        if (sh.dist == Dist::normal) q["clip"] = {0.5, 4};
        json d = doc("2025Q1", "2025Q1");
        d["providers"].push_back(cloud("a", 1, 2));
        d["providers"][0]["price_usd_per_h100e_hour"] = q;
        auto s = load_ok(d);
        CHECK(json::parse(scenario_to_json(s)["providers"][0]["price_usd_per_h100e_hour"].dump()) == q);
    }
    CHECK(distribution_shape(Dist::quarters) == nullptr);
}

TEST_CASE("result tables: JSON and CSV carry every series, total and stakeholder figure, in table order") {
    auto s = load_ok(every_clause());
    const Result r = evaluate(s);
    auto j = result_to_json(s, r);
    for (auto& [id, pj] : j["providers"].items()) {
        std::vector<std::string> keys;
        for (auto& [k, v] : pj.items()) keys.push_back(k);
        REQUIRE(keys.size() == provider_series_fields().size());
        for (std::size_t i = 0; i < keys.size(); ++i) CHECK(keys[i] == provider_series_fields()[i].name);
    }
    for (auto& [id, wj] : j["workloads"].items()) CHECK(wj.size() == workload_series_fields().size());
    CHECK(j["totals"].size() == total_fields().size());
    CHECK(j["stakeholders"]["buyer"].size() == buyer_figures().size());
    CHECK(j["stakeholders"]["a"].size() == provider_figures().size());
    CHECK(j["reservations"].size() == 1);
    CHECK(j["reservations"][0]["provider"] == "b");
    const std::string csv = result_to_csv(s, r);
    for (const TotalField& t : total_fields()) CHECK(csv.find(std::string("totals,,") + t.name + ",,") != std::string::npos);
    for (const auto& f : buyer_figures()) CHECK(csv.find(std::string("stakeholder,buyer,") + f.name + ",,") != std::string::npos);
    for (const auto& f : provider_figures()) CHECK(csv.find(std::string("stakeholder,b,") + f.name + ",,") != std::string::npos);
    for (const auto& f : provider_series_fields()) CHECK(csv.find(std::string("provider,a,") + f.name + ",2025Q1,") != std::string::npos);
    CHECK(csv.find("reservation,b#0,paid_usd,,") != std::string::npos);
    CHECK(csv.find("commitment,a#0,spent_usd,,") != std::string::npos);
    CHECK(kTotalCount == static_cast<int>(total_fields().size()));
    for (const TotalField& t : total_fields()) CHECK(total_index(t.name) >= 0);
}

TEST_CASE("Monte Carlo keeps or derives every metric of the tables") {
    auto s = load_ok(every_clause());
    Simulation sim;
    sim.start(s, 20, 1);
    sim.step(20);
    CHECK(sim.metric_count() == kTotalCount + static_cast<int>(buyer_figures().size() + s.providers.size() * provider_figures().size()));
    std::string err;
    std::vector<double> scratch;
    // Every named metric has a sample column whose trials are finite.
    auto names = total_names();
    for (const auto& f : buyer_figures()) names.push_back(std::string("buyer.") + f.name);
    for (const auto& p : s.providers)
        for (const auto& f : provider_figures()) names.push_back(p.id + "." + f.name);
    for (const std::string& n : names) {
        INFO(n);
        auto m = parse_metric(s, n, err);
        REQUIRE(m);
        const double* col = sim.sample_column(sample_metric_index(sim, *m), scratch);
        if (n != "agi_quarter" && n != "usd_per_served_h100e_hour")
            for (int i = 0; i < 20; ++i) CHECK(std::isfinite(col[i]));
    }
}
