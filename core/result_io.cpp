#include "result_io.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "csv_text.h"
#include "quarter.h"

namespace pactscope {

namespace {
using ojson = nlohmann::ordered_json;

ojson series(const std::vector<double>& v) { return ojson(v); }

const char* holder_key(const Clause& c) { return c.type == ClauseType::commitment ? "provider" : "holder"; }
int holder_of(const Clause& c) { return c.type == ClauseType::commitment ? c.provider : c.holder; }

}  // namespace

const std::vector<std::string>& total_names() {
    static const std::vector<std::string> names = {
        "cost_usd", "npv_usd", "compute_usd", "egress_usd", "fixed_usd", "stranded_usd", "shortfall_h100e_hours",
        "shortfall_value_usd", "outage_loss_usd", "served_fraction", "usd_per_served_h100e_hour", "revenue_share_to_holder_usd",
        "revenue_share_to_buyer_usd", "hhi", "max_provider_share", "peak_mw", "total_gwh", "agi_quarter"};
    return names;
}

void totals_array(const Totals& t, double* out) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double all[kTotalCount] = {
        t.cost_usd, t.npv_usd, t.compute_usd, t.egress_usd, t.fixed_usd, t.stranded_usd, t.shortfall_h100e_hours,
        t.shortfall_value_usd, t.outage_loss_usd, t.served_fraction, t.has_usd_per_served ? t.usd_per_served_h100e_hour : nan,
        t.revenue_share_to_holder_usd, t.revenue_share_to_buyer_usd, t.hhi, t.max_provider_share, t.peak_mw, t.total_gwh,
        t.has_agi ? static_cast<double>(t.agi_quarter) : nan};
    std::copy(all, all + kTotalCount, out);
}

int total_index(const std::string& name) {
    const auto& names = total_names();
    auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

bool total_value(const Result& r, const std::string& n, double& out) {
    int i = total_index(n);
    if (i < 0) return false;
    double all[kTotalCount];
    totals_array(r.totals, all);
    out = all[i];
    return !std::isnan(out);
}

ojson result_to_json(const Scenario& s, const Result& r) {
    ojson o;
    o["schema"] = "pactscope/result@1";
    o["scenario"] = s.name;
    ojson qs = ojson::array();
    for (int q = 0; q < r.quarters; ++q) qs.push_back(quarter_label(s.start + q));
    o["quarters"] = qs;
    ojson ps = ojson::object();
    for (std::size_t p = 0; p < r.providers.size(); ++p) {
        const ProviderSeries& x = r.providers[p];
        ps[s.providers[p].id] = {{"capacity_h100e", series(x.capacity_h100e)}, {"online_mw", series(x.online_mw)},
                                 {"alloc_h100e", series(x.alloc_h100e)},       {"mw_used", series(x.mw_used)},
                                 {"compute_usd", series(x.compute_usd)},       {"egress_usd", series(x.egress_usd)},
                                 {"fixed_usd", series(x.fixed_usd)},           {"stranded_usd", series(x.stranded_usd)}};
    }
    o["providers"] = ps;
    ojson ws = ojson::object();
    for (std::size_t w = 0; w < r.workloads.size(); ++w) {
        const WorkloadSeries& x = r.workloads[w];
        ws[s.workloads[w].id] = {{"demand_h100e", series(x.demand_h100e)}, {"served_h100e", series(x.served_h100e)},
                                 {"shortfall_h100e", series(x.shortfall_h100e)},
                                 {"outage_loss_h100e_hours", series(x.outage_loss_h100e_hours)}};
    }
    o["workloads"] = ws;
    ojson cs = ojson::array();
    for (std::size_t c = 0; c < s.contract.size(); ++c) {
        const Clause& cl = s.contract[c];
        ojson e;
        e["type"] = to_string(cl.type);
        if (cl.type != ClauseType::agi) e[holder_key(cl)] = s.providers[holder_of(cl)].id;
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
    ojson t;
    for (const std::string& n : total_names()) {
        double v = 0;
        bool has = total_value(r, n, v);
        if (n == "agi_quarter") t[n] = has ? ojson(quarter_label(s.start + r.totals.agi_quarter)) : ojson(nullptr);
        else t[n] = has ? ojson(v) : ojson(nullptr);
    }
    o["totals"] = t;
    ojson st;
    const BuyerView& b = r.buyer;
    st["buyer"] = {{"cost_usd", b.cost_usd}, {"lost_value_usd", b.lost_value_usd}, {"revenue_share_paid_usd", b.revenue_share_paid_usd},
                   {"revenue_share_received_usd", b.revenue_share_received_usd}, {"net_usd", b.net_usd}};
    for (std::size_t p = 0; p < r.stakeholders.size(); ++p) {
        const ProviderView& v = r.stakeholders[p];
        st[s.providers[p].id] = {{"revenue_usd", v.revenue_usd}, {"revenue_share_received_usd", v.revenue_share_received_usd},
                                 {"revenue_share_paid_usd", v.revenue_share_paid_usd}, {"ip_value_usd", v.ip_value_usd},
                                 {"net_usd", v.net_usd}};
    }
    o["stakeholders"] = st;
    return o;
}

std::string result_to_csv(const Scenario& s, const Result& r) {
    std::string out = "table,id,metric,quarter,value\n";
    auto row = [&](const char* table, const std::string& id, const char* metric, const std::string& quarter, const std::string& value) {
        out += std::string(table) + "," + csv_field(id) + "," + metric + "," + quarter + "," + value + "\n";
    };
    auto rows = [&](const char* table, const std::string& id, const char* metric, const std::vector<double>& v) {
        for (std::size_t q = 0; q < v.size(); ++q) row(table, id, metric, quarter_label(s.start + static_cast<int>(q)), csv_number(v[q]));
    };
    for (std::size_t p = 0; p < r.providers.size(); ++p) {
        const ProviderSeries& x = r.providers[p];
        const std::string& id = s.providers[p].id;
        rows("provider", id, "capacity_h100e", x.capacity_h100e);
        rows("provider", id, "online_mw", x.online_mw);
        rows("provider", id, "alloc_h100e", x.alloc_h100e);
        rows("provider", id, "mw_used", x.mw_used);
        rows("provider", id, "compute_usd", x.compute_usd);
        rows("provider", id, "egress_usd", x.egress_usd);
        rows("provider", id, "fixed_usd", x.fixed_usd);
        rows("provider", id, "stranded_usd", x.stranded_usd);
    }
    for (std::size_t w = 0; w < r.workloads.size(); ++w) {
        const WorkloadSeries& x = r.workloads[w];
        const std::string& id = s.workloads[w].id;
        rows("workload", id, "demand_h100e", x.demand_h100e);
        rows("workload", id, "served_h100e", x.served_h100e);
        rows("workload", id, "shortfall_h100e", x.shortfall_h100e);
        rows("workload", id, "outage_loss_h100e_hours", x.outage_loss_h100e_hours);
    }
    for (const std::string& n : total_names()) {
        double v = 0;
        bool has = total_value(r, n, v);
        std::string text = !has ? "" : n == "agi_quarter" ? quarter_label(s.start + r.totals.agi_quarter) : csv_number(v);
        row("totals", "", n.c_str(), "", text);
    }
    const BuyerView& b = r.buyer;
    row("stakeholder", "buyer", "cost_usd", "", csv_number(b.cost_usd));
    row("stakeholder", "buyer", "lost_value_usd", "", csv_number(b.lost_value_usd));
    row("stakeholder", "buyer", "revenue_share_paid_usd", "", csv_number(b.revenue_share_paid_usd));
    row("stakeholder", "buyer", "revenue_share_received_usd", "", csv_number(b.revenue_share_received_usd));
    row("stakeholder", "buyer", "net_usd", "", csv_number(b.net_usd));
    for (std::size_t p = 0; p < r.stakeholders.size(); ++p) {
        const ProviderView& v = r.stakeholders[p];
        const std::string& id = s.providers[p].id;
        row("stakeholder", id, "revenue_usd", "", csv_number(v.revenue_usd));
        row("stakeholder", id, "revenue_share_received_usd", "", csv_number(v.revenue_share_received_usd));
        row("stakeholder", id, "revenue_share_paid_usd", "", csv_number(v.revenue_share_paid_usd));
        row("stakeholder", id, "ip_value_usd", "", csv_number(v.ip_value_usd));
        row("stakeholder", id, "net_usd", "", csv_number(v.net_usd));
    }
    return out;
}

}  // namespace pactscope
