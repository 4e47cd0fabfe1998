#include "analysis/record.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace pactscope {

//-----------------------------------------------------------------------------
// [SECTION] Vocabulary
//-----------------------------------------------------------------------------

const std::vector<RecordWhatInfo>& record_vocabulary() {
    static const std::vector<RecordWhatInfo> table = {
        {RecordWhat::capacity_online_gw, "capacity_online_gw", "GW", true,
         "facility GW online at the end of the year on the providers the buyer may use then (an active exclusive clause bars the rest)"},
        {RecordWhat::revenue_usd, "revenue_usd", "USD", false,
         "the buyer's revenue over the calendar years: served inference H100e-hours, less those lost to outages, times their value"},
        {RecordWhat::compute_spend_usd, "compute_spend_usd", "USD", false,
         "the buyer's cost over the calendar years: compute + egress + fixed + stranded - SLA credits"},
        {RecordWhat::revenue_share_paid_usd, "revenue_share_paid_usd", "USD", false,
         "revenue share the buyer paid its holders over the calendar years"},
        {RecordWhat::revenue_per_inference_cost, "revenue_per_inference_cost", "ratio", false,
         "revenue over the cost of the inference it served, inference costed at the years' average cost per served H100e-hour"},
    };
    return table;
}

const RecordWhatInfo* find_record_what(std::string_view name) {
    for (const RecordWhatInfo& i : record_vocabulary())
        if (name == i.name) return &i;
    return nullptr;
}

const RecordWhatInfo& record_what_info(RecordWhat what) {
    for (const RecordWhatInfo& i : record_vocabulary())
        if (i.what == what) return i;
    return record_vocabulary().front();  // unreachable: every enumerator has a row
}

const RecordPreset* Record::find_preset(std::string_view id) const {
    for (const RecordPreset& p : presets)
        if (p.id == id) return &p;
    return nullptr;
}

//-----------------------------------------------------------------------------
// [SECTION] Measurements
//-----------------------------------------------------------------------------

namespace {

constexpr double H = kHoursPerQuarter;

// Quarter index (from horizon.start) of a calendar year's k-th quarter (k = 0 … 3), or -1 outside the horizon.
int quarter_of(const Scenario& s, int year, int k) {
    const int q = year * 4 + k - s.start;
    return q >= 0 && q < s.quarters() ? q : -1;
}

// The buyer may use provider p in quarter q unless an active exclusive clause bars it (SPEC §4 step 1).
bool usable(const Scenario& s, const Result& r, int p, int q) {
    for (std::size_t c = 0; c < s.contract.size(); ++c) {
        const Clause& cl = s.contract[c];
        if (cl.type != ClauseType::exclusive || !r.clause_active[c][q]) continue;
        if (p != cl.holder && std::find(cl.waivers.begin(), cl.waivers.end(), p) == cl.waivers.end()) return false;
    }
    return true;
}

// Per-quarter flows of one deterministic result, at the scenario's medians.
struct QuarterFlows {
    std::vector<double> revenue, gross_inference, spend, served_hours, inference_hours, share_paid;
};

QuarterFlows quarter_flows(const Scenario& s, const Result& r) {
    const std::vector<double> v = s.medians();
    const int T = s.quarters();
    QuarterFlows f;
    f.revenue.assign(T, 0.0), f.gross_inference.assign(T, 0.0), f.spend.assign(T, 0.0);
    f.served_hours.assign(T, 0.0), f.inference_hours.assign(T, 0.0), f.share_paid.assign(T, 0.0);
    for (int q = 0; q < T; ++q) {
        f.spend[q] = r.cost_usd[q];
        for (std::size_t w = 0; w < s.workloads.size(); ++w) {
            const WorkloadSeries& ws = r.workloads[w];
            f.served_hours[q] += ws.served_h100e[q] * H;
            if (s.workloads[w].kind != WorkloadKind::inference) continue;
            const double value = v[s.workloads[w].value_usd_per_h100e_hour];
            // As the engine sums them (SPEC §3 gross revenue, §11.5 less outage losses).
            f.gross_inference[q] += ws.served_h100e[q] * H * value;
            f.revenue[q] += ws.served_h100e[q] * H * value - ws.outage_loss_h100e_hours[q] * value;
            f.inference_hours[q] += ws.served_h100e[q] * H;
        }
    }
    // SPEC §3 revenue_share: rate × gross inference revenue while active, each clause stopping at its cap.
    for (std::size_t c = 0; c < s.contract.size(); ++c) {
        const Clause& cl = s.contract[c];
        if (cl.type != ClauseType::revenue_share || cl.payer != SharePayer::buyer) continue;
        const double cap = cl.cap_usd >= 0 ? v[cl.cap_usd] : std::numeric_limits<double>::infinity();
        double paid = 0;
        for (int q = 0; q < T; ++q) {
            if (!r.clause_active[c][q]) continue;
            const double pay = std::max(0.0, std::min(v[cl.rate] * f.gross_inference[q], cap - paid));
            paid += pay;
            f.share_paid[q] += pay;
        }
    }
    return f;
}

}  // namespace

std::optional<double> measure(const Scenario& s, const Result& r, RecordWhat what, int first_year, int last_year) {
    if (first_year > last_year) return std::nullopt;
    if (record_what_info(what).at_year_end) {
        const int q = quarter_of(s, last_year, 3);
        if (first_year != last_year || q < 0) return std::nullopt;
        double mw = 0;
        for (std::size_t p = 0; p < s.providers.size(); ++p)
            if (usable(s, r, static_cast<int>(p), q)) mw += r.providers[p].online_mw[q];
        return mw / 1000.0;
    }
    // A flow needs every quarter of every year inside the horizon: a part-year is not a calendar year.
    if (quarter_of(s, first_year, 0) < 0 || quarter_of(s, last_year, 3) < 0) return std::nullopt;
    const QuarterFlows f = quarter_flows(s, r);
    double revenue = 0, spend = 0, served = 0, inference = 0, shares = 0;
    for (int q = quarter_of(s, first_year, 0); q <= quarter_of(s, last_year, 3); ++q) {
        revenue += f.revenue[q], spend += f.spend[q], served += f.served_hours[q];
        inference += f.inference_hours[q], shares += f.share_paid[q];
    }
    switch (what) {
        case RecordWhat::revenue_usd: return revenue;
        case RecordWhat::compute_spend_usd: return spend;
        case RecordWhat::revenue_share_paid_usd: return shares;
        case RecordWhat::revenue_per_inference_cost:
            // revenue / (inference hours × spend / served hours): the years' average cost per served H100e-hour.
            if (!(inference > 0) || !(spend > 0) || !(served > 0)) return std::nullopt;
            return revenue * served / (inference * spend);
        case RecordWhat::capacity_online_gw: break;  // handled above
    }
    return std::nullopt;
}

//-----------------------------------------------------------------------------
// [SECTION] Comparing a preset with the record
//-----------------------------------------------------------------------------

bool covers(const RecordPreset& p, const RecordFigure& f) {
    return p.compared && f.first_year >= p.first_year && f.last_year <= p.last_year;
}

std::vector<RecordRow> compare_to_record(const Record& record, const std::string& preset_id, const Scenario& s, const Result& r) {
    std::vector<RecordRow> rows;
    const RecordPreset* p = record.find_preset(preset_id);
    if (!p) return rows;
    for (std::size_t i = 0; i < record.figures.size(); ++i) {
        const RecordFigure& f = record.figures[i];
        if (!covers(*p, f)) continue;
        RecordRow row;
        row.preset = preset_id;
        row.figure = static_cast<int>(i);
        row.reported = f.value;
        const std::optional<double> m = measure(s, r, f.what, f.first_year, f.last_year);
        row.model = m ? *m : std::numeric_limits<double>::quiet_NaN();
        row.ratio = row.model / f.value;
        row.inside = std::isfinite(row.ratio) && std::abs(row.ratio - 1.0) <= f.tolerance;
        rows.push_back(row);
    }
    return rows;
}

RecordCheck check_against_record(const Record& record, const std::string& preset_id, const Scenario& s, const Result& r) {
    RecordCheck c;
    c.preset = preset_id;
    const RecordPreset* p = record.find_preset(preset_id);
    if (!p) {
        c.note = "the record does not list this preset";
        return c;
    }
    c.compared = p->compared;
    c.first_year = p->first_year, c.last_year = p->last_year;
    c.note = p->note;
    c.rows = compare_to_record(record, preset_id, s, r);
    return c;
}

}  // namespace pactscope
