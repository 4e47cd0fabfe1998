// clause_types.cpp — the clause table (see clause_types.h). Meanings cite MODEL §3 and §11.
#include "io/clause_types.h"

#include "model/names.h"

namespace pactscope {

namespace {

template <auto Member>
int get_enum(const Clause& c) {
    return static_cast<int>(c.*Member);
}
template <auto Member>
void set_enum(Clause& c, int v) {
    using Enum = std::remove_reference_t<decltype(c.*Member)>;
    c.*Member = static_cast<Enum>(v);
}

ClauseField field(const char* name, FieldKind kind, const char* meaning, const char* unit) {
    ClauseField f;
    f.name = name, f.kind = kind, f.meaning = meaning, f.unit = unit;
    return f;
}

ClauseField party(const char* name, int Clause::*member, const char* meaning) {
    ClauseField f = field(name, FieldKind::party, meaning, "provider id");
    f.party = member;
    return f;
}

ClauseField quantity(const char* name, QRef Clause::*member, const Range& r, std::optional<double> def, const char* meaning,
                     const char* unit, double example = 0) {
    ClauseField f = field(name, FieldKind::quantity, meaning, unit);
    f.quantity = member;
    f.range = r;
    f.default_value = def;
    f.example = def.value_or(example);
    return f;
}

ClauseField optional_quantity(const char* name, QRef Clause::*member, const Range& r, const char* meaning, const char* unit,
                              double example) {
    ClauseField f = quantity(name, member, r, std::nullopt, meaning, unit, example);
    f.optional = true;
    return f;
}

template <auto Member>
ClauseField choice(const char* name, std::vector<const char*> names, const char* meaning) {
    ClauseField f = field(name, FieldKind::choice, meaning, "");
    f.choices = std::move(names);
    f.get_choice = &get_enum<Member>;
    f.set_choice = &set_enum<Member>;
    return f;
}

ClauseField when(ClauseField f, FieldCondition c) {
    f.applies_when = c;
    return f;
}

const ClauseField kHolder = party("holder", &Clause::holder, "The provider that holds the clause's right");
const ClauseField kProvider = party("provider", &Clause::provider, "The provider the clause is about");
const ClauseField kTakeOrPay = quantity("take_or_pay", &Clause::take_or_pay, kUnit, 1.0,
                                        "Share of what is committed or reserved that is paid for even if unused", "share");

std::vector<ClauseTypeInfo> build() {
    std::vector<ClauseTypeInfo> t;
    {
        ClauseField waivers = field("waivers", FieldKind::providers, "Providers allowed beside the holder, together within waiver_max_share",
                                    "provider ids");
        waivers.provider_list = &Clause::waivers;
        t.push_back({ClauseType::exclusive, "exclusive", "exclusivity", "Only the holder and the waivers are eligible (MODEL §3)", "holder",
                     {kHolder, waivers,
                      quantity("waiver_max_share", &Clause::waiver_max_share, kUnit, 1.0,
                               "Waiver providers together may serve at most this share of each workload", "share")}});
    }
    t.push_back({ClauseType::rofr, "rofr", "ROFR", "New demand is offered to the holder first (MODEL §4 step 4)", "holder",
                 {kHolder, choice<&Clause::scope>("scope", {"all", "training", "inference"}, "Which workloads the right covers"),
                  quantity("response_quarters", &Clause::response_quarters, kNonNeg, 0.0,
                           "Quarters before the market sees demand the holder declined", "quarters"),
                  choice<&Clause::match>("match", {"capacity", "price"}, "capacity: the holder takes what it can; price: only at a matching price"),
                  when(quantity("tolerance", &Clause::tolerance, kUnit, 0.0,
                                "Price match: the holder takes the demand if its cost <= (1 + tolerance) x the best alternative", "fraction"),
                       {"match", "price"})}});
    t.push_back({ClauseType::preferred, "preferred", "preferred share", "The holder gets at least min_share of each workload (MODEL §4 step 3)", "holder",
                 {kHolder, quantity("min_share", &Clause::min_share, kUnit, std::nullopt,
                                    "The holder gets at least this share of each workload, as its capacity allows", "share", 0.3)}});
    t.push_back({ClauseType::commitment, "commitment", "commitment",
                 "Compute spend committed on a provider at a discount or a contract price, take-or-pay at the window's end (MODEL §3, §11.1)",
                 "provider",
                 {kProvider,
                  quantity("usd", &Clause::usd, kNonNeg, std::nullopt, "Committed compute spend within the clause's window", "USD", 1e10),
                  optional_quantity("price_usd_per_h100e_hour", &Clause::price_usd_per_h100e_hour, kNonNeg,
                                    "Contract price while the commitment is unspent, fixed over the window (replaces the discount)",
                                    "USD per H100e-hour", 2.0),
                  when(quantity("discount", &Clause::discount, kUnit, 0.0, "Discount on the provider's price while the commitment is unspent",
                                "fraction"),
                       {"price_usd_per_h100e_hour", nullptr,
                        "next to \"price_usd_per_h100e_hour\": a contract price replaces the discount off the provider's price; keep one "
                        "of the two (MODEL §11.1)"}),
                  kTakeOrPay}});
    t.push_back({ClauseType::api_exclusivity, "api_exclusivity", "API exclusivity", "Inference homes are the holder (MODEL §3)", "holder", {kHolder}});
    t.push_back({ClauseType::revenue_share, "revenue_share", "revenue share", "A share of revenue paid each quarter, up to a cap (MODEL §3)", "holder",
                 {choice<&Clause::payer>("payer", {"buyer", "holder"}, "Who pays: the buyer on its inference revenue, or the holder on its API revenue"),
                  kHolder,
                  quantity("rate", &Clause::rate, kUnit, std::nullopt, "Revenue share rate", "share", 0.2),
                  optional_quantity("cap_usd", &Clause::cap_usd, kNonNeg, "Cumulative cap on this clause's payments", "USD", 1e10),
                  when(quantity("holder_api_revenue_usd_per_quarter", &Clause::holder_api_revenue_usd_per_quarter, kNonNeg, std::nullopt,
                                "The holder's API revenue on which it pays the share", "USD per quarter", 1e9),
                       {"payer", "holder"})}});
    t.push_back({ClauseType::ip_access, "ip_access", "IP access", "Value to the holder while active (MODEL §3)", "holder",
                 {kHolder, quantity("value_usd_per_quarter", &Clause::value_usd_per_quarter, kNonNeg, std::nullopt,
                                    "Value of IP access to the holder while active", "USD per quarter", 1e9)}});
    {
        ClauseField date = field("date", FieldKind::agi_date, "AGI quarter: a label (2030Q1) or a range (2028Q1 to 2031Q4, uniform)", "quarter");
        date.quantity = &Clause::date;
        t.push_back({ClauseType::agi, "agi", "AGI clause", "The AGI quarter, by date or by cumulative profit; ends clauses running to \"agi\" (MODEL §3)",
                     nullptr,
                     {choice<&Clause::trigger>("trigger", {"date", "profit", "none"}, "What declares AGI"), when(date, {"trigger", "date", nullptr, "date"}),
                      when(quantity("profit_threshold_usd", &Clause::profit_threshold_usd, kNonNeg, std::nullopt,
                                    "AGI is declared when cumulative inference revenue - cost reaches this", "USD", 1e11),
                           {"trigger", "profit"})}});
    }
    t.push_back({ClauseType::reservation, "reservation", "reservation",
                 "All of a cloud's online capacity reserved at a fixed price, paid each quarter used or not (MODEL §11.2)", "provider",
                 {kProvider,
                  quantity("price_usd_per_h100e_hour", &Clause::price_usd_per_h100e_hour, kNonNeg, std::nullopt,
                           "Reservation price, fixed over the window", "USD per H100e-hour", 2.0),
                  kTakeOrPay}});
    {
        ClauseField credits = field("credits", FieldKind::sla_tiers,
                                    "Credit tiers: below a monthly availability, the provider refunds this share of the quarter's bill", "tiers");
        t.push_back({ClauseType::sla, "sla", "SLA", "Service credits when monthly availability falls below a tier (MODEL §11.3)", "provider",
                     {kProvider, credits}});
    }
    return t;
}

}  // namespace

bool ClauseField::applies(const nlohmann::json& clause) const {
    if (!applies_when.key) return true;
    auto it = clause.find(applies_when.key);
    if (!applies_when.equals) return it == clause.end();
    if (it != clause.end() && it->is_string()) return *it == applies_when.equals;
    return applies_when.absent_means && std::string(applies_when.absent_means) == applies_when.equals;
}

std::string ClauseField::not_applicable_reason() const {
    if (applies_when.reason) return applies_when.reason;
    if (!applies_when.key) return "";
    return std::string("unless \"") + applies_when.key + "\" is \"" + (applies_when.equals ? applies_when.equals : "") + "\"";
}

int ClauseTypeInfo::party(const Clause& c) const {
    for (const ClauseField& f : fields)
        if (f.kind == FieldKind::party) return c.*f.party;
    return -1;
}

const std::vector<ClauseTypeInfo>& clause_types() {
    static const std::vector<ClauseTypeInfo> table = build();
    return table;
}

const ClauseTypeInfo& clause_type_info(ClauseType t) {
    for (const ClauseTypeInfo& info : clause_types())
        if (info.type == t) return info;
    return clause_types().front();  // unreachable: every enumerator has a row (tested)
}

const ClauseTypeInfo* find_clause_type(const std::string& name) {
    for (const ClauseTypeInfo& info : clause_types())
        if (name == info.name) return &info;
    return nullptr;
}

std::string clause_type_list() {
    std::string out;
    const auto& all = clause_types();
    for (std::size_t i = 0; i < all.size(); ++i) out += std::string(i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + all[i].name;
    return out;
}

const char* to_string(ClauseType t) { return clause_type_info(t).name; }

nlohmann::json clause_example(ClauseType t, const std::string& provider) {
    const ClauseTypeInfo& info = clause_type_info(t);
    nlohmann::json c = {{"type", info.name}};
    for (const ClauseField& f : info.fields) {
        if (!f.applies(c)) continue;
        switch (f.kind) {
            case FieldKind::party: c[f.name] = provider; break;
            case FieldKind::quantity:
                if (f.required()) c[f.name] = f.example;
                break;
            case FieldKind::agi_date: c[f.name] = "2029Q1 to 2031Q4"; break;
            case FieldKind::sla_tiers:
                // A typical public cloud SLA: 10% below 99.99%, 25% below 99%, 100% below 95% a month.
                c[f.name] = {{{"below", 0.9999}, {"credit", 0.1}}, {{"below", 0.99}, {"credit", 0.25}}, {{"below", 0.95}, {"credit", 1.0}}};
                break;
            case FieldKind::providers:
            case FieldKind::choice: break;
        }
    }
    return c;
}

std::string clause_name(const Scenario& s, std::size_t clause) {
    const Clause& c = s.contract[clause];
    const ClauseTypeInfo& info = clause_type_info(c.type);
    const int party = info.party(c);
    std::string out = info.label;
    // A revenue share says which way it is paid: the buyer pays the holder, or the holder pays the buyer.
    const char* on = c.type != ClauseType::revenue_share ? " on " : c.payer == SharePayer::buyer ? " paid to " : " paid by ";
    if (party >= 0) out += on + s.providers[static_cast<std::size_t>(party)].id;
    int nth = 0, count = 0;  // its number among the clauses of its name, when there are several
    for (std::size_t i = 0; i < s.contract.size(); ++i) {
        const Clause& o = s.contract[i];
        if (o.type != c.type || clause_type_info(o.type).party(o) != party) continue;
        if (c.type == ClauseType::revenue_share && o.payer != c.payer) continue;
        ++count;
        if (i <= clause) ++nth;
    }
    if (count > 1) out += " #" + std::to_string(nth);
    return out;
}

std::string clause_label(const Scenario& s, std::size_t clause) {
    const Clause& c = s.contract[clause];
    const ClauseTypeInfo& info = clause_type_info(c.type);
    std::string label = info.label;  // "revenue share", not the file's "revenue_share"
    const int party = info.party(c);
    if (party >= 0) label += " \xc2\xb7 " + provider_display_name(s, static_cast<std::size_t>(party));
    if (c.type == ClauseType::revenue_share) label += c.payer == SharePayer::buyer ? " (buyer pays)" : " (holder pays)";
    if (c.type == ClauseType::agi) label += c.trigger == AgiTrigger::profit ? " (profit trigger)" : c.trigger == AgiTrigger::date ? " (date trigger)" : "";
    return label;
}

}  // namespace pactscope
