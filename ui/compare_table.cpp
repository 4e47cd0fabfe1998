// compare_table.cpp — the Compare tab's table: the current deal (A) beside each pinned one (B), in words.
//
// Rows are the totals, the buyer's figures or one provider's (chosen above the table), each named in the
// scenario's words (metric_label; the raw key only in the tooltip). For each pinned deal: its median,
// the median of the paired difference B − A over the common trials with whether that is better or worse
// by the metric's direction, and the share of trials in which B is better; "tie" when the two are equal
// in every trial (MODEL §7's relative 1e-9).
#include <algorithm>
#include <cmath>

#include "results_panel.h"

#include "analysis/parties.h"
#include "format.h"
#include "imgui.h"
#include "io/value_text.h"
#include "model/quarter.h"
#include "model/result_fields.h"
#include "pickers.h"

namespace pactscope::ui {

void ResultsPanel::draw_compare_table(const Comparison& c, const std::vector<std::string>& labels) {
    const Scenario& s = model_.scenario();
    auto& pinned = model_.pinned();
    // Which rows: the totals, the buyer's figures, or one provider's of the current deal (a pinned deal without it
    // says so in its column).
    std::vector<std::pair<std::string, std::string>> groups = {{"", "Totals"}, {"buyer", buyer_display_name(s) + " (buyer)"}};
    for (std::size_t p = 0; p < s.providers.size(); ++p) groups.push_back({s.providers[p].id, provider_display_name(s, p)});
    std::string shown = "Totals";
    for (const auto& g : groups)
        if (g.first == compare_rows_) shown = g.second;
    ImGui::TextUnformatted("Rows");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (ImGui::BeginCombo("##compare_rows", shown.c_str(), ImGuiComboFlags_HeightLarge)) {  // every provider in view, no scrolling
        for (const auto& g : groups) {
            if (ImGui::Selectable(g.second.c_str(), g.first == compare_rows_)) compare_rows_ = g.first;
            items().track("compare_rows=" + (g.first.empty() ? std::string("totals") : g.first));
        }
        ImGui::EndCombo();
    }
    items().track("compare_rows");
    std::vector<Metric> metrics;
    // The totals lead with the bottom line, the buyer's net, which is not a total of its own: without it the
    // first rows a reader sees are costs, and "(B better)" on them read as the answer.
    if (compare_rows_.empty())
        for (const Metric& m : scenario_metrics(s))
            if (m.kind == Metric::Kind::buyer && m.name == "buyer.net_usd") metrics.push_back(m);
    for (const Metric& m : scenario_metrics(s)) {
        const bool want = compare_rows_.empty() ? m.kind == Metric::Kind::total
                          : compare_rows_ == "buyer" ? m.kind == Metric::Kind::buyer
                                                     : m.kind == Metric::Kind::provider && s.providers[static_cast<std::size_t>(m.provider)].id == compare_rows_;
        if (want) metrics.push_back(m);
    }
    // One party's rows name its figures alone ("revenue share received"), the party heading the column: the
    // party's name on every row made the column so wide that P(B better) left the screen at 1280 px.
    // Headers take two lines, the deal above what the column gives: on one line ("B: commitment-2025q4, median")
    // they made the table wider than the panel at 1280 px, and P(B better) scrolled out of view. The test hook
    // reads them on one line (", " for the break).
    // A party with no figure of its own in any deal shown (an owned fleet in every one, a cloud listed without
    // capacity): a table with "owned: the buyer's cost" in each of its cells says less than one sentence.
    if (!compare_rows_.empty() && compare_rows_ != "buyer" && !metrics.empty()) {
        auto no_figures = [&](const Scenario& sc, const Result& r) {
            return std::all_of(metrics.begin(), metrics.end(), [&](const Metric& m) { return metric_gap(sc, r, m) != FigureGap::none; });
        };
        bool none_anywhere = no_figures(s, model_.result()), owned = false;
        std::string deals;
        for (std::size_t k = 0; k < labels.size() && none_anywhere; ++k) {
            const Scenario& sc = k == 0 ? s : pinned[k - 1].scenario;
            const Result& r = k == 0 ? model_.result() : pinned[k - 1].result;
            none_anywhere = none_anywhere && no_figures(sc, r);
            const FigureGap gap = metric_gap(sc, r, metrics.front());
            owned = owned || gap == FigureGap::owned;
            deals += std::string(k ? "; " : "") + (k ? "B, " + labels[k] : "A, " + model_.preset_label()) + ": " + figure_gap_text(gap);
        }
        if (none_anywhere) {
            const std::string text = shown + " has no figures of its own in these deals (" + deals + ")." +
                                     (owned ? " Owned capacity bills nobody: what it costs (capex, opex, power) is in " + buyer_display_name(s) +
                                                  "'s total cost, in the Totals rows."
                                            : "");
            wrapped_text(text);
            items().track("compare_no_figures");
            compare_cells_ = {{text}};
            return;
        }
    }
    std::vector<std::string> header = {compare_rows_.empty() ? std::string("metric") : shown + ": figure", "better",
                                       "A: " + model_.preset_label() + "\ncurrent, median"};  // which deal A is, named as B is
    for (std::size_t k = 1; k < labels.size(); ++k) {
        header.push_back("B: " + labels[k] + "\nmedian");
        header.push_back("B \xe2\x88\x92 A\nmedian");  // each pinned deal's columns follow its name ("B: NAME")
        header.push_back("P(B better)");
    }
    std::vector<std::vector<std::string>> cells, tips;
    bool any_starred = false;
    for (const Metric& m : metrics) {
        const MetricLabel l = metric_label(s, m);
        const Unit u = metric_unit_ui(m);
        auto p50 = [&](const Stat* st) {
            if (!st || st->count == 0) return std::string("none");
            if (u == Unit::quarter_index) return quarter_label(s.start + static_cast<int>(std::lround(st->p50)));
            return format_value(st->p50, u);
        };
        const std::string better = l.direction == kHigherIsBetter ? "higher" : l.direction == kLowerIsBetter ? "lower" : "\xe2\x80\x94";
        std::vector<std::string> row = {m.kind == Metric::Kind::total || compare_rows_.empty() ? l.name : l.figure, better},
                                 tip = {l.name + " (" + l.key + "): " + l.meaning, l.direction_text.empty() ? "no better direction" : l.direction_text};
        auto stat = [&](std::size_t run, const Scenario& sc) { return metric_stat(c.summaries[run], sc, m); };
        // A difference of shares is in percentage points ("-2.5 pp"), not a share of its own.
        auto delta_value = [&](double v) { return format_delta(v, u); };
        // A provider that is no party to a deal (analysis/parties.h: listed without capacity, or owned), or a cost
        // the deal does not give, says so rather than showing a median of $0, and no difference is shown beside it.
        auto gap_of = [&](const Scenario& sc, const Result& r) { return metric_gap(sc, r, m); };
        // A net before a cost the deal does not give is starred, as on the Money tab (the note under the table).
        const bool is_net = m.kind == Metric::Kind::provider && std::string_view(provider_figures()[static_cast<std::size_t>(m.index)].name) == "net_usd";
        auto median = [&](const Stat* st, FigureGap gap, const Scenario& sc, const Result& r) {
            if (gap != FigureGap::none) return std::string(figure_gap_text(gap));
            const bool starred = is_net && net_before_cost(sc, r, m.provider_id);
            any_starred = any_starred || starred;
            return p50(st) + (starred ? "*" : "");
        };
        const FigureGap gap_a = gap_of(s, model_.result());
        row.push_back(median(stat(0, s), gap_a, s, model_.result()));
        tip.push_back("");
        for (std::size_t k = 1; k < labels.size(); ++k) {
            const PairComparison* pair = find_pair(c, 0, static_cast<int>(k));  // delta = pinned − current
            const PairedDelta* d = pair ? metric_delta(*pair, m) : nullptr;
            const FigureGap gap_b = gap_of(pinned[k - 1].scenario, pinned[k - 1].result);
            row.push_back(median(stat(k, pinned[k - 1].scenario), gap_b, pinned[k - 1].scenario, pinned[k - 1].result));
            tip.push_back("");
            if (d && d->delta.count > 0 && !gap_comparable(gap_a, gap_b)) {
                row.push_back("\xe2\x80\x94"), row.push_back("\xe2\x80\x94");
                tip.push_back("no difference shown: A " + std::string(gap_a == FigureGap::none ? "has it" : figure_gap_text(gap_a)) + ", B " +
                              (gap_b == FigureGap::none ? "has it" : figure_gap_text(gap_b))),
                    tip.push_back("");
                continue;
            }
            if (!d || d->delta.count == 0) {
                row.push_back("\xe2\x80\x94"), row.push_back("\xe2\x80\x94");
                tip.push_back(d ? "null in every paired trial" : labels[k] + " has no such party"), tip.push_back("");
                continue;
            }
            const bool tie = d->p_equal >= 1.0;
            std::string delta;
            if (tie) delta = "tie";
            else if (u == Unit::quarter_index) delta = (d->delta.p50 >= 0 ? "+" : "") + format_value(d->delta.p50, Unit::plain) + " quarters";
            else delta = delta_value(d->delta.p50);
            // A median difference that rounds to zero as written ("+0.0 pp", "-$0.00", "+0.00 H100e-h": the number
            // before the unit) gets no verdict: "(B better)" beside it read as an answer where there is none at this
            // precision (P(B better) beside it still says how often).
            const std::string number = delta.substr(0, delta.find(' '));
            const bool reads_as_zero = std::isfinite(d->delta.p50) && number.find_first_of("123456789") == std::string::npos;
            if (!tie && reads_as_zero) delta += " (about the same)";
            else if (!tie && d->delta.p50 != 0 && l.direction != kNoDirection)
                delta += (d->delta.p50 > 0) == (l.direction == kHigherIsBetter) ? " (B better)" : " (B worse)";
            row.push_back(delta);
            tip.push_back("paired B \xe2\x88\x92 A over the common trials: P10 " + delta_value(d->delta.p10) + ", P50 " + delta_value(d->delta.p50) +
                          ", P90 " + delta_value(d->delta.p90));
            row.push_back(tie ? "tie" : d->direction != 0 ? probability_text(d->p_b_better()) : "n/a");
            tip.push_back(d->direction != 0 ? "share of the trials in which " + labels[k] + " is better than the current deal (" + l.direction_text + ")"
                                            : "no better direction");
        }
        cells.push_back(row), tips.push_back(tip);
    }
    compare_cells_ = cells;
    compare_cells_.insert(compare_cells_.begin(), header);
    for (std::string& h : compare_cells_.front())
        if (const auto at = h.find('\n'); at != std::string::npos) h.replace(at, 1, ", ");
    std::vector<FitColumn> cols;
    for (const std::string& h : header) cols.push_back({h, 0});
    for (const auto& row : cells)
        for (std::size_t k = 0; k < row.size(); ++k) cols[k].width = std::max(cols[k].width, text_width(row[k]));
    if (!begin_fit_table("cmp", cols, static_cast<int>(cells.size()), ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg, true)) return;
    ImGui::TableHeadersRow();
    for (std::size_t r = 0; r < cells.size(); ++r) {
        ImGui::TableNextRow();
        for (std::size_t k = 0; k < cells[r].size(); ++k) {
            ImGui::TableNextColumn();
            fit_cell("cmp", static_cast<int>(r), static_cast<int>(k), text_width(cells[r][k]));
            ImGui::TextUnformatted(cells[r][k].c_str());
            item_tooltip(tips[r][k]);
        }
    }
    ImGui::EndTable();
    // An analyst subtracts the columns and expects the difference column: say why it is not that.
    wrapped_text("Monte Carlo medians over the same trials for every deal. B \xe2\x88\x92 A is the median of the trial-by-trial "
                 "differences, which is not the difference of the two medians beside it; P(B better) is the share of trials in which B "
                 "is better.",
                 true);
    if (any_starred) wrapped_text("* Before what the capacity costs its provider, which that deal does not give (no provider cost).", true);
}

}  // namespace pactscope::ui
