// report.cpp — report_html() and build_report() (see report.h).
//
// [SECTION] Small pieces: dates, KPIs, HTML (the rest, and the charts: report_parts.h)
// [SECTION] Sections
// [SECTION] The document and its style
#include "io/report.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "analysis/kpis.h"
#include "analysis/outside_horizon.h"
#include "analysis/parties.h"
#include "analysis/settlements.h"
#include "io/analysis_io.h"
#include "io/chart_svg.h"
#include "io/clause_types.h"
#include "io/explanation_io.h"
#include "io/report_parts.h"
#include "io/svg_canvas.h"
#include "io/value_text.h"
#include "model/engine.h"
#include "model/quarter.h"

namespace pactscope {

//-----------------------------------------------------------------------------
// [SECTION] Small pieces: dates, names, numbers, HTML
//-----------------------------------------------------------------------------

bool report_date_valid(const std::string& d) {
    if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
    for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
        if (d[i] < '0' || d[i] > '9') return false;
    const int year = std::stoi(d.substr(0, 4)), month = std::stoi(d.substr(5, 2)), day = std::stoi(d.substr(8, 2));
    if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
}

namespace {

using namespace report_parts;

// Rows of a table: <tr><th>…</th><td>…</td></tr>; cells are already HTML.
struct Table {
    std::string html;
    explicit Table(const std::string& cls = "") { html = cls.empty() ? "<table>\n" : "<table class=\"" + cls + "\">\n"; }
    void head(const std::vector<std::string>& cells) {
        html += "<thead><tr>";
        for (const std::string& c : cells) html += "<th>" + c + "</th>";
        html += "</tr></thead>\n<tbody>\n";
        opened = true;
    }
    void row(const std::vector<std::string>& cells, const std::string& cls = "") {
        if (!opened) html += "<tbody>\n", opened = true;
        html += cls.empty() ? "<tr>" : "<tr class=\"" + cls + "\">";
        for (std::size_t i = 0; i < cells.size(); ++i) html += (i == 0 ? "<th scope=\"row\">" : "<td>") + cells[i] + (i == 0 ? "</th>" : "</td>");
        html += "</tr>\n";
    }
    std::string done() { return html + (opened ? "</tbody>\n" : "") + "</table>\n"; }
    bool opened = false;
};

std::string figure(const Chart& c, const std::string& caption, int height = kChartHeight) {
    return "<figure>\n" + chart_svg(c, kChartWidth, height) + (caption.empty() ? "" : "<figcaption>" + esc(caption) + "</figcaption>\n") +
           "</figure>\n";
}


//-----------------------------------------------------------------------------
// [SECTION] Sections
//-----------------------------------------------------------------------------

class Writer {
public:
    Writer(const ReportInput& in, std::vector<Deal> deals) : in_(in), deals_(std::move(deals)) {
        const Deal& d = deals_.front();
        if (!in.date.empty()) {
            date_ = in.date;
            date_label_ = in.date;
        } else {
            for (const Deal& x : deals_)
                for (const Source& src : x.s->sources) date_ = std::max(date_, src.date);
            date_label_ = date_.empty() ? "undated" : "sources to " + date_;
        }
        trials_ = d.run->trials_done();
        seed_ = d.run->seed();
        if (deals_.size() > 1) {
            std::vector<const Simulation*> runs;
            for (const Deal& x : deals_) runs.push_back(x.run);
            cmp_ = compare(runs);
            for (std::size_t k = 0; k < deals_.size(); ++k) deals_[k].m = cmp_.summaries[k];
        } else {
            deals_[0].m = d.run->summary();
        }
    }

    std::string write() {
        std::string body = header() + summary() + figures() + timeline() + parties();
        if (deals_.size() > 1) body += comparison() + what_changed();
        body += sources() + footer();
        return document(body);
    }

private:
    const ReportInput& in_;
    std::vector<Deal> deals_;
    Comparison cmp_;
    std::string date_, date_label_;
    std::int64_t trials_ = 0;
    std::uint64_t seed_ = 0;

    // A chart of Monte Carlo trials names its seed and trials; a deterministic one says so (io/chart_svg.h).
    std::string source_line(const Deal& d) const { return chart_source_line(d.name, date_label_, seed_, trials_); }
    std::string deterministic_line(const Deal& d) const { return chart_source_line(d.name, date_label_, seed_, -1); }
    std::string trials_text() const { return grouped_integer(trials_) + (trials_ == 1 ? " Monte Carlo trial" : " Monte Carlo trials"); }

    static std::string section_open(const char* id, const std::string& title) {
        return std::string("<section id=\"") + id + "\">\n<h2>" + esc(title) + "</h2>\n";
    }

    std::string header() const {
        const Deal& d = deals_.front();
        std::string h = "<header>\n<p class=\"kicker\">PactScope report</p>\n<h1>" + esc(d.name) + "</h1>\n<p class=\"meta\">" +
                        esc(date_label_ + kDot + "seed " + std::to_string(seed_) + kDot + trials_text() + kDot + "horizon " + horizon_text(*d.s)) +
                        "</p>\n";
        if (deals_.size() > 1) {
            std::string pinned;
            for (std::size_t k = 1; k < deals_.size(); ++k) pinned += (k > 1 ? "; " : "") + esc(deals_[k].name);
            h += "<p class=\"meta\">Compared with (pinned): " + pinned + "</p>\n";
        }
        return h + "</header>\n";
    }

    std::string summary() const {
        const Deal& d = deals_.front();
        const Scenario& s = *d.s;
        const Result& r = *d.r;
        std::string h = section_open("summary", "Summary");
        if (!s.description.empty()) h += "<p class=\"lead\">" + esc(s.description) + "</p>\n";
        const std::string buyer = buyer_display_name(s);
        auto v = [&](const char* metric) { return esc(report_kpi_text(s, r, metric)); };
        h += "<p>Over " + esc(horizon_text(s)) + " " + esc(buyer) + " pays " + v("cost_usd") + " for compute (" + v("stranded_usd") +
             " of it stranded take-or-pay or idle reservations); " + v("served_fraction") + " of its demand is served and " + v("shortfall_value_usd") +
             " of value goes unserved. Its compute net is " + v("buyer.net_usd") +
             ". These are deterministic values (every input at its median); the ranges are the Monte Carlo P10" + kDash + "P90 of " +
             esc(trials_text()) + " (seed " + std::to_string(seed_) + ").</p>\n";
        Table t("kpis");
        t.head({"key figure", "deterministic", "P10", "P50", "P90"});
        for (const Kpi& k : kpis()) {
            const Metric m = kpi_metric(s, k.metric);
            const Stat* st = metric_stat(d.m, s, m);
            const ValueUnit unit = metric_unit(m);
            t.row({esc(kpi_title(*deals_.front().s, k)), "<span class=\"kpi\" data-metric=\"" + std::string(k.metric) + "\">" + v(k.metric) + "</span>",
                   esc(stat_text(st, &Stat::p10, unit, s)), esc(stat_text(st, &Stat::p50, unit, s)), esc(stat_text(st, &Stat::p90, unit, s))});
        }
        h += t.done();
        // What reaches past the horizon is not in these figures (MODEL §8 "Outside the horizon"): the page marks the
        // numbers it moves; the report lists it under them.
        std::vector<HorizonEdge> buyers, providers_only;  // those that move the key figures above, and the rest
        for (HorizonEdge& e : outside_horizon(s, r))
            (std::any_of(e.moves.begin(), e.moves.end(), [](const std::string& m) { return m == "cost_usd" || m.starts_with("buyer."); }) ? buyers
                                                                                                                                        : providers_only)
                .push_back(std::move(e));
        auto list = [&](const std::vector<HorizonEdge>& edges) {
            std::string l = "<ul class=\"outside\">\n";
            for (const HorizonEdge& e : edges)
                l += "<li>" + esc(e.text) + (std::isfinite(e.amount_usd) ? " (" + esc(value_text(e.amount_usd, ValueUnit::usd)) + ")" : std::string()) + "</li>\n";
            return l + "</ul>\n";
        };
        if (!buyers.empty()) {
            double known = 0;
            for (const HorizonEdge& e : buyers) known += std::isfinite(e.amount_usd) ? e.amount_usd : 0.0;
            h += "<p class=\"note\"><strong>Outside the horizon.</strong> " + std::to_string(buyers.size()) + " thing" + (buyers.size() == 1 ? "" : "s") +
                 " reaching past " + esc(horizon_text(s)) + " move the key figures above and " + (buyers.size() == 1 ? "is" : "are") + " not counted in them" +
                 (known > 0 ? " (" + esc(value_text(known, ValueUnit::usd)) + " where an amount is known)" : std::string()) + ":</p>\n" + list(buyers);
        }
        if (!providers_only.empty())
            h += "<p class=\"note\">" + std::string(buyers.empty() ? "<strong>Outside the horizon.</strong> " : "") + std::to_string(providers_only.size()) +
                 (buyers.empty() ? " thing" + std::string(providers_only.size() == 1 ? "" : "s") + " reaching past " + esc(horizon_text(s))
                                 : std::string(" more")) +
                 " move only the providers' own costs (their P&L below):</p>\n" + list(providers_only);
        // The deal in brief.
        std::string providers, workloads, clauses;
        for (std::size_t p = 0; p < s.providers.size(); ++p) {
            const std::string label = provider_display_name(s, p);
            const bool says_owned = label.find("owned") != std::string::npos;  // "AMD Instinct fleet (owned)" already says it
            providers += (p ? ", " : "") + esc(label) + (s.providers[p].kind == ProviderKind::owned && !says_owned ? " (owned)" : "");
        }
        for (std::size_t w = 0; w < s.workloads.size(); ++w)
            workloads += (w ? ", " : "") + esc(s.workloads[w].id) +
                         (s.workloads[w].id == (s.workloads[w].kind == WorkloadKind::training ? "training" : "inference") ? ""
                          : s.workloads[w].kind == WorkloadKind::training                                          ? " (training)"
                                                                                                                   : " (inference)");
        std::map<std::string, int> counts;
        std::vector<std::string> order;
        for (const Clause& c : s.contract) {
            const std::string name = clause_type_info(c.type).label;  // "revenue share", not the file's revenue_share
            if (!counts[name]++) order.push_back(name);
        }
        for (std::size_t i = 0; i < order.size(); ++i)
            clauses += (i ? ", " : "") + esc(order[i]) + (counts[order[i]] > 1 ? " \xc3\x97" + std::to_string(counts[order[i]]) : "");
        Table f("facts");
        f.row({"Buyer", esc(buyer)});
        f.row({"Horizon", esc(horizon_text(s)) + " (" + std::to_string(s.quarters()) + " quarters)"});
        f.row({"Providers", providers});
        f.row({"Workloads", workloads});
        f.row({"Clauses", s.contract.empty() ? std::string("none") : std::to_string(s.contract.size()) + ": " + clauses});
        f.row({"Sources", std::to_string(s.sources.size())});
        h += "<h3>The deal</h3>\n" + f.done();
        return h + "</section>\n";
    }

    std::string figures() const {
        const Deal& d = deals_.front();
        const Scenario& s = *d.s;
        const std::string src = source_line(d), det = deterministic_line(d);
        std::string h = section_open("figures", "Key figures");
        h += figure(cost_by_year(d, det), "");
        h += figure(cost_fan(d, src), settlement_note(*d.s));  // analysis/settlements.h: why the P90 jumps where it does
        h += figure(capacity_chart(d, det), "");
        h += figure(allocation_chart(d, det), "");
        h += "<h3>Every total</h3>\n";
        Table t("totals");
        t.head({"total", "meaning", "deterministic", "P10", "P50", "P90"});
        for (std::size_t i = 0; i < kTotalFields.size(); ++i) {
            const TotalField& f = kTotalFields[i];
            const Stat* st = i < d.m.totals.size() ? &d.m.totals[i] : nullptr;
            // Named as the page names it ("Total cost"); the file's key (cost_usd) is for the CLI's JSON and CSV.
            t.row({esc(metric_label(std::vector<const Scenario*>{&s}, f.name).name), "<span class=\"meaning\">" + esc(f.meaning) + "</span>",
                   esc(shown(f.value(d.r->totals), f.unit, s)), esc(stat_text(st, &Stat::p10, f.unit, s)), esc(stat_text(st, &Stat::p50, f.unit, s)),
                   esc(stat_text(st, &Stat::p90, f.unit, s))});
        }
        h += t.done();
        return h + "</section>\n";
    }

    std::string timeline() const {
        const Deal& d = deals_.front();
        const Scenario& s = *d.s;
        std::string h = section_open("timeline", "Clause timeline");
        h += "<figure>\n" + timeline_svg(d, date_quarter(date_), deterministic_line(d)) + "</figure>\n";
        if (s.contract.empty()) return h + "<p>This deal has no clauses.</p>\n</section>\n";
        Table t("clauses");
        t.head({"clause", "window", "active", "meaning", "source"});
        for (std::size_t i = 0; i < s.contract.size(); ++i) {
            const Clause& c = s.contract[i];
            int active = 0, first = -1, last = -1;
            if (i < d.r->clause_active.size())
                for (std::size_t q = 0; q < d.r->clause_active[i].size(); ++q)
                    if (d.r->clause_active[i][q]) ++active, last = static_cast<int>(q), first = first < 0 ? static_cast<int>(q) : first;
            const std::string when = active == 0 ? "never"
                                                 : std::to_string(active) + " quarter" + (active == 1 ? "" : "s") + ", " + quarter_label(s.start + first) +
                                                       kDash + quarter_label(s.start + last);
            std::string meaning = esc(clause_type_info(c.type).meaning);
            if (!c.prov.note.empty()) meaning += "<br><span class=\"note\">" + esc(c.prov.note) + "</span>";
            t.row({esc(clause_label(s, i)), esc(window_text(c)), esc(when), meaning, c.prov.source.empty() ? "-" : "<code>" + esc(c.prov.source) + "</code>"});
        }
        return h + t.done() + "</section>\n";
    }

    std::string parties() const {
        const Deal& d = deals_.front();
        const Scenario& s = *d.s;
        const Result& r = *d.r;
        std::string h = section_open("parties", "Each party's P&L");
        h += "<p>Over the horizon, deterministic; the net's range is the Monte Carlo P10" + kDash +
             "P90. Buyer: inference revenue + revenue share received " + kDash + " total cost " + kDash +
             " revenue share paid. Provider: what it bills the buyer (less SLA credits) + revenue share received " + kDash + " paid + IP value " +
             kDash + " what its capacity costs it (when the deal says). Owned capacity bills nobody: its cost is the buyer's.</p>\n";
        Table t("pnl");
        t.head({"party", "revenue", "cost", "share paid", "share received", "IP value", "net", "net P10" + kDash + "P90"});
        const int bnet = field_index(buyer_figures(), "net_usd"), pnet = field_index(provider_figures(), "net_usd");
        const BuyerView& b = r.buyer;
        const std::vector<std::size_t> parties = party_providers(s, r);
        // The money columns in one scale (io/value_text.h statement_scale), so a row foots by hand.
        const StatementScale scale = statement_scale(pnl_money(r, parties));
        auto money = [&](double v) { return esc(statement_text(v, scale)); };
        auto usd = [](double v) { return esc(value_text(v, ValueUnit::usd)); };
        t.row({esc(buyer_display_name(s)) + " (buyer)", money(b.revenue_usd), money(b.cost_usd), money(b.revenue_share_paid_usd), money(b.revenue_share_received_usd), kMdash,
               "<strong>" + money(b.net_usd) + "</strong>",
               esc(range_text(static_cast<std::size_t>(bnet) < d.m.buyer.size() ? &d.m.buyer[static_cast<std::size_t>(bnet)] : nullptr, ValueUnit::usd, s))});
        // Parties (analysis/parties.h): owned capacity that bills nothing is named in a note; a cloud whose own
        // cost the deal does not give reads "not given", its net marked as before that cost.
        for (std::size_t p : parties) {
            const ProviderView& v = r.stakeholders[p];
            const Stat* st = p < d.m.providers.size() && static_cast<std::size_t>(pnet) < d.m.providers[p].size() ? &d.m.providers[p][static_cast<std::size_t>(pnet)]
                                                                                                                      : nullptr;
            const bool costed = provider_cost_given(s, p);
            t.row({esc(provider_display_name(s, p)), money(v.revenue_usd), costed ? money(v.cost_usd) : std::string("not given"), money(v.revenue_share_paid_usd),
                   money(v.revenue_share_received_usd), money(v.ip_value_usd), "<strong>" + money(v.net_usd) + (costed ? "" : "*") + "</strong>",
                   esc(range_text(st, ValueUnit::usd, s))});
        }
        h += t.done();
        h += "<p class=\"note\">" + esc(statement_rounding_note(scale)) + " " + esc(buyer_display_name(s)) + " also: training value " + usd(b.training_value_usd) + ", value lost to shortfall and outages " +
             usd(b.lost_value_usd) + " (reported beside its net, not in it).";
        if (const std::string uncosted = uncosted_names(s, parties); !uncosted.empty())
            h += " * Before what the capacity costs its provider, which the scenario does not give (no provider cost): " + esc(uncosted) + ".";
        if (const std::string owned = owned_capacity_names(s, r); !owned.empty())
            h += " Owned capacity, whose cost is in " + esc(buyer_display_name(s)) + "'s: " + esc(owned) + ".";
        if (const std::string outside = outside_deal_names(s, r); !outside.empty())
            h += " Listed without capacity and taking no money, so not in this deal: " + esc(outside) + ".";
        h += "</p>\n";
        h += figure(nets_chart({d}, false, "Each party's net, with Monte Carlo P10" + kDash + "P90" + kDot + d.name, source_line(d)), "");
        if (!r.commitments.empty()) {
            Table c("commitments");
            c.head({"commitment", "committed", "spent", "stranded", "settled"});
            for (const CommitmentOutcome& o : r.commitments)
                c.row({esc(provider_display_name(s, static_cast<std::size_t>(o.provider))), usd(o.usd), usd(o.spent_usd), usd(o.stranded_usd), o.settled ? "yes" : "after the horizon"});
            h += "<h3>Commitments</h3>\n" + c.done();
        }
        if (!r.reservations.empty()) {
            Table c("reservations");
            c.head({"reservation", "reserved", "used", "used share", "idle (paid)", "paid"});
            for (const ReservationOutcome& o : r.reservations)
                c.row({esc(provider_display_name(s, static_cast<std::size_t>(o.provider))), esc(value_text(o.reserved_h100e_hours, ValueUnit::h100e_hours)),
                       esc(value_text(o.used_h100e_hours, ValueUnit::h100e_hours)),
                       esc(value_text(o.reserved_h100e_hours > 0 ? o.used_h100e_hours / o.reserved_h100e_hours : 0, ValueUnit::share)), usd(o.idle_usd),
                       usd(o.paid_usd)});
            h += "<h3>Reservations</h3>\n" + c.done();
        }
        return h + "</section>\n";
    }

    std::string letter(std::size_t k) const { return std::string(1, deals_[k].letter); }

    std::string comparison() const {
        const Deal& a = deals_.front();
        std::string h = section_open("comparison", "Comparison with the pinned deals");
        h += "<p>Every deal runs the same " + esc(trials_text()) + " with seed " + std::to_string(seed_) +
             ", so trial i of each sees the same draws of the inputs they share (common random numbers) and the differences are paired. "
             "Columns give each deal's P50; " +
             "\xce\x94 is the P50 of the paired difference (pinned " + kDash + " current) with its P10 to P90 below; P(X better) is the share of trials in "
             "which pinned deal X does better than the current one by the metric's own direction (as on the page's Compare tab).</p>\n"
             "<ul class=\"deals\">\n";
        for (std::size_t k = 0; k < deals_.size(); ++k)
            h += "<li><strong>" + letter(k) + "</strong> " + esc(deals_[k].name) + (k == 0 ? " (current)" : " (pinned)") + kDot +
                 esc(horizon_text(*deals_[k].s)) + "</li>\n";
        h += "</ul>\n";
        // Totals over different years are not like for like (exclusive-2019's 22 quarters to 2024 beside 2025–2032).
        std::string other_years;
        for (std::size_t k = 1; k < deals_.size(); ++k)
            if (deals_[k].s->start != a.s->start || deals_[k].s->quarters() != a.s->quarters())
                other_years += (other_years.empty() ? "" : ", ") + letter(k) + " (" + esc(horizon_text(*deals_[k].s)) + ")";
        if (!other_years.empty())
            h += "<p class=\"note warning\"><strong>Different horizons.</strong> " + other_years + " cover" +
                 (other_years.find(',') == std::string::npos ? "s" : "") + " other quarters than A (" + esc(horizon_text(*a.s)) +
                 "): totals and P(better) compare sums over different years, not the same years under different terms.</p>\n";
        std::vector<std::string> head = {"metric", "A P50"};
        for (std::size_t k = 1; k < deals_.size(); ++k)
            head.push_back(letter(k) + " P50"), head.push_back("\xce\x94 " + letter(k) + " " + kDash + " A"), head.push_back("P(" + letter(k) + " better)");
        Table t("compare");
        t.head(head);
        // `gap_k(k)`: why deal k has no such figure (analysis/parties.h), shown instead of a median; no difference
        // is shown where it would mean nothing (gap_comparable).
        auto row = [&](const std::string& label, ValueUnit unit, auto stat_k, auto delta_k, auto gap_k, auto star_k) {
            auto median = [&](std::size_t k) {
                const FigureGap gap = gap_k(k);
                return gap == FigureGap::none ? esc(stat_text(stat_k(k), &Stat::p50, unit, *deals_[k].s) + star_k(k))
                                              : "<em>" + esc(figure_gap_text(gap)) + "</em>";
            };
            std::vector<std::string> cells = {label, median(0)};
            for (std::size_t k = 1; k < deals_.size(); ++k) {
                cells.push_back(median(k));
                const PairedDelta* dd = delta_k(k);
                const bool any = dd && dd->delta.count > 0 && gap_comparable(gap_k(0), gap_k(k));
                cells.push_back(any ? esc(delta_text(dd->delta.p50, unit)) + "<br><span class=\"range\">" + esc(delta_text(dd->delta.p10, unit)) + " to " +
                                          esc(delta_text(dd->delta.p90, unit)) + "</span>"
                                    : std::string("-"));
                // "tie" when equal in every paired trial, as the page says; else never 0% or 100% unless exact.
                cells.push_back(!any ? std::string("n/a") : dd->p_equal >= 1.0 ? std::string("tie") : dd->direction == 0 ? std::string("n/a")
                                                                                                              : esc(probability_text(dd->p_b_better())));
            }
            t.row(cells);
        };
        auto pair_of = [&](std::size_t k) { return find_pair(cmp_, 0, static_cast<int>(k)); };
        auto at = [](const auto& v, std::size_t i) { return i < v.size() ? &v[i] : nullptr; };
        // Each metric by its name, as the page's pickers and tables say it ("Total cost", "OpenAI — net").
        std::vector<const Scenario*> scenarios;
        for (const Deal& d : deals_) scenarios.push_back(d.s);
        auto name = [&](const std::string& key) { return esc(metric_label(scenarios, key).name); };
        const auto present = [](std::size_t) { return FigureGap::none; };
        const auto no_star = [](std::size_t) { return std::string(); };
        for (std::size_t i = 0; i < kTotalFields.size(); ++i)
            row(name(kTotalFields[i].name), kTotalFields[i].unit, [&](std::size_t k) { return at(deals_[k].m.totals, i); },
                [&](std::size_t k) { const PairComparison* pc = pair_of(k); return pc ? at(pc->totals, i) : nullptr; }, present, no_star);
        for (std::size_t f = 0; f < buyer_figures().size(); ++f)
            row(name("buyer." + std::string(buyer_figures()[f].name)), buyer_figures()[f].unit, [&](std::size_t k) { return at(deals_[k].m.buyer, f); },
                [&](std::size_t k) { const PairComparison* pc = pair_of(k); return pc ? at(pc->buyer, f) : nullptr; }, present, no_star);
        // Each provider's net, matched by id; a row only for a provider that is a party (analysis/parties.h) in some
        // deal, and in a deal where it is none its cell says why instead of showing $0, with no difference beside it.
        auto gap_in = [&](std::size_t k, const std::string& id) { return figure_gap(*deals_[k].s, *deals_[k].r, id, "net_usd"); };
        const std::size_t net = static_cast<std::size_t>(field_index(provider_figures(), "net_usd"));
        std::vector<std::string> ids;
        for (const Deal& d : deals_)
            for (const Provider& p : d.s->providers)
                if (std::find(ids.begin(), ids.end(), p.id) == ids.end()) ids.push_back(p.id);
        for (const std::string& id : ids) {
            const Metric m{Metric::Kind::provider, static_cast<int>(net), -1, id + ".net_usd", id};
            auto stat_k = [&](std::size_t k) { return metric_stat(deals_[k].m, *deals_[k].s, m); };
            auto delta_k = [&](std::size_t k) -> const PairedDelta* {
                const PairComparison* pc = pair_of(k);
                return pc ? metric_delta(*pc, m) : nullptr;
            };
            bool party_somewhere = false;
            for (std::size_t k = 0; k < deals_.size(); ++k) party_somewhere = party_somewhere || gap_in(k, id) == FigureGap::none;
            // A net before a cost the deal does not give is starred, as in the P&L (the note under the nets chart).
            const auto star = [&](std::size_t k) { return std::string(net_before_cost(*deals_[k].s, *deals_[k].r, id) ? "*" : ""); };
            if (party_somewhere) row(name(id + ".net_usd"), ValueUnit::usd, stat_k, delta_k, [&](std::size_t k) { return gap_in(k, id); }, star);
        }
        h += t.done();
        bool uncosted = false;  // some deal leaves a cloud's own cost out: its bar is starred (nets_chart)
        for (const Deal& d : deals_) uncosted = uncosted || !uncosted_names(*d.s, party_providers(*d.s, *d.r)).empty();
        h += figure(nets_chart(deals_, true, "Each party's net by deal: Monte Carlo P50 with P10" + kDash + "P90",
                               chart_source_line(a.name + " and " + std::to_string(deals_.size() - 1) + " pinned", date_label_, seed_, trials_)),
                    uncosted ? "* Before what the capacity costs its provider, which a deal does not give (no provider cost)." : "");
        return h + "</section>\n";
    }

    std::string what_changed() const {
        const Deal &a = deals_[0], &b = deals_[1];
        std::string h = section_open("what-changed", "What changed: A" + kArrow + "B");
        h += "<p><strong>A</strong> " + esc(a.name) + kArrow + "<strong>B</strong> " + esc(b.name) +
             ". Deterministic values (every input at its median).</p>\n";
        if (in_.what_changed && !in_.what_changed->contributions.empty()) {
            const ReportExplanation& e = *in_.what_changed;
            ValueUnit unit = ValueUnit::usd;
            std::string error;
            const PairedDelta* paired = nullptr;  // the same difference trial by trial, as in the comparison above
            if (auto m = parse_metric(*a.s, e.metric, error)) {
                unit = metric_unit(*m);
                if (const PairComparison* pc = find_pair(cmp_, 0, 1)) paired = metric_delta(*pc, *m);
            }
            Chart c;
            const std::string words = e.label.empty() ? e.metric : e.label;
            c.title = "What changed in " + words + ": A" + kArrow + "B";
            c.y_title = words;
            c.unit = unit;
            c.source = chart_source_line(a.name + kArrow + b.name, date_label_, seed_, -1);
            ChartItem it = chart_series(ChartKind::waterfall, words, 0, {});
            c.x.push_back("A");
            it.values.push_back(e.value_a);
            for (const ReportContribution& k : e.contributions) c.x.push_back(k.part), it.values.push_back(k.value);
            c.x.push_back("B");
            it.values.push_back(e.value_b);
            c.items.push_back(std::move(it));
            h += figure(c, "", kChartHeight * 3 / 2);  // room for the parts' names under the bars
            Table t("contributions");
            t.head({"part that differs", "contribution to " + esc(words)});
            t.row({"A", esc(value_text(e.value_a, unit))});
            for (const ReportContribution& k : e.contributions) t.row({esc(k.part), esc(delta_text(k.value, unit))});
            t.row({"B", esc(value_text(e.value_b, unit))}, "total");
            h += t.done();
            if (!e.exact) h += "<p class=\"note\">The contributions are averaged over sampled orders of the parts (not exact).</p>\n";
            // Two differences of one metric in one report: say which is which (as the page does above its waterfall).
            if (paired && paired->delta.count > 0)
                h += "<p class=\"note\">Over the " + grouped_integer(paired->delta.count) + " paired Monte Carlo trials the same difference has a median of " +
                     esc(delta_text(paired->delta.p50, unit)) + " (P10 to P90 " + esc(delta_text(paired->delta.p10, unit)) + " to " +
                     esc(delta_text(paired->delta.p90, unit)) + "; \xce\x94 B " + kDash + " A in the comparison above). The split above is of the "
                     "deterministic difference, every input at its median, which is not the median of the differences.</p>\n";
        } else {
            h += "<p class=\"note\">No explanation was supplied with this report, so the differences below are not split among the clauses, "
                 "providers and settings in which the deals differ.</p>\n";
        }
        Table t("changed");
        t.head({"key figure", "A", "B", "B " + kDash + " A"});
        for (const Kpi& k : kpis()) {
            const Metric m = kpi_metric(*a.s, k.metric);
            const ValueUnit unit = metric_unit(m);
            const double va = metric_value(m, *a.r), vb = metric_value(m, *b.r);
            t.row({esc(kpi_title(*deals_.front().s, k)), esc(shown(va, unit, *a.s)), esc(shown(vb, unit, *b.s)), esc(delta_text(vb - va, unit))});
        }
        return h + t.done() + "</section>\n";
    }

    std::string sources() const {
        std::string h = section_open("sources", "Sources");
        struct Cited {
            const Source* src;
            std::string deals;
        };
        std::vector<Cited> all;
        for (std::size_t k = 0; k < deals_.size(); ++k)
            for (const Source& src : deals_[k].s->sources) {
                auto it = std::find_if(all.begin(), all.end(), [&](const Cited& c) { return *c.src == src; });
                if (it == all.end()) all.push_back({&src, letter(k)});
                else if (it->deals.find(deals_[k].letter) == std::string::npos) it->deals += ", " + letter(k);
            }
        if (all.empty()) return h + "<p>The deals cite no sources.</p>\n</section>\n";
        Table t("sources");
        std::vector<std::string> head = {"source", "date", "title"};
        if (deals_.size() > 1) head.push_back("cited by");
        t.head(head);
        for (const Cited& c : all) {
            std::string title = esc(c.src->title);
            if (!c.src->url.empty()) title += "<br><span class=\"url\">" + esc(c.src->url) + "</span>";
            std::vector<std::string> cells = {"<code>" + esc(c.src->id) + "</code>", esc(c.src->date), title};
            if (deals_.size() > 1) cells.push_back(esc(c.deals));
            t.row(cells);
        }
        return h + t.done() + "</section>\n";
    }

    std::string footer() const {
        return "<footer>Made with PactScope. Deterministic values use every input's median; ranges are Monte Carlo P10" + kDash + "P90 over " +
               esc(trials_text()) + " with seed " + std::to_string(seed_) + ". The same scenarios, trials, seed and date give this same file (" +
               "<code>pactscope report</code> on the command line, or File" + kArrow + "Download report in the page).</footer>\n";
    }

    std::string document(const std::string& body) const;
};

//-----------------------------------------------------------------------------
// [SECTION] The document and its style
//-----------------------------------------------------------------------------

// Print: margins from @page, the paper from the printer (A4 or Letter); the text column is the page's
// width less the margins, at most 182 mm (A4's 210 mm less 2 × 14 mm), and everything scales to it.
const char* const kStyle = R"css(
@page { margin: 14mm 14mm 16mm 14mm; }
* { box-sizing: border-box; }
html { background: #ffffff; color: #111827; font: 10pt/1.45 Inter, "Helvetica Neue", Arial, "Liberation Sans", sans-serif;
       -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; padding: 10mm 8mm; max-width: 198mm; }
@media print { body { padding: 0; max-width: none; } }
header { margin-bottom: 6mm; }
.kicker { margin: 0; color: #4b5563; font-size: 9pt; letter-spacing: 0.06em; text-transform: uppercase; }
h1 { font-size: 20pt; line-height: 1.2; margin: 1mm 0 2mm; }
h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1.5mm; border-bottom: 1.5px solid #d1d5db; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
.meta { margin: 0.5mm 0; color: #374151; }
p { margin: 0 0 3mm; }
.lead { font-size: 11pt; }
.note, .range, .url, .meaning { color: #4b5563; font-size: 8pt; }
.url { overflow-wrap: anywhere; }
section { break-before: page; }
section#summary { break-before: auto; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
figcaption { font-size: 8.5pt; color: #4b5563; }
table { width: 100%; border-collapse: collapse; margin: 0 0 4mm; font-size: 8.5pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { padding: 1.2mm 1.5mm; border-bottom: 1px solid #e5e7eb; text-align: right; vertical-align: top; overflow-wrap: break-word; }  /* a word splits only if it cannot fit a line alone ("determini / stic" did) */
th { font-weight: 600; }
thead th { border-bottom: 1.5px solid #9ca3af; color: #374151; font-size: 8pt; }
th:first-child, td:first-child { text-align: left; }
table.facts th { width: 22%; }
table.facts td, table.clauses td, table.sources td { text-align: left; }
table.clauses td:nth-child(1) { width: 20%; overflow-wrap: normal; }
table.clauses td:nth-child(2), table.clauses td:nth-child(3) { width: 12%; overflow-wrap: normal; }
table.clauses td:nth-child(5), table.sources td:nth-child(1) { width: 13%; }
table.kpis td, table.kpis th { font-size: 10pt; }
table.kpis .kpi { font-weight: 600; }
table.totals td:nth-child(2) { text-align: left; }
table.compare { font-size: 7.5pt; }
table.pnl td, table.compare td, table.kpis td { overflow-wrap: normal; }  /* a number is never split ("$1,785.2 / B") */
table.pnl td, table.kpis td { white-space: nowrap; }  /* nor broken after its minus sign ("- / $1,080.2B") */
tr.total th, tr.total td { border-top: 1.5px solid #9ca3af; font-weight: 600; }
code { font-family: "JetBrains Mono", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; overflow-wrap: anywhere; }
ul.deals { margin: 0 0 3mm; padding-left: 5mm; }
ul.outside { margin: 0 0 3mm; padding-left: 5mm; font-size: 8.5pt; color: #374151; }
p.warning { color: #92400e; background: #fef3c7; padding: 1.5mm 2mm; font-size: 9pt; }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 1px solid #d1d5db; color: #4b5563; font-size: 8pt; }
)css";

std::string Writer::document(const std::string& body) const {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "<meta name=\"generator\" content=\"PactScope\">\n<title>" +
           esc("PactScope report: " + deals_.front().name) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n" + body + "</body>\n</html>\n";
}

}  // namespace

std::string report_kpi_text(const Scenario& s, const Result& r, const char* metric) {
    const Metric m = report_parts::kpi_metric(s, metric);
    const double v = metric_value(m, r);
    if (metric_unit(m) == ValueUnit::quarter) return std::isnan(v) ? "none" : value_text(v, ValueUnit::quarter);
    return value_text(v, metric_unit(m));
}

std::string report_html(const ReportInput& input) {
    std::vector<const Scenario*> scenarios;
    std::vector<Deal> deals;
    for (const ReportDeal& d : input.deals) {
        if (!d.scenario || !d.result || !d.run || deals.size() >= 4) continue;
        deals.push_back({d.scenario, d.result, d.run, "", static_cast<char>('A' + deals.size()), {}});
        scenarios.push_back(d.scenario);
    }
    if (deals.empty()) return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>PactScope report</title></head><body><p>No deal.</p></body></html>\n";
    const std::vector<std::string> names = deal_names(scenarios);
    for (std::size_t k = 0; k < deals.size(); ++k) deals[k].name = names[k];
    return Writer(input, std::move(deals)).write();
}

std::optional<ReportExplanation> report_explanation(const Scenario& a, const Scenario& b, const std::string& metric) {
    std::string error;
    const std::optional<Explanation> ex = explain_scenarios(a, b, metric, error);
    if (!ex) return std::nullopt;  // a null metric in some combination: the section shows the totals only
    ReportExplanation out;
    out.metric = metric;
    out.label = metric_label({&a, &b}, metric).name;
    out.value_a = ex->value_a, out.value_b = ex->value_b;
    out.exact = ex->exact;
    for (const Contribution& c : ex->contributions) out.contributions.push_back({c.part, c.value});
    return out;
}

std::string build_report(const std::vector<Scenario>& scenarios, std::int64_t trials, std::uint64_t seed, const std::string& date, int threads,
                         const std::optional<ReportExplanation>& what_changed) {
    std::vector<Result> results(scenarios.size());
    std::vector<Simulation> runs(scenarios.size());
    ReportInput in;
    in.date = date;
    in.what_changed = what_changed;
    if (!in.what_changed && scenarios.size() > 1) in.what_changed = report_explanation(scenarios[0], scenarios[1], kReportExplainedMetric);
    for (std::size_t k = 0; k < scenarios.size(); ++k) {
        results[k] = evaluate(scenarios[k]);
        runs[k].start(scenarios[k], trials, seed);
        runs[k].run(threads);
        in.deals.push_back({&scenarios[k], &results[k], &runs[k]});
    }
    return report_html(in);
}

}  // namespace pactscope
