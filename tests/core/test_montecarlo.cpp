// MODEL §6–§8: Monte Carlo summaries, progressive runs, comparisons with common
// random numbers, tornado, importance, sweeps and break-evens. Goldens are hand
// calculations on small scenarios (unit GPU: 1 MW = 1000 H100e, H = 2190 h).
#include <cmath>
#include <cstring>

#include "analysis/analysis.h"
#include "io/analysis_io.h"
#include "io/presets.h"
#include "io/result_io.h"
#include "scenario_builder.h"

using namespace test;
using namespace pactscope;

namespace {

// Every quantity replaced by a point at its median, and no outages: the deterministic world.
Scenario all_points(Scenario s) {
    for (Quantity& q : s.quantities) {
        const double m = q.median();
        q.dist = Dist::point, q.form = Form::number, q.p0 = m, q.has_clip = false;
    }
    for (const Provider& p : s.providers) s.quantities[p.outages_per_year].p0 = 0;
    s.uncertainty.correlations.clear();
    return s;
}

Simulation simulate(const Scenario& s, std::int64_t trials, std::uint64_t seed) {
    Simulation sim;
    sim.start(s, trials, seed);
    sim.step(trials);
    return sim;
}

bool same_samples(const Simulation& a, const Simulation& b) {
    if (a.trials_done() != b.trials_done() || a.metric_count() != b.metric_count()) return false;
    std::vector<double> sa, sb;
    for (int m = 0; m < a.metric_count(); ++m)
        if (std::memcmp(a.sample_column(m, sa), b.sample_column(m, sb), sizeof(double) * static_cast<std::size_t>(a.trials_done())) != 0) {
            // NaN != NaN under ==, but memcmp compares bits: equal NaNs pass.
            return false;
        }
    for (int k = 0; k < 2; ++k)
        for (int q = 0; q < a.scenario().quarters(); ++q)
            for (std::int64_t i = 0; i < a.trials_done(); ++i)
                if (a.band_value(k, q, i) != b.band_value(k, q, i)) return false;
    return true;
}

double variance(const std::vector<double>& v) {
    double m = 0;
    for (double x : v) m += x;
    m /= static_cast<double>(v.size());
    double s = 0;
    for (double x : v) s += (x - m) * (x - m);
    return s / static_cast<double>(v.size() - 1);
}

// One quarter, one provider with 10,000 H100e at a price uniform on [1, 3], 1000 H100e of
// inference: cost = 1000 × 2190 × price, so every statistic of cost is one of price.
json uniform_price_quarter() {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("a", 10, 1));
    d["providers"][0]["price_usd_per_h100e_hour"] = {{"dist", "uniform"}, {"min", 1}, {"max", 3}};
    d["workloads"].push_back(workload("w", "inference", 1000));
    return d;
}

// Two providers; the workload is 1000 H100e for one quarter.
json two_clouds(json price_a, double price_b) {
    json d = doc("2025Q1", "2025Q1");
    d["providers"].push_back(cloud("a", 10, 1));
    d["providers"].push_back(cloud("b", 10, price_b));
    d["providers"][0]["price_usd_per_h100e_hour"] = price_a;
    d["workloads"].push_back(workload("w", "inference", 1000));
    return d;
}

}  // namespace

TEST_CASE("with every quantity a point and no outages, every Monte Carlo percentile equals the deterministic result") {
    for (const Preset& p : presets()) {
        INFO(p.id);
        const Scenario s = all_points(preset(std::string(p.id).c_str()));
        const Result det = evaluate(s);
        Simulation sim = simulate(s, 40, 3);
        const McSummary m = sim.summary();
        double want[kTotalCount];
        totals_array(det.totals, want);
        for (int t = 0; t < kTotalCount; ++t) {
            INFO(total_names()[t]);
            const Stat& st = m.totals[t];
            if (std::isnan(want[t])) {
                CHECK(st.count == 0);
                CHECK(st.share_missing == 1);
                continue;
            }
            CHECK(st.share_missing == 0);
            for (double v : {st.mean, st.p5, st.p10, st.p50, st.p90, st.p95}) CHECK(v == want[t]);
        }
        CHECK(m.buyer_net.p50 == det.buyer.net_usd);
        for (std::size_t k = 0; k < det.stakeholders.size(); ++k) CHECK(m.provider_net[k].p10 == det.stakeholders[k].net_usd);
        for (int q = 0; q < s.quarters(); ++q) {
            CHECK(m.cost_usd.p10[q] == det.cost_usd[q]);
            CHECK(m.cost_usd.p90[q] == det.cost_usd[q]);
            CHECK(m.shortfall_h100e.p50[q] == det.shortfall_h100e[q]);
        }
    }
}

TEST_CASE("same scenario and seed give identical samples; another seed gives others") {
    const Scenario s = preset("rofr-2025");
    Simulation a = simulate(s, 200, 7), b = simulate(s, 200, 7), c = simulate(s, 200, 8);
    CHECK(same_samples(a, b));
    CHECK_FALSE(same_samples(a, c));
}

TEST_CASE("progressive slices and threads give exactly the one-shot result") {
    const Scenario s = preset("commitment-2025q4");
    Simulation whole = simulate(s, 301, 5);
    Simulation sliced;
    sliced.start(s, 301, 5);
    int calls = 0;
    while (!sliced.done()) {
        CHECK(sliced.step(7) <= 7);
        ++calls;
    }
    CHECK(calls == 43);  // ceil(301 / 7)
    CHECK(same_samples(whole, sliced));
    Simulation threaded;
    threaded.start(s, 301, 5);
    threaded.run(3);
    CHECK(threaded.done());
    CHECK(same_samples(whole, threaded));
}

TEST_CASE("a partial run reports progress and percentiles over the trials done; restart drops them") {
    const Scenario s = preset("rofr-2025");
    Simulation sim;
    sim.start(s, 100, 1);
    sim.step(25);
    CHECK(sim.progress() == 0.25);
    CHECK_FALSE(sim.done());
    McSummary m = sim.summary();
    CHECK(m.trials_done == 25);
    CHECK(m.totals[0].count == 25);
    sim.cancel();
    CHECK(sim.step(10) == 0);
    CHECK(sim.trials_done() == 25);
    sim.start(s, 50, 2);
    CHECK(sim.trials_done() == 0);
    CHECK(sim.step(1000) == 50);
    CHECK(sim.done());
}

TEST_CASE("percentiles interpolate linearly between order statistics (type 7)") {
    // Values 1..5: P10 at rank 0.4 → 1.4; P50 = 3; P90 at rank 3.6 → 4.6; P5 at 0.2 → 1.2; P95 → 4.8.
    std::vector<double> v = {5, 3, 1, 4, 2}, scratch;
    Stat st = summarize(v.data(), 5, scratch);
    CHECK(st.mean == 3);
    CHECK(st.p5 == Approx(1.2));
    CHECK(st.p10 == Approx(1.4));
    CHECK(st.p50 == 3);
    CHECK(st.p90 == Approx(4.6));
    CHECK(st.p95 == Approx(4.8));
    // Missing values are left out and counted.
    std::vector<double> w = {1, std::nan(""), 3, std::nan("")};
    st = summarize(w.data(), 4, scratch);
    CHECK(st.count == 2);
    CHECK(st.share_missing == 0.5);
    CHECK(st.p50 == 2);
}

TEST_CASE("Monte Carlo cost of a one-quarter uniform price is demand × H × price, percentile by percentile") {
    // Price uniform on [1, 3] on the only provider: cost = 1000 × 2190 × price, so
    // cost P10 ≈ 2.19e6 × 1.2, P50 ≈ 2.19e6 × 2, P90 ≈ 2.19e6 × 2.8 (sampling error ~1%).
    json d = uniform_price_quarter();
    Simulation sim = simulate(load_ok(d), 4000, 1);
    const McSummary m = sim.summary();
    const Stat& cost = m.totals[static_cast<std::size_t>(total_index("cost_usd"))];
    CHECK(cost.p10 == Approx(1000 * H * 1.2).epsilon(0.02));
    CHECK(cost.p50 == Approx(1000 * H * 2.0).epsilon(0.02));
    CHECK(cost.p90 == Approx(1000 * H * 2.8).epsilon(0.02));
    CHECK(cost.mean == Approx(1000 * H * 2.0).epsilon(0.02));
}

TEST_CASE("compare: paired deltas and P(A better than B) on a hand-checkable pair") {
    // A's cheaper provider costs 2/h, B's 3/h (provider b at 5/h is never used): every trial
    // B − A = 1000 × 2190 × 1 = 2.19e6 more cost, so P(A better) = 1.
    Scenario a = load_ok(two_clouds(2, 5)), b = load_ok(two_clouds(3, 5));
    Simulation sa = simulate(a, 50, 1), sb = simulate(b, 50, 1);
    Comparison c = compare({&sa, &sb});
    REQUIRE(c.pairs.size() == 1);
    const PairedDelta& d = c.pairs[0].totals[static_cast<std::size_t>(total_index("cost_usd"))];
    CHECK(d.delta.mean == Approx(2.19e6));
    CHECK(d.delta.p5 == Approx(2.19e6));
    CHECK(d.p_a_better() == 1);
    CHECK(d.p_b_better() == 0);
    const PairedDelta& served = c.pairs[0].totals[static_cast<std::size_t>(total_index("served_fraction"))];
    CHECK(served.p_equal == 1);  // both serve everything
    // Provider a's net: it bills 2.19e6 × 2 in A and 2.19e6 × 3 in B → B better for a (higher is better).
    REQUIRE(c.pairs[0].provider_ids.size() == 2);
    const auto net = static_cast<std::size_t>(field_index(provider_figures(), "net_usd"));
    CHECK(c.pairs[0].providers[0][net].delta.mean == Approx(2.19e6));
    CHECK(c.pairs[0].providers[0][net].p_b_better() == 1);
}

TEST_CASE("common random numbers give a smaller variance of the paired delta than independent draws") {
    // B is A with Azure 10% dearer: the shared uncertainty cancels in B − A only when the
    // trials are paired (same seed → same draws for the same JSON pointers).
    const Scenario a = preset("rofr-2025");
    Scenario b = a;
    Quantity& price = b.quantities[b.find_quantity("/providers/0/price_usd_per_h100e_hour")];
    price.p0 *= 1.1, price.p1 *= 1.1;
    const int cost = total_index("cost_usd");
    Simulation sa = simulate(a, 1000, 3), sb = simulate(b, 1000, 3), sb_other = simulate(b, 1000, 4);
    std::vector<double> paired, independent;
    for (int i = 0; i < 1000; ++i) {
        paired.push_back(sb.samples(cost)[i] - sa.samples(cost)[i]);
        independent.push_back(sb_other.samples(cost)[i] - sa.samples(cost)[i]);
    }
    INFO("variance paired " << variance(paired) << ", independent " << variance(independent));
    CHECK(variance(paired) < variance(independent));
    CHECK(variance(paired) < 0.25 * variance(independent));  // and by a wide margin
}

TEST_CASE("tornado: each input at its P10 and P90, largest swing first") {
    // Price uniform [1, 3] (P10 1.2, P90 2.8); demand start uniform [900, 1100] (P10 920, P90 1080).
    // cost = D × 2190 × price. At the medians: 1000 × 2190 × 2 = 4.38e6.
    // price bar: 1000 × 2190 × (1.2, 2.8) → swing 3.504e6; demand bar: (920, 1080) × 2190 × 2 → swing 7.008e5.
    json d = uniform_price_quarter();
    d["workloads"][0]["demand"]["start_h100e"] = {{"dist", "uniform"}, {"min", 900}, {"max", 1100}};
    d["providers"][0]["onboarding_usd"] = {{"dist", "uniform"}, {"min", 0}, {"max", 0}};  // uncertain in form, moves nothing
    Scenario s = load_ok(d);
    std::string err;
    Tornado t = tornado(s, *parse_metric(s, "cost_usd", err));
    CHECK(t.base == Approx(4.38e6));
    REQUIRE(t.bars.size() == 2);
    CHECK(t.bars[0].pointer == "/providers/0/price_usd_per_h100e_hour");
    CHECK(t.bars[0].value_p10 == Approx(1.2));
    CHECK(t.bars[0].metric_p10 == Approx(1000 * H * 1.2));
    CHECK(t.bars[0].metric_p90 == Approx(1000 * H * 2.8));
    CHECK(t.bars[1].pointer == "/workloads/0/demand/start_h100e");
    CHECK(t.bars[1].swing() == Approx(160 * H * 2));
}

TEST_CASE("importance: the input that drives the output has the largest rank correlation") {
    json d = uniform_price_quarter();
    d["workloads"][0]["demand"]["start_h100e"] = {{"dist", "uniform"}, {"min", 800}, {"max", 1200}};
    d["workloads"][0]["value_usd_per_h100e_hour"] = "1 to 2";  // does not enter cost
    Scenario s = load_ok(d);
    Simulation sim = simulate(s, 2000, 1);
    auto imp = importance(sim, total_index("cost_usd"));
    REQUIRE(imp.size() == 3);
    CHECK(imp[0].pointer == "/providers/0/price_usd_per_h100e_hour");
    CHECK(imp[0].rank_correlation > 0.8);  // price spreads cost ±50%, demand ±20%
    CHECK(imp[1].pointer == "/workloads/0/demand/start_h100e");
    CHECK(imp[1].rank_correlation > 0.2);
    CHECK(imp[2].pointer == "/workloads/0/value_usd_per_h100e_hour");
    CHECK(std::fabs(imp[2].rank_correlation) < 0.06);
}

TEST_CASE("sweep: a metric per cell, and the best scenario per cell for a regime map") {
    // A: provider a's price p is swept; provider b costs 2.5/h. The workload goes to the cheaper:
    // cost = 1000 × 2190 × min(p, 2.5). B: same but only b is allowed (exclusive): 1000 × 2190 × 2.5.
    json da = two_clouds(1, 2.5);
    json db = two_clouds(1, 2.5);
    db["contract"].push_back({{"type", "exclusive"}, {"holder", "b"}});
    Scenario a = load_ok(da), b = load_ok(db);
    std::string err;
    auto axis = sweep_axis({&a, &b}, "/providers/0/price_usd_per_h100e_hour", 1, 4, 4, false, err);
    REQUIRE(axis);
    CHECK(axis->values == std::vector<double>{1, 2, 3, 4});
    const Metric m = *parse_metric(a, "cost_usd", err);
    SweepGrid g = sweep({&a, &b}, {m, m}, {*axis});
    CHECK(g.values[0][0] == Approx(1000 * H * 1));
    CHECK(g.values[0][1] == Approx(1000 * H * 2));
    CHECK(g.values[0][2] == Approx(1000 * H * 2.5));
    CHECK(g.values[1][0] == Approx(1000 * H * 2.5));
    CHECK(g.best == std::vector<int>{0, 0, 0, 0});  // at p ≥ 2.5 they tie and the earlier scenario wins
    // A second axis: demand 500 or 1000 → cells are axis-0 major.
    auto axis2 = sweep_axis({&a}, "/workloads/0/demand/start_h100e", 500, 1000, 2, false, err);
    SweepGrid g2 = sweep({&a}, {m}, {*axis, *axis2});
    REQUIRE(g2.values[0].size() == 8);
    CHECK(g2.values[0][2] == Approx(500 * H * 2));   // p = 2, D = 500
    CHECK(g2.values[0][3] == Approx(1000 * H * 2));  // p = 2, D = 1000
}

TEST_CASE("sweep axes reject unknown paths, out-of-range values and quarters given as numbers") {
    Scenario a = load_ok(two_clouds(1, 2.5));
    std::string err;
    CHECK_FALSE(sweep_axis({&a}, "/providers/0/nope", 1, 2, 3, false, err));
    CHECK(err == "\"/providers/0/nope\" is not a numeric input of scenario \"test\"");
    CHECK_FALSE(sweep_axis({&a}, "/providers/0/price_usd_per_h100e_hour", -1, 2, 3, false, err));
    CHECK(err == "values of \"/providers/0/price_usd_per_h100e_hour\" must be >= 0; -1 is not allowed");
    CHECK_FALSE(sweep_axis({&a}, "/providers/0/price_usd_per_h100e_hour", 2, 1, 3, false, err));
    CHECK(err == "LO must be at most HI");
}

TEST_CASE("break-even: the price at which an exclusive deal costs the same as the open market") {
    // A is exclusive to a, whose price p is the input: cost_A = 1000 × 2190 × p.
    // B is exclusive to b at 2.5/h: cost_B = 1000 × 2190 × 2.5. Equal at p = 2.5 exactly.
    json da = two_clouds(1, 2.5), db = two_clouds(1, 2.5);
    da["contract"].push_back({{"type", "exclusive"}, {"holder", "a"}});
    db["contract"].push_back({{"type", "exclusive"}, {"holder", "b"}});
    Scenario a = load_ok(da), b = load_ok(db);
    std::string err;
    const Metric m = *parse_metric(a, "cost_usd", err);
    auto range = sweep_axis({&a, &b}, "/providers/0/price_usd_per_h100e_hour", 0.5, 6, 65, false, err);
    BreakEven be = break_even(a, m, b, m, *range);
    REQUIRE(be.found);
    CHECK(be.value == Approx(2.5).epsilon(1e-9));
    CHECK(be.metric_a == Approx(1000 * H * 2.5));
    CHECK_FALSE(be.jump);
    // Each side of the crossing, from the scan points around it: 0.5 + k × 5.5/64 gives 2.4765625 (k = 23) and
    // 2.5625 (k = 24) around 2.5; A − B = 1000 × 2190 × (p − 2.5) there.
    CHECK(be.diff_below == Approx(1000 * H * (2.4765625 - 2.5)));
    CHECK(be.diff_above == Approx(1000 * H * (2.5625 - 2.5)));
    auto above = sweep_axis({&a, &b}, "/providers/0/price_usd_per_h100e_hour", 3, 6, 65, false, err);
    CHECK_FALSE(break_even(a, m, b, m, *above).found);
    // Equal at the start of the range: nothing below it; above, the next scan point 2.5 + 3.5/64.
    auto from_equal = sweep_axis({&a, &b}, "/providers/0/price_usd_per_h100e_hour", 2.5, 6, 65, false, err);
    const BreakEven at_start = break_even(a, m, b, m, *from_equal);
    REQUIRE(at_start.found);
    CHECK(at_start.value == 2.5);
    CHECK(std::isnan(at_start.diff_below));
    CHECK(at_start.diff_above == Approx(1000 * H * 3.5 / 64));
}

TEST_CASE("metrics name totals and stakeholder figures, with a direction") {
    Scenario s = load_ok(two_clouds(1, 2));
    std::string err;
    CHECK(metric_direction(*parse_metric(s, "cost_usd", err)) == -1);
    CHECK(metric_direction(*parse_metric(s, "served_fraction", err)) == +1);
    CHECK(metric_direction(*parse_metric(s, "b.net_usd", err)) == +1);
    CHECK(metric_direction(*parse_metric(s, "buyer.cost_usd", err)) == -1);
    CHECK_FALSE(parse_metric(s, "azure.net_usd", err));
    CHECK(err == "no stakeholder \"azure\" in scenario \"test\"; use buyer or a provider id");
    CHECK_FALSE(parse_metric(s, "buyer.profit", err));
    CHECK(err.find("the buyer has no figure \"profit\"") == 0);
}

TEST_CASE("simulation JSON has every total with six statistics and bands per quarter") {
    const Scenario s = preset("rofr-2025");
    Simulation sim = simulate(s, 100, 7);
    auto j = summary_to_json(s, sim.summary());
    CHECK(j["trials"] == 100);
    CHECK(j["seed"] == 7);
    for (const std::string& n : total_names()) {
        INFO(n);
        REQUIRE(j["totals"].contains(n));
        for (const char* k : {"mean", "p5", "p10", "p50", "p90", "p95"}) CHECK(j["totals"][n].contains(k));
        CHECK(j["totals"][n].contains("share_missing") == (n == "agi_quarter" || n == "usd_per_served_h100e_hour"));
    }
    CHECK(j["bands"]["cost_usd"]["p50"].size() == static_cast<std::size_t>(s.quarters()));
    CHECK(j["stakeholders"]["azure"]["net_usd"].contains("p90"));
}

TEST_CASE("the samples CSV has one row per trial with the inputs that trial drew") {
    json d = uniform_price_quarter();
    Simulation sim = simulate(load_ok(d), 5, 1);
    const std::string csv = samples_to_csv(sim);
    CHECK(csv.rfind("trial,/providers/0/price_usd_per_h100e_hour,cost_usd,", 0) == 0);
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 6);
    // Row of trial 2: its price p and its cost 1000 × 2190 × p.
    std::size_t line = 0;
    for (int k = 0; k < 3; ++k) line = csv.find('\n', line) + 1;
    const std::string row = csv.substr(line, csv.find('\n', line) - line);
    CHECK(row.rfind("2,", 0) == 0);
    const double price = std::stod(row.substr(2));
    const double cost = std::stod(row.substr(row.find(',', 2) + 1));
    CHECK(cost == Approx(1000 * H * price));
}

TEST_CASE("bytes_for predicts exactly what a run allocates for its samples (the memory caps rely on it)") {
    // By hand: every total (19) and the buyer's revenue and training value (2) are kept; a provider's
    // figure only when the scenario can make it nonzero (revenue: clouds; shares, IP value: clauses it
    // holds; cost: provider_cost); the other figures are derived. Plus 2 floats per quarter.
    // commitment-2025q4: 8 clouds' revenue (azure, oci, coreweave, google, aws, oci-stargate, aws-trainium,
    //   cerebras; the last two without capacity, but clouds), azure's share received, share paid and IP
    //   value (3), provider_cost on azure, oci, coreweave, aws and oci-stargate (5) = 16:
    //   (19 + 2 + 16) × 8 + 2 × 32 × 4 = 296 + 256 = 552 bytes a trial (55.2 MB for 100,000 trials).
    // exclusive-2019 (2019Q3–2024Q4, 22 quarters): azure and oci revenue + azure's 3 + azure's provider_cost = 6:
    //   (19 + 2 + 6) × 8 + 2 × 22 × 4 = 216 + 176 = 392 bytes a trial.
    const std::pair<const char*, std::uint64_t> by_hand[] = {{"commitment-2025q4", 552}, {"exclusive-2019", 392}};
    for (auto [id, per_trial] : by_hand) {
        INFO(id);
        CHECK(Simulation::bytes_for(preset(id), 1234) == per_trial * 1234);
    }
    for (const Preset& p : presets()) {
        auto ls = load_scenario(p.json);
        REQUIRE(ls.scenario);
        Simulation sim;
        sim.start(*ls.scenario, 1234, 1);
        CHECK(sim.memory_bytes() == Simulation::bytes_for(*ls.scenario, 1234));
    }
}
