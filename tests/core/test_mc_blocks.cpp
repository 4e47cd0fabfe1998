// Monte Carlo in blocks (issue 17: the page's Web Workers): trials run by Simulation::run_block in ranges,
// taken by accept_block in any order, give the same summary — to the bit — as one run of every trial,
// because trial i draws from (seed, i, input) only (MODEL §6). The reference is the one-run path the CLI's
// `simulate` takes (Simulation::step over every trial), not a stored output.
#include <algorithm>
#include <string>
#include <cstring>
#include <vector>

#include "same_summary.h"
#include "scenario_builder.h"
#include "uncertainty/montecarlo.h"

using namespace pactscope;
using test::preset;
using test::require_same;
using test::same_bits;

namespace {

// Runs [lo, hi) on a worker-like Simulation (no storage) and hands the block to `into`.
bool run_into(Simulation& worker, Simulation& into, std::int64_t lo, std::int64_t hi) {
    const auto n = static_cast<std::size_t>(hi - lo);
    std::vector<double> columns(static_cast<std::size_t>(worker.block_doubles()) * n);
    std::vector<float> bands(static_cast<std::size_t>(worker.block_floats()) * n);
    worker.run_block(lo, hi, columns.data(), bands.data());
    return into.accept_block(lo, hi, columns.data(), bands.data());
}

}  // namespace

TEST_CASE("blocks in any order give one run's summary to the bit", "[montecarlo][blocks]") {
    for (const char* id : {"commitment-2025q4", "rofr-2025", "oci-waiver-2024"}) {
        CAPTURE(id);
        const Scenario s = preset(id);
        const std::int64_t trials = 701;  // not a multiple of any block size below
        Simulation one;
        one.start(s, trials, 7);
        one.step(trials);
        const McSummary want = one.summary();
        REQUIRE(want.trials_done == trials);

        for (int workers : {1, 2, 3}) {
            CAPTURE(workers);
            // One worker Simulation per worker, blocks handed out round-robin and taken last-first.
            std::vector<Simulation> pool(static_cast<std::size_t>(workers));
            for (Simulation& w : pool) w.start(s, trials, 7, Simulation::Storage::none);
            REQUIRE(pool[0].memory_bytes() == 0);
            Simulation page;
            page.start(s, trials, 7);
            std::vector<std::pair<std::int64_t, std::int64_t>> blocks;
            for (std::int64_t lo = 0; lo < trials; lo += 97) blocks.push_back({lo, std::min(trials, lo + 97)});
            std::reverse(blocks.begin(), blocks.end());
            for (std::size_t b = 0; b < blocks.size(); ++b) {
                REQUIRE(run_into(pool[b % pool.size()], page, blocks[b].first, blocks[b].second));
                // Until block 0 arrives (last), no trial counts as done: the partial summary is of a prefix.
                REQUIRE(page.trials_done() == (b + 1 == blocks.size() ? trials : 0));
            }
            REQUIRE(page.done());
            require_same(page.summary(), want);
            for (int m = 0; m < one.metric_count(); ++m) {
                std::vector<double> sa, sb;
                const double* a = one.sample_column(m, sa);
                const double* b = page.sample_column(m, sb);
                for (std::int64_t i = 0; i < trials; ++i) REQUIRE(same_bits(a[i], b[i]));
            }
        }
    }
}

TEST_CASE("a partial run counts the trials up to the first block missing", "[montecarlo][blocks]") {
    const Scenario s = preset("rofr-2025");
    Simulation worker, page, prefix;
    worker.start(s, 300, 11, Simulation::Storage::none);
    page.start(s, 300, 11);
    prefix.start(s, 300, 11);
    prefix.step(200);
    REQUIRE(run_into(worker, page, 0, 100));
    REQUIRE(page.trials_done() == 100);
    REQUIRE(run_into(worker, page, 200, 300));
    REQUIRE(page.trials_done() == 100);  // 100 .. 200 still missing
    REQUIRE(run_into(worker, page, 100, 200));
    REQUIRE(page.trials_done() == 300);
    // A partial summary is that of the first trials: 200 of them here, as a run stepped to 200.
    Simulation partial;
    partial.start(s, 300, 11);
    REQUIRE(run_into(worker, partial, 0, 200));
    require_same(partial.summary(), prefix.summary());
}

TEST_CASE("blocks that overlap, fall outside the run or arrive after a cancel are refused", "[montecarlo][blocks]") {
    const Scenario s = preset("rofr-2025");
    Simulation worker, page;
    worker.start(s, 100, 3, Simulation::Storage::none);
    page.start(s, 100, 3);
    REQUIRE(run_into(worker, page, 40, 60));
    REQUIRE_FALSE(run_into(worker, page, 50, 70));   // overlaps 40 .. 60
    REQUIRE_FALSE(run_into(worker, page, 30, 41));   // overlaps 40 .. 60
    REQUIRE(run_into(worker, page, 90, 100));
    REQUIRE_FALSE(page.accept_block(95, 120, nullptr, nullptr));  // beyond the run
    REQUIRE_FALSE(page.accept_block(10, 10, nullptr, nullptr));   // empty
    REQUIRE(page.trials_done() == 0);
    // A worker Simulation keeps nothing, so it takes no block.
    REQUIRE_FALSE(run_into(worker, worker, 0, 10));
    page.cancel();
    REQUIRE_FALSE(run_into(worker, page, 0, 40));
}

TEST_CASE("a run posted as JSON text (how the page sends it to its workers) gives the same trials", "[montecarlo][blocks]") {
    for (const Preset& p : presets()) {
        CAPTURE(p.id);
        const Scenario s = preset(std::string(p.id).c_str());
        auto reread = load_scenario(scenario_to_json(s).dump());
        REQUIRE(reread.scenario);
        Simulation worker, page, one;
        worker.start(*reread.scenario, 120, 5, Simulation::Storage::none);
        page.start(s, 120, 5);
        one.start(s, 120, 5);
        one.step(120);
        REQUIRE(run_into(worker, page, 60, 120));
        REQUIRE(run_into(worker, page, 0, 60));
        require_same(page.summary(), one.summary());
    }
}
