// explain_view.cpp — the waterfall of what changed (explain_view.h).
#include "explain_view.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <vector>

#include "analysis/outside_horizon.h"
#include "analysis/parties.h"
#include "capture.h"
#include "charts.h"
#include "icons.h"
#include "imgui.h"
#include "io/chart_svg.h"
#include "io/explanation_io.h"
#include "io/scenario_parts.h"
#include "io/text_wrap.h"
#include "io/value_text.h"
#include "pickers.h"
#include "widgets.h"

namespace pactscope::ui {

namespace {
// Combinations built and run per frame: about half a millisecond each natively, one in the browser.
constexpr int kCombinationsPerFrame = 24;

// A horizontal waterfall: a row for A's value, one per contribution (a bar from the running total to the
// running total plus the contribution), a row for B's value. Labels left; a label wider than its column takes
// a second line (every row is then two lines tall), cut at a word boundary only past that.
void waterfall(const char* id, const std::string& title, const std::string& slide_title, const std::string& metric, const std::string& a_label, double a,
               const std::string& b_label, double b, const std::vector<Contribution>& parts, Unit unit) {
    const float line = ImGui::GetTextLineHeight();
    const int rows = static_cast<int>(parts.size()) + 2;
    const float avail = ImGui::GetContentRegionAvail().x;
    const float label_w = std::min(avail * 0.42f, ImGui::GetFontSize() * 24), value_w = ImGui::GetFontSize() * 6;
    const auto width_of = [](std::string_view t) { return ImGui::CalcTextSize(t.data(), t.data() + t.size()).x; };
    bool two_lines = false;
    for (const Contribution& c : parts) two_lines = two_lines || !wrap_in_two(c.part, label_w - 10, width_of).second.empty();
    const float row_step = two_lines ? 2 * line + 10 : 24.0f;
    // The title names both deals and both values: on a narrow panel, or with long deal names, it wraps.
    const float title_h = ImGui::CalcTextSize(title.c_str(), nullptr, false, avail).y;
    const ImVec2 size(avail, row_step * static_cast<float>(rows) + title_h + line + 24);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton(id, size);
    items().track(std::string("chart:") + id);
    const bool hovered = ImGui::IsItemHovered();
    note_chart(id, p, ImVec2(p.x + size.x, p.y + size.y), hovered);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
    dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), p, text, title.c_str(), nullptr, avail);
    double lo = std::min(a, b), hi = std::max(a, b), run = a;
    for (const Contribution& c : parts) run += c.value, lo = std::min(lo, run), hi = std::max(hi, run);
    // The axis spans the running totals and zero, so A's and B's bars are as long as their values (an axis
    // that started near the smaller total made $566B look twice $431B) — as the report's waterfall. A small
    // part stays a visible sliver with its value beside it.
    lo = std::min(lo, 0.0), hi = std::max(hi, 0.0);
    if (!(hi > lo)) hi = lo + 1;
    const float x0 = p.x + label_w, x1 = p.x + size.x - value_w, top = p.y + title_h + 10;
    auto px = [&](double v) { return x0 + static_cast<float>((v - lo) / (hi - lo)) * (x1 - x0); };
    const float row_h = (p.y + size.y - top - line) / static_cast<float>(rows);
    for (const AxisTick& tick : axis_ticks(lo, hi, 5, unit)) {
        const double t = tick.at;
        dl->AddLine(ImVec2(px(t), top), ImVec2(px(t), p.y + size.y - line - 4), ImGui::GetColorU32(ImGuiCol_Border));
        dl->AddText(ImVec2(px(t) - ImGui::CalcTextSize(tick.label.c_str()).x / 2, p.y + size.y - line), dim, tick.label.c_str());
    }
    auto row = [&](int k, const std::string& label, double from, double to, ImU32 colour, const std::string& value) {
        const float y0 = top + row_h * static_cast<float>(k) + 3, y1 = y0 + row_h - 6;
        dl->AddRectFilled(ImVec2(std::min(px(from), px(to)), y0), ImVec2(std::max(std::max(px(from), px(to)), std::min(px(from), px(to)) + 1.5f), y1), colour);
        // The label on its lines (two at most), the last cut at a word boundary (never mid-word) if it must be.
        const TwoLines lines = wrap_in_two(label, label_w - 10, width_of);
        const bool second = two_lines && !lines.second.empty();
        std::string shown = label;
        if (second) {
            dl->AddText(ImVec2(p.x, y0), text, std::string(lines.first).c_str());
            shown = std::string(lines.second);
        }
        while (ImGui::CalcTextSize(shown.c_str()).x > label_w - 10 && shown.find(' ') != std::string::npos)
            shown = shown.substr(0, shown.rfind(' ', shown.size() - 2)) + "\xe2\x80\xa6";
        dl->AddText(ImVec2(p.x, second ? y0 + line : y0), text, shown.c_str());
        dl->AddText(ImVec2(std::max(px(from), px(to)) + 4, y0), text, value.c_str());
        if (hovered && ImGui::GetIO().MousePos.y >= y0 && ImGui::GetIO().MousePos.y < y1) ImGui::SetTooltip("%s: %s", label.c_str(), value.c_str());
    };
    row(0, a_label, 0.0, a, charts::palette(8), format_value(a, unit));
    run = a;
    for (std::size_t k = 0; k < parts.size(); ++k) {
        const double v = parts[k].value;
        // A part that moves nothing (an end date this metric does not feel) is grey and "$0", not a green "+$0".
        std::string value = format_value(v, unit);
        if (v > 0) value.insert(value.begin(), '+');
        const ImU32 colour = v > 0 ? charts::palette(3) : v < 0 ? charts::palette(1) : charts::palette(kChartColours - 1);
        row(static_cast<int>(k) + 1, parts[k].part, run, run + v, colour, value);
        run += v;
    }
    row(rows - 1, b_label, 0.0, b, charts::palette(0), format_value(b, unit));
    // Recorded as a chart, so "Download chart for slides" and "Download chart data" take it as they take the others.
    charts::RecordedChart rc;
    rc.id = id, rc.title = title, rc.slide_title = slide_title, rc.unit = unit;
    charts::RecordedItem item{"waterfall", metric, {a}, {}, {a_label}, charts::palette(0)};
    for (const Contribution& c : parts) item.y.push_back(c.value), item.labels.push_back(c.part);
    item.y.push_back(b), item.labels.push_back(b_label);
    rc.items.push_back(std::move(item));
    charts::record(std::move(rc));
}
}  // namespace

ExplainView::ExplainView(AppModel& model) : model_(model) {}
ExplainView::~ExplainView() = default;

std::string ExplainView::start_key() const {
    return std::to_string(model_.revision()) + "|" + std::to_string(model_.pinned_revision()) + "|" + std::to_string(pinned_) + "|" +
           (reversed_ ? "reversed" : "forward");
}

std::string ExplainView::csv() const {
    const auto& pinned = model_.pinned();
    if (pinned.empty()) return {};
    const Scenario& pinned_a = pinned[static_cast<std::size_t>(std::clamp(pinned_, 0, static_cast<int>(pinned.size()) - 1))].scenario;
    // Named as exports name them: an edited deal told apart from its original (AppModel::export_names).
    const Scenario current = model_.named_for_export(model_.scenario()), other = model_.named_for_export(pinned_a);
    const Scenario &a = reversed_ ? other : current, &b = reversed_ ? current : other;
    if (result_ && result_metric_ == metric_ && !working() && started_for_ == start_key()) return explanation_to_csv(a, b, *result_);
    std::string error;  // not on screen yet (another tab, or still running): the same attribution, run here
    const auto ex = reversed_ ? explain_scenarios(pinned_a, model_.scenario(), metric_, error) : explain_scenarios(model_.scenario(), pinned_a, metric_, error);
    return ex ? explanation_to_csv(a, b, *ex) : std::string();
}

std::string ExplainView::current_deal_words() const { return "the current deal (" + model_.preset_label() + ")"; }

bool ExplainView::working() const { return explainer_ && !explainer_->done(); }

void ExplainView::restart() {
    explainer_.reset();
    diff_.reset();
    result_.reset();
    error_.clear();
    const PinnedScenario& p = model_.pinned()[static_cast<std::size_t>(pinned_)];
    pinned_label_ = p.label;
    // A is the current deal and B the pinned one, as in the comparison table above (B − A) and the report;
    // reversed, from the pinned deal to the current one.
    diff_ = reversed_ ? std::make_unique<ScenarioParts>(p.scenario, model_.scenario()) : std::make_unique<ScenarioParts>(model_.scenario(), p.scenario);
    explainer_ = std::make_unique<Explainer>(*diff_);
}

void ExplainView::draw(const Comparison* paired) {
    paired_delta_.reset();  // set again by draw_paired_line once the waterfall is drawn in this direction
    auto& pinned = model_.pinned();
    if (pinned.empty()) return;
    pinned_ = std::clamp(pinned_, 0, static_cast<int>(pinned.size()) - 1);
    const Scenario& s = model_.scenario();
    ImGui::SeparatorText("What changed, and by how much");
    auto pinned_combo = [&] {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
        if (ImGui::BeginCombo("##explain_pinned", pinned[static_cast<std::size_t>(pinned_)].label.c_str())) {
            for (int i = 0; i < static_cast<int>(pinned.size()); ++i)
                if (ImGui::Selectable((pinned[static_cast<std::size_t>(i)].label + "##" + std::to_string(i)).c_str(), i == pinned_)) pinned_ = i;
            ImGui::EndCombo();
        }
        items().track("explain:pinned");
    };
    ImGui::TextUnformatted("From");
    ImGui::SameLine();
    if (reversed_) pinned_combo();
    else ImGui::TextUnformatted("the current deal");
    ImGui::SameLine();
    if (ImGui::SmallButton(PS_ICON_EXCHANGE "##explain_reverse")) reversed_ = !reversed_;
    items().track("explain:reverse");
    item_tooltip("Reverse the direction: from the pinned deal to the current one, or back. A clause the later deal added reads "
                 "\"added\" when the change runs from the earlier deal to it.");
    ImGui::SameLine();
    ImGui::TextUnformatted("to");
    ImGui::SameLine();
    if (reversed_) ImGui::TextUnformatted("the current deal");
    else pinned_combo();
    ImGui::SameLine();
    ImGui::TextUnformatted("in");
    ImGui::SameLine();
    metric_picker("explain", s, metric_, ImGui::GetFontSize() * 18);
    help_marker("The difference of the deterministic runs split among the parts in which the deals differ (each clause added, removed "
                "or changed, each provider, each workload, policy) by their Shapley values: each part's average effect over every order "
                "of switching the parts from one deal to the other: from the current deal to the pinned one (the direction of the table's "
                "B \xe2\x88\x92 A and of the report), or back with the arrows' button. Exact up to 12 parts; beyond, sampled orders. The same as "
                "pactscope explain CURRENT PINNED --metric M (reversed: explain PINNED CURRENT).");
    if (const std::string key = start_key(); key != started_for_) started_for_ = key, restart();
    if (explainer_ && !explainer_->done()) {
        explainer_->step(kCombinationsPerFrame);
        ImGui::ProgressBar(static_cast<float>(explainer_->progress()), ImVec2(ImGui::GetFontSize() * 20, 0), "running the combinations");
        items().track("explain:progress");
        return;
    }
    if (!result_ || result_metric_ != metric_) {
        result_metric_ = metric_;
        error_.clear();
        result_ = explainer_->explanation(metric_, error_);
    }
    if (!result_) {
        ImGui::TextColored(ImVec4(1, 0.5f, 0.45f, 1), "%s", error_.c_str());
        return;
    }
    const Explanation& e = *result_;
    const Metric m = metric_or_cost(s, metric_);
    const MetricLabel l = metric_label(s, m);
    const Unit u = metric_unit_ui(m);
    std::string direction = l.direction_text.empty() ? "No better direction" : l.direction_text;
    direction[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(direction[0])));
    ImGui::TextDisabled("%s: %d part%s differ; %s (%lld combinations run). %s.", l.name.c_str(), static_cast<int>(e.contributions.size()),
                        e.contributions.size() == 1 ? "" : "s",
                        e.exact ? "exact Shapley values" : ("sampled: " + std::to_string(e.permutations) + " orders").c_str(),
                        static_cast<long long>(e.coalitions), direction.c_str());
    if (e.contributions.empty()) {
        ImGui::TextUnformatted("The two deals do not differ in anything that moves a number: tie.");
        return;
    }
    paired_text_.clear();
    draw_paired_line(paired, m, u);
    // Deterministic runs (the medians of every input), not the Monte Carlo medians of the table above: the title says so,
    // with both ends, so the two differences on one screen are not read as one.
    // The current deal's bar names its preset, as the sweep's lines do ("current (open-2026)"): "current" alone left
    // the reader to remember which deal that was.
    const std::string current = "current (" + model_.preset_label() + ")";
    const std::string from = reversed_ ? pinned_label_ : current, to = reversed_ ? current : pinned_label_;
    const auto spelled = [&](const std::string& deal) { return deal == current ? current_deal_words() : deal; };
    const std::string values = format_value(e.value_a, u) + " to " + format_value(e.value_b, u) + " (" + (e.delta >= 0 ? "+" : "") + format_value(e.delta, u) + ")";
    // On a slide the first and last bars carry the deals' full names (chart_export), which the title would not fit.
    waterfall("explain", "What moves " + l.name + " from " + spelled(from) + " to " + spelled(to) + " in the deterministic runs: " + values,
              "What moves " + l.name + " from the top bar's deal to the bottom bar's, in the deterministic runs: " + values, l.name, from, e.value_a, to,
              e.value_b, e.contributions, u);
    if (!paired_text_.empty()) charts::note("explain", paired_text_);
    // What falls outside the horizon in either deal and moves this metric: the numbers above leave it out.
    std::vector<std::string> edges;
    std::size_t in_current = 0;  // counted per deal, so the number reads against the KPI card's (the current deal's alone)
    for (int side = 0; side < 2; ++side) {
        const Scenario& sc = side ? s : pinned[static_cast<std::size_t>(pinned_)].scenario;
        const Result& r = side ? model_.result() : pinned[static_cast<std::size_t>(pinned_)].result;
        for (const HorizonEdge& h : outside_horizon(sc, r))
            if (std::find(h.moves.begin(), h.moves.end(), m.name) != h.moves.end()) {
                edges.push_back((side ? "current: " : pinned_label_ + ": ") + h.text);
                in_current += side ? 1 : 0;
            }
    }
    if (!edges.empty()) {
        // A tree node's label does not wrap: short enough for the panel at 1280 px, what they move said inside.
        const std::string title = "Not counted above: " + std::to_string(edges.size()) + " thing" + (edges.size() == 1 ? "" : "s") +
                                  " outside the horizon (" + std::to_string(in_current) + " in the current deal, " +
                                  std::to_string(edges.size() - in_current) + " in " + pinned_label_ + ")###outside";
        if (ImGui::TreeNode(title.c_str())) {
            wrapped_text("Each moves " + l.name + " beyond the horizon, so the values above leave it out:", true);
            for (const std::string& edge : edges) ImGui::Bullet(), wrapped_text(edge);
            ImGui::TreePop();
        }
        items().track("explain:outside");
    }
}

// One screen shows two differences of one metric: the waterfall's, between the deterministic runs (every input at
// its median), and the table's B − A, the median of the trial-by-trial differences. They differ (a median of
// differences is not the difference at the medians), so the line above the waterfall gives the second in the
// waterfall's direction, with its P10 to P90, and says which is which.
void ExplainView::draw_paired_line(const Comparison* paired, const Metric& m, Unit u) {
    const PinnedScenario& other = model_.pinned()[static_cast<std::size_t>(pinned_)];
    // As the table: no difference where a deal has no such figure (a provider outside it, owned, a cost not given),
    // since it would be the other deal's whole figure.
    if (!gap_comparable(metric_gap(model_.scenario(), model_.result(), m), metric_gap(other.scenario, other.result, m))) return;
    const PairComparison* pair = paired ? find_pair(*paired, 0, pinned_ + 1) : nullptr;  // deltas pinned − current
    const PairedDelta* d = pair ? metric_delta(*pair, m) : nullptr;
    if (!d || d->delta.count == 0) return;
    Stat st = d->delta;  // B − A: pinned − current
    if (reversed_) {     // current − pinned: every percentile changes sign and the tails swap
        st.p50 = -d->delta.p50, st.mean = -d->delta.mean;
        st.p10 = -d->delta.p90, st.p90 = -d->delta.p10, st.p5 = -d->delta.p95, st.p95 = -d->delta.p5;
    }
    paired_delta_ = st;
    // How often the deal the waterfall ends at is the better one: the slide of the waterfall carries this line, so its
    // one deterministic difference is not quoted without the trials' spread and odds.
    const double p_to_better = reversed_ ? d->p_a_better() : d->p_b_better();
    const std::string to = reversed_ ? current_deal_words() : other.label;
    const std::string odds = std::isfinite(p_to_better) && d->p_equal < 1.0 ? " " + to + " is better in " + probability_text(p_to_better) + " of them." : std::string();
    const std::string trials = "Over the Monte Carlo's " + grouped_integer(static_cast<long long>(st.count)) +
                               " paired trials the same difference has a median of " + format_delta(st.p50, u) + " (P10 to P90 " + format_delta(st.p10, u) +
                               " to " + format_delta(st.p90, u);
    wrapped_text(trials + "; the table's B \xe2\x88\x92 A" + (reversed_ ? ", sign reversed" : "") + ")." + odds +
                     " The waterfall splits the difference between the deterministic runs, every input at its median, which is not the median of "
                     "the differences.",
                 true);
    // The slide's note: the same in fewer words (a slide has no table, and a long note takes the bars' height).
    paired_text_ = trials + ")." + odds + " The bars are deterministic runs, every input at its median.";
    items().track("explain:paired");
}

nlohmann::json ExplainView::to_json() const {
    nlohmann::json o = {{"metric", metric_}, {"from", reversed_ ? pinned_label_ : "current"}, {"to", reversed_ ? "current" : pinned_label_},
                        {"working", working()}};
    if (paired_delta_) o["paired"] = {{"p10", paired_delta_->p10}, {"p50", paired_delta_->p50}, {"p90", paired_delta_->p90}, {"trials", paired_delta_->count}};
    if (result_) {
        nlohmann::json parts = nlohmann::json::array();
        for (const Contribution& c : result_->contributions) parts.push_back({{"part", c.part}, {"pointer", c.pointer}, {"value", c.value}});
        o["value_a"] = result_->value_a, o["value_b"] = result_->value_b, o["delta"] = result_->delta, o["exact"] = result_->exact;
        o["contributions"] = parts;
    }
    return o;
}

}  // namespace pactscope::ui
