// results_panel.cpp — the right side: KPI cards and the result tabs.
//
// [SECTION] Tabs
// [SECTION] Overview, capacity and power
// [SECTION] Uncertainty
// [SECTION] Money and stakeholders
// [SECTION] Compare
// [SECTION] Sweep and regime map
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "app.h"
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
// [SECTION] Tabs
//-----------------------------------------------------------------------------

void App::draw_results_panel() {
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
    draw_result_tabs();
    if (stale) ImGui::PopStyleVar();
}

void App::draw_result_tabs() {
    if (!ImGui::BeginTabBar("views")) return;
    void (App::*draw[])() = {&App::draw_overview, &App::draw_capacity, &App::draw_uncertainty, &App::draw_money, &App::draw_compare, &App::draw_sweep};
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

//-----------------------------------------------------------------------------
// [SECTION] Overview, capacity and power
//-----------------------------------------------------------------------------

void App::draw_overview() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const auto x = quarter_labels(s);
    const float h = std::max(200.0f, (ImGui::GetContentRegionAvail().y - 60) / 2);
    ImGui::TextUnformatted("Allocation by provider (H100e per quarter)");
    help_marker("Where the buyer's demand runs each quarter after the contract's rules (MODEL §4): exclusivity, sticky "
                "placement, preferred share, first refusal, then the cheapest eligible capacity.");
    std::vector<charts::Series> alloc;
    for (std::size_t p = 0; p < s.providers.size(); ++p)
        alloc.push_back({s.providers[p].id, r.providers[p].alloc_h100e.data(), r.quarters, charts::palette(static_cast<int>(p))});
    charts::stacked_area("alloc", x, alloc, Unit::h100e, ImVec2(0, h));
    ImGui::TextUnformatted("Cost by component per year");
    std::vector<std::string> years;
    std::vector<double> compute, egress, fixed, stranded, tmp;
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
    std::vector<double> credits;
    component(&ProviderSeries::sla_credit_usd, credits);
    for (double& c : credits) c = -c;  // a refund: below zero
    const int n = static_cast<int>(years.size());
    std::vector<charts::Series> parts = {{"compute", compute.data(), n, charts::palette(0)},
                                         {"egress", egress.data(), n, charts::palette(5)},
                                         {"fixed (owned, onboarding)", fixed.data(), n, charts::palette(2)},
                                         {"stranded take-or-pay, idle reservations", stranded.data(), n, charts::palette(1)}};
    if (r.totals.sla_credit_usd > 0) parts.push_back({"SLA credits (refunded)", credits.data(), n, charts::palette(3)});
    charts::stacked_bars("cost", years, parts, Unit::usd, ImVec2(0, h));
}

void App::draw_capacity() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const auto x = quarter_labels(s);
    const std::size_t T = static_cast<std::size_t>(r.quarters);
    const float h = std::max(180.0f, (ImGui::GetContentRegionAvail().y - 90) / 3);
    std::vector<const std::vector<double>*> cap, dem, served, online, used;
    for (const ProviderSeries& ps : r.providers) cap.push_back(&ps.capacity_h100e), online.push_back(&ps.online_mw), used.push_back(&ps.mw_used);
    for (const WorkloadSeries& ws : r.workloads) dem.push_back(&ws.demand_h100e), served.push_back(&ws.served_h100e);
    const auto cap_t = sum_series(cap, T), dem_t = sum_series(dem, T), served_t = sum_series(served, T);
    ImGui::TextUnformatted("Capacity vs demand (H100e)");
    help_marker("Capacity is every provider's online tranches (after build slips), eligible or not; served is what the "
                "contract let the buyer use. The gap between demand and served is shortfall.");
    charts::lines("capdem", x,
                  {{"capacity (all providers)", cap_t.data(), static_cast<int>(T), charts::palette(3), true},
                   {"demand", dem_t.data(), static_cast<int>(T), charts::palette(1)},
                   {"served", served_t.data(), static_cast<int>(T), charts::palette(0)}},
                  Unit::h100e, ImVec2(0, h));
    ImGui::TextUnformatted("Power: online and drawn (facility MW)");
    std::vector<charts::Series> power;
    for (std::size_t p = 0; p < s.providers.size(); ++p)
        power.push_back({s.providers[p].id + " drawn", r.providers[p].mw_used.data(), r.quarters, charts::palette(static_cast<int>(p))});
    charts::stacked_area("power", x, power, Unit::mw, ImVec2(0, h));
    ImGui::TextDisabled("Peak %s drawn, %s online at the end, %s over the horizon", format_value(r.totals.peak_mw, Unit::mw).c_str(),
                        format_value(sum_series(online, T).back(), Unit::mw).c_str(), format_value(r.totals.total_gwh, Unit::gwh).c_str());
    ImGui::TextUnformatted("Shortfall by workload (H100e)");
    std::vector<charts::Series> shortfall;
    for (std::size_t w = 0; w < s.workloads.size(); ++w)
        shortfall.push_back({s.workloads[w].id, r.workloads[w].shortfall_h100e.data(), r.quarters, charts::palette(static_cast<int>(w) + 1)});
    charts::stacked_area("shortfall", x, shortfall, Unit::h100e, ImVec2(0, h));
}

//-----------------------------------------------------------------------------
// [SECTION] Uncertainty
//-----------------------------------------------------------------------------

void App::draw_uncertainty() {
    const Scenario& s = model_.scenario();
    const McSummary& m = model_.summary();
    const auto x = quarter_labels(s);
    const float h = std::max(180.0f, (ImGui::GetContentRegionAvail().y - 120) / 3);
    ImGui::TextUnformatted("Cost per quarter: Monte Carlo fan");
    help_marker("Every uncertain input drawn once per trial (slips, prices, growth, AGI date), outages drawn per quarter. "
                "The band is P10\xe2\x80\x93P90 of each quarter's cost; it fills in while the trials run.");
    if (m.trials_done > 0 && !m.cost_usd.p50.empty())
        charts::fan("fan", x, m.cost_usd.p10, m.cost_usd.p50, m.cost_usd.p90, model_.result().cost_usd, Unit::usd, ImVec2(0, h));
    else
        ImGui::Dummy(ImVec2(0, h));
    ImGui::TextUnformatted("Distribution of");
    ImGui::SameLine();
    metric_combo("##hist", hist_metric_);
    items().track("hist_metric");
    const Simulation& sim = model_.sim();
    charts::histogram("hist", sim.samples(hist_metric_), sim.trials_done(), unit_of(total_names()[static_cast<std::size_t>(hist_metric_)]), ImVec2(0, h));
    ImGui::TextUnformatted("What drives");
    ImGui::SameLine();
    if (metric_combo("##tornado", tornado_metric_)) tornado_revision_ = ~0ull;
    help_marker("Tornado: each uncertain input moved alone to its P10 and P90, everything else at its median.");
    if (tornado_revision_ != model_.revision()) {
        std::string err;
        tornado_ = tornado(s, *parse_metric(s, total_names()[static_cast<std::size_t>(tornado_metric_)], err));
        tornado_revision_ = model_.revision();
    }
    std::vector<charts::TornadoRow> rows;
    for (std::size_t i = 0; i < std::min<std::size_t>(tornado_.bars.size(), 10); ++i)
        rows.push_back({describe_input(s, tornado_.bars[i].pointer), tornado_.bars[i].metric_p10, tornado_.bars[i].metric_p90});
    charts::tornado("tornado", tornado_.base, rows, unit_of(total_names()[static_cast<std::size_t>(tornado_metric_)]), ImVec2(0, 0));
}

//-----------------------------------------------------------------------------
// [SECTION] Money and stakeholders
//-----------------------------------------------------------------------------

void App::draw_money() {
    const Scenario& s = model_.scenario();
    const Result& r = model_.result();
    const McSummary& m = model_.summary();
    const std::string buyer = buyer_name(s);
    ImGui::TextUnformatted("Money flows over the horizon (deterministic)");
    help_marker("What the buyer pays each provider (compute, egress, fixed, stranded take-or-pay and idle reservations, less SLA "
                "credits), revenue share both ways, and the value of IP access to its holder.");
    std::vector<charts::Bar> flows;
    auto flow = [&](std::string label, double v, int colour) {
        if (v != 0) flows.push_back({std::move(label), v, v, v, charts::palette(colour)});
    };
    for (std::size_t p = 0; p < s.providers.size(); ++p) flow(buyer + " -> " + s.providers[p].id, r.stakeholders[p].revenue_usd, static_cast<int>(p));
    flow("of which stranded or idle", r.totals.stranded_usd, 1);
    flow("of which SLA credits (refunded)", -r.totals.sla_credit_usd, 3);
    flow("revenue share -> holder", r.totals.revenue_share_to_holder_usd, 4);
    flow("revenue share -> " + buyer, r.totals.revenue_share_to_buyer_usd, 5);
    for (std::size_t p = 0; p < s.providers.size(); ++p) flow("IP value -> " + s.providers[p].id, r.stakeholders[p].ip_value_usd, 6);
    charts::bars("flows", flows, Unit::usd, ImVec2(0, 0));

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
        pnl.push_back({s.providers[p].name.empty() ? s.providers[p].id : s.providers[p].name, format_usd(v.revenue_usd), format_usd(v.cost_usd),
                       format_usd(v.revenue_share_paid_usd), format_usd(v.revenue_share_received_usd), format_usd(v.ip_value_usd), format_usd(v.net_usd),
                       range(net)});
    }
    text_table("pnl", {"party", "revenue", "cost", "share paid", "share received", "IP value", "net", "net P10\xe2\x80\x93P90"}, pnl);
    ImGui::TextDisabled("%s also: training value %s, value lost to shortfall and outages %s (reported beside its net, not in it).", buyer.c_str(),
                        format_usd(b.training_value_usd).c_str(), format_usd(b.lost_value_usd).c_str());

    ImGui::Spacing();
    ImGui::TextUnformatted("Each party's net");
    std::vector<charts::Bar> nets;
    const Stat* bn = stat_of(m.buyer, "net_usd", buyer_figures());
    nets.push_back({buyer, b.net_usd, bn ? bn->p10 : b.net_usd, bn ? bn->p90 : b.net_usd, charts::palette(9)});
    for (std::size_t p = 0; p < s.providers.size(); ++p) {
        const double v = r.stakeholders[p].net_usd;
        const Stat* st = mc && p < m.providers.size() ? stat_of(m.providers[p], "net_usd", provider_figures()) : nullptr;
        nets.push_back({s.providers[p].id, v, st ? st->p10 : v, st ? st->p90 : v, charts::palette(static_cast<int>(p))});
    }
    charts::bars("nets", nets, Unit::usd, ImVec2(0, 0));

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

void App::draw_compare() {
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
    bool all_done = model_.sim().done();
    std::vector<const Simulation*> runs = {&model_.sim()};
    std::vector<std::string> labels = {"current"};
    for (const PinnedScenario& p : pinned) runs.push_back(&p.sim), labels.push_back(p.label), all_done = all_done && p.sim.done();
    if (!all_done) {
        ImGui::TextDisabled("Running the trials...");
        return;
    }
    const Comparison c = compare(runs);
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
        for (std::size_t k = 1; k < runs.size(); ++k) {
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

void App::draw_sweep() {
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
    const Unit u = unit_of(total_names()[static_cast<std::size_t>(sweep_.metric)]);
    std::vector<std::string> xs, ys;
    for (double v : g.axes[0].values) xs.push_back(format_compact(v));
    if (g.axes.size() == 2) {
        for (double v : g.axes[1].values) ys.push_back(format_compact(v));
        const bool regime = sweep_.regime && g.values.size() > 1;
        charts::heatmap("sweep", xs, ys, g.values[0], u, regime ? &g.best : nullptr, regime ? &sweep_.names : nullptr, ImVec2(0, ImGui::GetContentRegionAvail().y - 10));
    } else {
        std::vector<charts::Series> lines;
        for (std::size_t k = 0; k < g.values.size(); ++k)
            lines.push_back({sweep_.names[k], g.values[k].data(), static_cast<int>(g.values[k].size()), charts::palette(static_cast<int>(k))});
        charts::lines("sweep1", xs, lines, u, ImVec2(0, ImGui::GetContentRegionAvail().y - 10));
    }
}

}  // namespace pactscope::ui
