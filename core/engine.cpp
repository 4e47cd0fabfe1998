// engine.cpp — dispatch, costs and totals (SPEC §4–§6).
//
// [SECTION] Setup: capacity, demand, prices, clause windows
// [SECTION] Clause state in a quarter
// [SECTION] Dispatch steps 1–6 (SPEC §4)
// [SECTION] Costs, flows, outages (SPEC §5)
// [SECTION] Totals and stakeholders (SPEC §6)
#include "engine.h"

#include <algorithm>
#include <climits>
#include <cmath>

namespace pactscope {

namespace {

constexpr double H = kHoursPerQuarter;
constexpr double kNone = 1e-9;  // SPEC §10.11: allocations <= 1e-9 H100e count as none
constexpr int kNever = INT_MAX / 2;

template <class T>
void fill(std::vector<T>& v, std::size_t n, T x) {
    v.assign(n, x);
}

// (1 + g)^(q/4) for q = 0 … T-1 into out[]: one pow per series, then products
// (relative error ≤ T ulp, far inside SPEC §7's 1e-9; pow per quarter was 6% of a trial).
void growth_series(double per_year, int T, double* out) {
    const double step = std::pow(1 + per_year, 0.25);
    double f = 1;
    for (int q = 0; q < T; ++q, f *= step) out[q] = f;
}

// Stable insertion sort: merit orders have a handful of providers, and
// std::stable_sort allocates a buffer on every call.
template <class Less>
void insertion_sort(int* first, int n, Less less) {
    for (int i = 1; i < n; ++i) {
        int x = first[i], j = i;
        for (; j > 0 && less(x, first[j - 1]); --j) first[j] = first[j - 1];
        first[j] = x;
    }
}

class Run {
public:
    Run(const Scenario& s, const double* v, const double* outage, Workspace& ws, Result& r)
        : s_(s), v_(v), outage_(outage), ws_(ws), r_(r), T_(s.quarters()), P_(static_cast<int>(s.providers.size())),
          W_(static_cast<int>(s.workloads.size())), C_(static_cast<int>(s.contract.size())) {}

    void run() {
        setup();
        for (int q = 0; q < T_; ++q) quarter(q);
        totals();
    }

private:
    const Scenario& s_;
    const double* v_;
    const double* outage_;
    Workspace& ws_;
    Result& r_;
    int T_, P_, W_, C_;
    int agi_date_ = kNever;    // earliest date-triggered AGI quarter (relative), kNever = none
    int agi_profit_ = kNever;  // quarter a profit trigger fired
    double cum_profit_ = 0;

    double val(QRef q) const { return v_[q]; }
    int agi_now() const { return std::min(agi_date_, agi_profit_); }
    double& alloc(int p, int w) { return ws_.alloc[static_cast<std::size_t>(p) * W_ + w]; }
    double demand(int w, int q) const { return r_.workloads[w].demand_h100e[std::clamp(q, 0, T_ - 1)]; }

    //-------------------------------------------------------------------------
    // [SECTION] Setup: capacity, demand, prices, clause windows
    //-------------------------------------------------------------------------

    void setup() {
        r_.quarters = T_;
        r_.providers.resize(P_);
        r_.workloads.resize(W_);
        for (auto& ps : r_.providers)
            for (auto* vec : {&ps.capacity_h100e, &ps.online_mw, &ps.alloc_h100e, &ps.mw_used, &ps.compute_usd, &ps.egress_usd,
                              &ps.fixed_usd, &ps.stranded_usd})
                fill(*vec, T_, 0.0);
        for (auto& wsr : r_.workloads)
            for (auto* vec : {&wsr.demand_h100e, &wsr.served_h100e, &wsr.shortfall_h100e, &wsr.outage_loss_h100e_hours})
                fill(*vec, T_, 0.0);
        r_.clause_active.resize(C_);
        for (auto& a : r_.clause_active) fill<std::uint8_t>(a, T_, 0);
        fill(r_.cost_usd, T_, 0.0);
        fill(r_.shortfall_h100e, T_, 0.0);
        r_.totals = Totals{};
        r_.buyer = BuyerView{};
        r_.stakeholders.assign(P_, ProviderView{});
        r_.commitments.clear();

        const std::size_t PW = static_cast<std::size_t>(P_) * W_;
        fill(ws_.alloc, PW, 0.0);
        fill(ws_.prev_alloc, PW, 0.0);
        fill(ws_.marginal, PW, 0.0);
        fill<std::uint8_t>(ws_.eligible, PW, 1);
        fill(ws_.order, PW, 0);
        fill(ws_.spare, P_, 0.0);
        fill(ws_.eff_price, P_, 0.0);
        fill(ws_.billed_gb, P_, 0.0);
        fill(ws_.pool, P_, 0.0);
        fill(ws_.floor_share, P_, 0.0);
        fill<std::uint8_t>(ws_.has_commit, P_, 0);
        fill<std::uint8_t>(ws_.onboarded, P_, 0);
        fill<std::uint8_t>(ws_.rofr_holder, P_, 0);
        fill(ws_.price, static_cast<std::size_t>(P_) * T_, 0.0);
        fill(ws_.home, W_, -1);
        fill(ws_.demand_now, W_, 0.0);
        fill(ws_.commit_spent, C_, 0.0);
        fill<std::uint8_t>(ws_.commit_done, C_, 0);
        fill<std::uint8_t>(ws_.commit_settled, C_, 0);
        fill<std::uint8_t>(ws_.active, C_, 0);
        fill(ws_.clause_from, C_, -kNever);
        fill(ws_.clause_to, C_, kNever);
        fill(ws_.rs_paid, C_, 0.0);

        // Capacity from power tranches (SPEC §1, §3): online from online + max(0, round(slip)).
        for (int p = 0; p < P_; ++p) {
            const Provider& pr = s_.providers[p];
            ProviderSeries& ps = r_.providers[p];
            for (const Tranche& t : pr.capacity) {
                const Gpu& g = s_.gpus[t.gpu];
                int online = t.online - s_.start + static_cast<int>(std::max(0.0, std::round(val(t.slip_quarters))));
                double mw = val(t.mw);
                double h100e = mw * 1000.0 / (val(g.it_kw) * val(pr.pue)) * val(g.h100e);
                for (int q = std::max(0, online); q < T_; ++q) ps.capacity_h100e[q] += h100e, ps.online_mw[q] += mw;
            }
            double* price = &ws_.price[static_cast<std::size_t>(p) * T_];
            if (pr.kind == ProviderKind::cloud) {
                growth_series(val(pr.price_change_per_year), T_, price);
                for (int q = 0; q < T_; ++q) price[q] *= val(pr.price_usd_per_h100e_hour);
            } else {  // owned: marginal power price per H100e-hour = $/MWh × MW per H100e
                for (int q = 0; q < T_; ++q)
                    price[q] = ps.capacity_h100e[q] > 0 ? val(pr.power_usd_per_mwh) * ps.online_mw[q] / ps.capacity_h100e[q] : 0.0;
            }
        }
        for (int w = 0; w < W_; ++w) {
            const Workload& wl = s_.workloads[w];
            double* demand = r_.workloads[w].demand_h100e.data();
            if (wl.demand_is_series) {
                for (int q = 0; q < T_; ++q) demand[q] = val(wl.series[q]);
            } else {
                growth_series(val(wl.growth_per_year), T_, demand);
                for (int q = 0; q < T_; ++q) demand[q] *= val(wl.start_h100e);
            }
        }
        for (int c = 0; c < C_; ++c) {
            const Clause& cl = s_.contract[c];
            // Default window: the whole horizon (SPEC §3), so a commitment without `to` settles in the
            // last quarter. An agi clause without from/to has no limit at all (SPEC §10.5).
            if (cl.type != ClauseType::agi) ws_.clause_from[c] = 0, ws_.clause_to[c] = T_ - 1;
            if (cl.has_from) ws_.clause_from[c] = cl.from - s_.start;
            if (cl.has_to && !cl.to_agi) ws_.clause_to[c] = cl.to - s_.start;
            // SPEC §10.5: a date trigger fires only inside its clause's own window.
            if (cl.type == ClauseType::agi && cl.trigger == AgiTrigger::date) {
                int d = static_cast<int>(std::round(val(cl.date)));
                if (d >= ws_.clause_from[c] && d <= ws_.clause_to[c]) agi_date_ = std::min(agi_date_, d);
            }
            if (cl.type == ClauseType::commitment) {
                CommitmentOutcome co;
                co.clause = c;
                co.provider = cl.provider;
                co.usd = val(cl.usd);
                r_.commitments.push_back(co);
            }
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] Clause state in a quarter
    //-------------------------------------------------------------------------

    // Last quarter of a clause's window as known at the start of quarter q.
    int window_end(int c) const {
        const Clause& cl = s_.contract[c];
        return cl.to_agi ? agi_now() : ws_.clause_to[c];
    }

    bool commitment_unspent(int c) const { return ws_.active[c] && !ws_.commit_done[c]; }

    void clause_state(int q) {
        ws_.active_exclusive.clear(), ws_.active_preferred.clear(), ws_.active_rofr.clear(), ws_.active_commitment.clear();
        for (int c = 0; c < C_; ++c) {
            const Clause& cl = s_.contract[c];
            bool on = q >= ws_.clause_from[c] && q <= window_end(c);
            if (cl.type == ClauseType::agi) on = q >= ws_.clause_from[c] && q <= ws_.clause_to[c];
            ws_.active[c] = on;
            r_.clause_active[c][q] = on;
            if (!on) continue;
            // Active clauses of the types dispatch visits per workload and provider, in document order.
            if (cl.type == ClauseType::exclusive) ws_.active_exclusive.push_back(c);
            if (cl.type == ClauseType::preferred) ws_.active_preferred.push_back(c);
            if (cl.type == ClauseType::rofr) ws_.active_rofr.push_back(c);
            if (cl.type == ClauseType::commitment) ws_.active_commitment.push_back(c);
        }
        // Commitments with usd = 0 (or spent before) are spent from the start.
        for (int c = 0; c < C_; ++c)
            if (s_.contract[c].type == ClauseType::commitment && ws_.commit_spent[c] >= val(s_.contract[c].usd) * (1 - 1e-9))
                ws_.commit_done[c] = 1;
        // Effective prices and commitment ranking, fixed at the start of the quarter (SPEC §4).
        for (int p = 0; p < P_; ++p) {
            double price = ws_.price[static_cast<std::size_t>(p) * T_ + q];
            ws_.has_commit[p] = 0;
            ws_.eff_price[p] = price;
            for (int c : ws_.active_commitment) {
                const Clause& cl = s_.contract[c];
                if (cl.provider == p && commitment_unspent(c)) {
                    ws_.has_commit[p] = 1;
                    ws_.eff_price[p] = price * (1 - val(cl.discount));  // SPEC §10.6: the first unspent one sets the price
                    break;
                }
            }
        }
        // Homes: the first active api_exclusivity clause moves every inference home (SPEC §3, §10.7).
        int api_holder = -1;
        for (int c = 0; c < C_ && api_holder < 0; ++c)
            if (ws_.active[c] && s_.contract[c].type == ClauseType::api_exclusivity) api_holder = s_.contract[c].holder;
        for (int w = 0; w < W_; ++w) {
            const Workload& wl = s_.workloads[w];
            ws_.home[w] = wl.kind == WorkloadKind::inference && api_holder >= 0 ? api_holder : wl.home;
            ws_.demand_now[w] = r_.workloads[w].demand_h100e[q];
        }
        // Eligibility (step 1), marginal costs and merit order per workload.
        // Exclusive clauses bind every workload alike (SPEC §3), so eligibility is per provider.
        for (int p = 0; p < P_; ++p) {
            bool ok = true;
            for (int c : ws_.active_exclusive) {
                const Clause& cl = s_.contract[c];
                ok = ok && (p == cl.holder || std::find(cl.waivers.begin(), cl.waivers.end(), p) != cl.waivers.end());
            }
            for (int w = 0; w < W_; ++w) {
                ws_.eligible[static_cast<std::size_t>(p) * W_ + w] = ok;
                ws_.marginal[static_cast<std::size_t>(p) * W_ + w] = marginal_cost(w, p);
            }
        }
        for (int w = 0; w < W_; ++w) {
            int* ord = &ws_.order[static_cast<std::size_t>(w) * P_];
            for (int p = 0; p < P_; ++p) ord[p] = p;
            insertion_sort(ord, P_, [&](int a, int b) {
                if (ws_.has_commit[a] != ws_.has_commit[b]) return ws_.has_commit[a] > ws_.has_commit[b];
                return ws_.marginal[static_cast<std::size_t>(a) * W_ + w] < ws_.marginal[static_cast<std::size_t>(b) * W_ + w];
            });
        }
    }

    // First positive tier price of a provider's egress (SPEC §4); 0 if none.
    double first_positive_tier(int p) const {
        for (const EgressTier& t : s_.providers[p].egress.tiers)
            if (val(t.usd_per_gb) > 0) return val(t.usd_per_gb);
        return 0;
    }

    double marginal_cost(int w, int p) const {
        const Workload& wl = s_.workloads[w];
        double mc = ws_.eff_price[p];
        int home = ws_.home[w];
        if (home >= 0 && p != home) {
            int biller = wl.kind == WorkloadKind::inference ? p : home;
            mc += val(wl.egress_gb_per_h100e_hour) * first_positive_tier(biller);
        }
        return mc;
    }

    bool eligible(int w, int p) const { return ws_.eligible[static_cast<std::size_t>(p) * W_ + w]; }
    const int* order(int w) const { return &ws_.order[static_cast<std::size_t>(w) * P_]; }

    //-------------------------------------------------------------------------
    // [SECTION] Dispatch steps 1–6 (SPEC §4)
    //-------------------------------------------------------------------------

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

    void give(int p, int w, double x) {
        alloc(p, w) += x;
        ws_.spare[p] -= x;
    }

    // Releases up to `excess` of w's allocation from the end of its merit order,
    // on providers accepted by `which`, never below ws_.floor_share[p].
    template <class Which>
    double release(int w, double excess, Which which) {
        const int* ord = order(w);
        for (int i = P_ - 1; i >= 0 && excess > 0; --i) {
            int p = ord[i];
            if (!which(p)) continue;
            double cut = std::min(excess, std::max(0.0, alloc(p, w) - ws_.floor_share[p]));
            give(p, w, -cut);
            excess -= cut;
        }
        return excess;
    }

    double allocated(int w) {
        double sum = 0;
        for (int p = 0; p < P_; ++p) sum += alloc(p, w);
        return sum;
    }

    // Step 2 (SPEC §4, §10.8): keep last quarter's allocation, cut to waiver caps, then to D.
    void sticky(int w) {
        for (int p = 0; p < P_; ++p) {
            double prev = ws_.prev_alloc[static_cast<std::size_t>(p) * W_ + w];
            if (prev > 0 && eligible(w, p)) give(p, w, std::min(prev, std::max(0.0, ws_.spare[p])));
        }
        std::fill(ws_.floor_share.begin(), ws_.floor_share.end(), 0.0);
        for (int c : ws_.active_exclusive) {
            const Clause& cl = s_.contract[c];
            double excess = waiver_total(cl, w) - val(cl.waiver_max_share) * ws_.demand_now[w];
            if (excess > 0) release(w, excess, [&](int p) { return is_waiver(cl, p); });
        }
        double excess = allocated(w) - ws_.demand_now[w];
        if (excess > 0) release(w, excess, [](int) { return true; });
    }

    // Step 3 (SPEC §4, §10.7).
    void preferred(int w) {
        const double D = ws_.demand_now[w];
        std::fill(ws_.floor_share.begin(), ws_.floor_share.end(), 0.0);
        for (int c : ws_.active_preferred) {
            const Clause& cl = s_.contract[c];
            int h = cl.holder;
            double target = val(cl.min_share) * D;
            if (eligible(w, h)) {
                double raise = std::min({std::max(0.0, target - alloc(h, w)), std::max(0.0, ws_.spare[h]), waiver_room(w, h)});
                give(h, w, raise);
                double excess = allocated(w) - D;
                if (excess > 0) {
                    // Earlier holders keep their own min_share × D; this holder is not cut.
                    double left = release(w, excess, [&](int p) { return p != h; });
                    if (left > 0) give(h, w, -std::min(left, raise));
                }
            }
            ws_.floor_share[h] = std::max(ws_.floor_share[h], std::min(target, alloc(h, w)));
        }
    }

    // Step 4 (SPEC §4, §10.7, §10.9). Returns the limit on what non-holders may receive in step 5.
    double rofr(int w, int q) {
        const double D = ws_.demand_now[w];
        const Workload& wl = s_.workloads[w];
        std::fill(ws_.rofr_holder.begin(), ws_.rofr_holder.end(), 0);
        bool any = false;
        double min_lagged = kInf;
        for (int c : ws_.active_rofr) {
            const Clause& cl = s_.contract[c];
            if (cl.scope == RofrScope::training && wl.kind != WorkloadKind::training) continue;
            if (cl.scope == RofrScope::inference && wl.kind != WorkloadKind::inference) continue;
            any = true;
            int h = cl.holder;
            ws_.rofr_holder[h] = 1;
            int lag = static_cast<int>(std::round(val(cl.response_quarters)));
            min_lagged = std::min(min_lagged, demand(w, q - lag));  // demand before the horizon counts as D(start)
            double increment = D - allocated(w);
            if (increment <= 0 || !eligible(w, h)) continue;
            bool takes = true;
            if (cl.match == RofrMatch::price) {
                double best_other = kInf;
                for (int p = 0; p < P_; ++p)
                    if (p != h && eligible(w, p) && ws_.spare[p] > kNone)
                        best_other = std::min(best_other, ws_.marginal[static_cast<std::size_t>(p) * W_ + w]);
                takes = best_other == kInf || ws_.marginal[static_cast<std::size_t>(h) * W_ + w] <= (1 + val(cl.tolerance)) * best_other;
            }
            if (takes) give(h, w, std::min({increment, std::max(0.0, ws_.spare[h]), waiver_room(w, h)}));
        }
        if (!any) return kInf;
        return std::max(0.0, min_lagged - allocated(w));
    }

    // Room for provider p in step 5: spare, max share on its total for w, waiver cap, ROFR limit.
    double merit_room(int w, int p, double rofr_left) {
        double room = std::min(std::max(0.0, ws_.spare[p]),
                               std::max(0.0, val(s_.policy.max_share_per_provider) * ws_.demand_now[w] - alloc(p, w)));
        room = std::min(room, waiver_room(w, p));
        if (!ws_.rofr_holder[p]) room = std::min(room, rofr_left);
        return room;
    }

    // Step 5 (SPEC §4).
    void merit(int w, double rofr_left) {
        const Workload& wl = s_.workloads[w];
        double rest = ws_.demand_now[w] - allocated(w);
        if (rest <= kNone * 1e-3) return;
        const int* ord = order(w);
        double block = wl.kind == WorkloadKind::training ? val(wl.block_h100e) : 0.0;
        if (block <= 0) {
            for (int i = 0; i < P_ && rest > 0; ++i) {
                int p = ord[i];
                if (!eligible(w, p)) continue;
                double take = std::min(rest, merit_room(w, p, rofr_left));
                if (take <= 0) continue;
                give(p, w, take);
                if (!ws_.rofr_holder[p]) rofr_left -= take;
                rest -= take;
            }
            return;
        }
        // Whole blocks, one at a time, each to the first provider that can take all of it.
        // Filling providers in merit order is equivalent: a provider's room only shrinks.
        double eps = 1e-9 * std::max(1.0, block);
        double full = std::floor(rest / block + 1e-9);
        double last = rest - full * block;
        if (last <= eps) last = 0;
        for (int i = 0; i < P_ && full > 0; ++i) {
            int p = ord[i];
            if (!eligible(w, p)) continue;
            double k = std::min(full, std::floor((merit_room(w, p, rofr_left) + eps) / block));
            if (k <= 0) continue;
            give(p, w, k * block);
            if (!ws_.rofr_holder[p]) rofr_left -= k * block;
            full -= k;
        }
        if (last > 0)
            for (int i = 0; i < P_; ++i) {
                int p = ord[i];
                if (eligible(w, p) && merit_room(w, p, rofr_left) + eps >= last) {
                    give(p, w, last);
                    break;
                }
            }
    }

    void dispatch(int q) {
        for (int p = 0; p < P_; ++p) ws_.spare[p] = r_.providers[p].capacity_h100e[q];
        std::fill(ws_.alloc.begin(), ws_.alloc.end(), 0.0);
        if (s_.policy.sticky)
            for (int w = 0; w < W_; ++w) sticky(w);
        for (int w = 0; w < W_; ++w) {
            preferred(w);
            double rofr_left = rofr(w, q);
            merit(w, rofr_left);
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] Costs, flows, outages (SPEC §5)
    //-------------------------------------------------------------------------

    // Bills `hours` H100e-hours on p at its price, consuming its commitments in document order.
    double bill_compute(int p, double price, double hours) {
        double usd = 0;
        for (int c : ws_.active_commitment) {
            if (hours <= 0) break;
            const Clause& cl = s_.contract[c];
            if (cl.provider != p || !commitment_unspent(c)) continue;
            double rate = price * (1 - val(cl.discount));
            double remaining = val(cl.usd) - ws_.commit_spent[c];
            double take = rate > 0 ? std::min(hours, remaining / rate) : hours;
            usd += take * rate;
            ws_.commit_spent[c] += take * rate;
            hours -= take;
            if (ws_.commit_spent[c] >= val(cl.usd) * (1 - 1e-9)) {  // SPEC §10.6
                ws_.commit_spent[c] = val(cl.usd);
                ws_.commit_done[c] = 1;
            }
        }
        return usd + hours * price;
    }

    double egress_charge(int p, double gb) const {
        const Egress& e = s_.providers[p].egress;
        if (!e.present || gb <= 0) return 0;
        double month_tb = gb / 3.0 / 1000.0 - val(e.free_tb_per_month);
        if (month_tb <= 0) return 0;
        double usd = 0, lower = 0;
        for (const EgressTier& t : e.tiers) {
            double upper = t.unlimited ? kInf : t.up_to_tb;
            double band = std::min(month_tb, upper) - lower;
            if (band > 0) usd += band * 1000.0 * val(t.usd_per_gb);
            if (month_tb <= upper) break;
            lower = std::max(lower, upper);
        }
        return 3.0 * usd;
    }

    void settle(int c, int q) {
        ws_.commit_settled[c] = 1;
        const Clause& cl = s_.contract[c];
        double stranded = std::max(0.0, val(cl.take_or_pay) * val(cl.usd) - ws_.commit_spent[c]);
        r_.providers[cl.provider].stranded_usd[q] += stranded;
        for (auto& co : r_.commitments)
            if (co.clause == c) co.stranded_usd = stranded;
    }

    void quarter(int q) {
        clause_state(q);
        dispatch(q);

        double inference_revenue = 0;
        for (int w = 0; w < W_; ++w) {
            const Workload& wl = s_.workloads[w];
            double served = allocated(w);
            WorkloadSeries& wsr = r_.workloads[w];
            wsr.served_h100e[q] = served;
            wsr.shortfall_h100e[q] = std::max(0.0, wsr.demand_h100e[q] - served);
            r_.shortfall_h100e[q] += wsr.shortfall_h100e[q];
            if (wl.kind == WorkloadKind::inference) inference_revenue += served * H * val(wl.value_usd_per_h100e_hour);
        }

        // Egress bytes, pooled per billing provider (SPEC §3).
        std::fill(ws_.billed_gb.begin(), ws_.billed_gb.end(), 0.0);
        for (int w = 0; w < W_; ++w) {
            const Workload& wl = s_.workloads[w];
            int home = ws_.home[w];
            if (home < 0) continue;
            for (int p = 0; p < P_; ++p)
                if (p != home && alloc(p, w) > 0)
                    ws_.billed_gb[wl.kind == WorkloadKind::inference ? p : home] += val(wl.egress_gb_per_h100e_hour) * alloc(p, w) * H;
        }

        double cost = 0;
        for (int p = 0; p < P_; ++p) {
            const Provider& pr = s_.providers[p];
            ProviderSeries& ps = r_.providers[p];
            double used = 0;
            for (int w = 0; w < W_; ++w) used += alloc(p, w);
            ps.alloc_h100e[q] = used;
            ps.mw_used[q] = ps.capacity_h100e[q] > 0 ? ps.online_mw[q] * used / ps.capacity_h100e[q] : 0.0;
            ps.compute_usd[q] = used > 0 ? bill_compute(p, ws_.price[static_cast<std::size_t>(p) * T_ + q], used * H) : 0.0;
            ps.egress_usd[q] = egress_charge(p, ws_.billed_gb[p]);
            double fixed = 0;
            if (used > kNone) {
                if (!ws_.onboarded[p]) fixed += val(pr.onboarding_usd), ws_.onboarded[p] = 1;
                fixed += val(pr.overhead_usd_per_quarter);
            }
            if (pr.kind == ProviderKind::owned)
                fixed += ps.online_mw[q] * (val(pr.capex_usd_per_mw) / val(pr.amortization_years) + val(pr.opex_usd_per_mw_year)) / 4.0;
            ps.fixed_usd[q] = fixed;
        }
        // Commitments whose fixed window ends now settle before the profit test; those ending
        // with AGI settle after it (SPEC §10.5: the test excludes stranding AGI itself causes).
        for (int c : ws_.active_commitment)
            if (!s_.contract[c].to_agi && ws_.clause_to[c] == q) settle(c, q);
        for (int p = 0; p < P_; ++p) {
            const ProviderSeries& ps = r_.providers[p];
            cost += ps.compute_usd[q] + ps.egress_usd[q] + ps.fixed_usd[q] + ps.stranded_usd[q];
        }
        cum_profit_ += inference_revenue - cost;
        if (agi_now() > q)
            for (int c = 0; c < C_; ++c) {
                const Clause& cl = s_.contract[c];
                if (cl.type == ClauseType::agi && cl.trigger == AgiTrigger::profit && ws_.active[c] &&
                    cum_profit_ >= val(cl.profit_threshold_usd))
                    agi_profit_ = q;
            }
        for (int c : ws_.active_commitment) {
            const Clause& cl = s_.contract[c];
            if (!cl.to_agi) continue;
            // Ends with AGI now, or at the horizon's end if AGI never happens; a date beyond the horizon leaves it open.
            bool never = agi_now() == kNever;
            if (agi_now() == q || (never && q == T_ - 1)) {
                double before = r_.providers[cl.provider].stranded_usd[q];
                settle(c, q);
                cost += r_.providers[cl.provider].stranded_usd[q] - before;
            }
        }
        r_.cost_usd[q] = cost;
        r_.totals.inference_revenue_usd += inference_revenue;
        money_flows(inference_revenue);
        outages(q);
        std::copy(ws_.alloc.begin(), ws_.alloc.end(), ws_.prev_alloc.begin());
    }

    void money_flows(double inference_revenue) {
        for (int c = 0; c < C_; ++c) {
            const Clause& cl = s_.contract[c];
            if (!ws_.active[c]) continue;
            if (cl.type == ClauseType::ip_access) r_.stakeholders[cl.holder].ip_value_usd += val(cl.value_usd_per_quarter);
            if (cl.type != ClauseType::revenue_share) continue;
            double due = val(cl.rate) * (cl.payer == SharePayer::buyer ? inference_revenue : val(cl.holder_api_revenue_usd_per_quarter));
            double cap = cl.cap_usd >= 0 ? val(cl.cap_usd) : kInf;
            double pay = std::max(0.0, std::min(due, cap - ws_.rs_paid[c]));
            ws_.rs_paid[c] += pay;
            if (cl.payer == SharePayer::buyer) {
                r_.totals.revenue_share_to_holder_usd += pay;
                r_.stakeholders[cl.holder].revenue_share_received_usd += pay;
            } else {
                r_.totals.revenue_share_to_buyer_usd += pay;
                r_.stakeholders[cl.holder].revenue_share_paid_usd += pay;
            }
        }
    }

    // SPEC §5, §10.10: lost H100e-hours while a provider is down; inference fails over to spare capacity.
    void outages(int q) {
        for (int p = 0; p < P_; ++p) {
            const Provider& pr = s_.providers[p];
            double hours = outage_ ? outage_[static_cast<std::size_t>(p) * T_ + q]
                                   : std::min(H, val(pr.outages_per_year) / 4.0 * val(pr.outage_hours));
            if (hours <= 0) continue;
            for (int o = 0; o < P_; ++o) ws_.pool[o] = o == p ? 0.0 : std::max(0.0, ws_.spare[o]);
            for (int w = 0; w < W_; ++w) {
                double a = alloc(p, w);
                if (a <= 0) continue;
                double covered = 0;
                if (s_.workloads[w].kind == WorkloadKind::inference && s_.policy.failover) {
                    const int* ord = order(w);
                    for (int i = 0; i < P_ && covered < a; ++i) {
                        int o = ord[i];
                        if (o == p || !eligible(w, o)) continue;
                        double take = std::min(a - covered, ws_.pool[o]);
                        ws_.pool[o] -= take;
                        covered += take;
                    }
                }
                r_.workloads[w].outage_loss_h100e_hours[q] += (a - covered) * hours;
            }
        }
    }

    //-------------------------------------------------------------------------
    // [SECTION] Totals and stakeholders (SPEC §6)
    //-------------------------------------------------------------------------

    void totals() {
        Totals& t = r_.totals;
        double rate = val(s_.discount_rate_per_year);
        double demand_sum = 0, served_sum = 0, alloc_sum = 0, gwh = 0;
        for (int q = 0; q < T_; ++q) {
            t.npv_usd += r_.cost_usd[q] * std::pow(1 + rate, -q / 4.0);
            double mw = 0;
            for (int p = 0; p < P_; ++p) {
                const ProviderSeries& ps = r_.providers[p];
                mw += ps.mw_used[q];
                gwh += ps.mw_used[q] * H / 1000.0;
            }
            t.peak_mw = std::max(t.peak_mw, mw);
        }
        t.total_gwh = gwh;
        for (int p = 0; p < P_; ++p) {
            const ProviderSeries& ps = r_.providers[p];
            ProviderView& pv = r_.stakeholders[p];
            double compute = 0, egress = 0, fixed = 0, stranded = 0;
            for (int q = 0; q < T_; ++q) {
                compute += ps.compute_usd[q], egress += ps.egress_usd[q], fixed += ps.fixed_usd[q], stranded += ps.stranded_usd[q];
                if (ps.alloc_h100e[q] > kNone) alloc_sum += ps.alloc_h100e[q];
            }
            t.compute_usd += compute, t.egress_usd += egress, t.fixed_usd += fixed, t.stranded_usd += stranded;
            pv.revenue_usd = s_.providers[p].kind == ProviderKind::owned ? 0.0 : compute + egress + fixed + stranded;
        }
        t.cost_usd = t.compute_usd + t.egress_usd + t.fixed_usd + t.stranded_usd;
        for (int p = 0; p < P_; ++p) {
            double share_sum = 0;
            for (int q = 0; q < T_; ++q)
                if (r_.providers[p].alloc_h100e[q] > kNone) share_sum += r_.providers[p].alloc_h100e[q];
            double share = alloc_sum > 0 ? share_sum / alloc_sum : 0.0;
            t.hhi += share * share;
            t.max_provider_share = std::max(t.max_provider_share, share);
        }
        for (int w = 0; w < W_; ++w) {
            const WorkloadSeries& wsr = r_.workloads[w];
            double value = val(s_.workloads[w].value_usd_per_h100e_hour);
            for (int q = 0; q < T_; ++q) {
                demand_sum += wsr.demand_h100e[q];
                served_sum += wsr.served_h100e[q];
                t.shortfall_h100e_hours += wsr.shortfall_h100e[q] * H;
                t.shortfall_value_usd += wsr.shortfall_h100e[q] * H * value;
                t.outage_loss_usd += wsr.outage_loss_h100e_hours[q] * value;
            }
        }
        t.served_fraction = demand_sum > 0 ? served_sum / demand_sum : 1.0;
        t.has_usd_per_served = served_sum > 0;
        t.usd_per_served_h100e_hour = served_sum > 0 ? t.cost_usd / (served_sum * H) : 0.0;
        int agi = agi_now();
        t.has_agi = agi != kNever;
        t.agi_quarter = t.has_agi ? agi : 0;
        for (auto& co : r_.commitments) {
            co.spent_usd = ws_.commit_spent[co.clause];
            co.remaining_usd = co.usd - co.spent_usd;
            co.settled = ws_.commit_settled[co.clause];
        }
        BuyerView& b = r_.buyer;
        b.cost_usd = t.cost_usd;
        b.lost_value_usd = t.shortfall_value_usd + t.outage_loss_usd;
        b.revenue_share_paid_usd = t.revenue_share_to_holder_usd;
        b.revenue_share_received_usd = t.revenue_share_to_buyer_usd;
        b.net_usd = b.revenue_share_received_usd - b.cost_usd - b.lost_value_usd - b.revenue_share_paid_usd;
        for (auto& pv : r_.stakeholders)
            pv.net_usd = pv.revenue_usd + pv.revenue_share_received_usd - pv.revenue_share_paid_usd + pv.ip_value_usd;
    }
};

}  // namespace

void evaluate_into(const Scenario& s, const double* values, const double* outage_hours, Workspace& ws, Result& out) {
    Run(s, values, outage_hours, ws, out).run();
}

Result evaluate(const Scenario& s) {
    std::vector<double> v = s.medians();
    Workspace ws;
    Result r;
    evaluate_into(s, v.data(), nullptr, ws, r);
    return r;
}

bool result_is_finite(const Result& r) {
    auto ok = [](const std::vector<double>& v) { return std::all_of(v.begin(), v.end(), [](double x) { return std::isfinite(x); }); };
    for (const auto& p : r.providers)
        for (auto* v : {&p.capacity_h100e, &p.online_mw, &p.alloc_h100e, &p.mw_used, &p.compute_usd, &p.egress_usd, &p.fixed_usd, &p.stranded_usd})
            if (!ok(*v)) return false;
    for (const auto& w : r.workloads)
        for (auto* v : {&w.demand_h100e, &w.served_h100e, &w.shortfall_h100e, &w.outage_loss_h100e_hours})
            if (!ok(*v)) return false;
    const Totals& t = r.totals;
    for (double x : {t.cost_usd, t.npv_usd, t.shortfall_value_usd, t.outage_loss_usd, t.served_fraction, t.usd_per_served_h100e_hour,
                     t.revenue_share_to_holder_usd, t.revenue_share_to_buyer_usd, t.hhi, t.peak_mw, t.total_gwh, r.buyer.net_usd})
        if (!std::isfinite(x)) return false;
    for (const auto& pv : r.stakeholders)
        if (!std::isfinite(pv.net_usd)) return false;
    return true;
}

}  // namespace pactscope
