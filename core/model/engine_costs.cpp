// engine_costs.cpp — what a quarter costs and who pays whom (MODEL §3, §5, §11).
//
// [SECTION] Compute: commitments and reservations
// [SECTION] Egress, provider cost, settlements
// [SECTION] SLA credits (MODEL §11.3)
// [SECTION] Money flows and outages
#include "model/engine_run.h"
#include "model/sla_credit.h"

namespace pactscope::engine_detail {

//-----------------------------------------------------------------------------
// [SECTION] Compute: commitments and reservations
//-----------------------------------------------------------------------------

// Bills `hours` H100e-hours on p at its price, consuming its commitments in document order
// (MODEL §3, §10.6); each bills at its own rate (§11.1) until used up, the rest at the list price.
// This is the compute billed before any SLA credit: credits do not slow a drawdown (§11.3).
double Run::bill_compute(int p, double price, double hours) {
    double usd = 0;
    for (int i = ws_.provider_commitment_begin[p]; i < ws_.provider_commitment_begin[p + 1]; ++i) {
        if (hours <= 0) break;
        const int c = ws_.provider_commitments[i];
        const Clause& cl = s_.contract[c];
        if (!commitment_unspent(c)) continue;
        double rate = commitment_rate(cl, price);
        double remaining = val(cl.usd) - ws_.commit_spent[c];
        double take = rate > 0 ? std::min(hours, remaining / rate) : hours;
        usd += take * rate;
        ws_.commit_spent[c] += take * rate;
        hours -= take;
        if (ws_.commit_spent[c] >= val(cl.usd) * (1 - kSpentTolerance)) {  // MODEL §10.6
            ws_.commit_spent[c] = val(cl.usd);
            ws_.commit_done[c] = 1;
        }
    }
    return usd + hours * price;
}

// MODEL §11.2: a reserved provider bills what is allocated at the reservation price, and the prepaid
// part left idle (take_or_pay × capacity − alloc) that quarter as stranded_usd.
void Run::reservation_charges(int p, int q) {
    ProviderSeries& ps = r_.providers[p];
    const int c = ws_.reservation_of[p];
    const double price = ws_.eff_price[p], used = ps.alloc_h100e[q], capacity = ps.capacity_h100e[q];
    ps.compute_usd[q] = used * H * price;
    const double idle = std::max(0.0, val(s_.contract[c].take_or_pay) * capacity - used) * H * price;
    ps.stranded_usd[q] += idle;
    ws_.idle_usd[p] = idle;
    ReservationOutcome& ro = r_.reservations[static_cast<std::size_t>(ws_.reservation_slot[c])];
    ro.reserved_h100e_hours += capacity * H;
    ro.used_h100e_hours += used * H;
    ro.idle_usd += idle;
    ro.paid_usd += ps.compute_usd[q] + idle;
}

//-----------------------------------------------------------------------------
// [SECTION] Egress, provider cost, settlements
//-----------------------------------------------------------------------------

double Run::egress_charge(int p, double gb) const {
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

// MODEL §11.4: online MW × (capex / amortization + opex) / 4 + MW drawn × H × power price
// (the bracket worked out once per run: ws_.cost_usd_per_mw_year).
double Run::provider_cost(int p, int q) const {
    const ProviderCost& pc = s_.providers[p].provider_cost;
    const ProviderSeries& ps = r_.providers[p];
    return ps.online_mw[q] * ws_.cost_usd_per_mw_year[p] / 4.0 + ps.mw_used[q] * H * val(pc.power_usd_per_mwh);
}

void Run::settle(int c, int q) {
    ws_.commit_settled[c] = 1;
    const Clause& cl = s_.contract[c];
    double stranded = std::max(0.0, val(cl.take_or_pay) * val(cl.usd) - ws_.commit_spent[c]);
    r_.providers[cl.provider].stranded_usd[q] += stranded;
    r_.commitments[static_cast<std::size_t>(ws_.commitment_slot[c])].stranded_usd = stranded;
}

//-----------------------------------------------------------------------------
// [SECTION] SLA credits (MODEL §11.3)
//-----------------------------------------------------------------------------

// For each provider with an active sla clause: credit = rate × (compute_usd + reservation idle), the
// rate being the highest of its clauses' — per drawn month in a Monte Carlo trial (the mean of the
// three months' rates), else the expected monthly rate.
void Run::sla_credits(int q) {
    for (int p : ws_.sla_providers) {
        double rate = 0;
        if (outage_months_) {
            const double* month = outage_months_ + (static_cast<std::size_t>(p) * T_ + q) * 3;
            for (int m = 0; m < 3; ++m)  // most months have no outage: the rate worked out by sla_lists
                rate += month[m] != 0 ? sla_max_rate(ws_.sla_tiers[p], month_availability(month[m])) : ws_.sla_up_rate[p];
            rate /= 3;
        } else {
            rate = ws_.sla_expected[p];
        }
        ProviderSeries& ps = r_.providers[p];
        ps.sla_credit_usd[q] = rate * (ps.compute_usd[q] + (reserved(p) ? ws_.idle_usd[p] : 0.0));
    }
}

// Rebuilt with the clause lists: which providers an active sla clause names, their clauses' tiers, and
// the rates that stay fixed while those clauses do (λ and the outage duration are fixed for a run).
void Run::sla_lists() {
    ws_.sla_providers.clear();
    if (ws_.active_sla.empty()) return;
    for (int p = 0; p < P_; ++p) {
        ws_.sla_now.clear();
        for (int c : ws_.active_sla)
            if (s_.contract[c].provider == p) ws_.sla_now.push_back(c);
        if (ws_.sla_now.empty()) continue;
        ws_.sla_providers.push_back(p);
        if (ws_.sla_now == ws_.sla_clauses[p]) continue;  // the same clauses: the same tiers and rates
        ws_.sla_clauses[p] = ws_.sla_now;
        ws_.sla_tiers[p].clear();
        for (int c : ws_.sla_now) ws_.sla_tiers[p].push_back(&s_.contract[c].credits);
        ws_.sla_up_rate[p] = sla_max_rate(ws_.sla_tiers[p], month_availability(0));
        if (!outage_months_) {
            const Provider& pr = s_.providers[p];
            ws_.sla_expected[p] = expected_sla_rate(ws_.sla_tiers[p], val(pr.outages_per_year) / 12.0, val(pr.outage_hours));
        }
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Money flows and outages
//-----------------------------------------------------------------------------

void Run::money_flows(double inference_revenue) {
    for (int c : ws_.flows) {  // revenue_share and ip_access clauses, document order
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

// MODEL §5, §10.10: lost H100e-hours while a provider is down; inference fails over to spare capacity.
// Only eligible providers with spare (> 0) can take any: each inference workload walks those alone, in its
// merit order (ws_.failover_order, built when first needed in the quarter). The others would take
// min(need, 0) = 0, which changes neither the pool nor what is covered.
void Run::outages(int q) {
    bool listed = false;
    for (int p = 0; p < P_; ++p) {
        const Provider& pr = s_.providers[p];
        double hours = outage_ ? outage_[static_cast<std::size_t>(p) * T_ + q] : std::min(H, val(pr.outages_per_year) / 4.0 * val(pr.outage_hours));
        if (hours <= 0 || !(r_.providers[p].alloc_h100e[q] > 0)) continue;  // down, but serving nothing: nothing lost
        bool pooled = false;  // the spare capacity others can fail over to, filled when first needed
        for (int w = 0; w < W_; ++w) {
            double a = alloc(p, w);
            if (a <= 0) continue;
            double covered = 0;
            if (s_.workloads[w].kind == WorkloadKind::inference && s_.policy.failover) {
                if (!listed) failover_lists(), listed = true;
                if (!pooled)
                    for (int o : ws_.failover_set) ws_.pool[o] = o == p ? 0.0 : spare_[o];
                pooled = true;
                const int* ord = &ws_.failover_order[pw(0, w)];
                const int n = static_cast<int>(ws_.failover_set.size());
                for (int i = 0; i < n && covered < a; ++i) {
                    int o = ord[i];
                    if (o == p) continue;
                    double take = std::min(a - covered, ws_.pool[o]);
                    ws_.pool[o] -= take;
                    covered += take;
                }
            }
            r_.workloads[w].outage_loss_h100e_hours[q] += (a - covered) * hours;
        }
    }
}

// The providers inference can fail over to this quarter (eligible, spare > 0), and each inference
// workload's merit order restricted to them.
void Run::failover_lists() {
    // Each list is written without a branch per provider (every slot, then advance by whether it joins):
    // who has spare differs from trial to trial, which a branch predictor cannot learn.
    auto joins = [&](int p) { return static_cast<int>((elig_[p] != 0) & (spare_[p] > 0)); };
    ws_.failover_set.resize(static_cast<std::size_t>(P_));
    int n = 0;
    for (int p = 0; p < P_; ++p) ws_.failover_set[static_cast<std::size_t>(n)] = p, n += joins(p);
    ws_.failover_set.resize(static_cast<std::size_t>(n));
    for (int w = 0; w < W_; ++w) {
        if (s_.workloads[w].kind != WorkloadKind::inference) continue;
        int* out = &ws_.failover_order[pw(0, w)];
        const int* ord = order(w);
        for (int i = 0, k = 0; i < P_; ++i) out[k] = ord[i], k += joins(ord[i]);
    }
}

}  // namespace pactscope::engine_detail
