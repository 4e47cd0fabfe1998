// Scenario and result I/O: round trips (issue #2), every MODEL §6 key, presets.
#include "io/presets.h"
#include "random_scenario.h"
#include "io/result_io.h"
#include "scenario_builder.h"

using namespace test;

TEST_CASE("export -> import gives an equal scenario and re-export identical bytes (presets and 2,000 generated)") {
    std::vector<std::string> texts;
    for (const auto& p : pactscope::presets()) texts.emplace_back(p.json);
    for (std::uint64_t seed = 1; seed <= 2000; ++seed) texts.push_back(random_scenario(seed).dump());  // fixed seeds: reproducible
    for (const auto& text : texts) {
        auto a = pactscope::load_scenario(text);
        REQUIRE(a.scenario);
        std::string out1 = pactscope::scenario_to_json(*a.scenario).dump(2);
        auto b = pactscope::load_scenario(out1);
        REQUIRE(b.scenario);
        CHECK(*a.scenario == *b.scenario);
        CHECK(pactscope::scenario_to_json(*b.scenario).dump(2) == out1);
    }
}

TEST_CASE("every preset validates, runs and yields every MODEL §6 result key") {
    REQUIRE(pactscope::presets().size() >= 6);
    for (const char* id : {"exclusive-2019", "oci-waiver-2024", "rofr-2025", "commitment-2025q4", "open-2026", "exclusive-forever"})
        CHECK(pactscope::find_preset(id) != nullptr);
    for (const auto& p : pactscope::presets()) {
        DYNAMIC_SECTION(p.id) {
            auto ls = pactscope::load_scenario(p.json);
            for (const auto& i : ls.issues) UNSCOPED_INFO(i.pointer << ": " << i.message);
            REQUIRE(ls.scenario);
            const auto& s = *ls.scenario;
            // Provenance: every provider, tranche, workload and clause cites a listed source.
            for (const auto& pr : s.providers) {
                CHECK_FALSE(pr.prov.source.empty());
                for (const auto& t : pr.capacity) CHECK_FALSE(t.prov.source.empty());
            }
            for (const auto& w : s.workloads) CHECK_FALSE(w.prov.source.empty());
            for (const auto& c : s.contract) CHECK_FALSE(c.prov.source.empty());
            auto j = pactscope::result_to_json(s, pactscope::evaluate(s));
            for (const char* k : {"schema", "scenario", "quarters", "providers", "workloads", "clauses", "commitments", "reservations", "totals",
                                  "stakeholders"})
                CHECK(j.contains(k));
            for (const auto& n : pactscope::total_names()) CHECK(j["totals"].contains(n));
            for (auto& [id, pj] : j["providers"].items())
                for (const char* k : {"capacity_h100e", "online_mw", "alloc_h100e", "mw_used", "compute_usd", "egress_usd", "fixed_usd", "stranded_usd",
                                      "sla_credit_usd", "provider_cost_usd"})
                    CHECK(pj[k].size() == j["quarters"].size());
            for (auto& [id, wj] : j["workloads"].items())
                for (const char* k : {"demand_h100e", "served_h100e", "shortfall_h100e", "outage_loss_h100e_hours"})
                    CHECK(wj[k].size() == j["quarters"].size());
            for (const char* k : {"cost_usd", "lost_value_usd", "revenue_share_paid_usd", "revenue_share_received_usd", "revenue_usd",
                                  "training_value_usd", "net_usd"})
                CHECK(j["stakeholders"]["buyer"].contains(k));
            for (const auto& pr : s.providers)
                for (const char* k : {"revenue_usd", "revenue_share_received_usd", "revenue_share_paid_usd", "ip_value_usd", "cost_usd", "net_usd"})
                    CHECK(j["stakeholders"][pr.id].contains(k));
            CHECK(j["totals"].contains("sla_credit_usd"));
            CHECK(j["reservations"].is_array());
            if (std::string(p.id) != "exclusive-2019") CHECK(j["quarters"].back() == "2032Q4");
        }
    }
}

TEST_CASE("the presets tell the public story") {
    auto total = [](const char* id) {
        auto ls = pactscope::load_scenario(pactscope::find_preset(id)->json);
        return pactscope::evaluate(*ls.scenario).totals;
    };
    // The more of the world's capacity the terms let OpenAI use, the more demand is served: exclusivity
    // forever (Azure only) < the 2024 waiver (Azure + Oracle, capped) < the ROFR (everyone, Azure first,
    // no AWS) < the October 2025 terms (+ AWS) < the April 2026 terms (+ Trainium, Cerebras, Azure primary).
    CHECK(total("exclusive-forever").served_fraction < total("oci-waiver-2024").served_fraction);
    CHECK(total("oci-waiver-2024").served_fraction < total("rofr-2025").served_fraction);
    CHECK(total("rofr-2025").served_fraction < total("commitment-2025q4").served_fraction);
    CHECK(total("commitment-2025q4").served_fraction < total("open-2026").served_fraction);
    // Contracts priced as signed (SPEC §11) strand only reserved capacity left idle: small against the
    // cost of compute in the median case (v1 stranded over a quarter of it through list-price drift) ...
    CHECK(total("open-2026").stranded_usd < 0.05 * total("open-2026").cost_usd);
    CHECK(total("rofr-2025").stranded_usd < 0.01 * total("rofr-2025").cost_usd);
    // ... more when demand grows slower than the capacity signed for it (idle take-or-pay is the buyer's),
    // less when power arrives late (a late reserved site is not paid), which instead leaves demand unserved.
    CHECK(total("demand-slows-2027").stranded_usd > total("open-2026").stranded_usd);
    CHECK(total("power-late").stranded_usd < total("open-2026").stranded_usd);
    CHECK(total("power-late").served_fraction < total("open-2026").served_fraction);
    // Without Amazon's deals there is less capacity to pay for and less demand served.
    CHECK(total("without-aws").cost_usd < total("open-2026").cost_usd);
    CHECK(total("without-aws").served_fraction < total("open-2026").served_fraction);
    // Revenue per dollar of inference compute as reported keeps ~$100B of cumulative profit, the reported
    // contractual AGI, after 2030 (v1 reached it around 2030): quarter index 24 is 2031Q1 from 2025Q1.
    CHECK(total("rofr-2025").has_agi);
    CHECK(total("rofr-2025").agi_quarter >= 24);
}

TEST_CASE("CSV has a header and one row per number") {
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 1));
    d["workloads"].push_back(workload("w", "inference", 10));
    auto s = load_ok(d);
    std::string csv = pactscope::result_to_csv(s, pactscope::evaluate(s));
    CHECK(csv.rfind("table,id,metric,quarter,value\n", 0) == 0);
    CHECK(csv.find("provider,a,alloc_h100e,2025Q1,10\n") != std::string::npos);
    CHECK(csv.find("totals,,usd_per_served_h100e_hour,,1\n") != std::string::npos);
    // 10 provider series + 4 workload series x 4 quarters, 19 totals, 7 buyer + 6 provider figures, header.
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 14 * 4 + 19 + 13);
}
