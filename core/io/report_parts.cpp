// report_parts.cpp — see report_parts.h.
#include "io/report_parts.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

#include "analysis/cost_by_year.h"
#include "analysis/parties.h"
#include "io/clause_types.h"
#include "io/svg_canvas.h"
#include "io/text_wrap.h"
#include "io/value_text.h"
#include "model/quarter.h"

namespace pactscope::report_parts {

std::string esc(const std::string& s) { return xml_escape(s); }

Metric kpi_metric(const Scenario& s, const std::string& metric) {
    std::string error;
    auto m = parse_metric(s, metric, error);
    if (!m) throw std::logic_error("report KPI " + metric + ": " + error);  // a programming error: the KPI table names totals
    return *m;
}

// A value in a scenario: quarter indices (agi_quarter) as labels, the rest by value_text.
std::string shown(double v, ValueUnit unit, const Scenario& s) {
    if (std::isnan(v)) return unit == ValueUnit::quarter ? "none" : "-";
    if (unit == ValueUnit::quarter) return quarter_label(s.start + static_cast<int>(std::lround(v)));
    return value_text(v, unit);
}
std::string stat_text(const Stat* st, double Stat::*which, ValueUnit unit, const Scenario& s) {
    if (!st || st->count == 0) return "-";
    return shown(st->*which, unit, s);
}
std::string range_text(const Stat* st, ValueUnit unit, const Scenario& s) {
    if (!st || st->count == 0) return "-";
    return shown(st->p10, unit, s) + " " + kDash + " " + shown(st->p90, unit, s);
}

std::string horizon_text(const Scenario& s) { return quarter_span_label(s.start, s.end); }

// The quarter of a date "YYYY-MM[-DD]", or nothing.
std::optional<int> date_quarter(const std::string& d) {
    if (d.size() < 7 || d[4] != '-') return std::nullopt;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u})
        if (d[i] < '0' || d[i] > '9') return std::nullopt;
    const int year = std::stoi(d.substr(0, 4)), month = std::stoi(d.substr(5, 2));
    if (month < 1 || month > 12) return std::nullopt;
    return year * 4 + (month - 1) / 3;
}

//-----------------------------------------------------------------------------
// [SECTION] Charts of one deal
//-----------------------------------------------------------------------------

// A chart of one deal over its quarters: "TITLE · DEAL", the x axis one label per quarter.
Chart quarterly_chart(const Deal& d, const std::string& title, const char* y_title, ValueUnit unit, const std::string& source) {
    Chart c;
    c.title = title + kDot + d.name;
    c.x_title = "quarter";
    c.y_title = y_title;
    c.unit = unit;
    c.x = quarter_labels(d.s->start, d.s->end);
    c.source = source;
    return c;
}

Chart cost_by_year(const Deal& d, const std::string& source) {
    const CostByYear costs = pactscope::cost_by_year(*d.s, *d.r);  // analysis/cost_by_year.h, as the page draws it
    Chart c;
    c.title = "Cost by year and component" + kDot + d.name;
    c.x_title = "year";
    c.y_title = "cost";
    c.unit = ValueUnit::usd;
    c.source = source;
    c.x = costs.years;
    for (const CostComponent& p : costs.parts) c.items.push_back(chart_series(ChartKind::stacked_bars, p.name, p.colour, p.usd));
    return c;
}

Chart cost_fan(const Deal& d, const std::string& source) {
    Chart c = quarterly_chart(d, "Cost per quarter: Monte Carlo P10" + kDash + "P90", "cost per quarter", ValueUnit::usd, source);
    if (d.m.trials_done > 0) {
        c.items.push_back(chart_band("P10" + kDash + "P90", 0, d.m.cost_usd.p10, d.m.cost_usd.p90));
        c.items.push_back(chart_series(ChartKind::line, "P50", 0, d.m.cost_usd.p50));
    }
    c.items.push_back(chart_series(ChartKind::dashed_line, "deterministic (median inputs)", 1, d.r->cost_usd));
    return c;
}

Chart capacity_chart(const Deal& d, const std::string& source) {
    const Result& r = *d.r;
    const std::size_t T = static_cast<std::size_t>(r.quarters);
    std::vector<double> cap(T, 0.0), demand(T, 0.0), served(T, 0.0);
    for (const ProviderSeries& p : r.providers)
        for (std::size_t q = 0; q < T && q < p.capacity_h100e.size(); ++q) cap[q] += p.capacity_h100e[q];
    for (const WorkloadSeries& w : r.workloads)
        for (std::size_t q = 0; q < T && q < w.demand_h100e.size(); ++q) demand[q] += w.demand_h100e[q], served[q] += w.served_h100e[q];
    Chart c = quarterly_chart(d, "Capacity, demand and served", "capacity, demand, served", ValueUnit::h100e, source);
    c.items.push_back(chart_series(ChartKind::dashed_line, "capacity (all providers)", 3, cap));
    c.items.push_back(chart_series(ChartKind::line, "demand", 1, demand));
    c.items.push_back(chart_series(ChartKind::line, "served", 0, served));
    return c;
}

Chart allocation_chart(const Deal& d, const std::string& source) {
    Chart c = quarterly_chart(d, "Allocation by provider", "allocated", ValueUnit::h100e, source);
    for (std::size_t p = 0; p < d.r->providers.size(); ++p)
        c.items.push_back(chart_series(ChartKind::stacked_area, provider_display_name(*d.s, p), static_cast<int>(p), d.r->providers[p].alloc_h100e));
    return c;
}

// Each party's net: categories are the buyer and every provider that is a party in some deal (matched by id
// across deals; analysis/parties.h), "*" when its own cost is not given; one item per deal.
Chart nets_chart(const std::vector<Deal>& deals, bool p50, const std::string& title, const std::string& source) {
    Chart c;
    c.title = title;
    c.y_title = p50 ? "net, Monte Carlo P50" : "net (deterministic)";
    c.unit = ValueUnit::usd;
    c.source = source;
    const Scenario& first = *deals.front().s;
    c.x.push_back(buyer_display_name(first) + " (buyer)");
    std::vector<std::string> ids;
    std::vector<bool> uncosted;  // per id: some deal does not give this cloud's own cost
    for (const Deal& d : deals)
        for (std::size_t p : party_providers(*d.s, *d.r)) {
            const auto at = std::find(ids.begin(), ids.end(), d.s->providers[p].id);
            if (at == ids.end()) {
                ids.push_back(d.s->providers[p].id);
                c.x.push_back(provider_display_name(*d.s, p));
                uncosted.push_back(!provider_cost_given(*d.s, p));
            } else if (!provider_cost_given(*d.s, p)) {
                uncosted[static_cast<std::size_t>(at - ids.begin())] = true;
            }
        }
    for (std::size_t k = 0; k < ids.size(); ++k)
        if (uncosted[k]) c.x[k + 1] += "*";  // c.x[0] is the buyer
    const int buyer_net = field_index(buyer_figures(), "net_usd"), provider_net = field_index(provider_figures(), "net_usd");
    for (std::size_t k = 0; k < deals.size(); ++k) {
        const Deal& d = deals[k];
        ChartItem it = chart_hbars(d.name, static_cast<int>(k), {});
        auto add = [&](double det, const Stat* st) {
            const bool mc = st && st->count > 0;
            it.values.push_back(p50 ? (mc ? st->p50 : kNaN) : det);
            it.low.push_back(mc ? st->p10 : kNaN);
            it.high.push_back(mc ? st->p90 : kNaN);
        };
        add(d.r->buyer.net_usd, static_cast<std::size_t>(buyer_net) < d.m.buyer.size() ? &d.m.buyer[static_cast<std::size_t>(buyer_net)] : nullptr);
        for (const std::string& id : ids) {
            int p = -1;
            for (std::size_t i = 0; i < d.s->providers.size(); ++i)
                if (d.s->providers[i].id == id) p = static_cast<int>(i);
            if (p < 0) {
                it.values.push_back(kNaN), it.low.push_back(kNaN), it.high.push_back(kNaN);
                continue;
            }
            const auto& figs = static_cast<std::size_t>(p) < d.m.providers.size() ? d.m.providers[static_cast<std::size_t>(p)] : std::vector<Stat>{};
            add(d.r->stakeholders[static_cast<std::size_t>(p)].net_usd,
                static_cast<std::size_t>(provider_net) < figs.size() ? &figs[static_cast<std::size_t>(provider_net)] : nullptr);
        }
        c.items.push_back(std::move(it));
    }
    return c;
}

//-----------------------------------------------------------------------------
// [SECTION] The clause timeline
//-----------------------------------------------------------------------------

std::string window_text(const Clause& c) {
    const std::string from = c.has_from ? quarter_label(c.from) : "start";
    const std::string to = c.to_agi ? "AGI" : c.has_to ? quarter_label(c.to) : "end";
    return from + " " + kDash + " " + to;
}

std::string timeline_svg(const Deal& d, const std::optional<int>& date_q, const std::string& source) {
    const Scenario& s = *d.s;
    const Result& r = *d.r;
    const int T = r.quarters;
    const std::size_t n = s.contract.size();
    const double pad = 14, row = 24, label_w = 230, top = 62;  // the markers' labels sit between the title and the rows
    const double height = top + row * static_cast<double>(std::max<std::size_t>(n, 1)) + 58 + (source.empty() ? 0 : 18);
    SvgCanvas svg(kChartWidth, static_cast<int>(height), "Clause timeline" + kDot + d.name);
    svg.text(pad, pad + 14, fit_text("Clause timeline: the quarters in which each clause is active", 16, kChartWidth - 2 * pad), 16, "start",
             "#111827", true);
    const double left = pad + label_w, right = kChartWidth - pad;
    const double w = T > 0 ? (right - left) / T : 0;
    const double bottom = top + row * static_cast<double>(n);
    for (int q = 0; q <= T; ++q) {
        const int abs_q = s.start + q;
        if (abs_q % 4 != 0 && q != 0) continue;
        svg.line(left + q * w, top - 4, left + q * w, bottom, "#e5e7eb", 1);
        if (q < T && (abs_q % 4 == 0 || q == 0) && (w * 4 >= 30 || abs_q % 8 == 0))
            svg.text(left + q * w + 2, bottom + 14, abs_q % 4 == 0 ? std::to_string(abs_q / 4) : quarter_label(abs_q), 11, "start", "#4b5563");
    }
    for (std::size_t i = 0; i < n; ++i) {
        const double y = top + row * static_cast<double>(i);
        if (i % 2 == 1) svg.rect(pad, y, right - pad, row, "#f3f4f6");
        // A label longer than its column ("reservation · Oracle OCI (Stargate sites, 4.5 GW)") takes two smaller
        // lines rather than being cut.
        const std::string label = clause_label(s, i);
        const auto estimated = [](std::string_view t) { return static_cast<float>(text_width(std::string(t), 10)); };
        const TwoLines lines = wrap_in_two(label, static_cast<float>(label_w - 10), estimated);
        if (text_width(label, 11) <= label_w - 10) {
            svg.text(pad + 2, y + row / 2 + 4, label, 11, "start", "#111827");
        } else if (lines.second.empty()) {
            svg.text(pad + 2, y + row / 2 + 4, fit_text(label, 10, label_w - 10), 10, "start", "#111827");
        } else {
            svg.text(pad + 2, y + row / 2 - 2, std::string(lines.first), 10, "start", "#111827");
            svg.text(pad + 2, y + row / 2 + 9, fit_text(std::string(lines.second), 10, label_w - 10), 10, "start", "#111827");
        }
        const auto& active = i < r.clause_active.size() ? r.clause_active[i] : std::vector<std::uint8_t>{};
        for (int q = 0; q < T;) {
            if (q >= static_cast<int>(active.size()) || !active[static_cast<std::size_t>(q)]) {
                ++q;
                continue;
            }
            int e = q;
            while (e < T && e < static_cast<int>(active.size()) && active[static_cast<std::size_t>(e)]) ++e;
            svg.rect(left + q * w + 0.5, y + 5, (e - q) * w - 1, row - 10, chart_colour(static_cast<int>(s.contract[i].type)));
            q = e;
        }
    }
    svg.line(left, bottom, right, bottom, "#6b7280", 1);
    auto marker = [&](int q, const std::string& text, const char* colour) {
        if (q < 0 || q >= T) return;
        const double x = left + (q + 0.5) * w;
        svg.line(x, top - 8, x, bottom, colour, 1.5, "4 3");
        svg.text(x, top - 12, text, 10.5, "middle", colour, true);
    };
    if (r.totals.has_agi) marker(r.totals.agi_quarter, "AGI " + quarter_label(s.start + r.totals.agi_quarter), "#9334e6");
    if (date_q) marker(*date_q - s.start, "report date", "#d93025");
    svg.text(left, bottom + 32, "quarter (a bar: the clause is active that quarter, as the deterministic run found it)", 11, "start", "#111827");
    if (!source.empty()) svg.text(pad, height - pad + 2, fit_text(source, 10, kChartWidth - 2 * pad), 10, "start", "#4b5563");
    return svg.finish();
}

}  // namespace pactscope::report_parts
