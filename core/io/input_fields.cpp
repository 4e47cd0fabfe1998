// input_fields.cpp — the numeric field table (see input_fields.h). Meanings cite MODEL §3 and §11.
#include "io/input_fields.h"

#include <algorithm>
#include <limits>
#include <utility>

namespace pactscope {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kTiny = 1e-9;  // an open bound "> 0" for drags

const InputField kFields[] = {
    {"price_usd_per_h100e_hour", "price per H100e-hour", "Price of one H100-equivalent GPU for one hour: the cloud's list price, or a contract's fixed price",
     NumberUnit::usd_per_h100e_hour, ">= 0", 0, kInf},
    {"price_change_per_year", "price change per year", "Yearly change of the cloud price, compounded per quarter from the horizon start",
     NumberUnit::fraction_per_year, "> -100%", -0.99, kInf},
    {"pue", "PUE", "Power usage effectiveness: facility power / IT power",
     NumberUnit::plain, ">= 1", 1, kInf},
    {"mw", "MW", "Facility (grid) megawatts of this capacity tranche",
     NumberUnit::mw, ">= 0", 0, kInf},
    {"slip_quarters", "build slip", "Build delay of the tranche (power, substations, transformers); rounded to whole quarters",
     NumberUnit::quarters, ">= 0", 0, kInf},
    {"onboarding_usd", "onboarding", "One-off cost in the first quarter the buyer uses this provider",
     NumberUnit::usd, ">= 0", 0, kInf},
    {"overhead_usd_per_quarter", "overhead per quarter", "Fixed cost in every quarter the provider is used",
     NumberUnit::usd_per_quarter, ">= 0", 0, kInf},
    {"outages_per_year", "outages per year", "Expected number of outages per year (Monte Carlo: Poisson)",
     NumberUnit::per_year, ">= 0", 0, kInf},
    {"outage_hours", "hours per outage", "Duration of one outage",
     NumberUnit::hours, "0 to 2,190 h", 0, 2190},
    {"capex_usd_per_mw", "capex per MW", "Capital cost per facility MW",
     NumberUnit::usd_per_mw, ">= 0", 0, kInf},
    {"amortization_years", "amortisation", "Years over which capex is spread",
     NumberUnit::years, "> 0", kTiny, kInf},
    {"opex_usd_per_mw_year", "opex per MW-year", "Operating cost per facility MW and year",
     NumberUnit::usd_per_mw_year, ">= 0", 0, kInf},
    {"power_usd_per_mwh", "power price", "Electricity price",
     NumberUnit::usd_per_mwh, ">= 0", 0, kInf},
    {"start_h100e", "demand at start", "Demand in the first quarter",
     NumberUnit::h100e, ">= 0", 0, kInf},
    {"series", "demand", "Demand in this quarter",
     NumberUnit::h100e, ">= 0", 0, kInf},
    {"growth_per_year", "demand growth per year", "Yearly demand growth, compounded per quarter (100%/yr = doubling)",
     NumberUnit::fraction_per_year, "> -100%", -0.99, kInf},
    {"block_h100e", "training block", "Training cluster size: new training capacity comes in whole blocks on one provider",
     NumberUnit::h100e, ">= 0 (0 = divisible)", 0, kInf},
    {"egress_gb_per_h100e_hour", "egress per H100e-hour", "Data moved per served H100e-hour when served away from the workload's home",
     NumberUnit::gb_per_h100e_hour, ">= 0", 0, kInf},
    {"value_usd_per_h100e_hour", "value per H100e-hour", "Revenue (inference) or value (training) of a served H100e-hour; lost when unserved",
     NumberUnit::usd_per_h100e_hour, ">= 0", 0, kInf},
    {"waiver_max_share", "waiver max share", "Waiver providers together may serve at most this share of each workload",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"response_quarters", "response delay", "Quarters before the market sees demand the ROFR holder declined",
     NumberUnit::quarters, ">= 0", 0, kInf},
    {"tolerance", "price tolerance", "Price match: the holder takes the demand if its cost <= (1 + tolerance) x the best alternative",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"min_share", "min share", "The preferred holder gets at least this share of each workload, as its capacity allows",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"usd", "committed spend", "Committed compute spend within the clause's window",
     NumberUnit::usd, ">= 0", 0, kInf},
    {"discount", "discount", "Discount on the provider's price while the commitment is unspent",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"take_or_pay", "take-or-pay", "Share paid even if unused: a commitment's at its window's end, a reservation's every quarter",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"rate", "rate", "Revenue share rate",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"cap_usd", "cap", "Cumulative cap on this clause's payments",
     NumberUnit::usd, ">= 0", 0, kInf},
    {"holder_api_revenue_usd_per_quarter", "holder API revenue per quarter", "The holder's API revenue on which it pays the share",
     NumberUnit::usd_per_quarter, ">= 0", 0, kInf},
    {"value_usd_per_quarter", "value per quarter", "Value of IP access to the holder while active",
     NumberUnit::usd_per_quarter, ">= 0", 0, kInf},
    {"profit_threshold_usd", "profit threshold", "AGI is declared when cumulative inference revenue - cost reaches this",
     NumberUnit::usd, ">= 0", 0, kInf},
    {"date", "AGI date", "The AGI quarter (a range makes it uncertain)",
     NumberUnit::quarters, "a quarter, such as 2030Q1", -kInf, kInf},
    {"below", "below", "An SLA tier: availability in a month below this earns the tier's credit",
     NumberUnit::share, "above 0% to 100%", kTiny, 1},
    {"credit", "credit", "Share of the month's fee refunded in this tier",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"max_share_per_provider", "max share per provider", "No provider gets more than this share of a workload in the merit order",
     NumberUnit::share, "0% to 100%", 0, 1},
    {"discount_rate_per_year", "discount rate per year", "Discount rate for the NPV of cost",
     NumberUnit::fraction_per_year, "0% to 100%", 0, 1},
    {"free_tb_per_month", "free egress per month", "Egress free allowance",
     NumberUnit::tb_per_month, ">= 0", 0, kInf},
    {"up_to_tb", "up to", "Upper end of this egress tier (monthly TB after the free allowance)",
     NumberUnit::tb_per_month, ">= 0", 0, kInf},
    {"usd_per_gb", "price per GB", "Egress price in this tier",
     NumberUnit::usd_per_gb, ">= 0", 0, kInf},
    {"it_kw", "IT power per GPU", "IT power per GPU",
     NumberUnit::kw, "> 0", kTiny, kInf},
    {"h100e", "H100e per GPU", "H100-equivalents per GPU (compute relative to an H100)",
     NumberUnit::h100e_per_gpu, "> 0", kTiny, kInf},
    {"rho", "rank correlation", "Rank correlation between the two inputs",
     NumberUnit::plain, "-1 to 1", -1, 1},
    {"trials", "Monte Carlo trials", "Monte Carlo trials",
     NumberUnit::count, "1 to 1,000,000", 1, 1e6},
    {"seed", "seed", "Random seed: the same seed gives the same trials, natively and in the browser",
     NumberUnit::count, ">= 0", 0, kInf},
};

// Keys inside a quantity or an array that belong to the field above them.
bool inner_key(const std::string& k) {
    static const char* const kInner[] = {"dist", "mean", "sd", "p5", "p95", "min", "mode", "max", "value", "clip"};
    for (const char* i : kInner)
        if (k == i) return true;
    return !k.empty() && k.find_first_not_of("0123456789") == std::string::npos;  // an array index
}

}  // namespace

const InputField* input_field(const std::string& key) {
    for (const InputField& f : kFields)
        if (key == f.key) return &f;
    return nullptr;
}

std::string field_words(const std::string& key) {
    if (const InputField* f = input_field(key)) return f->label;
    // Keys that are not numbers but appear in names ("revenue share paid to azure (changed: cap, end)"): a clause's
    // window bounds read as prepositions ("changed: cap, to"); the others read well with spaces for underscores.
    static const std::pair<const char*, const char*> kWords[] = {{"from", "start"}, {"to", "end"}, {"credits", "credit tiers"}};
    for (const auto& [k, words] : kWords)
        if (key == k) return words;
    std::string words = key;
    std::replace(words.begin(), words.end(), '_', ' ');
    return words;
}

const InputField* input_field_at(const std::string& pointer) {
    std::string rest = pointer;
    while (!rest.empty()) {
        const auto slash = rest.rfind('/');
        const std::string key = rest.substr(slash == std::string::npos ? 0 : slash + 1);
        if (!inner_key(key)) return input_field(key);
        if (slash == std::string::npos) break;
        rest.erase(slash);
    }
    return nullptr;
}

NumberUnit input_field_unit(const std::string& pointer) {
    const InputField* f = input_field_at(pointer);
    return f ? f->unit : NumberUnit::plain;
}

const char* number_unit_words(NumberUnit unit) {
    switch (unit) {
        case NumberUnit::plain: return "";
        case NumberUnit::count: return "";
        case NumberUnit::usd: return "USD";
        case NumberUnit::usd_per_quarter: return "USD per quarter";
        case NumberUnit::usd_per_h100e_hour: return "USD per H100e-hour";
        case NumberUnit::usd_per_mw: return "USD per MW";
        case NumberUnit::usd_per_mw_year: return "USD per MW-year";
        case NumberUnit::usd_per_mwh: return "USD per MWh";
        case NumberUnit::usd_per_gb: return "USD per GB";
        case NumberUnit::share: return "share";
        case NumberUnit::fraction_per_year: return "share per year";
        case NumberUnit::mw: return "MW";
        case NumberUnit::kw: return "kW";
        case NumberUnit::h100e: return "H100e";
        case NumberUnit::h100e_per_gpu: return "H100e per GPU";
        case NumberUnit::gb_per_h100e_hour: return "GB per H100e-hour";
        case NumberUnit::tb_per_month: return "TB per month";
        case NumberUnit::hours: return "hours";
        case NumberUnit::quarters: return "quarters";
        case NumberUnit::years: return "years";
        case NumberUnit::per_year: return "per year";
    }
    return "";
}

}  // namespace pactscope
