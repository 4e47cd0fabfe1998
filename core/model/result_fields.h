// result_fields.h — the result's vocabularies (MODEL §6, §11.5) as tables: per-quarter series of a
// provider and of a workload, totals, and the buyer's and each provider's stakeholder figures.
//
// What it is: one row per number — its name in the result, the member that holds it, its unit,
// which way is better, and what it means. The engine sizes and checks the series by iterating
// them; result_io writes JSON and CSV from them; metric.cpp names metrics with them; the Monte
// Carlo keeps and summarises every total and stakeholder figure through them; the page labels
// and formats them. A new number is one row here plus the line of the engine that computes it.
//
// Usage:
//   for (const TotalField& t : total_fields()) out[t.name] = t.value(result.totals);
//   for (const auto& f : buyer_figures()) std::cout << f.name << " " << result.buyer.*f.member;
#pragma once
#include <array>
#include <limits>
#include <string>
#include <vector>

#include "model/result.h"

namespace pactscope {

// count: a number of things, e.g. the trials in a histogram's bin.
enum class ValueUnit : std::uint8_t { usd, usd_per_h100e_hour, h100e, h100e_hours, mw, gwh, share, index, quarter, count };

// Which way is better for the party a number belongs to (the buyer for totals).
inline constexpr int kLowerIsBetter = -1, kNoDirection = 0, kHigherIsBetter = +1;

template <class Series>
struct SeriesField {
    const char* name;
    std::vector<double> Series::*member;
    ValueUnit unit;
    const char* meaning;
};
const std::vector<SeriesField<ProviderSeries>>& provider_series_fields();
const std::vector<SeriesField<WorkloadSeries>>& workload_series_fields();

struct TotalField {
    const char* name;
    const char* label;       // a short human name: "Total cost", "Unserved compute" (MODEL §8 labels)
    double Totals::*member;  // nullptr: agi_quarter (an int quarter index)
    bool Totals::*present;   // the totals that can be null (MODEL §6): whether this result has it; nullptr: always
    ValueUnit unit;
    int direction;
    const char* meaning;
    // The total in a result; NaN when null. agi_quarter is its index from horizon.start.
    double value(const Totals& t) const {
        if (present && !(t.*present)) return std::numeric_limits<double>::quiet_NaN();
        return member ? t.*member : static_cast<double>(t.agi_quarter);
    }
    bool nullable() const { return present != nullptr; }
};
// MODEL §6, §11.5. Here rather than in the .cpp so its size is a constant (fixed-size buffers, kTotalCount).
inline constexpr auto kTotalFields = std::to_array<TotalField>({
    {"cost_usd", "Total cost", &Totals::cost_usd, nullptr, ValueUnit::usd, kLowerIsBetter,
     "What the buyer pays for compute: compute + egress + fixed + stranded - SLA credits"},
    {"npv_usd", "Present value of cost", &Totals::npv_usd, nullptr, ValueUnit::usd, kLowerIsBetter, "Present value of cost at the horizon's discount rate"},
    {"compute_usd", "Compute cost", &Totals::compute_usd, nullptr, ValueUnit::usd, kLowerIsBetter, "Compute billed"},
    {"egress_usd", "Egress cost", &Totals::egress_usd, nullptr, ValueUnit::usd, kLowerIsBetter, "Egress billed"},
    {"fixed_usd", "Fixed cost", &Totals::fixed_usd, nullptr, ValueUnit::usd, kLowerIsBetter, "Onboarding, overhead and owned capacity"},
    {"stranded_usd", "Stranded take-or-pay", &Totals::stranded_usd, nullptr, ValueUnit::usd, kLowerIsBetter,
     "Take-or-pay paid for nothing (commitments' shortfall, reservations' idle)"},
    {"sla_credit_usd", "SLA credits", &Totals::sla_credit_usd, nullptr, ValueUnit::usd, kHigherIsBetter, "SLA credits refunded to the buyer"},
    {"shortfall_h100e_hours", "Unserved compute", &Totals::shortfall_h100e_hours, nullptr, ValueUnit::h100e_hours, kLowerIsBetter, "Demand not served"},
    {"shortfall_value_usd", "Value of unserved demand", &Totals::shortfall_value_usd, nullptr, ValueUnit::usd, kLowerIsBetter, "Value of demand not served"},
    {"outage_loss_usd", "Value lost to outages", &Totals::outage_loss_usd, nullptr, ValueUnit::usd, kLowerIsBetter, "Value lost to outages"},
    {"served_fraction", "Demand served", &Totals::served_fraction, nullptr, ValueUnit::share, kHigherIsBetter, "Share of demand served"},
    {"usd_per_served_h100e_hour", "Cost per served H100e-hour", &Totals::usd_per_served_h100e_hour, &Totals::has_usd_per_served, ValueUnit::usd_per_h100e_hour,
     kLowerIsBetter, "Cost per served H100e-hour"},
    {"revenue_share_to_holder_usd", "Revenue share paid", &Totals::revenue_share_to_holder_usd, nullptr, ValueUnit::usd, kLowerIsBetter,
     "Revenue share the buyer pays"},
    {"revenue_share_to_buyer_usd", "Revenue share received", &Totals::revenue_share_to_buyer_usd, nullptr, ValueUnit::usd, kHigherIsBetter,
     "Revenue share paid to the buyer"},
    {"hhi", "Provider concentration (HHI)", &Totals::hhi, nullptr, ValueUnit::index, kLowerIsBetter, "Concentration of allocated hours (Herfindahl-Hirschman, 0 to 1)"},
    {"max_provider_share", "Largest provider's share", &Totals::max_provider_share, nullptr, ValueUnit::share, kLowerIsBetter,
     "The largest provider's share of allocated hours"},
    {"peak_mw", "Peak power", &Totals::peak_mw, nullptr, ValueUnit::mw, kNoDirection, "Peak facility megawatts drawn in a quarter"},
    {"total_gwh", "Energy used", &Totals::total_gwh, nullptr, ValueUnit::gwh, kNoDirection, "Energy drawn over the horizon"},
    {"agi_quarter", "AGI quarter", nullptr, &Totals::has_agi, ValueUnit::quarter, kNoDirection, "The AGI quarter, if any"},
});
inline constexpr int kTotalCount = static_cast<int>(kTotalFields.size());
inline constexpr const auto& total_fields() { return kTotalFields; }

template <class View>
struct StakeholderField {
    const char* name;
    const char* label;  // what follows the party's name: "OpenAI — net", "Microsoft Azure — revenue"
    double View::*member;
    ValueUnit unit;
    int direction;
    const char* meaning;
};
const std::vector<StakeholderField<BuyerView>>& buyer_figures();
const std::vector<StakeholderField<ProviderView>>& provider_figures();

// Index of the row called `name` in any of these tables, or -1.
template <class Fields>
int field_index(const Fields& fields, const std::string& name) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (name == fields[i].name) return static_cast<int>(i);
    return -1;
}

// The unit in words for labels: "USD", "USD per H100e-hour", "H100e-hours", "share".
const char* value_unit_name(ValueUnit u);
// The unit in words for a CSV header, where numbers are written as they are: "share 0-1" rather than "%".
const char* value_unit_csv_name(ValueUnit u);
// "higher is better", "lower is better" or "neither way is better" (kNoDirection).
const char* direction_words(int direction);

// The names of the totals in table order (also used by the page's metric pickers).
const std::vector<std::string>& total_names();
// Index of a total in total_fields(), or -1.
int total_index(const std::string& name);
// All totals in table order; NaN where null.
void totals_array(const Totals& t, double* out);

// MODEL §6, §10.11, §11.5: the stakeholder figures that follow from the others. The engine and the
// Monte Carlo's reconstruction of unstored figures both call these, so they agree to the bit.
//   buyer: cost, lost value and the shares from the totals; net = revenue + received − cost − paid.
void derive_buyer(const Totals& t, BuyerView& b);
//   provider: net = revenue + received − paid + ip_value − cost.
void derive_provider(ProviderView& v);

}  // namespace pactscope
