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

void Simulation::start(const Scenario& s, std::int64_t trials, std::uint64_t seed, Storage storage) {
    static std::uint64_t runs = 0;  // one thread starts runs (the CLI's or the page's)
    run_id_ = ++runs;
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
    const std::size_t kept = storage == Storage::kept ? static_cast<std::size_t>(trials_) : 0;
    samples_.assign(static_cast<std::size_t>(columns_) * kept, 0.0);
    bands_.assign(static_cast<std::size_t>(2 * T_) * kept, 0.0f);
    if (storage == Storage::none) samples_.shrink_to_fit(), bands_.shrink_to_fit();
    waiting_.clear();
}

void Simulation::record(const Result& r, std::size_t i, double* columns, float* bands, std::size_t N) const {
    double totals[kTotalCount];
    totals_array(r.totals, totals);
    for (int m = 0; m < kTotalCount; ++m) columns[static_cast<std::size_t>(m) * N + i] = totals[m];  // totals: columns 0 … kTotalCount-1
    for (const KeptFigure& k : kept_)
        columns[static_cast<std::size_t>(k.column) * N + i] =
            k.provider < 0 ? r.buyer.*k.buyer : r.stakeholders[static_cast<std::size_t>(k.provider)].*k.figure;
    for (int q = 0; q < T_; ++q) {
        bands[(static_cast<std::size_t>(0) * T_ + q) * N + i] = static_cast<float>(r.cost_usd[q] - det_.cost_usd[q]);
        bands[(static_cast<std::size_t>(1) * T_ + q) * N + i] = static_cast<float>(r.shortfall_h100e[q] - det_.shortfall_h100e[q]);
    }
}

void Simulation::run_block(std::int64_t lo, std::int64_t hi, double* columns, float* bands) {
    if (!started()) return;
    lo = std::clamp<std::int64_t>(lo, 0, trials_), hi = std::clamp<std::int64_t>(hi, lo, trials_);
    const auto n = static_cast<std::size_t>(hi - lo);
    for (std::int64_t i = lo; i < hi; ++i) {
        runner_->run(i);
        record(runner_->result, static_cast<std::size_t>(i - lo), columns, bands, n);
    }
}

bool Simulation::accept_block(std::int64_t lo, std::int64_t hi, const double* columns, const float* bands) {
    if (!started() || cancelled_ || lo < done_ || hi > trials_ || lo >= hi || samples_.size() < static_cast<std::size_t>(columns_) * static_cast<std::size_t>(trials_))
        return false;
    const auto at = std::lower_bound(waiting_.begin(), waiting_.end(), std::make_pair(lo, hi));
    if ((at != waiting_.end() && at->first < hi) || (at != waiting_.begin() && std::prev(at)->second > lo)) return false;
    const auto N = static_cast<std::size_t>(trials_), n = static_cast<std::size_t>(hi - lo), first = static_cast<std::size_t>(lo);
    for (int c = 0; c < columns_; ++c) std::copy_n(columns + static_cast<std::size_t>(c) * n, n, &samples_[static_cast<std::size_t>(c) * N + first]);
    for (int k = 0; k < 2 * T_; ++k) std::copy_n(bands + static_cast<std::size_t>(k) * n, n, &bands_[static_cast<std::size_t>(k) * N + first]);
    waiting_.insert(at, {lo, hi});
    while (!waiting_.empty() && waiting_.front().first == done_) done_ = waiting_.front().second, waiting_.erase(waiting_.begin());
    return true;
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

const double* Simulation::sample_column(int metric, std::int64_t n, std::vector<double>& scratch) const {
    const int c = slot_[static_cast<std::size_t>(metric)];
    if (c >= 0) return column(c);
    scratch.assign(static_cast<std::size_t>(n), 0.0);
    const auto& bf = buyer_figures();
    const auto& pf = provider_figures();
    const int B = static_cast<int>(bf.size()), F = static_cast<int>(pf.size());
    // The kept columns a figure is derived from, looked up once (nullptr: 0 in every trial).
    auto kept = [&](int m) -> const double* {
        const int k = slot_[static_cast<std::size_t>(m)];
        return k >= 0 ? column(k) : nullptr;
    };
    if (metric < kTotalCount + B) {  // a buyer figure: from the totals and the buyer's kept figures
        struct FieldSource {
            double* field;         // in t or b below
            const double* column;  // nullptr: 0 in every trial
        };
        Totals t;
        BuyerView b;
        std::vector<FieldSource> from;
        for (int m = 0; m < kTotalCount; ++m)
            if (const auto member = total_fields()[static_cast<std::size_t>(m)].member) from.push_back({&(t.*member), kept(m)});
        for (int f = 0; f < B; ++f) from.push_back({&(b.*bf[static_cast<std::size_t>(f)].member), kept(buyer_metric(f))});
        const double* out = &(b.*bf[static_cast<std::size_t>(metric - kTotalCount)].member);
        for (std::int64_t i = 0; i < n; ++i) {
            for (const FieldSource& x : from) *x.field = x.column ? x.column[i] : 0.0;
            derive_buyer(t, b);
            scratch[static_cast<std::size_t>(i)] = *out;
        }
    } else {  // a provider figure: from that provider's kept figures (0 where not kept)
        const int p = (metric - kTotalCount - B) / F;
        std::vector<const double*> figures(static_cast<std::size_t>(F));
        for (int f = 0; f < F; ++f) figures[f] = kept(provider_metric(p, f));
        double ProviderView::*const out_member = pf[static_cast<std::size_t>((metric - kTotalCount - B) % F)].member;
        ProviderView v;
        for (std::int64_t i = 0; i < n; ++i) {
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
    McSummary m = summary_begin();
    SummaryScratch scratch;
    for (int piece = 0; piece < summary_pieces(); ++piece) summary_fill(m, piece, scratch);
    return m;
}

McSummary Simulation::summary_begin() const {
    McSummary m;
    m.trials = trials_;
    m.trials_done = done_;
    m.seed = seed_;
    if (!started()) return m;
    m.correlation_scale = runner_->sampler.correlation_scale();
    m.totals.resize(kTotalCount);
    m.buyer.resize(buyer_figures().size());
    m.providers.assign(scenario_->providers.size(), std::vector<Stat>(provider_figures().size()));
    m.provider_net.resize(scenario_->providers.size());
    for (Band* b : {&m.cost_usd, &m.shortfall_h100e}) b->p10.resize(T_), b->p50.resize(T_), b->p90.resize(T_);
    return m;
}

void Simulation::summary_fill(McSummary& m, int piece, SummaryScratch& scratch) const {
    if (!started() || piece < 0 || piece >= summary_pieces()) return;
    const std::int64_t n = m.trials_done;
    if (piece < metric_count()) {  // a metric's Stat, where McSummary keeps it
        const int metric = piece;
        Stat st;
        if (always_zero(metric))  // what summarize gives for a column of zeros, without the column
            st.count = n;
        else
            st = summarize(sample_column(metric, n, scratch.column), n, scratch.values);
        const int B = static_cast<int>(buyer_figures().size()), F = static_cast<int>(provider_figures().size());
        if (metric < kTotalCount) {
            m.totals[static_cast<std::size_t>(metric)] = st;
        } else if (metric < kTotalCount + B) {
            const int f = metric - kTotalCount;
            m.buyer[static_cast<std::size_t>(f)] = st;
            if (f == field_index(buyer_figures(), "net_usd")) m.buyer_net = st;
        } else {
            const int p = (metric - kTotalCount - B) / F, f = (metric - kTotalCount - B) % F;
            m.providers[static_cast<std::size_t>(p)][static_cast<std::size_t>(f)] = st;
            if (f == field_index(provider_figures(), "net_usd")) m.provider_net[static_cast<std::size_t>(p)] = st;
        }
        return;
    }
    // A band's quarter: percentiles of the offsets, added back to the deterministic value.
    const int kind = (piece - metric_count()) / T_, q = (piece - metric_count()) % T_;
    static const double probs[] = {0.10, 0.50, 0.90};
    Band& b = kind == 0 ? m.cost_usd : m.shortfall_h100e;
    const double ref = kind == 0 ? det_.cost_usd[q] : det_.shortfall_h100e[q];
    const float* col = &bands_[(static_cast<std::size_t>(kind) * T_ + q) * static_cast<std::size_t>(trials_)];
    scratch.values.assign(col, col + n);
    double p[3] = {0, 0, 0};
    if (n > 0) percentiles_inplace(scratch.values.data(), n, probs, 3, p);
    b.p10[q] = ref + p[0];
    b.p50[q] = ref + p[1];
    b.p90[q] = ref + p[2];
}

}  // namespace pactscope
