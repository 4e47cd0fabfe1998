// scenario.h — the typed form of a `pactscope/scenario@1` document (MODEL §3).
//
// What it is: plain structs, filled by the scenario reader (io/scenario_read*.cpp) after validation, read by
// the engine. Every number is a QRef into `quantities`, so the engine can be run
// on medians, on Monte Carlo draws or on swept values without touching the
// structs. Ids are resolved to indices (provider, GPU) at parse time.
// What it is not: a place for behaviour; see engine.h.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/quantity.h"

namespace pactscope {

inline constexpr double kHoursPerQuarter = 2190.0;  // MODEL §1: 8760 / 4

struct Source {
    std::string id, title, url, date;
    bool operator==(const Source&) const = default;
};

struct Provenance {  // MODEL §10.4
    std::string source, note;
    bool operator==(const Provenance&) const = default;
};

struct Gpu {
    std::string name;
    QRef it_kw = -1, h100e = -1;
    bool operator==(const Gpu&) const = default;
};

struct Tranche {
    int online = 0;  // absolute quarter index
    QRef mw = -1;
    int gpu = -1;  // index into Scenario::gpus
    QRef slip_quarters = -1;
    Provenance prov;
    bool operator==(const Tranche&) const = default;
};

struct EgressTier {
    bool unlimited = false;  // up_to_tb: null
    double up_to_tb = 0;     // cumulative monthly TB after the free allowance
    QRef usd_per_gb = -1;
    bool operator==(const EgressTier&) const = default;
};

struct Egress {
    bool present = false;
    QRef free_tb_per_month = -1;
    std::vector<EgressTier> tiers;
    bool operator==(const Egress&) const = default;
};

enum class ProviderKind : std::uint8_t { cloud, owned };

// MODEL §11.4: a cloud's own cost of its capacity (capex, opex, power), for its stakeholder P&L.
struct ProviderCost {
    bool present = false;
    QRef capex_usd_per_mw = -1, amortization_years = -1, opex_usd_per_mw_year = -1, power_usd_per_mwh = -1;
    bool operator==(const ProviderCost&) const = default;
};

struct Provider {
    std::string id, name;
    ProviderKind kind = ProviderKind::cloud;
    QRef pue = -1;
    std::vector<Tranche> capacity;
    Egress egress;
    QRef onboarding_usd = -1, overhead_usd_per_quarter = -1, outages_per_year = -1, outage_hours = -1;
    // cloud
    QRef price_usd_per_h100e_hour = -1, price_change_per_year = -1;
    // owned
    QRef capex_usd_per_mw = -1, amortization_years = -1, opex_usd_per_mw_year = -1, power_usd_per_mwh = -1;
    // cloud: what its capacity costs the provider itself (MODEL §11.4); not a cost to the buyer
    ProviderCost provider_cost;
    Provenance prov;
    bool operator==(const Provider&) const = default;
};

enum class WorkloadKind : std::uint8_t { inference, training };

struct Workload {
    std::string id;
    WorkloadKind kind = WorkloadKind::inference;
    bool demand_is_series = false;
    QRef start_h100e = -1, growth_per_year = -1;
    std::vector<QRef> series;
    QRef block_h100e = -1, egress_gb_per_h100e_hour = -1, value_usd_per_h100e_hour = -1;
    int home = -1;  // provider index, -1 = none
    Provenance prov;
    bool operator==(const Workload&) const = default;
};

// The clause vocabulary (names, fields, who they name) is one table: clause_types.h.
enum class ClauseType : std::uint8_t {
    exclusive, rofr, preferred, commitment, api_exclusivity, revenue_share, ip_access, agi, reservation, sla
};
enum class RofrScope : std::uint8_t { all, training, inference };
enum class RofrMatch : std::uint8_t { capacity, price };
enum class SharePayer : std::uint8_t { buyer, holder };
enum class AgiTrigger : std::uint8_t { date, profit, none };

// One tier of an sla clause (MODEL §11.3): plain numbers, not uncertain quantities.
struct SlaTier {
    double below = 1, credit = 0;
    bool operator==(const SlaTier&) const = default;
};

// One struct for every clause type; only the fields of `type` are meaningful
// (the parser rejects the others, MODEL §10.3).
struct Clause {
    ClauseType type = ClauseType::exclusive;
    bool has_from = false, has_to = false, to_agi = false;
    int from = 0, to = 0;  // absolute quarter indices
    int holder = -1;       // provider index (all but commitment and agi)
    // exclusive
    std::vector<int> waivers;
    QRef waiver_max_share = -1;
    // rofr
    RofrScope scope = RofrScope::all;
    QRef response_quarters = -1;
    RofrMatch match = RofrMatch::capacity;
    QRef tolerance = -1;
    // preferred
    QRef min_share = -1;
    // commitment, reservation, sla: the provider the clause is about
    int provider = -1;
    // commitment (usd, discount or a contract price, take_or_pay); reservation (price, take_or_pay)
    QRef usd = -1, discount = -1, take_or_pay = -1;
    QRef price_usd_per_h100e_hour = -1;  // MODEL §11.1 contract price (optional) / §11.2 reservation price
    // sla
    std::vector<SlaTier> credits;
    // revenue_share
    SharePayer payer = SharePayer::buyer;
    QRef rate = -1, cap_usd = -1, holder_api_revenue_usd_per_quarter = -1;
    // ip_access
    QRef value_usd_per_quarter = -1;
    // agi
    AgiTrigger trigger = AgiTrigger::date;
    QRef date = -1;  // Dist::point or Dist::quarters over quarter indices relative to horizon.start
    QRef profit_threshold_usd = -1;
    Provenance prov;
    bool operator==(const Clause&) const = default;
};

struct Policy {
    QRef max_share_per_provider = -1;
    bool sticky = true, failover = true;
    bool operator==(const Policy&) const = default;
};

struct Correlation {
    std::string a, b;  // JSON pointers
    QRef qa = -1, qb = -1;
    double rho = 0;
    bool operator==(const Correlation&) const = default;
};

struct Uncertainty {
    std::int64_t trials = 10000;
    std::uint64_t seed = 1;
    std::vector<Correlation> correlations;
    bool operator==(const Uncertainty&) const = default;
};

struct Scenario {
    std::string name, description;
    bool has_name = false, has_description = false, has_sources = false;
    std::vector<Source> sources;
    int start = 0, end = 0;  // absolute quarter indices, inclusive
    QRef discount_rate_per_year = -1;
    std::vector<Gpu> gpus;
    std::string buyer_id, buyer_name;
    bool has_buyer_name = false;
    std::vector<Provider> providers;
    std::vector<Workload> workloads;
    std::vector<Clause> contract;
    Policy policy;
    Uncertainty uncertainty;
    std::vector<Quantity> quantities;

    int quarters() const { return end - start + 1; }
    // The medians of every quantity: the deterministic evaluation's input (MODEL §2).
    std::vector<double> medians() const;
    // Index of the quantity at a JSON pointer, or -1.
    QRef find_quantity(const std::string& pointer) const;

    bool operator==(const Scenario&) const = default;
};

// A clause type's name in the document ("rofr"); defined with the clause table (clause_types.cpp).
const char* to_string(ClauseType);

}  // namespace pactscope
