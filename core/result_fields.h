// result_fields.h — the result's vocabularies (SPEC §6, §11.5) as tables: per-quarter series of a
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
#include <string>
#include <vector>

#include "result.h"

namespace pactscope {

enum class ValueUnit : std::uint8_t { usd, usd_per_h100e_hour, h100e, h100e_hours, mw, gwh, share, index, quarter };

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
    double Totals::*member;  // nullptr: agi_quarter (an int quarter index)
    bool Totals::*present;   // the totals that can be null (SPEC §6): whether this result has it; nullptr: always
    ValueUnit unit;
    int direction;
    const char* meaning;
    // The total in a result; NaN when null. agi_quarter is its index from horizon.start.
    double value(const Totals& t) const;
    bool nullable() const { return present != nullptr; }
};
const std::vector<TotalField>& total_fields();
inline constexpr int kTotalCount = 19;  // total_fields().size(), for fixed-size buffers (checked in result_fields.cpp)

template <class View>
struct StakeholderField {
    const char* name;
    double View::*member;
    ValueUnit unit;
    int direction;
    const char* meaning;
};
const std::vector<StakeholderField<BuyerView>>& buyer_figures();
const std::vector<StakeholderField<ProviderView>>& provider_figures();

// Index of the row called `name` in any of these tables, or -1.
template <class Field>
int field_index(const std::vector<Field>& fields, const std::string& name) {
    for (std::size_t i = 0; i < fields.size(); ++i)
        if (name == fields[i].name) return static_cast<int>(i);
    return -1;
}

// The names of the totals in table order (also used by the page's metric pickers).
const std::vector<std::string>& total_names();
// Index of a total in total_fields(), or -1.
int total_index(const std::string& name);
// All totals in table order; NaN where null.
void totals_array(const Totals& t, double* out);
// A total by name; false when it is null for this result (usd_per_served_h100e_hour, agi_quarter).
bool total_value(const Result& r, const std::string& name, double& out);

// SPEC §6, §10.11, §11.5: the stakeholder figures that follow from the others. The engine and the
// Monte Carlo's reconstruction of unstored figures both call these, so they agree to the bit.
//   buyer: cost, lost value and the shares from the totals; net = revenue + received − cost − paid.
void derive_buyer(const Totals& t, BuyerView& b);
//   provider: net = revenue + received − paid + ip_value − cost.
void derive_provider(ProviderView& v);

}  // namespace pactscope
