#include "uncertainty/montecarlo.h"

#include <algorithm>
#include <cmath>
#include <system_error>
#include <thread>

namespace pactscope {

namespace {

// Whether provider p's figure can be nonzero in some trial of `s` (else it is 0 in every trial and
// not kept): owned capacity bills nobody (MODEL §6); shares need a revenue_share clause p holds with
// that payer, IP value an ip_access clause, cost a provider_cost (§11.4). Nets are derived.
bool can_be_nonzero(const Scenario& s, int p, double ProviderView::*figure) {
    auto holds = [&](ClauseType type, auto&& also) {
        return std::any_of(s.contract.begin(), s.contract.end(), [&](const Clause& c) { return c.type == type && c.holder == p && also(c); });
    };
    auto any = [](const Clause&) { return true; };
    if (figure == &ProviderView::revenue_usd) return s.providers[p].kind == ProviderKind::cloud;
    if (figure == &ProviderView::revenue_share_received_usd)
        return holds(ClauseType::revenue_share, [](const Clause& c) { return c.payer == SharePayer::buyer; });
    if (figure == &ProviderView::revenue_share_paid_usd)
        return holds(ClauseType::revenue_share, [](const Clause& c) { return c.payer == SharePayer::holder; });
    if (figure == &ProviderView::ip_value_usd) return holds(ClauseType::ip_access, any);
    if (figure == &ProviderView::cost_usd) return s.providers[p].provider_cost.present;
    return false;  // net_usd: derive_provider
}

// The buyer figures kept per trial; the others follow from the totals (derive_buyer).
bool buyer_kept(double BuyerView::*figure) { return figure == &BuyerView::revenue_usd || figure == &BuyerView::training_value_usd; }

// Per metric (totals, buyer figures, each provider's figures): its column, or -1.
std::vector<int> sample_slots(const Scenario& s, int& columns) {
    std::vector<int> slot;
    columns = 0;
    for (int t = 0; t < kTotalCount; ++t) slot.push_back(columns++);
    for (const auto& f : buyer_figures()) slot.push_back(buyer_kept(f.member) ? columns++ : -1);
    for (int p = 0; p < static_cast<int>(s.providers.size()); ++p)
        for (const auto& f : provider_figures()) slot.push_back(can_be_nonzero(s, p, f.member) ? columns++ : -1);
    return slot;
}

}  // namespace

TrialRunner::TrialRunner(const Scenario& s, std::uint64_t seed)
    : sampler(s, seed), values(s.medians()), outage_hours(s.providers.size() * static_cast<std::size_t>(s.quarters()), 0.0),
      outage_month_hours(3 * outage_hours.size(), 0.0) {}

void TrialRunner::run(std::int64_t trial) {
    sampler.draw(trial, values.data(), outage_hours.data(), outage_month_hours.data());
    evaluate_into(sampler.scenario(), values.data(), outage_hours.data(), ws, result, outage_month_hours.data());
}

void Simulation::start(const Scenario& s, std::int64_t trials, std::uint64_t seed) {
    scenario_ = std::make_unique<Scenario>(s);
    trials_ = std::max<std::int64_t>(0, trials);
    seed_ = seed;
    done_ = 0;
    cancelled_ = false;
    T_ = s.quarters();
    slot_ = sample_slots(s, columns_);
    kept_.clear();
    const auto& bf = buyer_figures();
    for (std::size_t f = 0; f < bf.size(); ++f)
        if (const int c = slot_[static_cast<std::size_t>(buyer_metric(static_cast<int>(f)))]; c >= 0) kept_.push_back({c, -1, bf[f].member, nullptr});
    const auto& pf = provider_figures();
    for (int p = 0; p < static_cast<int>(s.providers.size()); ++p)
        for (std::size_t f = 0; f < pf.size(); ++f)
            if (const int c = slot_[static_cast<std::size_t>(provider_metric(p, static_cast<int>(f)))]; c >= 0) kept_.push_back({c, p, nullptr, pf[f].member});
    det_ = evaluate(*scenario_);
    runner_ = std::make_unique<TrialRunner>(*scenario_, seed_);
    samples_.assign(static_cast<std::size_t>(columns_) * static_cast<std::size_t>(trials_), 0.0);
    bands_.assign(static_cast<std::size_t>(2 * T_) * static_cast<std::size_t>(trials_), 0.0f);
}

void Simulation::record(const Result& r, std::int64_t trial) {
    const auto N = static_cast<std::size_t>(trials_), i = static_cast<std::size_t>(trial);
    double totals[kTotalCount];
    totals_array(r.totals, totals);
    for (int m = 0; m < kTotalCount; ++m) samples_[static_cast<std::size_t>(m) * N + i] = totals[m];  // totals: columns 0 … kTotalCount-1
    for (const KeptFigure& k : kept_)
        samples_[static_cast<std::size_t>(k.column) * N + i] =
            k.provider < 0 ? r.buyer.*k.buyer : r.stakeholders[static_cast<std::size_t>(k.provider)].*k.figure;
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

int Simulation::provider_metric(int provider, int figure) const {
    return kTotalCount + static_cast<int>(buyer_figures().size()) + provider * static_cast<int>(provider_figures().size()) + figure;
}

const double* Simulation::sample_column(int metric, std::vector<double>& scratch) const {
    const int c = slot_[static_cast<std::size_t>(metric)];
    if (c >= 0) return column(c);
    scratch.assign(static_cast<std::size_t>(done_), 0.0);
    const auto& bf = buyer_figures();
    const auto& pf = provider_figures();
    const int B = static_cast<int>(bf.size()), F = static_cast<int>(pf.size());
    // The kept columns a figure is derived from, looked up once (nullptr: 0 in every trial).
    auto kept = [&](int m) -> const double* {
        const int k = slot_[static_cast<std::size_t>(m)];
        return k >= 0 ? column(k) : nullptr;
    };
    if (metric < kTotalCount + B) {  // a buyer figure: from the totals and the buyer's kept figures
        const double* totals[kTotalCount];
        std::vector<const double*> figures(static_cast<std::size_t>(B));
        for (int m = 0; m < kTotalCount; ++m) totals[m] = total_fields()[static_cast<std::size_t>(m)].member ? kept(m) : nullptr;
        for (int f = 0; f < B; ++f) figures[f] = kept(buyer_metric(f));
        double BuyerView::*const out_member = bf[static_cast<std::size_t>(metric - kTotalCount)].member;
        Totals t;
        BuyerView b;
        for (std::int64_t i = 0; i < done_; ++i) {
            for (int m = 0; m < kTotalCount; ++m)
                if (const auto member = total_fields()[static_cast<std::size_t>(m)].member) t.*member = totals[m] ? totals[m][i] : 0.0;
            for (int f = 0; f < B; ++f) b.*bf[static_cast<std::size_t>(f)].member = figures[f] ? figures[f][i] : 0.0;
            derive_buyer(t, b);
            scratch[static_cast<std::size_t>(i)] = b.*out_member;
        }
    } else {  // a provider figure: from that provider's kept figures (0 where not kept)
        const int p = (metric - kTotalCount - B) / F;
        std::vector<const double*> figures(static_cast<std::size_t>(F));
        for (int f = 0; f < F; ++f) figures[f] = kept(provider_metric(p, f));
        double ProviderView::*const out_member = pf[static_cast<std::size_t>((metric - kTotalCount - B) % F)].member;
        ProviderView v;
        for (std::int64_t i = 0; i < done_; ++i) {
            for (int f = 0; f < F; ++f) v.*pf[static_cast<std::size_t>(f)].member = figures[f] ? figures[f][i] : 0.0;
            derive_provider(v);
            scratch[static_cast<std::size_t>(i)] = v.*out_member;
        }
    }
    return scratch.data();
}

bool Simulation::always_zero(int metric) const {
    const int B = static_cast<int>(buyer_figures().size()), F = static_cast<int>(provider_figures().size());
    if (metric < kTotalCount + B || slot_[static_cast<std::size_t>(metric)] >= 0) return false;
    return provider_figures()[static_cast<std::size_t>((metric - kTotalCount - B) % F)].member != &ProviderView::net_usd;
}

std::uint64_t Simulation::bytes_for(const Scenario& s, std::int64_t trials) {
    // As start(): one double per kept column (sample_slots), two floats per quarter.
    int columns = 0;
    sample_slots(s, columns);
    const std::uint64_t per_trial = static_cast<std::uint64_t>(columns) * sizeof(double) + 2 * static_cast<std::uint64_t>(s.quarters()) * sizeof(float);
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
    std::vector<double> column_scratch;
    auto stat = [&](int metric) {
        if (always_zero(metric)) {  // what summarize gives for a column of zeros, without the column
            Stat zero;
            zero.count = done_;
            return zero;
        }
        return summarize(sample_column(metric, column_scratch), done_, scratch);
    };
    for (int t = 0; t < kTotalCount; ++t) m.totals.push_back(stat(t));
    const int B = static_cast<int>(buyer_figures().size()), F = static_cast<int>(provider_figures().size());
    for (int f = 0; f < B; ++f) m.buyer.push_back(stat(buyer_metric(f)));
    m.buyer_net = m.buyer[static_cast<std::size_t>(field_index(buyer_figures(), "net_usd"))];
    for (int p = 0; p < static_cast<int>(scenario_->providers.size()); ++p) {
        m.providers.emplace_back();
        for (int f = 0; f < F; ++f) m.providers.back().push_back(stat(provider_metric(p, f)));
        m.provider_net.push_back(m.providers.back()[static_cast<std::size_t>(field_index(provider_figures(), "net_usd"))]);
    }
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
