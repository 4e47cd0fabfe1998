// workspace.h — the scratch memory of one evaluation (engine.h), reused between calls.
//
// What it is: every array the quarter loop reads and writes, grouped by what it is indexed by, and
// reset(), which gives each one its size and its start value for a scenario. The fields and reset()
// sit together so that a new field is added to both in one place: a reused workspace never keeps a
// previous evaluation's values (tests/core/test_engine_workspace.cpp runs different scenarios through
// one workspace and compares with fresh ones). The only thing kept between calls is the npv discount
// factors, with the rate and horizon they were computed for.
//
// Flags are int, not uint8_t: a store through an unsigned char may alias anything, which makes the
// compiler reload every vector's data pointer after it in the inner loops.
//
// Usage:
//   Workspace ws;                                  // once per thread
//   evaluate_into(s, values, nullptr, ws, result); // calls ws.reset(...) itself
#pragma once
#include <climits>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "model/scenario.h"

namespace pactscope {

struct Workspace {
    // --- per provider × workload, workload-major (Run::pw(p, w) = w × P + p) --------------------------
    std::vector<double> alloc, prev_alloc;  // this quarter's allocation and last quarter's
    std::vector<double> marginal;           // w's marginal cost on p this quarter (MODEL §4)
    std::vector<double> prepaid;            // what step 1b gave (MODEL §11.2)
    std::vector<double> egress_term;        // the egress part of the marginal cost (MODEL §4) ...
    std::vector<int> has_egress_term;       // ... and whether there is one (w has a home elsewhere)
    std::vector<int> order;                 // each workload's merit order; starts as 0, 1, …, P − 1
    std::vector<int> failover_order;        // outages(): an inference workload's order, only providers it can fail over to

    // --- per provider ----------------------------------------------------------------------------------
    std::vector<double> spare, eff_price, billed_gb, pool, floor_share;
    std::vector<double> first_tier_usd_per_gb;  // its egress's first positive tier price (MODEL §4), 0 if none
    // Fixed for a run: an owned provider's capex / amortization + opex (MODEL §3), and the same of its
    // provider_cost (§11.4), per MW and year.
    std::vector<double> owned_usd_per_mw_year, cost_usd_per_mw_year;
    std::vector<double> alloc_h100e_quarters;  // totals(): its allocations above 1e-9 H100e, summed (MODEL §6's shares)
    std::vector<double> sorted_price;           // the effective prices and commitment ranks the merit
    std::vector<int> sorted_commit;             // orders were last sorted for (MODEL §4)
    std::vector<int> eligible, has_commit, onboarded, rofr_holder;
    std::vector<int> failover_set;  // outages(): the eligible providers with spare this quarter (ascending)
    // MODEL §11.2: its active reservation (or -1), the prepaid amount not yet taken, the quarter's idle charge.
    std::vector<int> reservation_of;
    std::vector<double> prepaid_left, idle_usd;
    // MODEL §11.3, rebuilt with the clause lists: the providers an active sla clause names (ascending);
    // per provider its active sla clauses (document order) and their tiers, the rate of a month with no
    // outage and the expected monthly rate (deterministic runs), kept while those clauses stay the same.
    std::vector<int> sla_providers, sla_now;
    std::vector<std::vector<int>> sla_clauses;
    std::vector<std::vector<const std::vector<SlaTier>*>> sla_tiers;
    std::vector<double> sla_up_rate, sla_expected;
    // Its commitments (document order) are provider_commitments[begin[p], begin[p + 1]); P + 1 entries.
    std::vector<int> provider_commitment_begin, provider_commitments;

    // --- per provider × quarter, provider-major ----------------------------------------------------------
    std::vector<double> price;  // list price (clouds) or marginal power price (owned)

    // --- per workload ------------------------------------------------------------------------------------
    std::vector<int> home;  // MODEL §3: its home provider this quarter, -1 for none
    std::vector<double> demand_now;

    // --- per clause --------------------------------------------------------------------------------------
    std::vector<double> commit_spent, rs_paid;
    std::vector<int> commit_done, commit_settled, active;
    std::vector<int> clause_from, clause_to;  // window in quarters from the start (agi: unlimited)
    std::vector<int> reservation_slot, commitment_slot;  // its reservations[] / commitments[] entry, or -1

    // --- clause lists (document order): active this quarter, and by type for the whole run -----------------
    std::vector<int> active_exclusive, active_preferred, active_rofr, active_commitment, active_reservation, active_sla;
    std::vector<int> commitments, profit_agi, flows;  // flows: revenue_share and ip_access clauses

    // --- kept between calls: (1 + r)^(−q/4) per quarter for npv_usd (MODEL §1), for discount_rate and size --
    std::vector<double> discount;
    double discount_rate = 0;
    bool discount_valid = false;

    // Every field above the npv factors to its size and start value for a scenario of P providers,
    // W workloads, C clauses and T quarters. Sizes are kept between calls, so this does not allocate
    // once the workspace has seen a scenario at least as large.
    void reset(int P, int W, int C, int T) {
        const auto n = [](int a, int b = 1) { return static_cast<std::size_t>(a) * static_cast<std::size_t>(b); };
        for (auto* v : {&alloc, &prev_alloc, &marginal, &prepaid, &egress_term}) v->assign(n(P, W), 0.0);
        has_egress_term.assign(n(P, W), 0);
        order.resize(n(P, W));
        failover_order.assign(n(P, W), 0);
        failover_set.clear();
        for (int w = 0; w < W; ++w)
            for (int p = 0; p < P; ++p) order[n(w, P) + static_cast<std::size_t>(p)] = p;

        for (auto* v : {&spare, &eff_price, &billed_gb, &pool, &floor_share, &first_tier_usd_per_gb, &owned_usd_per_mw_year,
                        &cost_usd_per_mw_year, &alloc_h100e_quarters, &sorted_price, &prepaid_left,
                        &idle_usd, &sla_up_rate, &sla_expected})
            v->assign(n(P), 0.0);
        for (auto* v : {&sorted_commit, &has_commit, &onboarded, &rofr_holder}) v->assign(n(P), 0);
        eligible.assign(n(P), 1);
        reservation_of.assign(n(P), -1);
        sla_providers.clear();
        sla_now.clear();
        sla_clauses.resize(n(P));
        sla_tiers.resize(n(P));
        for (auto& list : sla_clauses) list.clear();  // keeps each one's memory
        for (auto& list : sla_tiers) list.clear();
        provider_commitment_begin.assign(n(P + 1), 0);
        provider_commitments.clear();

        price.assign(n(P, T), 0.0);

        home.assign(n(W), -1);
        demand_now.assign(n(W), 0.0);

        for (auto* v : {&commit_spent, &rs_paid}) v->assign(n(C), 0.0);
        for (auto* v : {&commit_done, &commit_settled, &active}) v->assign(n(C), 0);
        clause_from.assign(n(C), -kFarQuarters);
        clause_to.assign(n(C), kFarQuarters);
        reservation_slot.assign(n(C), -1);
        commitment_slot.assign(n(C), -1);

        for (auto* v : {&active_exclusive, &active_preferred, &active_rofr, &active_commitment, &active_reservation, &active_sla,
                        &commitments, &profit_agi, &flows})
            v->clear();
    }

    // A quarter index beyond any horizon: "no limit" for a clause window, "never" for AGI.
    static constexpr int kFarQuarters = INT_MAX / 2;
};

}  // namespace pactscope
