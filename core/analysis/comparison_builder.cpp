#include "analysis/comparison_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace pactscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

PairedDelta paired(const double* a, const double* b, std::int64_t n, int direction, std::vector<double>& diff,
                   std::vector<double>& scratch) {
    PairedDelta d;
    d.direction = direction;
    diff.assign(static_cast<std::size_t>(n), kNaN);
    std::int64_t both = 0, a_lower = 0, b_lower = 0, equal = 0;
    for (std::int64_t i = 0; i < n; ++i) {
        if (std::isnan(a[i]) || std::isnan(b[i])) continue;
        ++both;
        diff[static_cast<std::size_t>(i)] = b[i] - a[i];
        if (metric_tie(a[i], b[i])) ++equal;
        else if (a[i] < b[i]) ++a_lower;
        else ++b_lower;
    }
    d.delta = summarize(diff.data(), n, scratch);
    if (both > 0) {
        const auto k = static_cast<double>(both);
        d.p_a_lower = static_cast<double>(a_lower) / k;
        d.p_b_lower = static_cast<double>(b_lower) / k;
        d.p_equal = static_cast<double>(equal) / k;
    }
    return d;
}

}  // namespace

void ComparisonBuilder::begin(const std::vector<const Simulation*>& runs) {
    runs_ = runs;
    run_ids_.clear();
    summaries_.assign(runs.size(), SummaryBuilder{});
    for (std::size_t k = 0; k < runs.size(); ++k) run_ids_.push_back(runs[k]->run_id()), summaries_[k].begin(*runs[k]);
    c_ = Comparison{};
    pair_pieces_.clear();
    // Every pair (a < b): its totals, the buyer's figures, then each provider both runs have (matched by id).
    const auto& tf = total_fields();
    const auto& bf = buyer_figures();
    const auto& pf = provider_figures();
    for (std::size_t i = 0; i < runs.size(); ++i)
        for (std::size_t j = i + 1; j < runs.size(); ++j) {
            const Simulation &a = *runs[i], &b = *runs[j];
            const std::size_t pair = c_.pairs.size();
            PairComparison pc;
            pc.a = static_cast<int>(i);
            pc.b = static_cast<int>(j);
            pc.totals.resize(tf.size());
            for (std::size_t t = 0; t < tf.size(); ++t)
                pair_pieces_.push_back({pair, PairPiece::Group::totals, 0, t, static_cast<int>(t), static_cast<int>(t), tf[t].direction});
            pc.buyer.resize(bf.size());
            for (std::size_t f = 0; f < bf.size(); ++f) {
                const int m = Simulation::buyer_metric(static_cast<int>(f));
                pair_pieces_.push_back({pair, PairPiece::Group::buyer, 0, f, m, m, bf[f].direction});
            }
            const auto& pa = a.scenario().providers;
            const auto& pb = b.scenario().providers;
            for (std::size_t p = 0; p < pa.size(); ++p)
                for (std::size_t q = 0; q < pb.size(); ++q)
                    if (pa[p].id == pb[q].id) {
                        const std::size_t row = pc.provider_ids.size();
                        pc.provider_ids.push_back(pa[p].id);
                        pc.providers.emplace_back(pf.size());
                        for (std::size_t f = 0; f < pf.size(); ++f)
                            pair_pieces_.push_back({pair, PairPiece::Group::providers, row, f, a.provider_metric(static_cast<int>(p), static_cast<int>(f)),
                                                    b.provider_metric(static_cast<int>(q), static_cast<int>(f)), pf[f].direction});
                    }
            c_.pairs.push_back(std::move(pc));
        }
    next_summary_ = next_pair_piece_ = 0;
    building_ = true;
}

void ComparisonBuilder::fill(const PairPiece& p) {
    PairComparison& pc = c_.pairs[p.pair];
    const Simulation &a = *runs_[static_cast<std::size_t>(pc.a)], &b = *runs_[static_cast<std::size_t>(pc.b)];
    const std::int64_t n = std::min(a.trials_done(), b.trials_done());
    const PairedDelta d = paired(a.sample_column(p.metric_a, column_a_), b.sample_column(p.metric_b, column_b_), n, p.direction, diff_, scratch_);
    switch (p.group) {
        case PairPiece::Group::totals: pc.totals[p.figure] = d; break;
        case PairPiece::Group::buyer: pc.buyer[p.figure] = d; break;
        case PairPiece::Group::providers: pc.providers[p.row][p.figure] = d; break;
    }
}

bool ComparisonBuilder::advance(int pieces) {
    if (!building_) return false;
    for (std::size_t k = 0; k < runs_.size(); ++k)
        if (runs_[k]->run_id() != run_ids_[k]) {  // restarted: the samples this comparison reads are gone
            building_ = false;
            return false;
        }
    for (; pieces > 0 && !finished(); --pieces) {
        if (next_summary_ < summaries_.size()) {
            if (summaries_[next_summary_].advance(*runs_[next_summary_], 1)) c_.summaries.push_back(summaries_[next_summary_++].take());
        } else {
            fill(pair_pieces_[next_pair_piece_++]);
        }
    }
    return finished();
}

Comparison ComparisonBuilder::take() {
    building_ = false;
    return std::move(c_);
}

Comparison compare(const std::vector<const Simulation*>& runs) {
    ComparisonBuilder b;
    b.begin(runs);
    while (!b.advance(1 << 20) && b.building()) {
    }
    return b.take();
}

}  // namespace pactscope
