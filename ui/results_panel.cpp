// results_panel.cpp — the right side: KPI cards and the result tabs.
//
// [SECTION] KPI cards and tabs
// [SECTION] Overview, capacity and power
// [SECTION] Uncertainty
// [SECTION] Money and stakeholders
// [SECTION] Compare
// [SECTION] Sweep and regime map
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "results_panel.h"

#include "fonts.h"
#include "charts.h"
#include "format.h"
#include "imgui.h"
#include "model/quarter.h"
#include "model/result_fields.h"
#include "io/result_io.h"
#include "widgets.h"

namespace pactscope::ui {

namespace {

std::vector<std::string> quarter_labels(const Scenario& s) {
    std::vector<std::string> x;
    for (int q = s.start; q <= s.end; ++q) x.push_back(quarter_label(q));
    return x;
}

// Per-quarter values summed into calendar years.
void by_year(const Scenario& s, const std::vector<double>& per_quarter, std::vector<std::string>& years, std::vector<double>& out) {
    years.clear();
    out.clear();
    for (int q = 0; q < static_cast<int>(per_quarter.size()); ++q) {
        const std::string y = std::to_string((s.start + q) / 4);
        if (years.empty() || years.back() != y) years.push_back(y), out.push_back(0);
        out.back() += per_quarter[static_cast<std::size_t>(q)];
    }
}

// "/providers/0/price_change_per_year" → "azure: price_change_per_year", for tornado rows.
std::string describe_input(const Scenario& s, const std::string& pointer) {
    std::vector<std::string> parts;
    for (std::size_t i = 1, j; i <= pointer.size(); i = j + 1) {
        j = pointer.find('/', i);
        if (j == std::string::npos) j = pointer.size();
        parts.push_back(pointer.substr(i, j - i));
    }
    if (parts.size() < 3) return pointer;
    const std::size_t k = static_cast<std::size_t>(std::strtoul(parts[1].c_str(), nullptr, 10));
    std::string who;
    if (parts[0] == "providers" && k < s.providers.size()) who = s.providers[k].id;
    if (parts[0] == "workloads" && k < s.workloads.size()) who = s.workloads[k].id;
    if (parts[0] == "contract" && k < s.contract.size()) who = std::string(to_string(s.contract[k].type)) + " #" + parts[1];
    if (who.empty()) return pointer;
    std::string rest;
    for (std::size_t i = 2; i < parts.size(); ++i) rest += (rest.empty() ? "" : " ") + parts[i];
    return who + ": " + rest;
}

bool metric_combo(const char* label, int& index) {
    const auto& names = total_names();
    bool changed = false;
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo(label, names[static_cast<std::size_t>(index)].c_str())) {
        for (int i = 0; i < static_cast<int>(names.size()); ++i)
            if (ImGui::Selectable(names[static_cast<std::size_t>(i)].c_str(), i == index)) index = i, changed = true;
        ImGui::EndCombo();
    }
    return changed;
}

// A table of text cells whose columns fit their widest value (widgets.h begin_fit_table).
void text_table(const char* id, const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& cells) {
    std::vector<FitColumn> cols;
    for (const std::string& h : header) cols.push_back({h, 0});
    for (const auto& row : cells)
        for (std::size_t c = 0; c < row.size() && c < cols.size(); ++c) cols[c].width = std::max(cols[c].width, text_width(row[c]));
    if (!begin_fit_table(id, cols, static_cast<int>(cells.size()), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
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
    void (ResultsPanel::*draw[])() = {&ResultsPanel::draw_overview, &ResultsPanel::draw_capacity, &ResultsPanel::draw_uncertainty, &ResultsPanel::draw_money, &ResultsPanel::draw_compare, &ResultsPanel::draw_sweep};
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
    const McSummary& m = model_.summary();
    struct Card {
        const char* title;
        const char* total;  // MODEL §6 total, or nullptr for the buyer's net
        double value;
        Unit unit;
        const char* help;
    };
    const std::string net_title = buyer_name(model_.scenario()) + " net";
    const Card cards[] = {
        {"Total cost", "cost_usd", r.totals.cost_usd, Unit::usd,
         "What the buyer pays over the horizon: compute + egress + fixed (owned capacity, onboarding, overhead) + stranded take-or-pay "
         "and idle reservations - SLA credits."},
        {"Stranded", "stranded_usd", r.totals.stranded_usd, Unit::usd,
         "Paid for capacity never used: commitments' take-or-pay shortfall at their window's end, and reserved capacity left idle."},
        {"Demand served", "served_fraction", r.totals.served_fraction, Unit::share, "Served / demanded H100e-hours over the horizon."},
        {"Unserved value", "shortfall_value_usd", r.totals.shortfall_value_usd, Unit::usd,
         "Revenue and value forfeited by demand that found no capacity (outage losses are in the Money tab)."},
        {net_title.c_str(), nullptr, r.buyer.net_usd, Unit::usd,
         "The buyer's compute P&L: inference revenue + revenue share received - total cost - revenue share paid. Training value and "
         "lost value are in the Money tab beside it, not netted."},
    };
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x * 4) / 5;
    for (int i = 0; i < 5; ++i) {
        const Card& c = cards[i];
        if (i) ImGui::SameLine();
        const float value_h = fonts().display ? fonts().display->FontSize * ImGui::GetIO().FontGlobalScale : ImGui::GetFontSize();
        const float card_h = ImGui::GetTextLineHeightWithSpacing() * 2 + value_h + ImGui::GetStyle().ItemSpacing.y + ImGui::GetStyle().WindowPadding.y * 2;
        ImGui::BeginChild(c.title, ImVec2(w, card_h), true, ImGuiWindowFlags_NoScrollbar);
        ImGui::TextDisabled("%s", c.title);
        items().track(c.total ? std::string("kpi:") + c.title : std::string("kpi:buyer net"));
        ImGui::SetItemTooltip("%s", c.help);
        {
            FontScope big(fonts().display);
            ImGui::Text("%s", format_value(c.value, c.unit).c_str());
        }
        const Stat* st = nullptr;
        if (c.total && !m.totals.empty()) st = &m.totals[static_cast<std::size_t>(total_index(c.total))];
        if (!c.total && m.trials_done > 0) st = &m.buyer_net;
        // The Monte Carlo P10–P90 range (the label is in the tooltip: the card is narrow).
        if (st && st->count > 0)
            ImGui::TextDisabled("%s \xe2\x80\x93 %s", format_value(st->p10, c.unit).c_str(), format_value(st->p90, c.unit).c_str());
        else
            ImGui::TextDisabled("\xe2\x80\xa6");
        ImGui::SetItemTooltip("Monte Carlo P10\xe2\x80\x93P90 (%lld trials so far)", static_cast<long long>(m.trials_done));
        ImGui::EndChild();
    }
    const Simulation& sim = model_.sim();
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "Monte Carlo %lld / %lld trials (seed %llu)", static_cast<long long>(sim.trials_done()),
                  static_cast<long long>(sim.trials()), static_cast<unsigned long long>(sim.seed()));
    ImGui::ProgressBar(static_cast<float>(sim.progress()), ImVec2(-1, 0), overlay);
    items().track("mc_progress");
    if (sim.trials() < model_.scenario().uncertainty.trials)
        ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.35f, 1), "The page runs %lld of the scenario's %lld trials (their samples would not fit its memory); "
                           "the CLI's simulate runs them all.", static_cast<long long>(sim.trials()), static_cast<long long>(model_.scenario().uncertainty.trials));
}

//-----------------------------------------------------------------------------
// [SECTION] Overview, capacity and power
//-----------------------------------------------------------------------------

void ResultsPanel::draw_overview() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const float h = std::max(220.0f, (ImGui::GetContentRegionAvail().y - 20) / 2);
    if (charts::begin("alloc", "Allocation by provider", {quarter_labels(s), Unit::h100e, "quarter", "H100e"}, ImVec2(0, h),
                      "Where the buyer's demand runs each quarter after the contract's rules (MODEL §4): exclusivity, prepaid reserved "
                      "capacity, sticky placement, preferred share, first refusal, then the cheapest eligible capacity.")) {
        for (std::size_t p = 0; p < s.providers.size(); ++p)
            charts::area(provider_name(s, p), r.providers[p].alloc_h100e.data(), r.quarters, charts::palette(static_cast<int>(p)));
        charts::end();
    }
    std::vector<std::string> years;
    std::vector<double> compute, egress, fixed, stranded, credits;
    auto component = [&](auto member, std::vector<double>& out) {
        std::vector<double> q(static_cast<std::size_t>(r.quarters), 0.0);
        for (const ProviderSeries& ps : r.providers)
            for (int i = 0; i < r.quarters; ++i) q[static_cast<std::size_t>(i)] += (ps.*member)[static_cast<std::size_t>(i)];
        by_year(s, q, years, out);
    };
    component(&ProviderSeries::compute_usd, compute);
    component(&ProviderSeries::egress_usd, egress);
    component(&ProviderSeries::fixed_usd, fixed);
    component(&ProviderSeries::stranded_usd, stranded);
    component(&ProviderSeries::sla_credit_usd, credits);
    for (double& c : credits) c = -c;  // a refund: below zero
    const int n = static_cast<int>(years.size());
    if (charts::begin("cost", "Cost by component per year", {years, Unit::usd, "year", "USD", true}, ImVec2(0, h))) {
        charts::bars("compute", compute.data(), n, charts::palette(0));
        charts::bars("egress", egress.data(), n, charts::palette(5));
        charts::bars("fixed (owned, onboarding)", fixed.data(), n, charts::palette(2));
        charts::bars("stranded take-or-pay, idle reservations", stranded.data(), n, charts::palette(1));
        if (r.totals.sla_credit_usd > 0) charts::bars("SLA credits (refunded)", credits.data(), n, charts::palette(3));
        charts::end();
    }
}

void ResultsPanel::draw_capacity() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const auto x = quarter_labels(s);
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
            charts::area(provider_name(s, p), r.providers[p].mw_used.data(), r.quarters, charts::palette(static_cast<int>(p)));
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
    if (charts::begin("fan", "Cost per quarter: Monte Carlo fan", {quarter_labels(s), Unit::usd, "quarter", "USD"}, ImVec2(0, h),
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
    ImGui::TextUnformatted("Distribution of");
    ImGui::SameLine();
    metric_combo("##hist", hist_metric_);
    items().track("hist_metric");
    const Simulation& sim = model_.sim();
    const std::string hist_name = total_names()[static_cast<std::size_t>(hist_metric_)];
    charts::histogram("hist", "Distribution of " + hist_name + " over the trials", sim.samples(hist_metric_), sim.trials_done(), unit_of(hist_name),
                      hist_name, ImVec2(0, h));
    ImGui::TextUnformatted("What drives");
    ImGui::SameLine();
    if (metric_combo("##tornado", tornado_metric_)) tornado_revision_ = ~0ull;
    help_marker("Tornado: each uncertain input moved alone to its P10 and P90, everything else at its median.");
    const std::string tornado_name = total_names()[static_cast<std::size_t>(tornado_metric_)];
    if (tornado_revision_ != model_.revision()) {
        std::string err;
        tornado_ = tornado(s, *parse_metric(s, tornado_name, err));
        tornado_revision_ = model_.revision();
    }
    std::vector<charts::TornadoRow> rows;
    for (std::size_t i = 0; i < std::min<std::size_t>(tornado_.bars.size(), 10); ++i)
        rows.push_back({describe_input(s, tornado_.bars[i].pointer), tornado_.bars[i].metric_p10, tornado_.bars[i].metric_p90});
    charts::tornado("tornado", "What drives " + tornado_name, tornado_.base, rows, unit_of(tornado_name));
}

//-----------------------------------------------------------------------------
// [SECTION] Money and stakeholders
//-----------------------------------------------------------------------------

void ResultsPanel::draw_money() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const McSummary& m = model_.summary();
    const std::string buyer = buyer_name(s);
    std::vector<charts::Bar> flows;
    auto flow = [&](std::string label, double v, int colour) {
        if (v != 0) flows.push_back({std::move(label), v, v, v, charts::palette(colour)});
    };
    for (std::size_t p = 0; p < s.providers.size(); ++p) flow(buyer + " \xe2\x86\x92 " + provider_name(s, p), r.stakeholders[p].revenue_usd, static_cast<int>(p));
    flow("of which stranded or idle", r.totals.stranded_usd, 1);
    flow("of which SLA credits (refunded)", -r.totals.sla_credit_usd, 3);
    flow("revenue share \xe2\x86\x92 holder", r.totals.revenue_share_to_holder_usd, 4);
    flow("revenue share \xe2\x86\x92 " + buyer, r.totals.revenue_share_to_buyer_usd, 5);
    for (std::size_t p = 0; p < s.providers.size(); ++p) flow("IP value \xe2\x86\x92 " + provider_name(s, p), r.stakeholders[p].ip_value_usd, 6);
    charts::hbars("flows", "Money flows over the horizon", flows, Unit::usd);

    // Each party's P&L (MODEL §11.5): the buyer's compute P&L and each provider's, with the Monte Carlo P10–P90 of net.
    ImGui::Spacing();
    ImGui::TextUnformatted("Each party's P&L (deterministic; net with the Monte Carlo P10\xe2\x80\x93P90)");
    help_marker("Buyer: inference revenue + revenue share received - total cost - revenue share paid. Provider: what it bills (less SLA "
                "credits) + revenue share received - paid + IP value - what its capacity costs it (when the scenario says). Owned "
                "capacity bills nothing: its cost is the buyer's.");
    const bool mc = m.trials_done > 0;
    auto range = [&](const Stat* st) {
        return st && st->count > 0 ? format_usd(st->p10) + " \xe2\x80\x93 " + format_usd(st->p90) : std::string("\xe2\x80\xa6");
    };
    auto stat_of = [&](const std::vector<Stat>& v, const char* figure, const auto& table) -> const Stat* {
        const int k = field_index(table, figure);
        return mc && k >= 0 && static_cast<std::size_t>(k) < v.size() ? &v[static_cast<std::size_t>(k)] : nullptr;
    };
    std::vector<std::vector<std::string>> pnl;
    const BuyerView& b = r.buyer;
    pnl.push_back({buyer + " (buyer)", format_usd(b.revenue_usd), format_usd(b.cost_usd), format_usd(b.revenue_share_paid_usd),
                   format_usd(b.revenue_share_received_usd), "\xe2\x80\x94", format_usd(b.net_usd), range(stat_of(m.buyer, "net_usd", buyer_figures()))});
    for (std::size_t p = 0; p < s.providers.size(); ++p) {
        const ProviderView& v = r.stakeholders[p];
        const Stat* net = mc && p < m.providers.size() ? stat_of(m.providers[p], "net_usd", provider_figures()) : nullptr;
        pnl.push_back({provider_name(s, p), format_usd(v.revenue_usd), format_usd(v.cost_usd),
                       format_usd(v.revenue_share_paid_usd), format_usd(v.revenue_share_received_usd), format_usd(v.ip_value_usd), format_usd(v.net_usd),
                       range(net)});
    }
    text_table("pnl", {"party", "revenue", "cost", "share paid", "share received", "IP value", "net", "net P10\xe2\x80\x93P90"}, pnl);
    ImGui::TextDisabled("%s also: training value %s, value lost to shortfall and outages %s (reported beside its net, not in it).", buyer.c_str(),
                        format_usd(b.training_value_usd).c_str(), format_usd(b.lost_value_usd).c_str());

    ImGui::Spacing();
    std::vector<charts::Bar> nets;
    const Stat* bn = stat_of(m.buyer, "net_usd", buyer_figures());
    nets.push_back({buyer, b.net_usd, bn ? bn->p10 : b.net_usd, bn ? bn->p90 : b.net_usd, charts::palette(9)});
    for (std::size_t p = 0; p < s.providers.size(); ++p) {
        const double v = r.stakeholders[p].net_usd;
        const Stat* st = mc && p < m.providers.size() ? stat_of(m.providers[p], "net_usd", provider_figures()) : nullptr;
        nets.push_back({provider_name(s, p), v, st ? st->p10 : v, st ? st->p90 : v, charts::palette(static_cast<int>(p))});
    }
    charts::hbars("nets", "Each party's net, with the Monte Carlo P10\xe2\x80\x93P90", nets, Unit::usd);

    if (!r.reservations.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Reservations (over each one's active quarters in the horizon)");
        help_marker("Reserved: the provider's online capacity while the reservation is active; used: what dispatch put on it; idle: "
                    "the take-or-pay part left unused, paid anyway; paid: compute billed there + idle.");
        std::vector<std::vector<std::string>> rows;
        for (const ReservationOutcome& o : r.reservations) {
            const double used = o.reserved_h100e_hours > 0 ? o.used_h100e_hours / o.reserved_h100e_hours : 0;
            rows.push_back({s.providers[static_cast<std::size_t>(o.provider)].id, format_value(o.reserved_h100e_hours, Unit::h100e_hours),
                            format_value(o.used_h100e_hours, Unit::h100e_hours), format_value(used, Unit::share), format_usd(o.idle_usd),
                            format_usd(o.paid_usd)});
        }
        text_table("reservations", {"reservation", "reserved", "used", "used %", "idle (paid)", "paid"}, rows);
    }
    if (!r.commitments.empty()) {
        ImGui::Spacing();
        ImGui::TextUnformatted("Commitments");
        std::vector<std::vector<std::string>> cells;
        for (const CommitmentOutcome& c : r.commitments)
            cells.push_back({s.providers[static_cast<std::size_t>(c.provider)].id, format_usd(c.usd), format_usd(c.spent_usd), format_usd(c.stranded_usd),
                             c.settled ? "yes" : "after the horizon"});
        text_table("commitments", {"commitment", "committed", "spent", "stranded", "settled"}, cells);
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Compare
//-----------------------------------------------------------------------------

// The comparison once every run is done, computed once per current scenario and pinned set.
const Comparison* ResultsPanel::comparison() {
    const auto& pinned = model_.pinned();
    bool all_done = model_.sim().done();
    for (const PinnedScenario& p : pinned) all_done = all_done && p.sim.done();
    if (pinned.empty() || !all_done) return nullptr;
    if (!comparison_.valid || comparison_.revision != model_.revision() || comparison_.pinned != model_.pinned_revision()) {
        std::vector<const Simulation*> runs = {&model_.sim()};
        for (const PinnedScenario& p : pinned) runs.push_back(&p.sim);
        comparison_.value = compare(runs);
        comparison_.revision = model_.revision();
        comparison_.pinned = model_.pinned_revision();
        comparison_.valid = true;
    }
    return &comparison_.value;
}

void ResultsPanel::draw_compare() {
    auto& pinned = model_.pinned();
    ImGui::TextWrapped("Pin up to three scenarios, then change the current one (or pick another preset): every pinned "
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
        ImGui::PopID();
    }
    if (pinned.empty()) return;
    std::vector<std::string> labels = {"current"};
    for (const PinnedScenario& p : pinned) labels.push_back(p.label);
    const Comparison* cached = comparison();
    if (!cached) {
        ImGui::TextDisabled("Running the trials...");
        return;
    }
    const Comparison& c = *cached;
    // Every cell's text first, so each column is as wide as its widest value.
    std::vector<std::string> header = {"median (P50)", "current"};
    for (const PinnedScenario& p : pinned) header.push_back(p.label), header.push_back("P(current better than " + p.label + ")");
    std::vector<std::vector<std::string>> cells, tips;
    for (int t = 0; t < kTotalCount; ++t) {
        const std::string& name = total_names()[static_cast<std::size_t>(t)];
        const Unit u = unit_of(name);
        // A total that is null in every trial (no AGI, nothing served) shows as "none".
        auto p50 = [&](const McSummary& m) {
            const Stat& st = m.totals[static_cast<std::size_t>(t)];
            if (st.count == 0) return std::string("none");
            if (name == "agi_quarter") return quarter_label(model_.scenario().start + static_cast<int>(std::lround(st.p50)));
            return format_value(st.p50, u);
        };
        std::vector<std::string> row = {name, p50(c.summaries[0])}, tip = {"", ""};
        for (std::size_t k = 1; k < labels.size(); ++k) {
            const PairedDelta& d = c.pairs[k - 1].totals[static_cast<std::size_t>(t)];  // pair (0, k): delta = pinned − current
            row.push_back(d.delta.count > 0 ? p50(c.summaries[k]) + " (delta " + format_value(d.delta.p50, u) + ")" : p50(c.summaries[k]));
            tip.push_back("paired delta (" + labels[k] + " - current): P10 " + format_value(d.delta.p10, u) + ", P50 " + format_value(d.delta.p50, u) +
                          ", P90 " + format_value(d.delta.p90, u));
            char pct[16];
            std::snprintf(pct, sizeof pct, "%.0f%%", 100 * d.p_a_better());
            row.push_back(d.direction != 0 ? pct : "n/a");
            tip.push_back("");
        }
        cells.push_back(row), tips.push_back(tip);
    }
    std::vector<FitColumn> cols;
    for (const std::string& h : header) cols.push_back({h, 0});
    for (const auto& row : cells)
        for (std::size_t k = 0; k < row.size(); ++k) cols[k].width = std::max(cols[k].width, text_width(row[k]));
    if (!begin_fit_table("cmp", cols, static_cast<int>(cells.size()), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
    ImGui::TableHeadersRow();
    for (std::size_t r = 0; r < cells.size(); ++r) {
        ImGui::TableNextRow();
        for (std::size_t k = 0; k < cells[r].size(); ++k) {
            ImGui::TableNextColumn();
            fit_cell("cmp", static_cast<int>(r), static_cast<int>(k), text_width(cells[r][k]));
            ImGui::TextUnformatted(cells[r][k].c_str());
            if (!tips[r][k].empty()) ImGui::SetItemTooltip("%s", tips[r][k].c_str());
        }
    }
    ImGui::EndTable();
}

//-----------------------------------------------------------------------------
// [SECTION] Sweep and regime map
//-----------------------------------------------------------------------------

void ResultsPanel::draw_sweep() {
    const Scenario& s = model_.scenario();
    std::vector<std::string> inputs;
    for (const Quantity& q : s.quantities)
        if (q.dist != Dist::quarters && q.form != Form::label) inputs.push_back(q.pointer);
    if (inputs.empty()) return;
    bool changed = false;
    for (int a = 0; a < 2; ++a) {
        ImGui::PushID(a);
        int& idx = sweep_.param[a];
        const char* preview = idx >= 0 && idx < static_cast<int>(inputs.size()) ? inputs[static_cast<std::size_t>(idx)].c_str() : "(none)";
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
        if (ImGui::BeginCombo(a == 0 ? "input (x)" : "second input (y)", preview)) {
            if (a == 1 && ImGui::Selectable("(none)", idx < 0)) idx = -1, changed = true;
            for (int i = 0; i < static_cast<int>(inputs.size()); ++i)
                if (ImGui::Selectable(inputs[static_cast<std::size_t>(i)].c_str(), i == idx)) {
                    idx = i, changed = true;
                    const double med = s.quantities[static_cast<std::size_t>(s.find_quantity(inputs[static_cast<std::size_t>(i)]))].median();
                    sweep_.lo[a] = med * 0.5, sweep_.hi[a] = med > 0 ? med * 1.5 : 1;
                }
            ImGui::EndCombo();
        }
        if (idx >= 0) {
            ImGui::SameLine();
            // The range's ends in the input's own unit and number forms; "a to b" in either sets both.
            const std::string& input = inputs[static_cast<std::size_t>(idx)];
            const NumberUnit unit = field_unit(input);
            for (int end = 0; end < 2; ++end) {
                double& v = end ? sweep_.hi[a] : sweep_.lo[a];
                auto commit = [this, a, end](const NumberEntry& e) -> std::string {
                    if (e.interval) sweep_.lo[a] = e.lo, sweep_.hi[a] = e.hi;
                    else (end ? sweep_.hi[a] : sweep_.lo[a]) = e.lo;
                    sweep_.revision = ~0ull;  // recompute
                    return {};
                };
                ImGui::SameLine(0, end ? ImGui::GetStyle().ItemInnerSpacing.x : -1.0f);
                const std::string key = "sweep:" + std::to_string(a) + (end ? ":hi" : ":lo");
                changed |= number_field(fields_, end ? "hi" : "lo", key, v, unit, -DBL_MAX, DBL_MAX, ImGui::GetFontSize() * 6, commit);
                items().track(key);
            }
            ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
            ImGui::TextUnformatted("range");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
            changed |= ImGui::SliderInt("steps", &sweep_.steps[a], 2, 40);
        }
        ImGui::PopID();
    }
    changed |= metric_combo("metric", sweep_.metric);
    ImGui::SameLine();
    ImGui::BeginDisabled(model_.pinned().empty());
    changed |= ImGui::Checkbox("regime map (best of current + pinned)", &sweep_.regime);
    ImGui::EndDisabled();
    if (changed || sweep_.revision != model_.revision()) {
        sweep_.revision = model_.revision();
        std::vector<const Scenario*> ss = {&s};
        sweep_.names = {"current"};
        if (sweep_.regime)
            for (const PinnedScenario& p : model_.pinned()) ss.push_back(&p.scenario), sweep_.names.push_back(p.label);
        std::vector<SweepAxis> axes;
        sweep_.error.clear();
        for (int a = 0; a < 2; ++a) {
            if (sweep_.param[a] < 0 || sweep_.param[a] >= static_cast<int>(inputs.size())) continue;
            std::string err;
            auto axis = sweep_axis(ss, inputs[static_cast<std::size_t>(sweep_.param[a])], sweep_.lo[a], sweep_.hi[a], sweep_.steps[a], false, err);
            if (axis) axes.push_back(*axis);
            else sweep_.error = err;
        }
        std::vector<Metric> metrics;
        for (const Scenario* sc : ss) {
            std::string err;
            metrics.push_back(*parse_metric(*sc, total_names()[static_cast<std::size_t>(sweep_.metric)], err));
        }
        sweep_.grid = axes.empty() || !sweep_.error.empty() ? SweepGrid{} : sweep(ss, metrics, axes);
    }
    if (!sweep_.error.empty()) {
        ImGui::TextColored(ImVec4(1, 0.5f, 0.45f, 1), "%s", sweep_.error.c_str());
        return;
    }
    const SweepGrid& g = sweep_.grid;
    if (g.axes.empty()) return;
    const std::string metric = total_names()[static_cast<std::size_t>(sweep_.metric)];
    const Unit u = unit_of(metric);
    const std::string x_title = describe_input(s, g.axes[0].pointer);
    std::vector<std::string> xs, ys;
    for (double v : g.axes[0].values) xs.push_back(format_number_display(v, field_unit(g.axes[0].pointer)));
    if (g.axes.size() == 2) {
        for (double v : g.axes[1].values) ys.push_back(format_number_display(v, field_unit(g.axes[1].pointer)));
        const bool regime = sweep_.regime && g.values.size() > 1;
        charts::heatmap("sweep", (regime ? "Best deal" : metric) + " over " + x_title + " and " + describe_input(s, g.axes[1].pointer),
                        {xs, u, x_title, describe_input(s, g.axes[1].pointer)}, ys, g.values[0], regime ? &g.best : nullptr,
                        regime ? &sweep_.names : nullptr, ImVec2(0, ImGui::GetContentRegionAvail().y - 10));
    } else if (charts::begin("sweep1", metric + " over " + x_title, {xs, u, x_title, metric}, ImVec2(0, ImGui::GetContentRegionAvail().y - 10))) {
        for (std::size_t k = 0; k < g.values.size(); ++k)
            charts::line(sweep_.names[k], g.values[k].data(), static_cast<int>(g.values[k].size()), charts::palette(static_cast<int>(k)));
        charts::end();
    }
}

}  // namespace pactscope::ui
