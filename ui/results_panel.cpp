// results_panel.cpp — the right side: KPI cards and the result tabs.
//
// [SECTION] KPI cards and tabs
// [SECTION] Overview, capacity and power
// [SECTION] Uncertainty
// [SECTION] Money and stakeholders
// [SECTION] Compare (the table: compare_table.cpp; what changed: explain_view.cpp)
// (the Sweep tab: sweep_view.cpp; the Story tab: story_view.cpp)
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "results_panel.h"

#include "analysis/cost_by_year.h"
#include "analysis/kpis.h"
#include "analysis/parties.h"
#include "analysis/settlements.h"
#include "fonts.h"
#include "icons.h"
#include "io/chart_svg.h"
#include "io/value_text.h"
#include "charts.h"
#include "format.h"
#include "imgui.h"
#include "model/quarter.h"
#include "model/result_fields.h"
#include "io/result_io.h"
#include "io/scenario_inputs.h"
#include "pickers.h"
#include "widgets.h"

namespace pactscope::ui {

namespace {

// A KPI card gives its P10–P90 once the summary on screen covers this many trials (or the whole run, if it is
// smaller): the first block's 16 or 32 trials can put P10 on the other side of zero from the finished run's.
constexpr std::int64_t kMinRangeTrials = 200;

// A table of text cells whose columns fit their widest value (widgets.h begin_fit_table).
void text_table(const char* id, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& cells) {
    std::vector<FitColumn> cols;
    for (const std::string& h : header) cols.push_back({h, 0});
    for (const auto& row : cells)
        for (std::size_t c = 0; c < row.size() && c < cols.size(); ++c) cols[c].width = std::max(cols[c].width, text_width(row[c]));
    if (!begin_fit_table(id, cols, static_cast<int>(cells.size()), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, true)) return;
    ImGui::TableHeadersRow();
    for (std::size_t r = 0; r < cells.size(); ++r) {
        ImGui::TableNextRow();
        for (std::size_t c = 0; c < cells[r].size() && c < cols.size(); ++c) {
            ImGui::TableNextColumn();
            fit_cell(id, static_cast<int>(r), static_cast<int>(c), text_width(cells[r][c]));
            ImGui::TextUnformatted(cells[r][c].c_str());
        }
    }
    ImGui::EndTable();
}

std::vector<double> sum_series(const std::vector<const std::vector<double>*>& parts, std::size_t n) {
    std::vector<double> out(n, 0.0);
    for (const auto* p : parts)
        for (std::size_t i = 0; i < std::min(n, p->size()); ++i) out[i] += (*p)[i];
    return out;
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] KPI cards and tabs
//-----------------------------------------------------------------------------

void ResultsPanel::draw() {
    // While the scenario is invalid, everything here is the last valid scenario's: say so and dim it.
    const bool stale = !model_.valid();
    if (stale) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, IM_COL32(110, 80, 20, 90));
        ImGui::BeginChild("stale", ImVec2(0, ImGui::GetFrameHeightWithSpacing() + 4), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::TextColored(ImVec4(1.0f, 0.8f, 0.4f, 1.0f), "Last valid results \xe2\x80\x94 the scenario has %d problem%s (listed on the left); "
                           "these numbers do not include your latest edit.", static_cast<int>(model_.issues().size()), model_.issues().size() == 1 ? "" : "s");
        ImGui::EndChild();
        ImGui::PopStyleColor();
        items().track("stale_banner");
        ImGui::PushStyleVar(ImGuiStyleVar_Alpha, 0.55f);
    }
    draw_kpis();
    draw_tabs();
    if (stale) ImGui::PopStyleVar();
}

void ResultsPanel::draw_tabs() {
    if (!ImGui::BeginTabBar("views")) return;
    void (ResultsPanel::*draw[])() = {&ResultsPanel::draw_overview, &ResultsPanel::draw_capacity, &ResultsPanel::draw_uncertainty, &ResultsPanel::draw_money, &ResultsPanel::draw_compare, &ResultsPanel::draw_sweep,
                                          &ResultsPanel::draw_story};
    for (int i = 0; i < kResultTabCount; ++i) {
        const bool open = ImGui::BeginTabItem(kResultTabs[i], nullptr, i == tab_request_ ? ImGuiTabItemFlags_SetSelected : 0);
        items().track(std::string("tab:") + kResultTabs[i]);
        if (open) {
            tab_ = i;
            ImGui::BeginChild("view");
            (this->*draw[i])();
            ImGui::EndChild();
            ImGui::EndTabItem();
        }
    }
    ImGui::EndTabBar();
    tab_request_ = -1;
}

void ResultsPanel::draw_kpis() {
    const Result& r = model_.result();
    if (horizon_revision_ != model_.revision()) horizon_ = outside_horizon(model_.scenario(), r), horizon_revision_ = model_.revision();
    const McSummary& m = model_.summary();
    const Scenario& s = model_.scenario();
    const std::vector<Kpi>& cards = kpis();  // the same five as the report's (analysis/kpis.h)
    const float n = static_cast<float>(cards.size());
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * (n - 1)) / n;
    kpi_cards_ = nlohmann::json::array();
    for (std::size_t i = 0; i < cards.size(); ++i) {
        const Kpi& k = cards[i];
        std::string error;
        const Metric metric = *parse_metric(s, k.metric, error);  // a total or a buyer figure: every scenario has it
        const std::string title = kpi_title(s, k);
        const Unit unit = metric_unit_ui(metric);
        const double value = metric_value(metric, r);
        const bool buyer_net = metric.kind == Metric::Kind::buyer;
        if (i) ImGui::SameLine();
        const float value_h = fonts().display ? fonts().display->FontSize * ImGui::GetIO().FontGlobalScale : ImGui::GetFontSize();
        const float card_h = ImGui::GetTextLineHeightWithSpacing() * 2 + value_h + ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y * 2;
        ImGui::BeginChild(k.metric, ImVec2(w, card_h), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::TextDisabled("%s", title.c_str());
        items().track(buyer_net ? std::string("kpi:buyer net") : std::string("kpi:") + title);
        // A card's short title ("Unserved value") may not be the name the tables and exports give the same number
        // ("Value of unserved demand"): the tooltip says both, so the one number is not taken for two.
        const std::string table_name = metric_label(s, metric).name;
        item_tooltip(table_name == title ? std::string(k.meaning) : std::string(k.meaning) + "\nIn the comparison tables and the charts: " + table_name + ".");
        // Horizon honesty (MODEL §8): what reaches past the horizon and moves this number, beside it.
        const std::string key = k.metric;
        std::string outside;
        int count = 0;
        double known_usd = 0;  // the amounts that can be worked out, summed as the report sums them
        for (const HorizonEdge& e : horizon_) {
            if (std::find(e.moves.begin(), e.moves.end(), key) == e.moves.end()) continue;
            if (std::isfinite(e.amount_usd)) known_usd += e.amount_usd;
            if (++count <= 6) outside += "\n- " + e.text;
        }
        if (count > 6) outside += "\n- and " + std::to_string(count - 6) + " more (the report lists them all)";
        if (count > 0) {
            ImGui::SameLine();
            ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.35f, 1), PS_ICON_WARNING);
            items().track("kpi_horizon:" + key);
            const std::string sum = known_usd > 0 ? " (" + format_usd(known_usd) + " where an amount is known)" : std::string();
            ImGui::SetItemTooltip("Moved by %d thing%s outside the horizon%s, which this number does not count:%s", count, count == 1 ? "" : "s", sum.c_str(),
                                  outside.c_str());
        }
        {
            FontScope big(fonts().display);
            ImGui::Text("%s", format_value(value, unit).c_str());
        }
        // The big number is the deterministic run's; the Compare table's medians differ from it, so say which it is.
        item_tooltip("Deterministic: every input at its median. The line under it is the Monte Carlo P10 to P90.");
        const Stat* st = metric_stat(m, s, metric);
        // The Monte Carlo P10–P90 range (the label is in the tooltip: the card is narrow). While the run is partial
        // the range ends in "…" and is fainter (the bar under the cards counts its trials); below kMinRangeTrials
        // there is none: from the first few dozen trials P10 can have the wrong sign (README "The page").
        // (An edit resets the summary to none of the new run's trials: trials 0, partial too.)
        const bool partial = m.trials == 0 || m.trials_done < m.trials;
        const std::string trials_text = format_count(m.trials_done) + " trials";
        std::string range = "\xe2\x80\xa6";
        if (st && st->count > 0 && !(partial && m.trials_done < kMinRangeTrials))
            range = range_text(st->p10, st->p90, unit) + (partial ? " \xe2\x80\xa6" : "");
        ImVec4 faint = ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
        if (partial) faint.w *= 0.6f;
        ImGui::TextColored(faint, "%s", range.c_str());
        kpi_cards_.push_back({{"title", title}, {"value", format_value(value, unit)}, {"range", range}, {"trials", m.trials_done}});
        // The median too: it is the figure the Compare table gives for this deal, so the two numbers on screen connect.
        const std::string median = st && st->count > 0 ? "; median " + format_value(st->p50, unit) + ", the figure the Compare table gives" : std::string();
        const std::string from = m.trials > kMinRangeTrials ? "; the card gives a range from " +
                                                                 format_count(kMinRangeTrials) + " trials on"
                                                           : std::string();
        const std::string of = !partial             ? "over all " + trials_text
                               : m.trials_done == 0 ? "(the trials are running" + from + ")"
                                                    : "of the first " + trials_text + " (the run goes on" + from + ")";
        ImGui::SetItemTooltip("Monte Carlo P10\xe2\x80\x93P90 %s%s", of.c_str(), median.c_str());
        ImGui::EndChild();
    }
    const Simulation& sim = model_.sim();
    // The bar counts the trials the cards and charts show (the summary on screen, of the current run: an edit resets
    // it), not those merged since: the two would disagree for the ~0.2 s a summary takes to catch up with the
    // workers. It says what the cards show: the numbers differ from the Compare table's medians.
    const std::string overlay = "Monte Carlo " + format_count(m.trials_done) + " / " +
                                format_count(sim.trials()) + " trials (seed " + std::to_string(sim.seed()) +
                                ") \xc2\xb7 cards: deterministic, P10 to P90 under each";
    ImGui::ProgressBar(static_cast<float>(m.trials_done) / static_cast<float>(std::max<std::int64_t>(sim.trials(), 1)), ImVec2(-1, 0), overlay.c_str());
    progress_bar_ = overlay;
    items().track("mc_progress");
    item_tooltip(model_.trials_where());
    if (sim.trials() < model_.scenario().uncertainty.trials)
        ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.35f, 1), "The page runs %s of the scenario's %s trials (their samples would not fit its memory); "
                           "the CLI's simulate runs them all.", format_count(sim.trials()).c_str(),
                           format_count(model_.scenario().uncertainty.trials).c_str());
}

//-----------------------------------------------------------------------------
// [SECTION] Overview, capacity and power
//-----------------------------------------------------------------------------

void ResultsPanel::draw_overview() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const float h = std::max(220.0f, (ImGui::GetContentRegionAvail().y - 20) / 2);
    if (charts::begin("alloc", "Allocation by provider", {quarter_labels(s.start, s.end), Unit::h100e, "quarter", "H100e"}, ImVec2(0, h),
                      "Where the buyer's demand runs each quarter after the contract's rules (MODEL §4): exclusivity, prepaid reserved "
                      "capacity, sticky placement, preferred share, first refusal, then the cheapest eligible capacity.")) {
        for (std::size_t p = 0; p < s.providers.size(); ++p)
            charts::area(provider_display_name(s, p), r.providers[p].alloc_h100e.data(), r.quarters, charts::palette(static_cast<int>(p)));
        charts::end();
    }
    const CostByYear costs = cost_by_year(s, r);  // as the report draws it (analysis/cost_by_year.h); credits below zero
    if (charts::begin("cost", "Cost by component per year", {costs.years, Unit::usd, "year", "USD", true}, ImVec2(0, h))) {
        for (const CostComponent& p : costs.parts)
            charts::bars(p.name, p.usd.data(), static_cast<int>(p.usd.size()), charts::palette(p.colour));
        charts::end();
    }
}

void ResultsPanel::draw_capacity() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const auto x = quarter_labels(s.start, s.end);
    const std::size_t T = static_cast<std::size_t>(r.quarters);
    const float h = std::max(190.0f, (ImGui::GetContentRegionAvail().y - 40) / 3);
    std::vector<const std::vector<double>*> cap, dem, served, online;
    for (const ProviderSeries& ps : r.providers) cap.push_back(&ps.capacity_h100e), online.push_back(&ps.online_mw);
    for (const WorkloadSeries& ws : r.workloads) dem.push_back(&ws.demand_h100e), served.push_back(&ws.served_h100e);
    const auto cap_t = sum_series(cap, T), dem_t = sum_series(dem, T), served_t = sum_series(served, T);
    const int n = static_cast<int>(T);
    if (charts::begin("capdem", "Capacity vs demand", {x, Unit::h100e, "quarter", "H100e"}, ImVec2(0, h),
                      "Capacity is every provider's online tranches (after build slips), eligible or not; served is what the "
                      "contract let the buyer use. The gap between demand and served is shortfall.")) {
        charts::line("capacity (all providers)", cap_t.data(), n, charts::palette(3), true);
        charts::line("demand", dem_t.data(), n, charts::palette(1));
        charts::line("served", served_t.data(), n, charts::palette(0));
        charts::end();
    }
    if (charts::begin("power", "Power drawn (facility MW)", {x, Unit::mw, "quarter", "MW"}, ImVec2(0, h))) {
        for (std::size_t p = 0; p < s.providers.size(); ++p)
            charts::area(provider_display_name(s, p), r.providers[p].mw_used.data(), r.quarters, charts::palette(static_cast<int>(p)));
        charts::end();
    }
    ImGui::TextDisabled("Peak %s drawn, %s online at the end, %s over the horizon", format_value(r.totals.peak_mw, Unit::mw).c_str(),
                        format_value(sum_series(online, T).back(), Unit::mw).c_str(), format_value(r.totals.total_gwh, Unit::gwh).c_str());
    if (charts::begin("shortfall", "Shortfall by workload", {x, Unit::h100e, "quarter", "H100e"}, ImVec2(0, h))) {
        for (std::size_t w = 0; w < s.workloads.size(); ++w)
            charts::area(s.workloads[w].id, r.workloads[w].shortfall_h100e.data(), r.quarters, charts::palette(static_cast<int>(w) + 1));
        charts::end();
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Uncertainty
//-----------------------------------------------------------------------------

void ResultsPanel::draw_uncertainty() {
    const Scenario& s = model_.scenario();
    const McSummary& m = model_.summary();
    const float h = std::max(190.0f, (ImGui::GetContentRegionAvail().y - 80) / 3);
    if (charts::begin("fan", "Cost per quarter: Monte Carlo fan", {quarter_labels(s.start, s.end), Unit::usd, "quarter", "USD"}, ImVec2(0, h),
                      "Every uncertain input drawn once per trial (slips, prices, growth, AGI date), outages drawn per quarter. "
                      "The band is P10\xe2\x80\x93P90 of each quarter's cost; it fills in while the trials run.")) {
        if (m.trials_done > 0 && !m.cost_usd.p50.empty()) {
            const int n = static_cast<int>(m.cost_usd.p50.size());
            charts::band("P10\xe2\x80\x93P90", m.cost_usd.p10.data(), m.cost_usd.p90.data(), n, charts::palette(0));
            charts::line("P50", m.cost_usd.p50.data(), n, charts::palette(0));
        }
        charts::line("deterministic", model_.result().cost_usd.data(), model_.result().quarters, charts::palette(1));
        charts::end();
    }
    // Where the commitments settle (analysis/settlements.h): the band's top jumps there.
    if (const std::string note = settlement_note(s); !note.empty()) {
        wrapped_text(note, true);
        items().track("fan_note");
    }
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted("Distribution of");
    ImGui::SameLine();
    metric_picker("hist", s, hist_metric_, em * 18);
    items().track("hist_metric");
    const Simulation& sim = model_.sim();
    const Metric hm = metric_or_cost(s, hist_metric_);
    const MetricLabel hl = metric_label(s, hm);
    std::vector<double> scratch;
    const double* samples = sim.trials_done() > 0 ? sim.sample_column(sample_metric_index(sim, hm), scratch) : nullptr;
    charts::histogram("hist", "Distribution of " + hl.name + " over the trials", samples, samples ? sim.trials_done() : 0, metric_unit_ui(hm),
                      hl.name, ImVec2(0, h));
    ImGui::TextUnformatted("What drives");
    ImGui::SameLine();
    metric_picker("tornado", s, tornado_metric_, em * 18);
    help_marker("Tornado: each uncertain input moved alone to its P10 and P90, everything else at its median.");
    const Metric tm = metric_or_cost(s, tornado_metric_);
    const std::string tornado_for = std::to_string(model_.revision()) + "|" + tornado_metric_;
    if (tornado_for_ != tornado_for) {
        tornado_ = tornado(s, tm);
        tornado_for_ = tornado_for;
        // Each bar named as its input is ("Microsoft Azure — price per H100e-hour"); the unit is on the axis.
        const std::vector<ScenarioInput> inputs = scenario_inputs(s);
        tornado_labels_.clear();
        for (const TornadoBar& bar : tornado_.bars) {
            const ScenarioInput* in = find_input(inputs, bar.pointer);
            tornado_labels_.push_back(in ? in->owner + " \xe2\x80\x94 " + in->field : bar.pointer);
        }
    }
    std::vector<charts::TornadoRow> rows;
    for (std::size_t i = 0; i < std::min<std::size_t>(tornado_.bars.size(), 10); ++i)
        rows.push_back({tornado_labels_[i], tornado_.bars[i].metric_p10, tornado_.bars[i].metric_p90});
    charts::tornado("tornado", "What drives " + metric_label(s, tm).name, tornado_.base, rows, metric_unit_ui(tm));
}

//-----------------------------------------------------------------------------
// [SECTION] Money and stakeholders
//-----------------------------------------------------------------------------

void ResultsPanel::draw_money() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const McSummary& m = model_.summary();
    const std::string buyer = buyer_display_name(s);
    // Which deal this is: every figure below is the current deal's alone (who earns most changes with the deal), and
    // the tab says nothing else of it; a pinned deal's parties are on the Compare tab.
    wrapped_text("The current deal, " + (model_.preset_id().empty() ? model_.preset_label() : model_.preset_label() + " (" + s.name + ")") +
                     (model_.pinned().empty() ? std::string(".") : ": a pinned deal's parties are compared on the Compare tab (Rows: a party)."),
                 true);
    items().track("money_deal");
    std::vector<charts::Bar> flows;
    auto flow = [&](std::string label, double v, int colour) {
        if (v != 0) flows.push_back({std::move(label), v, v, v, charts::palette(colour)});
    };
    double billed = 0;
    for (std::size_t p = 0; p < s.providers.size(); ++p) {
        flow(buyer + " \xe2\x86\x92 " + provider_display_name(s, p), r.stakeholders[p].revenue_usd, static_cast<int>(p));
        billed += r.stakeholders[p].revenue_usd;
    }
    // What owned capacity costs the buyer is paid to no provider (MODEL §11.6: the providers' revenue adds up to
    // the buyer's cost less that part). A bar of its own, so the flows add up to the total cost, here and on a slide.
    const double to_owned = r.buyer.cost_usd - billed;
    if (to_owned > 1e-9 * std::fabs(r.buyer.cost_usd)) flow(buyer + " \xe2\x86\x92 owned capacity (capex, opex, power)", to_owned, 9);
    // Parts of all the flows above (not of the row just above them: owned capacity holds no idle reservation), not
    // more money: grey, the palette's last colour, which no provider of the presets takes (a provider's bars are in
    // its colour, as in the allocation chart).
    flow("of all the flows above: stranded or idle", r.totals.stranded_usd, kChartColours - 1);
    flow("of all the flows above: SLA credits (refunded)", -r.totals.sla_credit_usd, kChartColours - 1);
    // Revenue shares by who pays whom (each clause's holder by name, not "holder"), in the provider's colour.
    for (std::size_t p = 0; p < s.providers.size(); ++p) {
        flow("revenue share: " + buyer + " \xe2\x86\x92 " + provider_display_name(s, p), r.stakeholders[p].revenue_share_received_usd, static_cast<int>(p));
        flow("revenue share: " + provider_display_name(s, p) + " \xe2\x86\x92 " + buyer, r.stakeholders[p].revenue_share_paid_usd, static_cast<int>(p));
    }
    for (std::size_t p = 0; p < s.providers.size(); ++p)
        flow("IP value to " + provider_display_name(s, p) + " (not a payment)", r.stakeholders[p].ip_value_usd, static_cast<int>(p));
    charts::hbars("flows", "Money flows, " + quarter_span_label(s.start, s.end), flows, Unit::usd);  // a slide names its years
    const std::string flows_note = "The rows " + buyer + " \xe2\x86\x92 a provider or owned capacity add up to " + buyer + "'s total cost, " +
                                   format_usd(r.buyer.cost_usd) + " (the SLA credits already taken off); the grey rows are parts of them, not more "
                                   "money; revenue shares and IP value are besides that cost.";
    charts::note("flows", flows_note);  // a slide of the chart says it too
    wrapped_text(flows_note, true);
    items().track("flows_note");

    // Each party's P&L (MODEL §11.5): the buyer's compute P&L and each provider's, with the Monte Carlo P10–P90 of net.
    ImGui::Spacing();
    ImGui::TextUnformatted("Each party's P&L (deterministic; net with the Monte Carlo P10\xe2\x80\x93P90)");
    help_marker("Buyer: inference revenue + revenue share received - total cost - revenue share paid. Provider: what it bills (less SLA "
                "credits) + revenue share received - paid + IP value - what its capacity costs it (when the scenario says). Owned "
                "capacity bills nothing: its cost is the buyer's.");
    const bool mc = m.trials_done > 0;
    auto range = [&](const Stat* st) {
        return st && st->count > 0 ? range_text(st->p10, st->p90, Unit::usd) : std::string("\xe2\x80\xa6");
    };
    auto stat_of = [&](const std::vector<Stat>& v, const char* figure, const auto& table) -> const Stat* {
        const int k = field_index(table, figure);
        return mc && k >= 0 && static_cast<std::size_t>(k) < v.size() ? &v[static_cast<std::size_t>(k)] : nullptr;
    };
    // The money columns in one scale (io/value_text.h statement_scale), so a row foots by hand.
    const BuyerView& b = r.buyer;
    const std::vector<std::size_t> parties = party_providers(s, r);
    const StatementScale scale = statement_scale(pnl_money(r, parties));
    const auto usd = [&](double v) { return statement_text(v, scale); };
    std::vector<std::vector<std::string>> pnl;
    pnl.push_back({buyer + " (buyer)", usd(b.revenue_usd), usd(b.cost_usd), usd(b.revenue_share_paid_usd),
                   usd(b.revenue_share_received_usd), "\xe2\x80\x94", usd(b.net_usd), range(stat_of(m.buyer, "net_usd", buyer_figures()))});
    // Parties (analysis/parties.h): owned capacity that bills nothing is the buyer's own, named in a note; a
    // cloud whose own cost the scenario does not give shows "not given", its net marked as before that cost.
    for (std::size_t p : parties) {
        const ProviderView& v = r.stakeholders[p];
        const bool costed = provider_cost_given(s, p);
        const Stat* net = mc && p < m.providers.size() ? stat_of(m.providers[p], "net_usd", provider_figures()) : nullptr;
        pnl.push_back({provider_display_name(s, p), usd(v.revenue_usd), costed ? usd(v.cost_usd) : std::string("not given"),
                       usd(v.revenue_share_paid_usd), usd(v.revenue_share_received_usd), usd(v.ip_value_usd),
                       usd(v.net_usd) + (costed ? "" : "*"), range(net)});
    }
    text_table("pnl", {"party", "revenue", "cost", "share paid", "share received", "IP value", "net", "net P10\xe2\x80\x93P90"}, pnl);
    wrapped_text(statement_rounding_note(scale), true);
    wrapped_text(buyer + " also: training value " + format_usd(b.training_value_usd) + ", value lost to shortfall and outages " +
                     format_usd(b.lost_value_usd) + " (reported beside its net, not in it).", true);
    if (const std::string uncosted = uncosted_names(s, parties); !uncosted.empty())
        wrapped_text("* Before what the capacity costs its provider, which the scenario does not give (no provider cost): " + uncosted + ".", true);
    if (const std::string owned = owned_capacity_names(s, r); !owned.empty())
        wrapped_text("Owned capacity, whose cost is in " + buyer + "'s: " + owned + ".", true);
    if (const std::string outside = outside_deal_names(s, r); !outside.empty())
        wrapped_text("Listed without capacity and taking no money, so not in this deal: " + outside + ".", true);
    items().track("pnl_notes");

    ImGui::Spacing();
    std::vector<charts::Bar> nets;
    const Stat* bn = stat_of(m.buyer, "net_usd", buyer_figures());
    nets.push_back({buyer, b.net_usd, bn ? bn->p10 : b.net_usd, bn ? bn->p90 : b.net_usd, charts::palette(9)});
    for (std::size_t p : parties) {
        const double v = r.stakeholders[p].net_usd;
        const Stat* st = mc && p < m.providers.size() ? stat_of(m.providers[p], "net_usd", provider_figures()) : nullptr;
        nets.push_back({provider_display_name(s, p) + (provider_cost_given(s, p) ? "" : "*"), v, st ? st->p10 : v, st ? st->p90 : v,
                        charts::palette(static_cast<int>(p))});
    }
    // The bars are the deterministic run's nets, the whiskers the trials' P10–P90: the title says both, so a
    // slide of it (whose source line names the trials) does not pass the bars off as Monte Carlo medians.
    charts::hbars("nets", "Each party's net (deterministic), with the Monte Carlo P10\xe2\x80\x93P90", nets, Unit::usd);
    // What each bar is made of, under the chart and on a slide of it (the P&L's notes are not on the slide): the
    // buyer's net rests on its modelled revenue; a provider's includes IP value, which no one pays; a starred net is
    // before a cost the scenario does not give, so it shares the axis with nets it is not comparable with.
    std::string nets_note;  // the star first: it is what makes two bars not comparable
    if (const std::string uncosted = uncosted_names(s, parties); !uncosted.empty())
        nets_note = "* " + uncosted + ": net before what the capacity costs its provider, which the scenario does not give, so a starred "
                    "bar is not comparable with a net after that cost. ";
    std::string ip;
    for (std::size_t p : parties)
        if (r.stakeholders[p].ip_value_usd > 0)
            ip += (ip.empty() ? "" : ", ") + provider_display_name(s, p) + " " + format_usd(r.stakeholders[p].ip_value_usd);
    if (!ip.empty()) nets_note += "A provider's net includes the value of IP access, which is not a payment (" + ip + "). ";
    nets_note += buyer + "'s net is its modelled inference revenue (" + format_usd(b.revenue_usd) + ") plus shares received, less its total cost and shares paid.";
    charts::note("nets", nets_note);
    wrapped_text(nets_note, true);
    items().track("nets_note");

    if (!r.reservations.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Reservations (over each one's active quarters in the horizon; paid before SLA credits)");
        help_marker("Reserved: the provider's online capacity while the reservation is active; used: what dispatch put on it; idle: "
                    "the take-or-pay part left unused, paid anyway; paid: compute billed there + idle, before SLA credits (the money flow to "
                    "the provider above is after them, so it can be smaller).");
        std::vector<std::vector<std::string>> rows;
        for (const ReservationOutcome& o : r.reservations) {
            const double used = o.reserved_h100e_hours > 0 ? o.used_h100e_hours / o.reserved_h100e_hours : 0;
            // Named as the P&L names them; used reads 100% only when nothing was idle (99.991% is not 100.0%).
            rows.push_back({provider_display_name(s, o.provider), format_value(o.reserved_h100e_hours, Unit::h100e_hours),
                            format_value(o.used_h100e_hours, Unit::h100e_hours), probability_text(used), format_usd(o.idle_usd),
                            format_usd(o.paid_usd)});
        }
        text_table("reservations", {"reservation", "reserved", "used", "used %", "idle (paid)", "paid"}, rows);
    }
    if (!r.commitments.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Commitments");
        std::vector<std::vector<std::string>> cells;
        for (const CommitmentOutcome& c : r.commitments)
            cells.push_back({provider_display_name(s, c.provider), format_usd(c.usd), format_usd(c.spent_usd), format_usd(c.stranded_usd),
                             c.settled ? "yes" : "after the horizon"});
        text_table("commitments", {"commitment", "committed", "spent", "stranded", "settled"}, cells);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Compare
//-----------------------------------------------------------------------------

bool ResultsPanel::runs_done() const {
    bool done = model_.sim().done();
    for (const PinnedScenario& p : model_.pinned()) done = done && p.sim.done();
    return done;
}

bool ResultsPanel::comparison_work_due() const {
    if (tab_ != 4 || model_.pinned().empty() || !runs_done()) return false;  // tab 4: Compare
    return !(comparison_.valid && comparison_.key == comparison_key());
}

bool ResultsPanel::advance_comparison(const std::function<double()>& now_ms, double start_ms, double budget_ms) {
    if (!comparison_work_due()) return false;
    // A build of another deal or pinned set is dropped before it reads anything (its runs may be gone).
    if (!comparison_builder_.building() || building_key_ != comparison_key()) {
        std::vector<const Simulation*> runs = {&model_.sim()};
        for (const PinnedScenario& p : model_.pinned()) runs.push_back(&p.sim);
        comparison_builder_.begin(runs);
        building_key_ = comparison_key();
    }
    while (comparison_builder_.building() && now_ms() - start_ms < budget_ms) comparison_builder_.advance(1);
    if (!comparison_builder_.complete()) return false;
    comparison_ = {building_key_, true, comparison_builder_.take()};
    return true;
}

// The comparison of every run, once built (advance_comparison), or nullptr.
const Comparison* ResultsPanel::comparison() {
    return comparison_.valid && comparison_.key == comparison_key() && runs_done() ? &comparison_.value : nullptr;
}

void ResultsPanel::draw_compare() {
    auto& pinned = model_.pinned();
    wrapped_text("Pin up to three scenarios, then change the current one (or pick another preset): every pinned "
                 "scenario runs the same trials with the same seed, so deltas are paired (common random numbers).");
    ImGui::BeginDisabled(pinned.size() >= AppModel::kMaxPinned);
    if (ImGui::Button("Pin the current scenario")) {
        model_.pin_current(model_.preset_label());
    }
    ImGui::EndDisabled();
    items().track("pin");
    for (std::size_t i = 0; i < pinned.size(); ++i) {
        ImGui::SameLine();
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton(("unpin " + pinned[i].label).c_str())) {
            model_.unpin(i);
            ImGui::PopID();
            break;
        }
        items().track("unpin:" + std::to_string(i));
        // The chip and the table's columns name a pinned deal by its short label (a preset's id); the tooltip, in full.
        item_tooltip("B: " + pinned[i].scenario.name + " (" + quarter_span_label(pinned[i].scenario.start, pinned[i].scenario.end) + "), pinned as \"" +
                     pinned[i].label + "\". Click to unpin it.");
        // A is always the current deal: to read the table from the other deal's side, make it current.
        ImGui::SameLine(0, 2);
        const std::string current = model_.preset_label();
        ImGui::BeginDisabled(!model_.valid());
        if (ImGui::SmallButton(PS_ICON_EXCHANGE " swap")) {  // worded: the waterfall's arrows button only reverses its direction
            model_.swap_with_pinned(i);
            ImGui::EndDisabled();
            ImGui::PopID();
            break;
        }
        ImGui::EndDisabled();
        items().track("swap:" + std::to_string(i));
        item_tooltip(!model_.valid() ? std::string("Swap: fix the current deal's problems first (listed above the editor); it can be pinned only as it is.")
                                     : "Swap: make " + pinned[i].label + " the current deal (A: the cards, charts and editor) and pin " + current +
                                       " in its place (B), so the table's B \xe2\x88\x92 A and P(B better) speak of " + current + ". Both deals run their "
                                       "trials again, with " + pinned[i].label + "'s seed and number of trials (a pinned deal runs the current one's); "
                                       "when the two deals' are the same (every preset's are), the results only change sides. Swap again to swap back.");
        ImGui::PopID();
    }
    if (pinned.empty()) return;
    std::vector<std::string> labels = {"current"};
    for (const PinnedScenario& p : pinned) labels.push_back(p.label);
    // Totals over different years are not like for like (as the report says under its comparison).
    const Scenario& s = model_.scenario();
    std::string other_years;
    for (const PinnedScenario& p : pinned)
        if (p.scenario.start != s.start || p.scenario.quarters() != s.quarters())
            other_years += (other_years.empty() ? "" : ", ") + p.label + " (" + quarter_span_label(p.scenario.start, p.scenario.end) + ")";
    if (!other_years.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.75f, 0.35f, 1));
        wrapped_text("Different horizons: " + other_years + " against the current " + quarter_span_label(s.start, s.end) +
                     ". Totals and P(better) compare sums over different years, not the same years under different terms.");
        ImGui::PopStyleColor();
        items().track("compare_horizons");
    }
    const Comparison* cached = comparison();
    if (cached) {
        draw_compare_table(*cached, labels);
    } else {
        const char* waiting = runs_done() ? "Comparing the runs..." : "Running the trials...";
        ImGui::TextDisabled("%s", waiting);
        compare_cells_ = {{waiting}};  // the hook reads what is drawn, not an older deal's table
    }
    explain_.draw(cached);
}

bool ResultsPanel::working() const {
    return (tab_ == 4 && explain_.working()) || (tab_ == 6 && story_.working());
}

nlohmann::json ResultsPanel::views() const {
    return {{"kpis", kpi_cards_}, {"progress", progress_bar_}, {"sweep", sweep_.to_json()}, {"compare", compare_cells_}, {"explain", explain_.to_json()}, {"story", story_.to_json()}};
}

}  // namespace pactscope::ui
