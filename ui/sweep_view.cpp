// sweep_view.cpp — the Sweep tab (sweep_view.h).
//
// [SECTION] Choices: metric, inputs, ranges
// [SECTION] The grid and the crossings
// [SECTION] Drawing and the test hook
#include "sweep_view.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>

#include "analysis/sweep_crossings.h"
#include "charts.h"
#include "icons.h"
#include "imgui.h"
#include "io/analysis_io.h"
#include "io/number_entry.h"
#include "io/value_text.h"
#include "model/quarter.h"
#include "widgets.h"

namespace pactscope::ui {

//-----------------------------------------------------------------------------
// [SECTION] Choices: metric, inputs, ranges
//-----------------------------------------------------------------------------

void SweepView::set_range_from_input(int a) {
    forget_refusals(a);  // what was refused for the axis's last input says nothing about this one
    const ScenarioInput* in = find_input(inputs_, axis_[a].pointer);
    if (!in) return;
    axis_[a].lo = in->sweep_lo, axis_[a].hi = in->sweep_hi;
    keep_whole_steps(a);
}

void SweepView::forget_refusals(int a) {
    for (const char* part : {":lo", ":hi", ":steps"}) fields_.forget("sweep:" + std::to_string(a) + part);
}

void SweepView::steps_field(int a) {
    const std::string key = "sweep:" + std::to_string(a) + ":steps";
    double steps = axis_[a].steps;
    auto commit = [this, a](const NumberEntry& e) -> std::string {
        const std::string allowed = "the points are one whole number from " + std::to_string(kMinSteps) + " to " + std::to_string(max_steps()) +
                                    (axis_[1].pointer.empty() ? "" : " a side with a second input");
        if (e.interval || e.lo != std::round(e.lo) || e.lo < kMinSteps || e.lo > max_steps()) return allowed;
        axis_[a].steps = static_cast<int>(e.lo);
        return {};
    };
    if (number_field(fields_, "steps", key, steps, NumberUnit::count, kMinSteps, max_steps(), ImGui::GetFontSize() * 3.5f, commit))
        axis_[a].steps = static_cast<int>(std::lround(steps));
    items().track(key);
    item_tooltip("Points along this input, its two ends included (" + std::to_string(kMinSteps) + " to " + std::to_string(max_steps()) +
                 "): drag, or click and type. (A link and the CLI call them steps: --param PATH=LO:HI:STEPS.)");
    ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("points");  // a count of grid points (5 points are 4 intervals), not of intervals
}

// A count of quarters (the engine rounds it, MODEL §13) is swept one quarter a step while both ends are
// whole: on opening, and when an end is typed ("4 q to 10 q" gives 7 steps, not 13 half-quarter ones).
// Ends that are not whole keep the steps as they are: nothing typed is rounded.
// Returns whether the steps are now one quarter each (a span beyond the step limit gets the most steps).
bool SweepView::keep_whole_steps(int a) {
    const ScenarioInput* in = find_input(inputs_, axis_[a].pointer);
    Axis& ax = axis_[a];
    if (!in || !in->whole_steps() || ax.lo != std::round(ax.lo) || ax.hi != std::round(ax.hi) || ax.lo == ax.hi) return false;
    const double quarters = std::min(std::fabs(ax.hi - ax.lo), static_cast<double>(max_steps()));
    ax.steps = std::clamp(static_cast<int>(quarters) + 1, kMinSteps, max_steps());
    return quarters + 1 <= max_steps();
}

// Which scenario the inputs were chosen for: the document loaded (a file or preset opened anew counts, even
// under the same name) and its name (undo may bring back another document).
std::string SweepView::scenario_key() const {
    return std::to_string(model_.documents_loaded()) + "|" + model_.scenario().name;
}

// The input that moves the metric most (the tornado's first bar) over its P5–P95; the first input when
// no uncertain input moves it.
void SweepView::open_on_strongest(const Scenario& s) {
    const Metric m = metric_or_cost(s, metric_);
    const Tornado t = tornado(s, m);
    std::size_t k = strongest_input(inputs_, t);
    const std::string label = metric_label(s, m).name;
    if (k < inputs_.size()) {
        open_note_ = "Opened on what drives " + label + " most (the first bar of its tornado), over " + inputs_[k].sweep_note + ".";
    } else {
        k = 0;
        open_note_ = "No uncertain input moves " + label + "; opened on the first input.";
    }
    users_input_ = false;
    if (inputs_.empty()) return;
    axis_[0].pointer = inputs_[k].pointer;
    axis_[0].steps = 24;
    set_range_from_input(0);
}

//-----------------------------------------------------------------------------
// [SECTION] The grid and the crossings
//-----------------------------------------------------------------------------

void SweepView::compute(const Scenario& s, bool with_crossings) {
    error_.clear();
    crossings_.clear();
    left_out_.clear();
    grid_ = SweepGrid{};
    deals_.clear(), metrics_.clear();
    const bool two = !axis_[1].pointer.empty();
    std::vector<const Scenario*> ss = {&s};
    names_ = {"current (" + model_.preset_label() + ")"};
    // Each deal's pointer of each swept input: a pinned deal's is matched by what the input is (ids, clause
    // names), since its clauses or providers may sit at other places (scenario_inputs.h same_input).
    std::vector<std::string> pointers[2] = {{axis_[0].pointer}, {axis_[1].pointer}};
    if (!two || regime_)
        for (const PinnedScenario& p : model_.pinned()) {
            std::string at[2];
            bool has = true;
            for (int a = 0; a < (two ? 2 : 1); ++a) has = has && !(at[a] = same_input(s, axis_[a].pointer, p.scenario)).empty();
            if (!has) {
                left_out_.push_back(p.label);
                continue;
            }
            ss.push_back(&p.scenario), names_.push_back(p.label);
            for (int a = 0; a < 2; ++a) pointers[a].push_back(at[a]);
        }
    std::vector<SweepAxis> axes;
    for (int a = 0; a < (two ? 2 : 1); ++a) {
        const ScenarioInput* in = find_input(inputs_, axis_[a].pointer);
        if (!in) return;
        auto axis = sweep_axis(ss, pointers[a], axis_[a].lo, axis_[a].hi, axis_[a].steps, in->quarters, error_);
        if (!axis) return;
        axes.push_back(*axis);
    }
    std::vector<Metric> metrics;
    for (const Scenario* sc : ss) metrics.push_back(metric_or_cost(*sc, metric_));
    grid_ = sweep(ss, metrics, axes);
    deals_ = ss, metrics_ = metrics;
    if (two || ss.size() < 2 || !with_crossings) return;
    // Every pair of deals, as the CLI's `sweep` and `breakeven` find them (sweep_crossings.h pair_crossings).
    const double lo = axes[0].values.front(), hi = axes[0].values.back();
    for (std::size_t i = 0; i < ss.size(); ++i)
        for (std::size_t j = i + 1; j < ss.size(); ++j) {
            // A is the pinned deal (the later of two pinned), B the current one, as in `breakeven PINNED CURRENT`.
            const std::size_t a = i == 0 ? j : i, b = i == 0 ? 0 : j;
            const PairCrossings pc = pair_crossings(*ss[a], metrics[a], *ss[b], metrics[b], axes[0].for_pair(a, b), lo, hi);
            if (pc.equal_throughout) {  // one line saying so
                BreakEven be;
                be.lo = lo, be.hi = hi, be.diff_lo = be.diff_hi = 0, be.metric_a = grid_.values[a].front(), be.metric_b = grid_.values[b].front();
                crossings_.push_back({static_cast<int>(a), static_cast<int>(b), be, true, {}, {}, true});
                continue;
            }
            if (pc.found.empty()) crossings_.push_back({static_cast<int>(a), static_cast<int>(b), pc.none, true, {}, {}});
            for (std::size_t k = 0; k < pc.found.size(); ++k) crossings_.push_back({static_cast<int>(a), static_cast<int>(b), pc.found[k], k == 0, {}, {}});
        }
    // After a pair's last crossing: when they cross more than once, the band between the first and the last is
    // where they trade places, and "below it … is better" holds only next to each crossing (crossings are
    // pushed pair by pair, so a pair's are contiguous).
    for (std::size_t k = 0; k < crossings_.size(); ++k) {
        const Crossing& c = crossings_[k];
        if (k + 1 == crossings_.size() || crossings_[k + 1].a != c.a || crossings_[k + 1].b != c.b)
            crossings_[k].band = band_text(k, metric_unit_ui(metrics[0]));
    }
}

// Each crossing in words, with which side is better by the metric's direction.
void SweepView::draw_crossings(const Metric& m) {
    const Scenario& s = model_.scenario();
    const MetricLabel l = metric_label(s, m);
    const ScenarioInput* in = find_input(inputs_, grid_.axes[0].pointer);
    const std::string what = in ? in->owner + " \xe2\x80\x94 " + in->field : grid_.axes[0].pointer;
    const Unit u = metric_unit_ui(m);
    ImGui::TextUnformatted("Break-evens");
    help_marker("Where two deals' curves cross: the first crossing in the range is pactscope breakeven PINNED CURRENT --param "
                "INPUT=LO:HI over this range (64 intervals scanned, then bisected; each deal moves its own copy of the input, "
                "wherever its list puts it); later ones are searched again from just past each crossing.");
    ImGui::SameLine();
    ImGui::TextDisabled("(%s)", l.direction_text.empty() ? "no better direction" : l.direction_text.c_str());
    for (std::size_t k = 0; k < crossings_.size(); ++k) {
        Crossing& c = crossings_[k];
        const std::string& na = names_[static_cast<std::size_t>(c.a)];
        const std::string& nb = names_[static_cast<std::size_t>(c.b)];
        auto better_when = [&](double a_minus_b) -> std::string {
            if (std::isnan(a_minus_b)) return "not comparable";
            if (a_minus_b == 0) return "they are equal";
            const bool a_higher = a_minus_b > 0;
            if (l.direction == kNoDirection) return (a_higher ? na : nb) + " is higher";
            return ((a_higher == (l.direction == kHigherIsBetter)) ? na : nb) + " is better";
        };
        // The sides of this crossing: the scan points just below and above it (break_even's diff_below and
        // diff_above), not the ends of the range, which further crossings may have turned back.
        auto sides = [&]() -> std::string {
            const bool below = !std::isnan(c.be.diff_below), above = !std::isnan(c.be.diff_above);
            if (below && above) return ": below it " + better_when(c.be.diff_below) + ", above it " + better_when(c.be.diff_above) + ".";
            if (above) return ": from there on " + better_when(c.be.diff_above) + ".";
            if (below) return ": below it " + better_when(c.be.diff_below) + ".";
            return ".";
        };
        if (c.equal_throughout) {
            c.text = na + " and " + nb + " are equal from " + input_value_text(*in, c.be.lo) + " to " + input_value_text(*in, c.be.hi) + " (" + l.name +
                     " " + format_value(c.be.metric_a, u) + " each at " + input_value_text(*in, c.be.lo) + "): no break-even, neither is better.";
        } else if (!c.be.found) {
            c.text = na + " and " + nb + " do not cross between " + input_value_text(*in, c.be.lo) + " and " + input_value_text(*in, c.be.hi) +
                     ": " + better_when(c.be.diff_lo) + " over the whole range.";
        } else if (c.be.jump) {
            c.text = std::string(c.first ? "" : "Further: ") + na + " and " + nb + ": the difference jumps across zero at " + what + " = " +
                     input_value_text(*in, c.be.value) + " (the metric steps there rather than crossing smoothly)" + sides();
        } else {
            c.text = std::string(c.first ? "" : "Further: ") + na + " and " + nb + " are equal at " + what + " = " + input_value_text(*in, c.be.value) +
                     " (" + l.name + " " + format_value(c.be.metric_a, u) + " each)" + sides();
        }
        ImGui::Bullet();
        wrapped_text(c.text);
        items().track("crossing:" + std::to_string(k));
        if (!c.band.empty()) {  // after a pair's last crossing (compute: band_text)
            ImGui::Indent();
            wrapped_text(c.band, true);
            ImGui::Unindent();
            items().track("crossing_band:" + std::to_string(k));
        }
    }
}

// The band where the pair of crossing `last` (its last crossing) trades places, in words; "" with one crossing.
std::string SweepView::band_text(std::size_t last, Unit u) const {
    const Crossing& c = crossings_[last];
    std::size_t first = last, n = 0;
    for (std::size_t k = 0; k <= last; ++k)
        if (crossings_[k].a == c.a && crossings_[k].b == c.b && crossings_[k].be.found) first = std::min(first, k), ++n;
    if (n < 2) return {};
    const double lo = crossings_[first].be.value, hi = c.be.value;
    double widest = 0, scale = 0;  // the largest |a − b| inside the band, and the largest |metric| there
    for (std::size_t k = first; k <= last; ++k) {  // the scan points inside the band: above the first, below the last
        const Crossing& x = crossings_[k];
        if (x.a != c.a || x.b != c.b) continue;
        if (k > first && std::isfinite(x.be.diff_below)) widest = std::max(widest, std::fabs(x.be.diff_below));
        if (k < last && std::isfinite(x.be.diff_above)) widest = std::max(widest, std::fabs(x.be.diff_above));
    }
    const std::vector<double>& xs = grid_.axes[0].values;
    const std::vector<double>& va = grid_.values[static_cast<std::size_t>(c.a)];
    const std::vector<double>& vb = grid_.values[static_cast<std::size_t>(c.b)];
    for (std::size_t i = 0; i < xs.size() && i < va.size() && i < vb.size(); ++i) {
        if (xs[i] < lo || xs[i] > hi || !std::isfinite(va[i]) || !std::isfinite(vb[i])) continue;
        widest = std::max(widest, std::fabs(va[i] - vb[i]));
        scale = std::max({scale, std::fabs(va[i]), std::fabs(vb[i])});
    }
    scale = std::max({scale, std::fabs(c.be.metric_a), std::fabs(crossings_[first].be.metric_a)});
    const ScenarioInput* in = find_input(inputs_, grid_.axes[0].pointer);
    if (!in) return {};
    // How close they stay says how to read the band: within 5% of the metric the crossings are a near-tie that
    // small changes of the input flip; further apart they are real changes of which deal is better.
    const double ratio = scale > 0 ? widest / scale : 0;
    const std::string share = scale > 0 ? " (" + probability_text(ratio) + " of the metric)" : std::string();
    return "Between " + input_value_text(*in, lo) + " and " + input_value_text(*in, hi) + " the two deals trade places " + std::to_string(n) +
           (n >= static_cast<std::size_t>(kMaxCrossingsPerPair) ? " times or more" : " times") + "; their difference there stays within " + format_value(widest, u) + share +
           (ratio < 0.05 ? ": read them as tied there, which is better flipping with small changes of the input." : ".");
}

//-----------------------------------------------------------------------------
// [SECTION] Drawing and the test hook
//-----------------------------------------------------------------------------

void SweepView::refresh_inputs() {
    if (inputs_revision_ != model_.revision()) inputs_ = scenario_inputs(model_.scenario()), inputs_revision_ = model_.revision();
}

std::string SweepView::compute_key() const {
    std::string key = std::to_string(model_.revision()) + "|" + std::to_string(model_.pinned_revision()) + "|" + metric_ + "|" +
                      std::to_string(regime_);
    for (const Axis& ax : axis_) key += "|" + ax.pointer + "|" + std::to_string(ax.lo) + "|" + std::to_string(ax.hi) + "|" + std::to_string(ax.steps);
    return key;
}

std::string SweepView::csv() {
    refresh_inputs();
    if (opened_for_.empty() || !find_input(inputs_, axis_[0].pointer)) return {};  // the tab has not chosen an input yet
    const std::string key = compute_key();
    if (key != computed_for_) {
        computed_for_ = key, computed_held_for_.clear();
        compute(model_.scenario(), true);
    }
    if (!error_.empty() || grid_.axes.empty()) return {};
    const std::vector<SweepCrossing> crossings = sweep_crossings(deals_, metrics_, grid_);
    // Named as exports name them: an edited deal told apart from its original (AppModel::export_names).
    std::vector<Scenario> copies;
    for (const Scenario* d : deals_) copies.push_back(model_.named_for_export(*d));
    std::vector<const Scenario*> named;
    for (const Scenario& c : copies) named.push_back(&c);
    std::vector<std::string> not_drawn;  // pinned deals without the input, by their export names
    for (const PinnedScenario& p : model_.pinned())
        if (std::find(left_out_.begin(), left_out_.end(), p.label) != left_out_.end()) not_drawn.push_back(model_.export_name_of(p.scenario));
    return sweep_to_csv(named, metric_, grid_, crossings, not_drawn);
}

void SweepView::draw() {
    const Scenario& s = model_.scenario();
    refresh_inputs();
    if (inputs_.empty()) return;
    const float em = ImGui::GetFontSize();
    ImGui::TextUnformatted("Metric");
    ImGui::SameLine();
    metric_picker("sweep", s, metric_, em * 18);
    ImGui::SameLine();
    if (ImGui::Button(PS_ICON_DOWNLOAD "  Download table (CSV)")) download_requested_ = true;
    items().track("sweep:csv");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("The grid and its break-evens as CSV: the same table as pactscope sweep CURRENT PINNED... --param INPUT=LO:HI:STEPS "
                          "--metric METRIC --format csv, with rows saying where each deal holds the input when the places differ");
    // Another scenario, or a new metric while the input is the view's own choice: open on what drives the
    // metric most. An input and range the user chose stay for a new metric (the same scenario, so the same
    // input at the same pointer); a new scenario may hold another clause at that pointer.
    const std::string opened_for = metric_ + "|" + scenario_key();
    if (opened_for != opened_for_ || !find_input(inputs_, axis_[0].pointer)) {
        const bool same_scenario = opened_for_.ends_with("|" + scenario_key());
        opened_for_ = opened_for;
        if (!(same_scenario && users_input_ && find_input(inputs_, axis_[0].pointer))) open_on_strongest(s);
    }
    if (!axis_[1].pointer.empty() && !find_input(inputs_, axis_[1].pointer)) axis_[1].pointer.clear();
    for (int a = 0; a < 2; ++a) {
        ImGui::PushID(a);
        ImGui::TextUnformatted(a == 0 ? "Input (x)" : "Second input (y)");
        ImGui::SameLine(em * 7.5f);
        // The picker takes the line (its names are long: "reservation on oci-stargate — price per H100e-hour");
        // the range and the steps go on the next one, under it, so nothing runs off a narrow window.
        const float picker_w = std::max(em * 16, std::min(em * 40, ImGui::GetContentRegionAvail().x));
        if (input_picker(a == 0 ? "sweep_x" : "sweep_y", inputs_, axis_[a].pointer, search_[a], picker_w, a == 1)) {
            set_range_from_input(a);
            // A grid: fewer steps a side, so the heatmap's labels stay readable (counts of quarters keep whole ones).
            if (a == 1) axis_[1].steps = 8, axis_[0].steps = std::min(axis_[0].steps, 12), keep_whole_steps(0), keep_whole_steps(1);
            if (a == 0) open_note_ = "Chosen by you, over " + find_input(inputs_, axis_[0].pointer)->sweep_note + ".", users_input_ = true;
        }
        const ScenarioInput* in = find_input(inputs_, axis_[a].pointer);
        if (in) {
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() + em * 7.5f);
            if (in->quarters) {
                ImGui::AlignTextToFramePadding();
                ImGui::Text("from %s to %s", input_value_text(*in, axis_[a].lo).c_str(), input_value_text(*in, axis_[a].hi).c_str());
            } else {
                // The range's ends in the input's own unit and number forms; "a to b" in either sets both.
                for (int end = 0; end < 2; ++end) {
                    double& v = end ? axis_[a].hi : axis_[a].lo;
                    auto commit = [this, a, end](const NumberEntry& e) -> std::string {
                        // A range runs from a lower end to a higher one: a reversed or empty one is refused
                        // in the field's terms, and the range stays.
                        double lo = axis_[a].lo, hi = axis_[a].hi;
                        if (e.interval) lo = e.lo, hi = e.hi;
                        else (end ? hi : lo) = e.lo;
                        if (e.interval && !(lo < hi)) return "the range's lower end must be below its upper end";
                        if (!(lo < hi)) {
                            const ScenarioInput* now = find_input(inputs_, axis_[a].pointer);  // looked up now: the list may be rebuilt
                            const std::string other = now ? input_value_text(*now, end ? lo : hi) : std::string();
                            return end ? "the upper end must be above the lower end, " + other : "the lower end must be below the upper end, " + other;
                        }
                        axis_[a].lo = lo, axis_[a].hi = hi;
                        const bool whole = keep_whole_steps(a);
                        // The note said where the range came from; now it is the one typed.
                        if (a == 0) open_note_ = std::string("Range typed by you") + (whole ? ", one quarter a step." : "."), users_input_ = true;
                        return {};
                    };
                    ImGui::AlignTextToFramePadding();
                    ImGui::TextUnformatted(end ? "to" : "from");
                    ImGui::SameLine();
                    const std::string key = "sweep:" + std::to_string(a) + (end ? ":hi" : ":lo");
                    // A drag stops short of the other end, as typing does (a range runs from a lower end to a higher one).
                    const double drag_lo = end ? std::nextafter(axis_[a].lo, DBL_MAX) : -DBL_MAX;
                    const double drag_hi = end ? DBL_MAX : std::nextafter(axis_[a].hi, -DBL_MAX);
                    number_field(fields_, end ? "hi" : "lo", key, v, in->number_unit, drag_lo, drag_hi, em * 7, commit);
                    items().track(key);
                    ImGui::SameLine();
                }
            }
            ImGui::SameLine(0, em);
            steps_field(a);
            // What was typed and not taken, under the row (the field keeps its value and a red frame).
            for (const char* part : {":lo", ":hi", ":steps"}) refusal_note(fields_, "sweep:" + std::to_string(a) + part);
        }
        ImGui::PopID();
    }
    if (!open_note_.empty()) ImGui::TextDisabled("%s", open_note_.c_str());
    if (!axis_[1].pointer.empty()) {
        ImGui::BeginDisabled(model_.pinned().empty());
        ImGui::Checkbox("regime map (best of current + pinned)", &regime_);
        ImGui::EndDisabled();
    }
    // Recompute when anything it depends on changed.
    const std::string key = compute_key();
    // While a field or slider is held (a drag re-evaluates every frame) the grid follows and the
    // break-evens, a few hundred runs each, wait for the release.
    const bool held = ImGui::IsAnyItemActive();
    if (key != computed_for_ && (!held || key + "|held" != computed_held_for_)) {
        computed_for_ = held ? std::string() : key;
        computed_held_for_ = held ? key + "|held" : std::string();
        compute(s, !held);
    }
    if (!error_.empty()) {
        ImGui::TextColored(ImVec4(1, 0.5f, 0.45f, 1), "%s", error_.c_str());
        return;
    }
    if (!left_out_.empty()) {
        std::string list;
        for (const std::string& n : left_out_) list += (list.empty() ? "" : ", ") + n;
        ImGui::TextColored(ImVec4(0.95f, 0.75f, 0.35f, 1), "Not drawn (they have no such input): %s", list.c_str());
    }
    const SweepGrid& g = grid_;
    if (g.axes.empty()) return;
    const Metric m = metric_or_cost(s, metric_);
    const MetricLabel ml = metric_label(s, m);
    const Unit u = metric_unit_ui(m);
    auto axis_title = [&](int a) {
        const ScenarioInput* in = find_input(inputs_, g.axes[static_cast<std::size_t>(a)].pointer);
        return in ? in->owner + " \xe2\x80\x94 " + in->field : g.axes[static_cast<std::size_t>(a)].pointer;
    };
    auto labels = [&](int a) {
        std::vector<std::string> out;
        const ScenarioInput* in = find_input(inputs_, g.axes[static_cast<std::size_t>(a)].pointer);
        for (double v : g.axes[static_cast<std::size_t>(a)].values) out.push_back(in ? input_value_text(*in, v) : std::to_string(v));
        return out;
    };
    const std::vector<std::string> xs = labels(0);
    if (g.axes.size() == 2) {
        const bool regime = regime_ && g.values.size() > 1;
        charts::heatmap("sweep", (regime ? std::string("Best deal") : ml.name) + " over " + axis_title(0) + " and " + axis_title(1),
                        {xs, u, axis_title(0), axis_title(1)}, labels(1), g.values[0], regime ? &g.best : nullptr, regime ? &names_ : nullptr,
                        ImVec2(0, ImGui::GetContentRegionAvail().y - 10));
        return;
    }
    const float chart_h = std::max(260.0f, ImGui::GetContentRegionAvail().y - (crossings_.empty() ? 10 : ImGui::GetTextLineHeightWithSpacing() * static_cast<float>(3 + crossings_.size() * 2)));
    // The chart's title names the input's owner; its axis, the field alone, so the tick labels keep the room.
    const ScenarioInput* x_in = find_input(inputs_, g.axes[0].pointer);
    const std::string x_title = x_in ? x_in->field : axis_title(0);
    // The exact values for the chart's data, except quarter dates (absolute quarter numbers): their labels are exact.
    charts::Axes axes{xs, u, x_title, ml.unit, false, true, {}, x_in && x_in->quarters ? std::vector<double>{} : g.axes[0].values, axis_title(0)};
    // A continuous input reads at round values ($1.6, $1.8, $2/H100e-h), placed between the grid's points; whole
    // steps (quarters) keep each point's own label.
    const double x_lo = g.axes[0].values.front(), x_hi = g.axes[0].values.back();
    if (x_in && !x_in->whole_steps() && x_hi > x_lo && g.axes[0].values.size() > 1) {
        std::vector<double> inside;
        for (double t : nice_ticks(x_lo, x_hi, 5))
            if (t >= x_lo - 1e-9 * (x_hi - x_lo) && t <= x_hi + 1e-9 * (x_hi - x_lo)) inside.push_back(t);
        const std::vector<std::string> texts = format_number_ticks(inside, x_in->number_unit);  // $1.0 beside $1.1
        for (std::size_t k = 0; k < inside.size(); ++k)
            axes.x_marks.push_back({(inside[k] - x_lo) / (x_hi - x_lo) * static_cast<double>(g.axes[0].values.size() - 1), texts[k]});
    }
    if (charts::begin("sweep1", ml.name + " over " + axis_title(0), axes, ImVec2(0, chart_h))) {
        for (std::size_t k = 0; k < g.values.size(); ++k)
            charts::line(names_[k], g.values[k].data(), static_cast<int>(g.values[k].size()), charts::palette(static_cast<int>(k)));
        const double lo = g.axes[0].values.front(), hi = g.axes[0].values.back();
        for (const Crossing& c : crossings_)
            if (c.be.found && hi > lo)
                charts::marker(x_in ? input_value_text(*x_in, c.be.value) : std::to_string(c.be.value),
                               (c.be.value - lo) / (hi - lo) * static_cast<double>(g.axes[0].values.size() - 1), charts::palette(c.a));
        charts::end();
    }
    if (!crossings_.empty()) draw_crossings(m);
    else if (model_.pinned().empty()) ImGui::TextDisabled("Pin a deal in the Compare tab to see where it breaks even with this one.");
}

nlohmann::json SweepView::to_json() const {
    const Scenario& s = model_.scenario();
    const Metric m = metric_or_cost(s, metric_);
    const MetricLabel l = metric_label(s, m);
    const ScenarioInput* in = find_input(inputs_, axis_[0].pointer);
    nlohmann::json series_inputs = nlohmann::json::array();  // the swept input's pointer in each series' deal
    if (!grid_.axes.empty())
        for (std::size_t k = 0; k < names_.size(); ++k) series_inputs.push_back(grid_.axes[0].pointer_in(k));
    nlohmann::json crossings = nlohmann::json::array();
    for (const Crossing& c : crossings_)
        crossings.push_back({{"a", names_[static_cast<std::size_t>(c.a)]}, {"b", names_[static_cast<std::size_t>(c.b)]}, {"found", c.be.found},
                             {"value", c.be.found ? nlohmann::json(c.be.value) : nlohmann::json(nullptr)}, {"jump", c.be.jump}, {"first", c.first},
                             {"text", c.text}, {"band", c.band}});
    return {{"metric", l.key}, {"metric_label", l.name}, {"direction", l.direction_text}, {"input", axis_[0].pointer},
            {"input_name", in ? in->name : ""}, {"lo", axis_[0].lo}, {"hi", axis_[0].hi}, {"steps", axis_[0].steps},
            {"second_input", axis_[1].pointer}, {"series", names_}, {"series_inputs", series_inputs}, {"crossings", crossings}, {"opened", open_note_},
            {"search", {{"query", search_[0].query}, {"matches", search_[0].matches}}}};
}

nlohmann::json SweepView::settings() const {
    auto axis = [](const Axis& x) -> nlohmann::json {
        if (x.pointer.empty()) return nullptr;
        return {{"input", x.pointer}, {"lo", x.lo}, {"hi", x.hi}, {"steps", x.steps}};
    };
    return {{"metric", metric_}, {"x", axis(axis_[0])}, {"y", axis(axis_[1])}};
}

void SweepView::apply(const nlohmann::json& j) {
    if (!j.is_object()) return;
    std::string limited;  // a link's steps beyond the limit: said, not silently changed
    // Reads an axis with at most `most` steps; false when the link's axis is not one the sweep can take.
    auto read_axis = [&](const nlohmann::json& a, const char* which, int most, Axis& x) {
        if (!a.is_object() || !a.contains("input") || !a["input"].is_string()) return false;
        Axis next;
        next.pointer = a["input"].get<std::string>();
        if (a.contains("lo") && a["lo"].is_number()) next.lo = a["lo"].get<double>();
        if (a.contains("hi") && a["hi"].is_number()) next.hi = a["hi"].get<double>();
        if (!(next.lo < next.hi)) return false;  // a range the sweep would refuse
        if (a.contains("steps") && a["steps"].is_number_integer()) {
            const auto asked = a["steps"].get<std::int64_t>();
            next.steps = static_cast<int>(std::clamp<std::int64_t>(asked, kMinSteps, most));
            if (next.steps != asked)
                limited += std::string(" Its ") + which + " input's " + std::to_string(asked) + " steps are " + std::to_string(next.steps) +
                           " here (" + std::to_string(kMinSteps) + " to " + std::to_string(most) + (most == kMaxSteps ? " for one input)." : " a side for a grid).");
        }
        x = next;
        return true;
    };
    if (j.contains("metric") && j["metric"].is_string()) metric_ = j["metric"].get<std::string>();
    // The second input first: with one, the sweep is a grid and takes fewer steps a side.
    Axis y;
    const bool grid = j.contains("y") && read_axis(j["y"], "y", kMaxGridSteps, y);
    if (j.contains("x") && read_axis(j["x"], "x", grid ? kMaxGridSteps : kMaxSteps, axis_[0])) {
        axis_[1] = grid ? y : Axis{};
        // Keep the link's input: the view reopens on the strongest input only for another scenario (users_input_).
        opened_for_ = metric_ + "|" + scenario_key();
        open_note_ = "As the link had it." + limited;
        users_input_ = true;
        forget_refusals(0), forget_refusals(1);
    } else {
        axis_[1] = Axis{};
    }
    computed_for_.clear();  // recompute
}

}  // namespace pactscope::ui
