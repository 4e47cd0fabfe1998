#include "montecarlo.h"

#include <algorithm>
#include <cmath>
#include <system_error>
#include <thread>

#include "result_io.h"

namespace pactscope {

TrialRunner::TrialRunner(const Scenario& s, std::uint64_t seed)
    : sampler(s, seed), values(s.medians()), outage_hours(s.providers.size() * static_cast<std::size_t>(s.quarters()), 0.0) {}

void TrialRunner::run(std::int64_t trial) {
    sampler.draw(trial, values.data(), outage_hours.data());
    evaluate_into(sampler.scenario(), values.data(), outage_hours.data(), ws, result);
}

void Simulation::start(const Scenario& s, std::int64_t trials, std::uint64_t seed) {
    scenario_ = std::make_unique<Scenario>(s);
    trials_ = std::max<std::int64_t>(0, trials);
    seed_ = seed;
    done_ = 0;
    cancelled_ = false;
    T_ = s.quarters();
    metrics_ = kTotalCount + 1 + static_cast<int>(s.providers.size());
    det_ = evaluate(*scenario_);
    runner_ = std::make_unique<TrialRunner>(*scenario_, seed_);
    samples_.assign(static_cast<std::size_t>(metrics_) * static_cast<std::size_t>(trials_), 0.0);
    bands_.assign(static_cast<std::size_t>(2 * T_) * static_cast<std::size_t>(trials_), 0.0f);
}

void Simulation::record(const Result& r, std::int64_t trial) {
    const auto N = static_cast<std::size_t>(trials_), i = static_cast<std::size_t>(trial);
    double totals[kTotalCount];
    totals_array(r.totals, totals);
    for (int m = 0; m < kTotalCount; ++m) samples_[m * N + i] = totals[m];
    samples_[kTotalCount * N + i] = r.buyer.net_usd;
    for (std::size_t p = 0; p < r.stakeholders.size(); ++p) samples_[(kTotalCount + 1 + p) * N + i] = r.stakeholders[p].net_usd;
    for (int q = 0; q < T_; ++q) {
        bands_[(static_cast<std::size_t>(0) * T_ + q) * N + i] = static_cast<float>(r.cost_usd[q] - det_.cost_usd[q]);
        bands_[(static_cast<std::size_t>(1) * T_ + q) * N + i] = static_cast<float>(r.shortfall_h100e[q] - det_.shortfall_h100e[q]);
    }
}

std::int64_t Simulation::step(std::int64_t budget) {
    if (!started() || cancelled_) return 0;
    const std::int64_t end = std::min(trials_, done_ + std::max<std::int64_t>(0, budget));
    const std::int64_t ran = end - done_;
    for (; done_ < end; ++done_) {
        runner_->run(done_);
        record(runner_->result, done_);
    }
    return ran;
}

void Simulation::run(int threads) {
    if (!started() || cancelled_) return;
    const std::int64_t left = trials_ - done_;
    threads = static_cast<int>(std::min<std::int64_t>(std::max(threads, 1), std::max<std::int64_t>(left, 1)));
    if (threads <= 1) {
        step(left);
        return;
    }
    // Contiguous ranges, one per thread; each trial writes only its own row. Where threads
    // cannot be created (WASM without pthreads), a range runs on this thread instead.
    auto run_range = [this](std::int64_t lo, std::int64_t hi) {
        TrialRunner runner(*scenario_, seed_);
        for (std::int64_t i = lo; i < hi; ++i) {
            runner.run(i);
            record(runner.result, i);
        }
    };
    std::vector<std::thread> pool;
    const std::int64_t first = done_;
    for (int t = 0; t < threads; ++t) {
        const std::int64_t lo = first + left * t / threads, hi = first + left * (t + 1) / threads;
        try {
            pool.emplace_back(run_range, lo, hi);
        } catch (const std::system_error&) {
            run_range(lo, hi);
        }
    }
    for (auto& th : pool) th.join();
    done_ = trials_;
}

double Simulation::band_value(int kind, int quarter, std::int64_t trial) const {
    const double ref = kind == 0 ? det_.cost_usd[quarter] : det_.shortfall_h100e[quarter];
    return ref + bands_[(static_cast<std::size_t>(kind) * T_ + quarter) * static_cast<std::size_t>(trials_) + static_cast<std::size_t>(trial)];
}

std::uint64_t Simulation::bytes_for(const Scenario& s, std::int64_t trials) {
    // As start(): one double per metric (totals, buyer net, each provider's net), two floats per quarter.
    const std::uint64_t metrics = static_cast<std::uint64_t>(kTotalCount + 1) + s.providers.size();
    const std::uint64_t per_trial = metrics * sizeof(double) + 2 * static_cast<std::uint64_t>(s.quarters()) * sizeof(float);
    return per_trial * static_cast<std::uint64_t>(std::max<std::int64_t>(0, trials));
}

std::size_t Simulation::memory_bytes() const {
    return samples_.capacity() * sizeof(double) + bands_.capacity() * sizeof(float);
}

McSummary Simulation::summary() const {
    McSummary m;
    m.trials = trials_;
    m.trials_done = done_;
    m.seed = seed_;
    if (!started()) return m;
    m.correlation_scale = runner_->sampler.correlation_scale();
    std::vector<double> scratch;
    scratch.reserve(static_cast<std::size_t>(done_));
    for (int t = 0; t < kTotalCount; ++t) m.totals.push_back(summarize(samples(t), done_, scratch));
    m.buyer_net = summarize(samples(kTotalCount), done_, scratch);
    for (int p = 0; p < metrics_ - kTotalCount - 1; ++p) m.provider_net.push_back(summarize(samples(kTotalCount + 1 + p), done_, scratch));
    // Bands: percentiles of the offsets, added back to the deterministic value.
    static const double probs[] = {0.10, 0.50, 0.90};
    for (int kind = 0; kind < 2; ++kind) {
        Band& b = kind == 0 ? m.cost_usd : m.shortfall_h100e;
        for (int q = 0; q < T_; ++q) {
            const double ref = kind == 0 ? det_.cost_usd[q] : det_.shortfall_h100e[q];
            const float* col = &bands_[(static_cast<std::size_t>(kind) * T_ + q) * static_cast<std::size_t>(trials_)];
            scratch.assign(col, col + done_);
            double p[3] = {0, 0, 0};
            if (done_ > 0) percentiles_inplace(scratch.data(), done_, probs, 3, p);
            b.p10.push_back(ref + p[0]);
            b.p50.push_back(ref + p[1]);
            b.p90.push_back(ref + p[2]);
        }
    }
    return m;
}

}  // namespace pactscope
