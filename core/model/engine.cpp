// engine.cpp — setup, clause state, the quarter loop, totals and stakeholders (MODEL §4–§6, §11).
//
// [SECTION] Setup: capacity, demand, prices, clause windows
// [SECTION] Clause state in a quarter
// [SECTION] One quarter
// [SECTION] Totals and stakeholders (MODEL §6, §11.5)
// [SECTION] Entry points
#include "model/engine_run.h"
#include "model/result_fields.h"

namespace pactscope {

namespace engine_detail {

namespace {

// (1 + g)^(q/4) for q = 0 … T-1 into out[]: one pow per series, then products
// (relative error ≤ T ulp, far inside MODEL §7's 1e-9; pow per quarter was 6% of a trial).
void growth_series(double per_year, int T, double* out) {
    const double step = std::pow(1 + per_year, 0.25);
    double f = 1;
    for (int q = 0; q < T; ++q, f *= step) out[q] = f;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Setup: capacity, demand, prices, clause windows
//-----------------------------------------------------------------------------

void Run::setup() {
    r_.quarters = T_;
    r_.providers.resize(P_);
    r_.workloads.resize(W_);
    // Series the quarter loop assigns in every quarter are only sized; those it adds to, or writes only
    // where they apply, start at zero.
    for (auto& ps : r_.providers) {
        for (const auto& f : provider_series_fields()) (ps.*f.member).resize(T_);
        for (auto* v : {&ps.stranded_usd, &ps.sla_credit_usd, &ps.provider_cost_usd}) std::fill(v->begin(), v->end(), 0.0);
    }
    for (auto& wsr : r_.workloads) {
        for (const auto& f : workload_series_fields()) (wsr.*f.member).resize(T_);
        std::fill(wsr.outage_loss_h100e_hours.begin(), wsr.outage_loss_h100e_hours.end(), 0.0);
    }
    r_.clause_active.resize(C_);
    for (auto& a : r_.clause_active) a.resize(T_);
    r_.cost_usd.resize(T_);
    r_.shortfall_h100e.resize(T_);
    r_.totals = Totals{};
    r_.buyer = BuyerView{};
    r_.stakeholders.assign(P_, ProviderView{});
    r_.commitments.clear();
    r_.reservations.clear();

    ws_.reset(P_, W_, C_, T_);
    alloc_ = ws_.alloc.data(), prev_ = ws_.prev_alloc.data(), spare_ = ws_.spare.data(), elig_ = ws_.eligible.data();
    // Whether any provider is ever down (drawn hours, or the expected hours of MODEL §5): outages() is
    // skipped when none is, which changes nothing (it only adds losses of providers that are down).
    outages_ = false;
    for (int p = 0; p < P_ && !outages_; ++p) {
        const Provider& pr = s_.providers[p];
        if (!outage_) outages_ = std::min(H, val(pr.outages_per_year) / 4.0 * val(pr.outage_hours)) > 0;
        else
            for (int q = 0; q < T_ && !outages_; ++q) outages_ = outage_[static_cast<std::size_t>(p) * T_ + q] > 0;
    }

    // Capacity from power tranches (MODEL §1, §3): online from online + max(0, round(slip)); each quarter's
    // capacity sums its online tranches in document order.
    for (int p = 0; p < P_; ++p) {
        const Provider& pr = s_.providers[p];
        ProviderSeries& ps = r_.providers[p];
        double* cap = ps.capacity_h100e.data();
        double* mws = ps.online_mw.data();
        // When tranches come online in document order (the usual case), a quarter's online tranches are a
        // prefix of the list, and each quarter's sum is the previous one plus the tranches new in it: the
        // same additions in the same order as summing every quarter from zero.
        bool in_order = true;
        int last = 0, k = 0;
        double c = 0, m = 0;
        for (const Tranche& t : pr.capacity) {
            const double slip = val(t.slip_quarters);  // max(0, round(slip)) without a call when slip <= 0
            const int online = std::max(0, t.online - s_.start + (slip > 0 ? static_cast<int>(std::round(slip)) : 0));
            if (online < last) {
                in_order = false;
                break;
            }
            const Gpu& g = s_.gpus[t.gpu];
            const double mw = val(t.mw);
            const double h100e = mw * 1000.0 / (val(g.it_kw) * val(pr.pue)) * val(g.h100e);
            for (; k < std::min(online, T_); ++k) cap[k] = c, mws[k] = m;
            c += h100e, m += mw;
            last = online;
        }
        if (in_order) {
            for (; k < T_; ++k) cap[k] = c, mws[k] = m;
        } else {
            std::fill(cap, cap + T_, 0.0);
            std::fill(mws, mws + T_, 0.0);
            for (const Tranche& t : pr.capacity) {
                const Gpu& g = s_.gpus[t.gpu];
                int online = t.online - s_.start + static_cast<int>(std::max(0.0, std::round(val(t.slip_quarters))));
                double mw = val(t.mw);
                double h100e = mw * 1000.0 / (val(g.it_kw) * val(pr.pue)) * val(g.h100e);
                for (int q = std::max(0, online); q < T_; ++q) cap[q] += h100e, mws[q] += mw;
            }
        }
        // The egress term of the marginal cost (MODEL §4): the first positive tier price, fixed for the run.
        ws_.first_tier_usd_per_gb[p] = 0;
        for (const EgressTier& t : pr.egress.tiers)
            if (val(t.usd_per_gb) > 0) {
                ws_.first_tier_usd_per_gb[p] = val(t.usd_per_gb);
                break;
            }
        if (pr.kind == ProviderKind::owned)
            ws_.owned_usd_per_mw_year[p] = val(pr.capex_usd_per_mw) / val(pr.amortization_years) + val(pr.opex_usd_per_mw_year);
        if (const ProviderCost& pc = pr.provider_cost; pc.present)
            ws_.cost_usd_per_mw_year[p] = val(pc.capex_usd_per_mw) / val(pc.amortization_years) + val(pc.opex_usd_per_mw_year);
        double* price = &ws_.price[static_cast<std::size_t>(p) * T_];
        if (pr.kind == ProviderKind::cloud) {
            growth_series(val(pr.price_change_per_year), T_, price);
            const double base = val(pr.price_usd_per_h100e_hour);
            for (int q = 0; q < T_; ++q) price[q] *= base;
        } else {  // owned: marginal power price per H100e-hour = $/MWh × MW per H100e
            for (int q = 0; q < T_; ++q) price[q] = cap[q] > 0 ? val(pr.power_usd_per_mwh) * mws[q] / cap[q] : 0.0;
        }
    }
    for (int w = 0; w < W_; ++w) {
        const Workload& wl = s_.workloads[w];
        double* demand = r_.workloads[w].demand_h100e.data();
        if (wl.demand_is_series) {
            for (int q = 0; q < T_; ++q) demand[q] = val(wl.series[q]);
        } else {
            growth_series(val(wl.growth_per_year), T_, demand);
            const double start = val(wl.start_h100e);
            for (int q = 0; q < T_; ++q) demand[q] *= start;
        }
    }
    for (int c = 0; c < C_; ++c) {
        const Clause& cl = s_.contract[c];
        // Default window: the whole horizon (MODEL §3), so a commitment without `to` settles in the
        // last quarter. An agi clause without from/to has no limit at all (MODEL §10.5).
        if (cl.type != ClauseType::agi) ws_.clause_from[c] = 0, ws_.clause_to[c] = T_ - 1;
        if (cl.has_from) ws_.clause_from[c] = cl.from - s_.start;
        if (cl.has_to && !cl.to_agi) ws_.clause_to[c] = cl.to - s_.start;
        // MODEL §10.5: a date trigger fires only inside its clause's own window.
        if (cl.type == ClauseType::agi && cl.trigger == AgiTrigger::date) {
            int d = static_cast<int>(std::round(val(cl.date)));
            if (d >= ws_.clause_from[c] && d <= ws_.clause_to[c]) agi_date_ = std::min(agi_date_, d);
        }
        if (cl.type == ClauseType::agi && cl.trigger == AgiTrigger::profit) ws_.profit_agi.push_back(c);
        if (cl.type == ClauseType::revenue_share || cl.type == ClauseType::ip_access) ws_.flows.push_back(c);
        if (cl.type == ClauseType::commitment) {
            ws_.commitments.push_back(c);
            ws_.commitment_slot[c] = static_cast<int>(r_.commitments.size());
            CommitmentOutcome co;
            co.clause = c;
            co.provider = cl.provider;
            co.usd = val(cl.usd);
            r_.commitments.push_back(co);
        }
        if (cl.type == ClauseType::reservation) {
            ws_.reservation_slot[c] = static_cast<int>(r_.reservations.size());
            ReservationOutcome ro;
            ro.clause = c;
            ro.provider = cl.provider;
            r_.reservations.push_back(ro);
        }
    }
    // Each provider's commitments, in document order (MODEL §10.6: the first unspent one sets the price).
    for (int p = 0; p < P_; ++p) {
        ws_.provider_commitment_begin[p] = static_cast<int>(ws_.provider_commitments.size());
        for (int c : ws_.commitments)
            if (s_.contract[c].provider == p) ws_.provider_commitments.push_back(c);
    }
    ws_.provider_commitment_begin[P_] = static_cast<int>(ws_.provider_commitments.size());
}

//-----------------------------------------------------------------------------
// [SECTION] Clause state in a quarter
//-----------------------------------------------------------------------------

// Last quarter of a clause's window as known at the start of quarter q.
int Run::window_end(int c) const {
    const Clause& cl = s_.contract[c];
    return cl.to_agi ? agi_now() : ws_.clause_to[c];
}

// The active clauses of each kind dispatch and costs visit (document order), the homes (MODEL §3, §10.7)
// and eligibility (step 1), and the egress part of each marginal cost: all follow from which clauses are
// active, so they are rebuilt only in quarters where that changed.
void Run::rebuild_clause_lists() {
    ws_.active_exclusive.clear(), ws_.active_preferred.clear(), ws_.active_rofr.clear(), ws_.active_commitment.clear();
    ws_.active_reservation.clear(), ws_.active_sla.clear();
    int api_holder = -1;  // the first active api_exclusivity clause moves every inference home
    for (int c = 0; c < C_; ++c) {
        if (!ws_.active[c]) continue;
        const Clause& cl = s_.contract[c];
        switch (cl.type) {
            case ClauseType::exclusive: ws_.active_exclusive.push_back(c); break;
            case ClauseType::preferred: ws_.active_preferred.push_back(c); break;
            case ClauseType::rofr: ws_.active_rofr.push_back(c); break;
            case ClauseType::commitment: ws_.active_commitment.push_back(c); break;
            case ClauseType::reservation: ws_.active_reservation.push_back(c); break;
            case ClauseType::sla: ws_.active_sla.push_back(c); break;
            case ClauseType::api_exclusivity:
                if (api_holder < 0) api_holder = cl.holder;
                break;
            default: break;
        }
    }
    any_home_ = false;
    for (int w = 0; w < W_; ++w) {
        const Workload& wl = s_.workloads[w];
        const int home = wl.kind == WorkloadKind::inference && api_holder >= 0 ? api_holder : wl.home;
        ws_.home[w] = home;
        for (int p = 0; p < P_; ++p) {
            const std::size_t i = pw(p, w);
            ws_.has_egress_term[i] = home >= 0 && p != home;
            if (ws_.has_egress_term[i]) {
                const int biller = wl.kind == WorkloadKind::inference ? p : home;
                ws_.egress_term[i] = val(wl.egress_gb_per_h100e_hour) * ws_.first_tier_usd_per_gb[biller];
            }
        }
        any_home_ = any_home_ || home >= 0;
    }
    // Eligibility (step 1): exclusive clauses bind every workload alike (MODEL §3), so it is per provider.
    for (int p = 0; p < P_; ++p) {
        bool ok = true;
        for (int c : ws_.active_exclusive) {
            const Clause& cl = s_.contract[c];
            ok = ok && (p == cl.holder || std::find(cl.waivers.begin(), cl.waivers.end(), p) != cl.waivers.end());
        }
        ws_.eligible[p] = ok;
    }
    sla_lists();
}

void Run::clause_state(int q) {
    bool changed = q == 0;
    // Which clauses hold changes only where a window opens or closes, or when AGI moves the end of the
    // windows that end with it: between those quarters each clause stays as it was.
    if (q == 0 || q >= next_change_ || agi_now() != agi_seen_) {
        next_change_ = kNever, agi_seen_ = agi_now();
        for (int c = 0; c < C_; ++c) {
            const Clause& cl = s_.contract[c];
            const int from = ws_.clause_from[c], end = cl.type == ClauseType::agi ? ws_.clause_to[c] : window_end(c);
            const bool on = q >= from && q <= end;
            r_.clause_active[c][q] = on;
            if (ws_.active[c] != static_cast<int>(on)) ws_.active[c] = on, changed = true;
            if (from > q) next_change_ = std::min(next_change_, from);
            if (end >= q && end < kNever) next_change_ = std::min(next_change_, end + 1);
        }
    } else {
        for (int c = 0; c < C_; ++c) r_.clause_active[c][q] = static_cast<std::uint8_t>(ws_.active[c]);
    }
    if (changed) rebuild_clause_lists(), orders_valid_ = false;
    // Commitments with usd = 0 (or spent before) are spent from the start; spent stays spent.
    for (int c : ws_.commitments)
        if (!ws_.commit_done[c] && ws_.commit_spent[c] >= val(s_.contract[c].usd) * (1 - kSpentTolerance)) ws_.commit_done[c] = 1;
    // Effective prices and commitment ranking, fixed at the start of the quarter (MODEL §4).
    for (int p = 0; p < P_; ++p) {
        ws_.has_commit[p] = 0;
        ws_.eff_price[p] = list_price(p, q);
        for (int i = ws_.provider_commitment_begin[p]; i < ws_.provider_commitment_begin[p + 1]; ++i) {
            const int c = ws_.provider_commitments[i];
            if (commitment_unspent(c)) {
                ws_.has_commit[p] = 1;
                ws_.eff_price[p] = commitment_rate(s_.contract[c], list_price(p, q));  // MODEL §10.6: the first unspent one sets the price
                break;
            }
        }
    }
    // MODEL §11.2: a reserved provider's price is the reservation price; its prepaid amount is
    // take_or_pay × the capacity online. It does not rank first (validation keeps commitments away).
    // Cleared when a reservation is active now or was last quarter (setup cleared them for the first).
    if (!ws_.active_reservation.empty() || prepaid_now_) {
        std::fill(ws_.reservation_of.begin(), ws_.reservation_of.end(), -1);
        std::fill(ws_.prepaid_left.begin(), ws_.prepaid_left.end(), 0.0);
        std::fill(ws_.prepaid.begin(), ws_.prepaid.end(), 0.0);
        prepaid_now_ = !ws_.active_reservation.empty();
    }
    for (int c : ws_.active_reservation) {
        const Clause& cl = s_.contract[c];
        const int p = cl.provider;
        if (reserved(p)) continue;
        ws_.reservation_of[p] = c;
        ws_.eff_price[p] = val(cl.price_usd_per_h100e_hour);
        ws_.prepaid_left[p] = val(cl.take_or_pay) * r_.providers[p].capacity_h100e[q];
    }
    for (int w = 0; w < W_; ++w) ws_.demand_now[w] = r_.workloads[w].demand_h100e[q];
    // The merit orders follow from effective prices, commitment ranks and homes: re-sorted only when one changed.
    for (int p = 0; p < P_ && orders_valid_; ++p)
        orders_valid_ = ws_.sorted_price[p] == ws_.eff_price[p] && ws_.sorted_commit[p] == ws_.has_commit[p];
    if (!orders_valid_) {
        merit_orders();
        std::copy(ws_.eff_price.begin(), ws_.eff_price.end(), ws_.sorted_price.begin());
        std::copy(ws_.has_commit.begin(), ws_.has_commit.end(), ws_.sorted_commit.begin());
        orders_valid_ = true;
    }
}

// Marginal costs and the merit order of each workload (MODEL §4): providers with an active unspent
// commitment first, then ascending marginal cost, then document order. Insertion sort from last quarter's
// order with that total order gives exactly what a stable sort of 0 … P−1 gives, in O(P) when the order
// did not change (std::stable_sort would allocate a buffer on every call).
void Run::merit_orders() {
    const int* has_commit = ws_.has_commit.data();
    for (int w = 0; w < W_; ++w) {
        double* m = &ws_.marginal[pw(0, w)];  // marginal costs of w, by provider
        for (int p = 0; p < P_; ++p) m[p] = marginal_cost(w, p);
        int* ord = &ws_.order[pw(0, w)];
        auto before = [&](int a, int b) {
            if (has_commit[a] != has_commit[b]) return has_commit[a] > has_commit[b];
            if (m[a] < m[b]) return true;
            if (m[b] < m[a]) return false;
            return a < b;
        };
        for (int i = 1; i < P_; ++i) {
            const int x = ord[i];
            int j = i;
            for (; j > 0 && before(x, ord[j - 1]); --j) ord[j] = ord[j - 1];
            ord[j] = x;
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] One quarter
//-----------------------------------------------------------------------------

// One quarter (MODEL §4–§6, §11): which clauses hold, dispatch, what was served, what each provider bills,
// then the quarter's settlements and the AGI test, which need the whole quarter's cost.
void Run::quarter(int q) {
    clause_state(q);
    dispatch(q);
    const double inference_revenue = record_service(q);
    bill(q);
    r_.cost_usd[q] = settle_quarter(q, inference_revenue);
    r_.totals.inference_revenue_usd += inference_revenue;
    if (!ws_.flows.empty()) money_flows(inference_revenue);
    if (outages_) outages(q);
    std::swap(alloc_, prev_);  // dispatch clears alloc_ before it is used again
}

// Each workload's service and shortfall this quarter; returns the quarter's inference revenue.
double Run::record_service(int q) {
    double inference_revenue = 0, shortfall = 0;
    for (int w = 0; w < W_; ++w) {
        const Workload& wl = s_.workloads[w];
        double served = allocated(w);
        WorkloadSeries& wsr = r_.workloads[w];
        wsr.served_h100e[q] = served;
        wsr.shortfall_h100e[q] = std::max(0.0, wsr.demand_h100e[q] - served);
        shortfall += wsr.shortfall_h100e[q];
        if (wl.kind == WorkloadKind::inference) inference_revenue += served * H * val(wl.value_usd_per_h100e_hour);
    }
    r_.shortfall_h100e[q] = shortfall;

    return inference_revenue;
}

// Egress, compute, reservation, fixed and provider costs of every provider this quarter (MODEL §3, §11).
void Run::bill(int q) {
    // Egress bytes, pooled per billing provider (MODEL §3); none moves when no workload has a home.
    if (any_home_) {
        std::fill(ws_.billed_gb.begin(), ws_.billed_gb.end(), 0.0);
        for (int w = 0; w < W_; ++w) {
            const Workload& wl = s_.workloads[w];
            int home = ws_.home[w];
            if (home < 0) continue;
            for (int p = 0; p < P_; ++p)
                if (p != home && alloc(p, w) > 0)
                    ws_.billed_gb[wl.kind == WorkloadKind::inference ? p : home] += val(wl.egress_gb_per_h100e_hour) * alloc(p, w) * H;
        }
    }

    for (int p = 0; p < P_; ++p) {
        const Provider& pr = s_.providers[p];
        ProviderSeries& ps = r_.providers[p];
        double used = 0;
        for (int w = 0; w < W_; ++w) used += alloc(p, w);
        ps.alloc_h100e[q] = used;
        ps.mw_used[q] = ps.capacity_h100e[q] > 0 ? ps.online_mw[q] * used / ps.capacity_h100e[q] : 0.0;
        if (reserved(p)) reservation_charges(p, q);
        else if (!(used > 0)) ps.compute_usd[q] = 0.0;
        else if (ws_.provider_commitment_begin[p] == ws_.provider_commitment_begin[p + 1]) ps.compute_usd[q] = 0.0 + used * H * list_price(p, q);  // bill_compute without commitments
        else ps.compute_usd[q] = bill_compute(p, list_price(p, q), used * H);
        ps.egress_usd[q] = pr.egress.present && any_home_ && !(ws_.billed_gb[p] <= 0) ? egress_charge(p, ws_.billed_gb[p]) : 0.0;
        double fixed = 0;
        if (used > kNone) {
            if (!ws_.onboarded[p]) fixed += val(pr.onboarding_usd), ws_.onboarded[p] = 1;
            fixed += val(pr.overhead_usd_per_quarter);
        }
        if (pr.kind == ProviderKind::owned)
            fixed += ps.online_mw[q] * ws_.owned_usd_per_mw_year[p] / 4.0;
        ps.fixed_usd[q] = fixed;
        if (pr.provider_cost.present) ps.provider_cost_usd[q] = provider_cost(p, q);
    }
}

// The quarter's settlements, SLA credits and AGI test (MODEL §5, §10.5, §11.3); returns the quarter's
// cost, stranding that AGI causes included.
double Run::settle_quarter(int q, double inference_revenue) {
    // Commitments whose fixed window ends now settle before the profit test; those ending
    // with AGI settle after it (MODEL §10.5: the test excludes stranding AGI itself causes).
    for (int c : ws_.active_commitment)
        if (!s_.contract[c].to_agi && ws_.clause_to[c] == q) settle(c, q);
    if (!ws_.active_sla.empty()) sla_credits(q);
    double cost = 0;
    for (int p = 0; p < P_; ++p) {
        const ProviderSeries& ps = r_.providers[p];
        cost += ps.compute_usd[q] + ps.egress_usd[q] + ps.fixed_usd[q] + ps.stranded_usd[q] - ps.sla_credit_usd[q];
    }
    // MODEL §11.3: the profit test keeps gross inference revenue; its cost is net of credits.
    cum_profit_ += inference_revenue - cost;
    if (agi_now() > q)
        for (int c : ws_.profit_agi)
            if (ws_.active[c] && cum_profit_ >= val(s_.contract[c].profit_threshold_usd)) agi_profit_ = q;
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
    return cost;
}

//-----------------------------------------------------------------------------
// [SECTION] Totals and stakeholders (MODEL §6, §11.5)
//-----------------------------------------------------------------------------

void Run::totals() {
    Totals& t = r_.totals;
    double rate = val(s_.discount_rate_per_year);
    double demand_sum = 0, served_sum = 0, alloc_sum = 0, gwh = 0;
    // (1 + r)^(−q/4): kept in the workspace while r and T stay the same (one pow per quarter otherwise).
    if (!ws_.discount_valid || ws_.discount_rate != rate || ws_.discount.size() != static_cast<std::size_t>(T_)) {
        ws_.discount.resize(T_);
        for (int q = 0; q < T_; ++q) ws_.discount[q] = std::pow(1 + rate, -q / 4.0);
        ws_.discount_rate = rate;
        ws_.discount_valid = true;
    }
    for (int q = 0; q < T_; ++q) {
        t.npv_usd += r_.cost_usd[q] * ws_.discount[q];
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
        double compute = 0, egress = 0, fixed = 0, stranded = 0, credit = 0, own_cost = 0, share_sum = 0;
        for (int q = 0; q < T_; ++q) {
            compute += ps.compute_usd[q], egress += ps.egress_usd[q], fixed += ps.fixed_usd[q], stranded += ps.stranded_usd[q];
            credit += ps.sla_credit_usd[q], own_cost += ps.provider_cost_usd[q];
            if (ps.alloc_h100e[q] > kNone) alloc_sum += ps.alloc_h100e[q], share_sum += ps.alloc_h100e[q];
        }
        ws_.alloc_h100e_quarters[p] = share_sum;
        t.compute_usd += compute, t.egress_usd += egress, t.fixed_usd += fixed, t.stranded_usd += stranded, t.sla_credit_usd += credit;
        // MODEL §11.5: what it bills, net of the credits it refunds; owned capacity bills nobody.
        pv.revenue_usd = s_.providers[p].kind == ProviderKind::owned ? 0.0 : compute + egress + fixed + stranded - credit;
        pv.cost_usd = own_cost;
    }
    t.cost_usd = t.compute_usd + t.egress_usd + t.fixed_usd + t.stranded_usd - t.sla_credit_usd;
    for (int p = 0; p < P_; ++p) {
        double share = alloc_sum > 0 ? ws_.alloc_h100e_quarters[p] / alloc_sum : 0.0;
        t.hhi += share * share;
        t.max_provider_share = std::max(t.max_provider_share, share);
    }
    // MODEL §11.5: the buyer's revenue and training value, each less the outage losses of its kind.
    double inference_loss = 0, training_served = 0, training_loss = 0;
    for (int w = 0; w < W_; ++w) {
        const WorkloadSeries& wsr = r_.workloads[w];
        const bool inference = s_.workloads[w].kind == WorkloadKind::inference;
        double value = val(s_.workloads[w].value_usd_per_h100e_hour);
        for (int q = 0; q < T_; ++q) {
            demand_sum += wsr.demand_h100e[q];
            served_sum += wsr.served_h100e[q];
            t.shortfall_h100e_hours += wsr.shortfall_h100e[q] * H;
            t.shortfall_value_usd += wsr.shortfall_h100e[q] * H * value;
            const double loss = wsr.outage_loss_h100e_hours[q] * value;
            t.outage_loss_usd += loss;
            (inference ? inference_loss : training_loss) += loss;
            if (!inference) training_served += wsr.served_h100e[q] * H * value;
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
    b.revenue_usd = t.inference_revenue_usd - inference_loss;
    b.training_value_usd = training_served - training_loss;
    derive_buyer(t, b);
    for (auto& pv : r_.stakeholders) derive_provider(pv);
}

}  // namespace engine_detail

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

void evaluate_into(const Scenario& s, const double* values, const double* outage_hours, Workspace& ws, Result& out,
                   const double* outage_month_hours) {
    engine_detail::Run(s, values, outage_hours, outage_month_hours, ws, out).run();
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
        for (const auto& f : provider_series_fields())
            if (!ok(p.*f.member)) return false;
    for (const auto& w : r.workloads)
        for (const auto& f : workload_series_fields())
            if (!ok(w.*f.member)) return false;
    for (const TotalField& f : total_fields())
        if (!f.nullable() && !std::isfinite(f.value(r.totals))) return false;
    if (r.totals.has_usd_per_served && !std::isfinite(r.totals.usd_per_served_h100e_hour)) return false;
    for (const auto& f : buyer_figures())
        if (!std::isfinite(r.buyer.*f.member)) return false;
    for (const auto& pv : r.stakeholders)
        for (const auto& f : provider_figures())
            if (!std::isfinite(pv.*f.member)) return false;
    return true;
}

}  // namespace pactscope
