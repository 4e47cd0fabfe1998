// engine_dispatch.cpp — dispatch in one quarter (MODEL §4, with §11.2's step 1b "Prepaid").
//
// [SECTION] Caps and releases
// [SECTION] Step 1b: prepaid capacity first
// [SECTION] Steps 2–5: sticky, preferred, ROFR, merit order
#include <cstdint>

#include "model/engine_run.h"

namespace pactscope::engine_detail {

//-----------------------------------------------------------------------------
// [SECTION] Caps and releases
//-----------------------------------------------------------------------------

// Releases up to `excess` of w's allocation from the end of its merit order, on providers
// accepted by `which`, never below floor(p). Returns what could not be released.
template <class Which, class Floor>
double Run::release(int w, double excess, Which which, Floor floor) {
    const int* ord = order(w);
    for (int i = P_ - 1; i >= 0 && excess > 0; --i) {
        int p = ord[i];
        if (!which(p)) continue;
        double cut = std::min(excess, std::max(0.0, alloc(p, w) - floor(p)));
        give(p, w, -cut);
        excess -= cut;
    }
    return excess;
}

// Step 3's release (MODEL §11.2): every provider but `keep` gives up its other allocation first,
// its prepaid allocation (what step 1b gave) last, paid-for capacity being the last to go;
// ws_.floor_share protects earlier preferred holders' shares (MODEL §10.7) throughout.
double Run::release_prepaid_last(int w, double excess, int keep) {
    auto others = [&](int p) { return p != keep; };
    if (!prepaid_now_) return release(w, excess, others, [&](int p) { return ws_.floor_share[p]; });  // nothing prepaid
    excess = release(w, excess, others, [&](int p) { return std::max(ws_.floor_share[p], prepaid(p, w)); });
    if (excess <= 0) return excess;
    excess = release(w, excess, others, [&](int p) { return ws_.floor_share[p]; });
    for (int p = 0; p < P_; ++p) prepaid(p, w) = std::min(prepaid(p, w), alloc(p, w));
    return excess;
}

// Whole blocks of `block` H100e out of `amount` (the last may be smaller), one at a time, each to the
// first eligible provider in w's merit order whose room(p) holds it; a block that fits nowhere is left.
// Filling providers in merit order is equivalent: a provider's room only shrinks.
template <class Room, class Take>
void Run::place_blocks(int w, double amount, double block, Room room, Take take) {
    const int* ord = order(w);
    const double eps = kBlockTolerance * std::max(1.0, block);
    double full = std::floor(amount / block + kBlockTolerance);
    double last = amount - full * block;
    if (last <= eps) last = 0;
    // Providers the whole blocks found without room (with P <= 64): rooms only shrink as blocks are placed,
    // so the last block skips them too.
    std::uint64_t roomless = 0;
    for (int i = 0; i < P_ && full > 0; ++i) {
        int p = ord[i];
        if (!eligible(w, p)) continue;
        const double r = room(p);
        if (r <= 0) {  // no room holds a block, however small (eps is a relative slack, MODEL §4 "Blocks")
            if (P_ <= 64) roomless |= std::uint64_t{1} << p;
            continue;
        }
        double k = std::min(full, std::floor((r + eps) / block));
        if (k <= 0) continue;
        take(p, k * block);
        full -= k;
    }
    if (last > 0)
        for (int i = 0; i < P_; ++i) {
            int p = ord[i];
            if (P_ <= 64 && (roomless >> p & 1)) continue;
            if (eligible(w, p) && room(p) + eps >= last) {
                take(p, last);
                break;
            }
        }
}

//-----------------------------------------------------------------------------
// [SECTION] Step 1b: prepaid capacity first
//-----------------------------------------------------------------------------

// MODEL §11.2 step 1b, for each workload in document order before sticky: take prepaid capacity on
// eligible reserved providers in merit order, up to each one's remaining prepaid amount, until D is
// met, within the waiver caps; training blocks whole, each on the first reserved provider whose
// remaining prepaid amount holds it (a block that fits nowhere is left to the later steps).
void Run::prepaid_step(int w) {
    const Workload& wl = s_.workloads[w];
    const double D = ws_.demand_now[w];
    auto room = [&](int p) { return reserved(p) && eligible(w, p) ? std::min(ws_.prepaid_left[p], waiver_room(w, p)) : 0.0; };
    auto take = [&](int p, double x) {
        give(p, w, x);
        prepaid(p, w) += x;
        ws_.prepaid_left[p] -= x;
    };
    const double block = wl.kind == WorkloadKind::training ? val(wl.block_h100e) : 0.0;
    if (block > 0) {
        place_blocks(w, D, block, room, take);
        return;
    }
    const int* ord = order(w);
    double need = D;
    for (int i = 0; i < P_ && need > 0; ++i) {
        const double x = std::min(need, room(ord[i]));
        if (x <= 0) continue;
        take(ord[i], x);
        need -= x;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Steps 2–5: sticky, preferred, ROFR, merit order
//-----------------------------------------------------------------------------

// Step 2 (MODEL §4, §10.8, §11.2): top each eligible provider up to last quarter's allocation (the
// prepaid take counts toward it), cut to waiver caps, then to D — never below the prepaid part.
void Run::sticky(int w, bool fresh) {
    const double* prev = prev_ + pw(0, w);
    double* a = alloc_ + pw(0, w);
    if (fresh) {  // nothing allocated yet this quarter (no prepaid step): each entry is written, 0 + x = x
        for (int p = 0; p < P_; ++p) {
            // A select, not a branch: which providers held capacity differs from trial to trial, and a
            // mispredicted branch costs more than the arithmetic (spare − 0 = spare, bit for bit).
            const double x = (prev[p] > 0) & (elig_[p] != 0) ? std::min(prev[p], std::max(0.0, spare_[p])) : 0.0;
            spare_[p] -= x;
            a[p] = x;
        }
    } else {
        for (int p = 0; p < P_; ++p)
            if (prev[p] > 0 && elig_[p]) {
                const double x = std::min(std::max(0.0, prev[p] - a[p]), std::max(0.0, spare_[p]));
                a[p] += x;  // give(p, w, x)
                spare_[p] -= x;
            }
    }
    // Without a reservation this quarter nothing is prepaid: the floors are 0 (a cheaper path, same result).
    if (prepaid_now_) sticky_cuts(w, [&](int p) { return prepaid(p, w); });
    else sticky_cuts(w, [](int) { return 0.0; });
}

// §10.8: cut w's allocation to every active waiver cap, then to D, never below floor(p).
template <class Floor>
void Run::sticky_cuts(int w, Floor floor) {
    for (int c : ws_.active_exclusive) {
        const Clause& cl = s_.contract[c];
        double excess = waiver_total(cl, w) - val(cl.waiver_max_share) * ws_.demand_now[w];
        if (excess > 0) release(w, excess, [&](int p) { return is_waiver(cl, p); }, floor);
    }
    double excess = allocated(w) - ws_.demand_now[w];
    if (excess > 0) release(w, excess, [](int) { return true; }, floor);
}

// Step 3 (MODEL §4, §10.7, §11.2).
void Run::preferred(int w) {
    if (ws_.active_preferred.empty()) return;  // floor_share is read only below
    const double D = ws_.demand_now[w];
    std::fill(ws_.floor_share.begin(), ws_.floor_share.end(), 0.0);
    for (int c : ws_.active_preferred) {
        const Clause& cl = s_.contract[c];
        int h = cl.holder;
        double target = val(cl.min_share) * D;
        if (eligible(w, h)) {
            double raise = std::min({std::max(0.0, target - alloc(h, w)), std::max(0.0, spare_[h]), waiver_room(w, h)});
            give(h, w, raise);
            double excess = allocated(w) - D;
            if (excess > 0) {
                // Earlier holders keep their own min_share × D; this holder is not cut.
                double left = release_prepaid_last(w, excess, h);
                if (left > 0) give(h, w, -std::min(left, raise));
            }
        }
        ws_.floor_share[h] = std::max(ws_.floor_share[h], std::min(target, alloc(h, w)));
    }
}

// Step 4 (MODEL §4, §10.7, §10.9). Returns the limit on what non-holders may receive in step 5.
double Run::rofr(int w, int q) {
    if (rofr_marked_) std::fill(ws_.rofr_holder.begin(), ws_.rofr_holder.end(), 0), rofr_marked_ = false;
    if (ws_.active_rofr.empty()) return kInf;
    const double D = ws_.demand_now[w];
    const Workload& wl = s_.workloads[w];
    bool any = false;
    double min_lagged = kInf;
    for (int c : ws_.active_rofr) {
        const Clause& cl = s_.contract[c];
        if (cl.scope == RofrScope::training && wl.kind != WorkloadKind::training) continue;
        if (cl.scope == RofrScope::inference && wl.kind != WorkloadKind::inference) continue;
        any = true;
        int h = cl.holder;
        ws_.rofr_holder[h] = 1;
        rofr_marked_ = true;
        int lag = static_cast<int>(std::round(val(cl.response_quarters)));
        min_lagged = std::min(min_lagged, demand(w, q - lag));  // demand before the horizon counts as D(start)
        double increment = D - allocated(w);
        if (increment <= 0 || !eligible(w, h)) continue;
        bool takes = true;
        if (cl.match == RofrMatch::price) {
            double best_other = kInf;
            for (int p = 0; p < P_; ++p)
                if (p != h && eligible(w, p) && spare_[p] > kNone) best_other = std::min(best_other, merit_cost(w, p));
            takes = best_other == kInf || merit_cost(w, h) <= (1 + val(cl.tolerance)) * best_other;
        }
        if (takes) give(h, w, std::min({increment, std::max(0.0, spare_[h]), waiver_room(w, h)}));
    }
    if (!any) return kInf;
    return std::max(0.0, min_lagged - allocated(w));
}

// Step 5 (MODEL §4). A reserved provider's capacity beyond its prepaid part competes here at its
// reservation price like any other (MODEL §11.2).
void Run::merit(int w, double rofr_left) {
    const Workload& wl = s_.workloads[w];
    double rest = ws_.demand_now[w] - allocated(w);
    if (rest <= kNone * 1e-3) return;
    auto take = [&](int p, double x) {
        give(p, w, x);
        if (!ws_.rofr_holder[p]) rofr_left -= x;
    };
    double block = wl.kind == WorkloadKind::training ? val(wl.block_h100e) : 0.0;
    if (block > 0) {
        place_blocks(w, rest, block, [&](int p) { return merit_room(w, p, rofr_left); }, take);
        return;
    }
    const int* ord = order(w);
    if (ws_.active_exclusive.empty() && !rofr_marked_) {
        // No waiver caps and no ROFR holder: merit_room is spare and the max share (min with ∞ changes nothing).
        const double cap = val(s_.policy.max_share_per_provider) * ws_.demand_now[w];
        double* a = alloc_ + pw(0, w);
        for (int i = 0; i < P_ && rest > 0; ++i) {
            const int p = ord[i];
            if (!elig_[p]) continue;
            const double x = std::min(rest, std::min(std::max(0.0, spare_[p]), std::max(0.0, cap - a[p])));
            if (x <= 0) continue;
            a[p] += x;  // take(p, x): give, and rofr_left − x stays ∞
            spare_[p] -= x;
            rest -= x;
        }
        return;
    }
    for (int i = 0; i < P_ && rest > 0; ++i) {
        int p = ord[i];
        if (!elig_[p]) continue;
        double x = std::min(rest, merit_room(w, p, rofr_left));
        if (x <= 0) continue;
        take(p, x);
        rest -= x;
    }
}

void Run::dispatch(int q) {
    for (int p = 0; p < P_; ++p) spare_[p] = r_.providers[p].capacity_h100e[q];
    // Allocation starts at zero: cleared here, or written whole by the sticky step when it comes first.
    const bool sticky_first = s_.policy.sticky && !prepaid_now_;
    if (!sticky_first) std::fill(alloc_, alloc_ + static_cast<std::size_t>(P_) * W_, 0.0);
    if (prepaid_now_)  // ws_.prepaid was cleared by clause_state
        for (int w = 0; w < W_; ++w) prepaid_step(w);
    if (s_.policy.sticky)
        for (int w = 0; w < W_; ++w) sticky(w, sticky_first);
    // Steps 3 and 4 only in quarters with an active clause of their kind (rofr() also clears last
    // quarter's holders): without one, preferred() changes nothing and rofr() returns no limit.
    const bool preferred_now = !ws_.active_preferred.empty(), rofr_now = !ws_.active_rofr.empty() || rofr_marked_;
    for (int w = 0; w < W_; ++w) {
        if (preferred_now) preferred(w);
        merit(w, rofr_now ? rofr(w, q) : kInf);
    }
}

}  // namespace pactscope::engine_detail
