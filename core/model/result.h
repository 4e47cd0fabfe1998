// result.h — the outcome of one evaluation (MODEL §6), before it becomes JSON.
//
// Per-quarter series per provider and workload, clause activity, commitment
// settlements, reservations, totals and the stakeholder view. Sized once per
// scenario and reused across Monte Carlo trials (evaluate_into resizes without
// shrinking). The names, units and directions of these numbers are one table
// each in result_fields.h: JSON, CSV, metrics and the Monte Carlo iterate it.
#pragma once
#include <cstdint>
#include <vector>

namespace pactscope {

struct ProviderSeries {
    std::vector<double> capacity_h100e, online_mw, alloc_h100e, mw_used, compute_usd, egress_usd, fixed_usd, stranded_usd;
    std::vector<double> sla_credit_usd;     // MODEL §11.3: refunded by the provider, >= 0
    std::vector<double> provider_cost_usd;  // MODEL §11.4: the provider's own cost, not the buyer's
};

struct WorkloadSeries {
    std::vector<double> demand_h100e, served_h100e, shortfall_h100e, outage_loss_h100e_hours;
};

struct CommitmentOutcome {
    int clause = -1, provider = -1;
    double usd = 0, spent_usd = 0, stranded_usd = 0, remaining_usd = 0;
    bool settled = false;
};

// MODEL §11.2: one reservation clause summed over its active quarters in the horizon.
struct ReservationOutcome {
    int clause = -1, provider = -1;
    double reserved_h100e_hours = 0, used_h100e_hours = 0, paid_usd = 0, idle_usd = 0;
};

struct Totals {
    double cost_usd = 0, npv_usd = 0, compute_usd = 0, egress_usd = 0, fixed_usd = 0, stranded_usd = 0, sla_credit_usd = 0;
    double shortfall_h100e_hours = 0, shortfall_value_usd = 0, outage_loss_usd = 0, served_fraction = 1;
    bool has_usd_per_served = false;
    double usd_per_served_h100e_hour = 0;
    double revenue_share_to_holder_usd = 0, revenue_share_to_buyer_usd = 0;
    double hhi = 0, max_provider_share = 0, peak_mw = 0, total_gwh = 0;
    bool has_agi = false;
    int agi_quarter = 0;  // relative to horizon.start; may be < 0 or >= T (MODEL §10.5)
    double inference_revenue_usd = 0;  // gross (MODEL §3): the revenue share base and the AGI profit test
};

struct BuyerView {
    double cost_usd = 0, lost_value_usd = 0, revenue_share_paid_usd = 0, revenue_share_received_usd = 0;
    double revenue_usd = 0, training_value_usd = 0;  // MODEL §11.5: net of the outage losses of their kind
    double net_usd = 0;                              // MODEL §11.5: the buyer's compute P&L
};

struct ProviderView {
    double revenue_usd = 0, revenue_share_received_usd = 0, revenue_share_paid_usd = 0, ip_value_usd = 0;
    double cost_usd = 0;  // MODEL §11.4: Σ provider_cost_usd
    double net_usd = 0;
};

struct Result {
    int quarters = 0;
    std::vector<ProviderSeries> providers;
    std::vector<WorkloadSeries> workloads;
    std::vector<std::vector<std::uint8_t>> clause_active;  // per clause, per quarter
    std::vector<CommitmentOutcome> commitments;
    std::vector<ReservationOutcome> reservations;           // MODEL §11.2, one per reservation clause
    std::vector<double> cost_usd, shortfall_h100e;         // per quarter, all providers / workloads
    Totals totals;
    BuyerView buyer;
    std::vector<ProviderView> stakeholders;                 // per provider
};

}  // namespace pactscope
