// MODEL §8 "Labels" and "Inputs by name": one label table for every total and stakeholder figure, metrics
// named with the scenario's names, every input a sweep or break-even can move listed by name with its P5–P95,
// the search the page's picker uses, and sweep ranges that refuse an open bound's limit (MODEL §10.2).
#include <set>

#include "analysis/analysis.h"
#include "io/analysis_io.h"
#include "io/clause_types.h"
#include "io/presets.h"
#include "io/scenario_inputs.h"
#include "io/scenario_io.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

MetricLabel label(const Scenario& s, const std::string& name) {
    std::string error;
    auto m = parse_metric(s, name, error);
    INFO(error);
    REQUIRE(m);
    return metric_label(s, *m);
}

const ScenarioInput& input_at(const std::vector<ScenarioInput>& in, const std::string& pointer) {
    for (const ScenarioInput& i : in)
        if (i.pointer == pointer) return i;
    FAIL("no input " << pointer);
    return in.front();
}

}  // namespace

TEST_CASE("labels: every total and stakeholder figure has a short human label, a unit and a meaning") {
    std::set<std::string> labels;
    for (const TotalField& t : total_fields()) {
        INFO(t.name);
        CHECK(std::string(t.label).size() > 2);
        CHECK(std::string(t.meaning).size() > 5);
        CHECK(std::string(value_unit_name(t.unit)).size() > 0);
        CHECK(labels.insert(t.label).second);
    }
    for (const auto& f : buyer_figures()) CHECK(std::string(f.label).size() > 2);
    for (const auto& f : provider_figures()) CHECK(std::string(f.label).size() > 1);
    CHECK(std::string(total_fields()[static_cast<std::size_t>(total_index("cost_usd"))].label) == "Total cost");
    CHECK(std::string(total_fields()[static_cast<std::size_t>(total_index("shortfall_h100e_hours"))].label) == "Unserved compute");
    CHECK(std::string(total_fields()[static_cast<std::size_t>(total_index("hhi"))].label) == "Provider concentration (HHI)");
}

TEST_CASE("labels: a metric named with the scenario's names, its unit and which way is better") {
    const Scenario s = preset("rofr-2025");
    const MetricLabel net = label(s, "buyer.net_usd");
    CHECK(net.name == "OpenAI — net");
    CHECK(net.party == "OpenAI");
    CHECK(net.figure == "net");
    CHECK(net.unit == "USD");
    CHECK(net.direction == kHigherIsBetter);
    CHECK(net.direction_text == "higher is better for OpenAI net");
    CHECK(label(s, "azure.revenue_usd").name == "Microsoft Azure — revenue");
    CHECK(label(s, "stargate.cost_usd").name == "Stargate (SoftBank-run sites, owned) — cost");  // the preset's provider name
    const MetricLabel cost = label(s, "cost_usd");
    CHECK(cost.name == "Total cost");
    CHECK(cost.party.empty());
    CHECK(cost.direction_text == "lower is better for total cost");
    CHECK(label(s, "sla_credit_usd").direction_text == "higher is better for SLA credits");
    CHECK(label(s, "peak_mw").direction_text == "neither way is better for peak power");
    CHECK(label(s, "shortfall_h100e_hours").unit == "H100e-hours");
    // Without names, ids.
    json d = doc();
    d["providers"].push_back(cloud("a", 1, 2));
    const Scenario plain = load_ok(d);
    CHECK(label(plain, "buyer.cost_usd").name == "b — cost");
    CHECK(label(plain, "a.net_usd").name == "a — net");
    // Every metric of a scenario, in picker order, each named.
    const std::vector<Metric> all = scenario_metrics(s);
    CHECK(all.size() == total_fields().size() + buyer_figures().size() + s.providers.size() * provider_figures().size());
    for (const Metric& m : all) {
        std::string error;
        CHECK(parse_metric(s, m.name, error));
        CHECK_FALSE(metric_label(s, m).name.empty());
    }
}

TEST_CASE("clause names: type in words and party; numbered when a party has several of a type") {
    const Scenario s = preset("commitment-2025q4");
    CHECK(clause_name(s, 0) == "ROFR on azure");
    CHECK(clause_name(s, 1) == "commitment on azure");
    // The preset's clause order: rofr, commitment, 4 reservations, api_exclusivity, 2 revenue shares, ip_access, agi.
    CHECK(clause_name(s, 6) == "API exclusivity on azure");
    // The two revenue shares run opposite ways (payer buyer, then payer holder): each name says which, and
    // neither is numbered, being the only one of its direction.
    CHECK(clause_name(s, 7) == "revenue share paid to azure");
    CHECK(clause_name(s, 8) == "revenue share paid by azure");
    CHECK(clause_name(s, 10) == "AGI clause");
}

TEST_CASE("clause names: revenue shares are numbered among those paid the same way") {
    Scenario s = preset("commitment-2025q4");
    // Two more shares the buyer pays azure, after the preset's pair (to azure, then by azure).
    json d = json::parse(scenario_to_json(s).dump());
    d["contract"].push_back({{"type", "revenue_share"}, {"holder", "azure"}, {"rate", 0.01}});
    d["contract"].push_back({{"type", "revenue_share"}, {"payer", "buyer"}, {"holder", "azure"}, {"rate", 0.02}});
    s = load_ok(d);
    const std::size_t n = s.contract.size();
    CHECK(clause_name(s, 7) == "revenue share paid to azure #1");
    CHECK(clause_name(s, 8) == "revenue share paid by azure");
    CHECK(clause_name(s, n - 2) == "revenue share paid to azure #2");
    CHECK(clause_name(s, n - 1) == "revenue share paid to azure #3");
}

TEST_CASE("inputs by name: every quantity, named \"owner — field (unit)\", with its median, P5, P95 and pointer") {
    const Scenario s = preset("rofr-2025");
    const std::vector<ScenarioInput> in = scenario_inputs(s);
    CHECK(in.size() == s.quantities.size());
    const ScenarioInput& price = input_at(in, "/providers/0/price_usd_per_h100e_hour");
    CHECK(price.name == "Microsoft Azure — price per H100e-hour (USD per H100e-hour)");
    CHECK(price.owner == "Microsoft Azure");
    CHECK(price.number_unit == NumberUnit::usd_per_h100e_hour);
    CHECK(price.uncertain);
    CHECK(price.p5 == Approx(1.8));
    CHECK(price.p95 == Approx(3.0));
    CHECK(price.median == Approx(std::sqrt(1.8 * 3.0)));
    CHECK(price.sweep_lo == price.p5);
    CHECK(price.sweep_hi == price.p95);
    CHECK(price.sweep_note == "its P5 to P95");
    // Provider 8 is Stargate's owned sites; its second tranche is planned online in 2027Q2.
    CHECK(input_at(in, "/providers/8/capacity/1/slip_quarters").name == "Stargate (SoftBank-run sites, owned) tranche 2, 2027Q2 — build slip (quarters)");
    CHECK(input_at(in, "/workloads/0/demand/growth_per_year").name == "workload inference — demand growth per year (share per year)");
    CHECK(input_at(in, "/gpus/H100/it_kw").name == "GPU H100 — IT power per GPU (kW)");
    const Scenario c = preset("commitment-2025q4");
    const std::vector<ScenarioInput> ci = scenario_inputs(c);
    const ScenarioInput& usd = input_at(ci, "/contract/1/usd");
    CHECK(usd.name == "commitment on azure — committed spend (USD)");
    // A plain number has P5 = P95: its sweep opens 50% either side, never on a zero-width range.
    CHECK_FALSE(usd.uncertain);
    CHECK(usd.sweep_lo == Approx(1.25e11));
    CHECK(usd.sweep_hi == Approx(3.75e11));
    CHECK(usd.sweep_note == "50% either side of its fixed $250B");  // the value as its field shows it
    const ScenarioInput& top = input_at(ci, "/contract/1/take_or_pay");  // 1, the top of [0, 1]
    CHECK(top.sweep_lo == Approx(0.5));
    CHECK(top.sweep_hi == 1);
    // The preset prices the commitment by contract price; with a discount of 0 instead, the discount's sweep
    // opens on a typical span for a share.
    json zd = json::parse(find_preset("commitment-2025q4")->json);
    zd["contract"][1].erase("price_usd_per_h100e_hour");
    zd["contract"][1]["discount"] = 0;
    const Scenario cz = load_ok(zd);
    const std::vector<ScenarioInput> czi = scenario_inputs(cz);
    const ScenarioInput& zero = input_at(czi, "/contract/1/discount");
    CHECK(zero.sweep_lo == 0);
    CHECK(zero.sweep_hi == Approx(0.5));
    const ScenarioInput& agi = input_at(ci, "/contract/10/date");  // "2029Q1 to 2034Q4"
    CHECK(agi.quarters);
    CHECK(agi.p5 < agi.p95);
    CHECK(agi.whole_steps());
    // A count of quarters (the engine rounds a build slip) opens on whole quarters. Broadcom's widest slip,
    // "4 to 16", has its P5 and P95 at 4 and 16 up to rounding (the distribution's fit): it opens on exactly
    // 4 to 16. A fixed slip of 2.4 opens 50% either side, 1.2 to 3.6, which round to 1 and 4.
    const ScenarioInput& slip = input_at(ci, "/providers/10/capacity/4/slip_quarters");
    CHECK(slip.whole_steps());
    CHECK_FALSE(slip.quarters);
    CHECK(slip.p5 == Approx(4.0));
    CHECK(slip.p95 == Approx(16.0));
    CHECK(slip.sweep_lo == 4.0);
    CHECK(slip.sweep_hi == 16.0);
    CHECK(slip.sweep_note == "its P5 to P95, in whole quarters");
    json fs = json::parse(find_preset("commitment-2025q4")->json);
    fs["providers"][10]["capacity"][4]["slip_quarters"] = 2.4;
    const Scenario cf = load_ok(fs);
    const std::vector<ScenarioInput> cfi = scenario_inputs(cf);
    const ScenarioInput& fixed = input_at(cfi, "/providers/10/capacity/4/slip_quarters");
    CHECK(fixed.sweep_lo == 1.0);
    CHECK(fixed.sweep_hi == 4.0);
    CHECK(fixed.sweep_note == "50% either side of its fixed 2.4 q, in whole quarters");
    CHECK_FALSE(usd.whole_steps());
}

TEST_CASE("inputs by name: every input of every preset opens a sweep the sweep accepts, inside its range and never flat") {
    for (const Preset& p : presets()) {
        const Scenario s = *load_scenario(p.json).scenario;
        for (const ScenarioInput& i : scenario_inputs(s)) {
            INFO(p.id << " " << i.pointer << " [" << i.sweep_lo << ", " << i.sweep_hi << "] " << i.sweep_note);
            CHECK(i.sweep_lo < i.sweep_hi);
            CHECK(i.name.find(" — ") != std::string::npos);
            std::string error;
            auto axis = sweep_axis({&s}, i.pointer, i.sweep_lo, i.sweep_hi, 5, i.quarters, error);
            INFO(error);
            CHECK(axis);
        }
    }
}

TEST_CASE("inputs by name: the search needs every word, ignores case, and puts the party's own input first") {
    const std::vector<ScenarioInput> in = scenario_inputs(preset("rofr-2025"));
    const std::vector<std::size_t> hits = search_inputs(in, "azure pri");
    REQUIRE_FALSE(hits.empty());
    CHECK(in[hits[0]].pointer == "/providers/0/price_usd_per_h100e_hour");
    CHECK(search_inputs(in, "  AZURE   Pri ") == hits);
    for (std::size_t h : hits) CHECK(in[h].name.find("Azure") != std::string::npos);
    CHECK(search_inputs(in, "").size() == in.size());
    CHECK(search_inputs(in, "azure zzz").empty());
    CHECK(in[search_inputs(in, "/workloads/1/block")[0]].pointer == "/workloads/1/block_h100e");
    // Where the page's sweep opens: the input the tornado puts first.
    const Scenario s = preset("rofr-2025");
    std::string error;
    const Tornado t = tornado(s, *parse_metric(s, "buyer.net_usd", error));
    const std::size_t k = strongest_input(in, t);
    REQUIRE(k < in.size());
    CHECK(in[k].quantity == t.bars.front().quantity);
}

TEST_CASE("sweep ranges: an open bound refuses its limit itself (MODEL §10.2), a closed one accepts it") {
    const Scenario s = preset("rofr-2025");
    std::string error;
    CHECK_FALSE(sweep_axis({&s}, "/gpus/H100/it_kw", 0, 1, 3, false, error));
    CHECK(error == "values of \"/gpus/H100/it_kw\" must be > 0; 0 is not allowed (the bound is open: start LO just above it)");
    CHECK(sweep_axis({&s}, "/gpus/H100/it_kw", 1e-9, 1, 3, false, error));
    CHECK_FALSE(sweep_axis({&s}, "/workloads/0/demand/growth_per_year", -1, 1, 3, false, error));
    CHECK(error.find("must be > -1; -1 is not allowed") != std::string::npos);
    CHECK(sweep_axis({&s}, "/workloads/0/demand/growth_per_year", -0.99, 1, 3, false, error));
    CHECK(sweep_axis({&s}, "/providers/0/price_usd_per_h100e_hour", 0, 1, 3, false, error));  // ">= 0" includes 0
    CHECK_FALSE(sweep_axis({&s}, "/policy/max_share_per_provider", 0.5, 1.5, 3, false, error));
    CHECK(error == "values of \"/policy/max_share_per_provider\" must be in [0, 1]; 1.5 is not allowed");
}

TEST_CASE("same input in another deal: matched by name, not by pointer, and swept there") {
    // open-2026 lists rofr, api_exclusivity, preferred, then the Azure commitment at /contract/3; commitment-2025q4
    // lists rofr, then the Azure commitment at /contract/1, and a CoreWeave reservation at /contract/3 (the
    // presets' documents, assets/presets). A sweep of the Azure commitment's price must move each deal's own
    // Azure commitment.
    const Scenario open = preset("open-2026"), signed_2025 = preset("commitment-2025q4");
    REQUIRE(signed_2025.contract[1].type == ClauseType::commitment);
    REQUIRE(signed_2025.contract[3].type == ClauseType::reservation);
    const std::string price = "/price_usd_per_h100e_hour";
    CHECK(same_input(open, "/contract/3" + price, signed_2025) == "/contract/1" + price);
    CHECK(same_input(open, "/contract/7" + price, signed_2025) == "/contract/5" + price);  // the reservation on oci-stargate
    CHECK(same_input(open, "/contract/8" + price, signed_2025).empty());                   // aws-trainium: not in the 2025 deal
    CHECK(same_input(open, "/providers/0" + price, signed_2025) == "/providers/0" + price);  // Azure in both, same place
    CHECK(same_input(open, "/nowhere", signed_2025).empty());
    // Providers go by id, not by name: exclusive-2019 names provider "oci" "Oracle OCI", the later presets
    // "Oracle OCI (incl. Abilene)"; its price is the same input (/providers/1 in both).
    const Scenario first = preset("exclusive-2019");
    REQUIRE(first.providers[1].id == "oci");
    REQUIRE(first.providers[1].name != signed_2025.providers[1].name);
    CHECK(same_input(signed_2025, "/providers/1" + price, first) == "/providers/1" + price);

    std::string error;
    const auto axis = sweep_axis({&open, &signed_2025}, {"/contract/3" + price, "/contract/1" + price}, 1.5, 2.5, 2, false, error);
    INFO(error);
    REQUIRE(axis);
    std::optional<Metric> m = parse_metric(open, "buyer.net_usd", error);
    REQUIRE(m);
    const SweepGrid g = sweep({&open, &signed_2025}, {*m, *m}, {*axis});
    // Independently: the 2025 deal's medians with its own commitment price (pointer found above by hand) at x.
    auto net_at = [&](const Scenario& s, const std::string& pointer, double x) {
        std::vector<double> v = s.medians();
        v[static_cast<std::size_t>(s.find_quantity(pointer))] = x;
        Workspace ws;
        Result r;
        evaluate_into(s, v.data(), nullptr, ws, r);
        return r.buyer.net_usd;
    };
    for (std::size_t i = 0; i < 2; ++i) {
        const double x = axis->values[i];
        CHECK(g.values[1][i] == net_at(signed_2025, "/contract/1" + price, x));
        CHECK(g.values[0][i] == net_at(open, "/contract/3" + price, x));
    }
    // The pointer alone would have moved CoreWeave's reservation price in the 2025 deal: a different curve.
    CHECK(g.values[1][0] != net_at(signed_2025, "/contract/3" + price, axis->values[0]));
    // The table says where each deal was swept, before its cells (the header names the first deal's pointer).
    const std::string csv = sweep_to_csv({&open, &signed_2025}, "buyer.net_usd", g, {});
    CHECK(csv.find("\ninput,\"" + open.name + "\",,/contract/3" + price + ",,,,,\ninput,\"" + signed_2025.name + "\",,/contract/1" + price +
                   ",,,,,\ncell,") != std::string::npos);
    // A deal left out for want of the input is named in a row of its own (after the "input" rows).
    CHECK(sweep_to_csv({&open, &signed_2025}, "buyer.net_usd", g, {}, {"deal X"}).find(",,,,,\nnot_drawn,deal X,,,,,,,\ncell,") != std::string::npos);
    // A pair's axis keeps each deal's own pointer, in the order given.
    const SweepAxis pair = axis->for_pair(1, 0);
    CHECK(pair.pointers == std::vector<std::string>{"/contract/1" + price, "/contract/3" + price});
}
