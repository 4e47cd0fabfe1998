// result_fields.cpp — the result tables (see result_fields.h). Order is output order.
#include "model/result_fields.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

namespace pactscope {

const std::vector<SeriesField<ProviderSeries>>& provider_series_fields() {
    using P = ProviderSeries;
    static const std::vector<SeriesField<P>> table = {
        {"capacity_h100e", &P::capacity_h100e, ValueUnit::h100e, "Capacity online this quarter"},
        {"online_mw", &P::online_mw, ValueUnit::mw, "Facility megawatts online"},
        {"alloc_h100e", &P::alloc_h100e, ValueUnit::h100e, "Capacity allocated to the buyer's workloads"},
        {"mw_used", &P::mw_used, ValueUnit::mw, "Facility megawatts drawn by the allocation"},
        {"compute_usd", &P::compute_usd, ValueUnit::usd, "Compute billed (at a commitment's, a reservation's or the list price)"},
        {"egress_usd", &P::egress_usd, ValueUnit::usd, "Egress billed by this provider"},
        {"fixed_usd", &P::fixed_usd, ValueUnit::usd, "Onboarding, overhead and owned capacity's fixed cost"},
        {"stranded_usd", &P::stranded_usd, ValueUnit::usd, "Take-or-pay paid for nothing: a commitment's settlement, a reservation's idle capacity"},
        {"sla_credit_usd", &P::sla_credit_usd, ValueUnit::usd, "SLA credits the provider refunds (MODEL §11.3)"},
        {"provider_cost_usd", &P::provider_cost_usd, ValueUnit::usd, "The provider's own cost of its capacity (MODEL §11.4)"},
    };
    return table;
}

const std::vector<SeriesField<WorkloadSeries>>& workload_series_fields() {
    using W = WorkloadSeries;
    static const std::vector<SeriesField<W>> table = {
        {"demand_h100e", &W::demand_h100e, ValueUnit::h100e, "Demand"},
        {"served_h100e", &W::served_h100e, ValueUnit::h100e, "Demand served"},
        {"shortfall_h100e", &W::shortfall_h100e, ValueUnit::h100e, "Demand not served"},
        {"outage_loss_h100e_hours", &W::outage_loss_h100e_hours, ValueUnit::h100e_hours, "Served hours lost to outages"},
    };
    return table;
}

const std::vector<StakeholderField<BuyerView>>& buyer_figures() {
    using B = BuyerView;
    constexpr int lower = kLowerIsBetter, higher = kHigherIsBetter;
    static const std::vector<StakeholderField<B>> table = {
        {"cost_usd", "cost", &B::cost_usd, ValueUnit::usd, lower, "What the buyer pays for compute (the total cost_usd)"},
        {"lost_value_usd", "lost value", &B::lost_value_usd, ValueUnit::usd, lower, "Value of unserved demand and of outages"},
        {"revenue_share_paid_usd", "revenue share paid", &B::revenue_share_paid_usd, ValueUnit::usd, lower, "Revenue share the buyer pays"},
        {"revenue_share_received_usd", "revenue share received", &B::revenue_share_received_usd, ValueUnit::usd, higher, "Revenue share the buyer receives"},
        {"revenue_usd", "revenue", &B::revenue_usd, ValueUnit::usd, higher, "Inference revenue less what outages lost of it"},
        {"training_value_usd", "training value", &B::training_value_usd, ValueUnit::usd, higher, "Value of served training less what outages lost of it"},
        {"net_usd", "net", &B::net_usd, ValueUnit::usd, higher, "Revenue + revenue share received - cost - revenue share paid"},
    };
    return table;
}

const std::vector<StakeholderField<ProviderView>>& provider_figures() {
    using V = ProviderView;
    constexpr int lower = kLowerIsBetter, higher = kHigherIsBetter;
    static const std::vector<StakeholderField<V>> table = {
        {"revenue_usd", "revenue", &V::revenue_usd, ValueUnit::usd, higher, "What it bills the buyer, net of SLA credits (0 for owned capacity)"},
        {"revenue_share_received_usd", "revenue share received", &V::revenue_share_received_usd, ValueUnit::usd, higher, "Revenue share it receives"},
        {"revenue_share_paid_usd", "revenue share paid", &V::revenue_share_paid_usd, ValueUnit::usd, lower, "Revenue share it pays"},
        {"ip_value_usd", "IP value", &V::ip_value_usd, ValueUnit::usd, higher, "Value of its IP access"},
        {"cost_usd", "cost", &V::cost_usd, ValueUnit::usd, lower, "Its own cost of capacity (provider_cost)"},
        {"net_usd", "net", &V::net_usd, ValueUnit::usd, higher, "Revenue + shares received - shares paid + IP value - cost"},
    };
    return table;
}

namespace {
// One row per ValueUnit, in the enum's order: the unit's name in labels, and in CSV headers, where numbers
// are written as they are (a share as 0.35, not 35%), so there the range is named.
struct ValueUnitWords {
    const char* label;
    const char* csv;
};
constexpr ValueUnitWords kValueUnitWords[] = {
    {"USD", "USD"},                                   // usd
    {"USD per H100e-hour", "USD per H100e-hour"},     // usd_per_h100e_hour
    {"H100e", "H100e"},                               // h100e
    {"H100e-hours", "H100e-hours"},                   // h100e_hours
    {"MW", "MW"},                                     // mw
    {"GWh", "GWh"},                                   // gwh
    {"share", "share 0-1"},                           // share
    {"index (0 to 1)", "index 0-1"},                  // index
    {"quarter", "quarters from the horizon's start"}, // quarter
    {"count", "count"},                               // count
};
static_assert(std::size(kValueUnitWords) == static_cast<std::size_t>(ValueUnit::count) + 1, "one row per ValueUnit");
}  // namespace

const char* value_unit_name(ValueUnit u) { return kValueUnitWords[static_cast<std::size_t>(u)].label; }
const char* value_unit_csv_name(ValueUnit u) { return kValueUnitWords[static_cast<std::size_t>(u)].csv; }

const char* direction_words(int direction) {
    return direction > 0 ? "higher is better" : direction < 0 ? "lower is better" : "neither way is better";
}

const std::vector<std::string>& total_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const TotalField& t : total_fields()) out.emplace_back(t.name);
        return out;
    }();
    return names;
}

int total_index(const std::string& name) {
    const auto& names = total_names();
    auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

void totals_array(const Totals& t, double* out) {
    const auto& table = total_fields();
    for (std::size_t i = 0; i < table.size(); ++i) out[i] = table[i].value(t);
}

void derive_buyer(const Totals& t, BuyerView& b) {
    b.cost_usd = t.cost_usd;
    b.lost_value_usd = t.shortfall_value_usd + t.outage_loss_usd;
    b.revenue_share_paid_usd = t.revenue_share_to_holder_usd;
    b.revenue_share_received_usd = t.revenue_share_to_buyer_usd;
    b.net_usd = b.revenue_usd + b.revenue_share_received_usd - b.cost_usd - b.revenue_share_paid_usd;
}

void derive_provider(ProviderView& v) {
    v.net_usd = v.revenue_usd + v.revenue_share_received_usd - v.revenue_share_paid_usd + v.ip_value_usd - v.cost_usd;
}

}  // namespace pactscope
