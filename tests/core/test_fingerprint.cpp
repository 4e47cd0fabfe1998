// A fingerprint of every number the engine and the Monte Carlo produce, for speed work (issue 17): a change
// that is meant to keep results bit-for-bit must print the same digests before and after, on the same build
// kind (native and WASM agree to 1e-9, not to the bit). Hidden (it checks nothing by itself); run it with
//   build/native/core_tests "[fingerprint]"        node --no-experimental-fetch build/wasm/core_tests.js "[fingerprint]"
// on the old and the new build and compare the lines. Covered: every preset and 1,000 generated scenarios
// (random_scenario.h: every clause type), each evaluated at its medians with a fresh workspace and with one
// workspace shared across all scenarios, and 64 Monte Carlo trials of each: every kept sample of every trial,
// every summary statistic and band.
#include <cstdio>
#include <cstring>

#include <catch2/catch.hpp>

#include "io/presets.h"
#include "io/scenario_io.h"
#include "random_scenario.h"
#include "uncertainty/montecarlo.h"

namespace {

struct Digest {  // FNV-1a over the bits of every number
    std::uint64_t h = 0xCBF29CE484222325ull;
    std::uint64_t count = 0;
    void add(double x) {
        std::uint64_t b;
        std::memcpy(&b, &x, sizeof b);
        for (int i = 0; i < 8; ++i) h = (h ^ ((b >> (8 * i)) & 0xFF)) * 0x100000001B3ull;
        ++count;
    }
    void add(const std::vector<double>& v) {
        for (double x : v) add(x);
    }
};

void add_result(Digest& d, const pactscope::Result& r) {
    for (const auto& p : r.providers)
        for (const auto& f : pactscope::provider_series_fields()) d.add(p.*f.member);
    for (const auto& w : r.workloads)
        for (const auto& f : pactscope::workload_series_fields()) d.add(w.*f.member);
    for (const auto& a : r.clause_active)
        for (auto x : a) d.add(x);
    for (const auto& c : r.commitments) d.add(c.spent_usd), d.add(c.stranded_usd), d.add(c.remaining_usd), d.add(c.settled);
    for (const auto& x : r.reservations) d.add(x.reserved_h100e_hours), d.add(x.used_h100e_hours), d.add(x.paid_usd), d.add(x.idle_usd);
    d.add(r.cost_usd), d.add(r.shortfall_h100e);
    double t[pactscope::kTotalCount];
    pactscope::totals_array(r.totals, t);
    for (double x : t) d.add(x);
    for (const auto& f : pactscope::buyer_figures()) d.add(r.buyer.*f.member);
    for (const auto& v : r.stakeholders)
        for (const auto& f : pactscope::provider_figures()) d.add(v.*f.member);
}

void add_stat(Digest& d, const pactscope::Stat& s) {
    for (double x : {s.mean, s.p5, s.p10, s.p50, s.p90, s.p95, static_cast<double>(s.count), s.share_missing}) d.add(x);
}

void add_simulation(Digest& d, const pactscope::Simulation& sim) {
    std::vector<double> scratch;
    for (int m = 0; m < sim.metric_count(); ++m) {
        const double* x = sim.sample_column(m, scratch);
        for (std::int64_t i = 0; i < sim.trials_done(); ++i) d.add(x[i]);
    }
    const pactscope::McSummary s = sim.summary();
    for (const auto& st : s.totals) add_stat(d, st);
    for (const auto& st : s.buyer) add_stat(d, st);
    for (const auto& p : s.providers)
        for (const auto& st : p) add_stat(d, st);
    for (const auto* b : {&s.cost_usd, &s.shortfall_h100e}) d.add(b->p10), d.add(b->p50), d.add(b->p90);
    d.add(s.correlation_scale);
}

}  // namespace

TEST_CASE("fingerprint of every result (speed work keeps it)", "[.][fingerprint]") {
    std::vector<std::pair<std::string, pactscope::Scenario>> all;
    for (const auto& p : pactscope::presets())
        if (auto ls = pactscope::load_scenario(p.json); ls.scenario) all.emplace_back(std::string(p.id), *ls.scenario);
    for (std::uint64_t seed = 1; seed <= 1000; ++seed)
        if (auto ls = pactscope::load_scenario(test::random_scenario(seed).dump()); ls.scenario) all.emplace_back("generated " + std::to_string(seed), *ls.scenario);

    Digest fresh, shared, mc;
    pactscope::Workspace ws;
    pactscope::Result r;
    for (const auto& [name, s] : all) {
        add_result(fresh, pactscope::evaluate(s));
        const std::vector<double> v = s.medians();
        pactscope::evaluate_into(s, v.data(), nullptr, ws, r);  // one workspace and result across every scenario
        add_result(shared, r);
        pactscope::Simulation sim;
        sim.start(s, 64, 7);
        sim.step(64);
        add_simulation(mc, sim);
    }
    std::printf("fingerprint: %zu scenarios\n", all.size());
    std::printf("fingerprint: deterministic, fresh workspace  %016llx (%llu numbers)\n", static_cast<unsigned long long>(fresh.h), static_cast<unsigned long long>(fresh.count));
    std::printf("fingerprint: deterministic, shared workspace %016llx (%llu numbers)\n", static_cast<unsigned long long>(shared.h), static_cast<unsigned long long>(shared.count));
    std::printf("fingerprint: monte carlo, 64 trials, seed 7  %016llx (%llu numbers)\n", static_cast<unsigned long long>(mc.h), static_cast<unsigned long long>(mc.count));
    CHECK(fresh.h == shared.h);
}
