// engine_run.h — internal to core: one evaluation of the model, the class behind evaluate_into.
//
// Run holds one evaluation's state; its member functions are split by concern:
//   engine.cpp           setup, clause state in a quarter, the quarter loop, totals and stakeholders
//   engine_dispatch.cpp  dispatch steps 1, 1b (prepaid), 2–6 (MODEL §4, §11.2)
//   engine_costs.cpp     billing (commitments, reservations), egress, settlements, SLA credits,
//                        provider cost, money flows and outages (MODEL §3, §5, §11)
// The small helpers every part calls in its inner loops (caps, rooms, marginal costs) are defined
// here, so each file inlines them. (A single translation unit with internal linkage was 2–4% faster
// natively but 40% slower in WASM under V8; separate files with external linkage are as fast in WASM
// as before MODEL §11.)
// Speed (issue 17, README "Performance"): clause lists, homes, eligibility and the egress part of marginal
// costs are rebuilt only in quarters where some clause's activity changed; merit orders are re-sorted from
// last quarter's order with a total comparator (so the result is the stable sort's, in O(P) when nothing
// moved); steps with no active clause of their kind are skipped; clause windows are re-tested only where
// one opens or closes or AGI moves; SLA providers and their fixed rates follow the clause lists; failover
// walks only providers with spare. Every sum keeps its order, so results are the same to the bit
// (bench/identical.sh).
#pragma once
#include <algorithm>
#include <climits>
#include <cmath>

#include "model/engine.h"

namespace pactscope {
namespace engine_detail {

inline constexpr double H = kHoursPerQuarter;
inline constexpr double kNone = 1e-9;  // MODEL §10.11: allocations <= 1e-9 H100e count as none
inline constexpr double kSpentTolerance = 1e-9;  // MODEL §10.6: a spend within this relative distance of usd is complete
inline constexpr double kBlockTolerance = 1e-9;  // whole blocks: a relative slack so 3 × (x/3) still counts as 3 blocks
inline constexpr int kNever = Workspace::kFarQuarters;  // a quarter that never comes

class Run {
public:
    Run(const Scenario& s, const double* v, const double* outage, const double* outage_months, Workspace& ws, Result& r)
        : s_(s), v_(v), outage_(outage), outage_months_(outage_months), ws_(ws), r_(r), T_(s.quarters()),
          P_(static_cast<int>(s.providers.size())), W_(static_cast<int>(s.workloads.size())), C_(static_cast<int>(s.contract.size())) {}

    void run() {
        setup();
        for (int q = 0; q < T_; ++q) quarter(q);
        totals();
    }

private:
    const Scenario& s_;
    const double* v_;
    const double* outage_;
    const double* outage_months_;
    Workspace& ws_;
    Result& r_;
    int T_, P_, W_, C_;
    int agi_date_ = kNever;    // earliest date-triggered AGI quarter (relative), kNever = none
    int agi_profit_ = kNever;  // quarter a profit trigger fired
    double cum_profit_ = 0;
    // A reservation is active this quarter (set by clause_state): step 1b runs and ws_.prepaid holds its
    // takes; otherwise the prepaid arrays are all clear and the steps skip them.
    bool prepaid_now_ = false;
    bool rofr_marked_ = false;  // some ws_.rofr_holder entry is set (cleared lazily by rofr())
    bool any_home_ = false;     // some workload has a home this quarter (else no egress is billed)
    bool orders_valid_ = false; // ws_.marginal and ws_.order are those of ws_.sorted_price and the current homes
    bool outages_ = false;      // some provider is down in some quarter of this run (else outages() is skipped)
    // The hot arrays, fetched once per run (setup) so the inner loops index them directly.
    double* alloc_ = nullptr;   // this quarter's allocation, per provider × workload
    double* prev_ = nullptr;    // last quarter's (swapped with alloc_ at the end of a quarter)
    double* spare_ = nullptr;   // per provider
    const int* elig_ = nullptr; // per provider
    // Added last on purpose: with these two between cum_profit_ and the flags, 10,000 trials under Node's V8
    // took 0.82 s instead of 0.67 s (natively no difference). WASM speed is sensitive to this class's layout:
    // measure `pactscope bench --wasm` after moving members.
    int next_change_ = 0;       // clause_state: the next quarter where a clause window opens or closes ...
    int agi_seen_ = kNever;     // ... as known when AGI was at this quarter

    double val(QRef q) const { return v_[q]; }
    int agi_now() const { return std::min(agi_date_, agi_profit_); }
    // Per provider × workload arrays are workload-major: a workload's providers are contiguous.
    std::size_t pw(int p, int w) const { return static_cast<std::size_t>(w) * P_ + p; }
    double& alloc(int p, int w) { return alloc_[pw(p, w)]; }
    double& prepaid(int p, int w) { return ws_.prepaid[pw(p, w)]; }
    double demand(int w, int q) const { return r_.workloads[w].demand_h100e[std::clamp(q, 0, T_ - 1)]; }
    bool eligible(int /*w*/, int p) const { return elig_[p]; }  // exclusive clauses bind every workload alike
    const int* order(int w) const { return &ws_.order[static_cast<std::size_t>(w) * P_]; }
    bool reserved(int p) const { return ws_.reservation_of[p] >= 0; }
    double list_price(int p, int q) const { return ws_.price[static_cast<std::size_t>(p) * T_ + q]; }
    void give(int p, int w, double x) {
        alloc(p, w) += x;
        spare_[p] -= x;
    }

    // Hot helpers, defined here so every part of the engine can inline them.
    // The price a commitment bills while unspent: its contract price, fixed over the window (MODEL §11.1),
    // or the provider's price less its discount (§3).
    double commitment_rate(const Clause& cl, double list) const {
        return cl.price_usd_per_h100e_hour >= 0 ? val(cl.price_usd_per_h100e_hour) : list * (1 - val(cl.discount));
    }

    // MODEL §4: the effective price, plus the egress of serving w away from its home (worked out when the
    // homes change: ws_.egress_term).
    double marginal_cost(int w, int p) const {
        const std::size_t i = pw(p, w);
        return ws_.has_egress_term[i] ? ws_.eff_price[p] + ws_.egress_term[i] : ws_.eff_price[p];
    }

    // w's marginal cost on p this quarter.
    double merit_cost(int w, int p) const { return ws_.marginal[pw(p, w)]; }

    bool is_waiver(const Clause& cl, int p) const {
        return p != cl.holder && std::find(cl.waivers.begin(), cl.waivers.end(), p) != cl.waivers.end();
    }

    double waiver_total(const Clause& cl, int w) {
        double sum = 0;
        for (int p : cl.waivers)
            if (p != cl.holder) sum += alloc(p, w);
        return sum;
    }

    // How much more provider p may receive for w under every active waiver cap.
    double waiver_room(int w, int p) {
        double room = kInf;
        for (int c : ws_.active_exclusive) {
            const Clause& cl = s_.contract[c];
            if (!is_waiver(cl, p)) continue;
            room = std::min(room, std::max(0.0, val(cl.waiver_max_share) * ws_.demand_now[w] - waiver_total(cl, w)));
        }
        return room;
    }

    double allocated(int w) const {
        const double* a = alloc_ + pw(0, w);
        double sum = 0;
        for (int p = 0; p < P_; ++p) sum += a[p];
        return sum;
    }

    // Room for provider p in step 5: spare, max share on its total for w, waiver cap, ROFR limit.
    // (Without an active exclusive clause the waiver room is infinite, and min(room, ∞) = room.)
    double merit_room(int w, int p, double rofr_left) {
        double room = std::min(std::max(0.0, spare_[p]), std::max(0.0, val(s_.policy.max_share_per_provider) * ws_.demand_now[w] - alloc(p, w)));
        if (!ws_.active_exclusive.empty()) room = std::min(room, waiver_room(w, p));
        if (!ws_.rofr_holder[p]) room = std::min(room, rofr_left);
        return room;
    }

    // engine.cpp
    void setup();
    int window_end(int c) const;
    bool commitment_unspent(int c) const { return ws_.active[c] && !ws_.commit_done[c]; }
    void clause_state(int q);
    void rebuild_clause_lists();
    void merit_orders();
    void quarter(int q);
    double record_service(int q);
    void bill(int q);
    double settle_quarter(int q, double inference_revenue);
    void totals();

    // engine_dispatch.cpp
    template <class Which, class Floor>
    double release(int w, double excess, Which which, Floor floor);
    double release_prepaid_last(int w, double excess, int keep);
    template <class Room, class Take>
    void place_blocks(int w, double amount, double block, Room room, Take take);
    void prepaid_step(int w);
    void sticky(int w, bool fresh);
    template <class Floor>
    void sticky_cuts(int w, Floor floor);
    void preferred(int w);
    double rofr(int w, int q);
    void merit(int w, double rofr_left);
    void dispatch(int q);

    // engine_costs.cpp
    double bill_compute(int p, double price, double hours);
    void reservation_charges(int p, int q);
    double egress_charge(int p, double gb) const;
    double provider_cost(int p, int q) const;
    void settle(int c, int q);
    void sla_credits(int q);
    void sla_lists();
    void money_flows(double inference_revenue);
    void outages(int q);
    void failover_lists();
};

}  // namespace engine_detail
}  // namespace pactscope
