#include "io/result_io.h"

#include <cmath>

#include "io/clause_types.h"
#include "io/csv_text.h"
#include "model/quarter.h"

namespace pactscope {

namespace {
using ojson = nlohmann::ordered_json;

// A total as JSON: null when missing; agi_quarter as its label.
ojson total_json(const Scenario& s, const TotalField& f, const Totals& t) {
    const double v = f.value(t);
    if (std::isnan(v)) return nullptr;
    if (f.unit == ValueUnit::quarter) return quarter_label(s.start + t.agi_quarter);
    return v;
}

std::string total_text(const Scenario& s, const TotalField& f, const Totals& t) {
    const double v = f.value(t);
    if (std::isnan(v)) return "";
    return f.unit == ValueUnit::quarter ? quarter_label(s.start + t.agi_quarter) : csv_number(v);
}

template <class Series>
ojson series_json(const Series& x, const std::vector<SeriesField<Series>>& fields) {
    ojson o;
    for (const auto& f : fields) o[f.name] = x.*f.member;
    return o;
}

template <class View>
ojson figures_json(const View& v, const std::vector<StakeholderField<View>>& fields) {
    ojson o;
    for (const auto& f : fields) o[f.name] = v.*f.member;
    return o;
}

}  // namespace

ojson result_to_json(const Scenario& s, const Result& r) {
    ojson o;
    o["schema"] = "pactscope/result@1";
    o["scenario"] = s.name;
    ojson qs = ojson::array();
    for (int q = 0; q < r.quarters; ++q) qs.push_back(quarter_label(s.start + q));
    o["quarters"] = qs;
    ojson ps = ojson::object();
    for (std::size_t p = 0; p < r.providers.size(); ++p) ps[s.providers[p].id] = series_json(r.providers[p], provider_series_fields());
    o["providers"] = ps;
    ojson ws = ojson::object();
    for (std::size_t w = 0; w < r.workloads.size(); ++w) ws[s.workloads[w].id] = series_json(r.workloads[w], workload_series_fields());
    o["workloads"] = ws;
    ojson cs = ojson::array();
    for (std::size_t c = 0; c < s.contract.size(); ++c) {
        const Clause& cl = s.contract[c];
        const ClauseTypeInfo& info = clause_type_info(cl.type);
        ojson e;
        e["type"] = info.name;
        if (info.party_key) e[info.party_key] = s.providers[info.party(cl)].id;  // MODEL §6, §11.2–§11.3
        ojson active = ojson::array();
        for (auto a : r.clause_active[c]) active.push_back(a != 0);
        e["active"] = active;
        cs.push_back(e);
    }
    o["clauses"] = cs;
    ojson cm = ojson::array();
    for (const CommitmentOutcome& c : r.commitments)
        cm.push_back({{"provider", s.providers[c.provider].id}, {"usd", c.usd}, {"spent_usd", c.spent_usd},
                      {"stranded_usd", c.stranded_usd}, {"remaining_usd", c.remaining_usd}, {"settled", c.settled}});
    o["commitments"] = cm;
    ojson rv = ojson::array();
    for (const ReservationOutcome& x : r.reservations)
        rv.push_back({{"provider", s.providers[x.provider].id}, {"reserved_h100e_hours", x.reserved_h100e_hours},
                      {"used_h100e_hours", x.used_h100e_hours}, {"paid_usd", x.paid_usd}, {"idle_usd", x.idle_usd}});
    o["reservations"] = rv;
    ojson t;
    for (const TotalField& f : total_fields()) t[f.name] = total_json(s, f, r.totals);
    o["totals"] = t;
    ojson st;
    st["buyer"] = figures_json(r.buyer, buyer_figures());
    for (std::size_t p = 0; p < r.stakeholders.size(); ++p) st[s.providers[p].id] = figures_json(r.stakeholders[p], provider_figures());
    o["stakeholders"] = st;
    return o;
}

std::string result_to_csv(const Scenario& s, const Result& r) {
    std::string out = "table,id,metric,quarter,value\n";
    auto row = [&](const char* table, const std::string& id, const char* metric, const std::string& quarter, const std::string& value) {
        out += std::string(table) + "," + csv_field(id) + "," + metric + "," + quarter + "," + value + "\n";
    };
    auto rows = [&](const char* table, const std::string& id, const auto& x, const auto& fields) {
        for (const auto& f : fields) {
            const std::vector<double>& v = x.*f.member;
            for (std::size_t q = 0; q < v.size(); ++q) row(table, id, f.name, quarter_label(s.start + static_cast<int>(q)), csv_number(v[q]));
        }
    };
    for (std::size_t p = 0; p < r.providers.size(); ++p) rows("provider", s.providers[p].id, r.providers[p], provider_series_fields());
    for (std::size_t w = 0; w < r.workloads.size(); ++w) rows("workload", s.workloads[w].id, r.workloads[w], workload_series_fields());
    // Commitments and reservations: one row per figure, the id "provider#k" (k-th such clause, in document order).
    for (std::size_t k = 0; k < r.commitments.size(); ++k) {
        const CommitmentOutcome& c = r.commitments[k];
        const std::string id = s.providers[c.provider].id + "#" + std::to_string(k);
        for (auto [name, v] : {std::pair{"usd", c.usd}, {"spent_usd", c.spent_usd}, {"stranded_usd", c.stranded_usd}, {"remaining_usd", c.remaining_usd},
                               {"settled", c.settled ? 1.0 : 0.0}})
            row("commitment", id, name, "", csv_number(v));
    }
    for (std::size_t k = 0; k < r.reservations.size(); ++k) {
        const ReservationOutcome& x = r.reservations[k];
        const std::string id = s.providers[x.provider].id + "#" + std::to_string(k);
        for (auto [name, v] : {std::pair{"reserved_h100e_hours", x.reserved_h100e_hours}, {"used_h100e_hours", x.used_h100e_hours},
                               {"paid_usd", x.paid_usd}, {"idle_usd", x.idle_usd}})
            row("reservation", id, name, "", csv_number(v));
    }
    for (const TotalField& f : total_fields()) row("totals", "", f.name, "", total_text(s, f, r.totals));
    for (const auto& f : buyer_figures()) row("stakeholder", "buyer", f.name, "", csv_number(r.buyer.*f.member));
    for (std::size_t p = 0; p < r.stakeholders.size(); ++p)
        for (const auto& f : provider_figures()) row("stakeholder", s.providers[p].id, f.name, "", csv_number(r.stakeholders[p].*f.member));
    return out;
}

}  // namespace pactscope
