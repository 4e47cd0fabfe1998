// app.cpp — frame loop, menu, KPI cards and the test hook.
//
// [SECTION] Frame and Monte Carlo slices
// [SECTION] Test hook and shell
// [SECTION] Menu and KPI cards
#include "app.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "io/analysis_io.h"
#include "capture.h"
#include "chart_export.h"
#include "fonts.h"
#include "format.h"
#include "imgui.h"
#include "imgui_internal.h"  // the live text of the field being typed in (state().typing)
#include "io/explanation_io.h"
#include "io/presets.h"
#include "io/report.h"
#include "io/result_io.h"
#include "io/scenario_io.h"
#include "io/share_link.h"
#include "widgets.h"

namespace pactscope::ui {

using nlohmann::json;

namespace {
// Monte Carlo time per frame: half the last frame interval, within [10, 40] ms. With a GPU at 60 Hz
// that is 10 ms; where drawing itself is slow (software WebGL) the trials get a fair share instead
// of starving, and the UI still draws every frame.
constexpr double kMonteCarloMinMs = 10, kMonteCarloMaxMs = 40;
constexpr std::int64_t kSlice = 16;          // trials between clock checks
constexpr double kSummaryEveryMs = 250;      // partial percentiles refresh while running
// Summary work at the start of a frame (SummaryBuilder): pieces until this has passed; the page does the rest
// in tasks of its own between frames (summary_work_due), so no frame stalls on the percentiles.
constexpr double kSummaryBudgetMs = 4;

double median_of(std::vector<float> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}
}  // namespace

App::App(std::function<double()> now_ms) : now_ms_(std::move(now_ms)) { history_.reset(model_.snapshot(), model_.doc_revision()); }

//-----------------------------------------------------------------------------
// [SECTION] Frame and Monte Carlo slices
//-----------------------------------------------------------------------------

void App::frame() {
    const double t0 = now_ms_();
    // The summary first: the workers' blocks may have arrived since the last frame (web_workers.h), and what
    // this frame draws is the summary as far as it got.
    summarize_monte_carlo(t0, kSummaryBudgetMs);
    const double t1 = now_ms_();
    captures_begin_frame(frames_);
    build();
    const double t2 = now_ms_();
    advance_monte_carlo(t2);
    const double t3 = now_ms_();
    ui_ms_.push_back(static_cast<float>(t2 - t1));
    mc_ms_.push_back(static_cast<float>((t1 - t0) + (t3 - t2)));
    if (ui_ms_.size() > 600) ui_ms_.erase(ui_ms_.begin(), ui_ms_.begin() + 300), mc_ms_.erase(mc_ms_.begin(), mc_ms_.begin() + 300);
    ++frames_;
}

void App::input_frame() { build(); }

void App::build() {
    // The charts this build records show the deal as it is now; an edit applied while building (typed numbers are
    // applied at the end) makes them older than the model, and chart_export says so until the next build.
    const std::uint64_t revision = model_.revision(), pinned = model_.pinned_revision();
    ui::items().begin_frame();
    handle_shortcuts();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::Begin("PactScope", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoSavedSettings);
    const float left = std::clamp(ImGui::GetContentRegionAvail().x * 0.38f, 360.0f, 620.0f);
    ImGui::BeginChild("scenario", ImVec2(left, 0), true);
    ImGui::PushItemWidth(-ImGui::GetFontSize() * 9);  // fields leave room for their labels
    scenario_.draw();
    ImGui::PopItemWidth();
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("results", ImVec2(0, 0), false);
    results_.draw();
    if (results_.sweep().take_download_request()) page_request_ = "download-sweep";
    ImGui::EndChild();
    ImGui::End();
    scenario_.end_frame();  // typed numbers that were left this frame are read and applied
    results_.end_frame();
    ui::items().end_frame();
    // One undo step per completed edit: the document settles when no widget is held (history.h).
    if (!ImGui::IsAnyItemActive()) history_.settle(model_.snapshot(), model_.doc_revision(), model_.valid());
    charts_revision_ = {revision, pinned};
}

bool App::summary_work_due(double now) const {
    if (model_.summarizing() || results_.comparison_work_due()) return true;
    return !model_.summary_current() && (model_.sim().done() || now - last_summary_ms_ >= kSummaryEveryMs);
}

bool App::summarize_monte_carlo(double start, double budget_ms) {
    if (model_.revision() != mc_revision_) {  // an edit restarted the run: its time counts from this frame
        mc_revision_ = model_.revision();
        mc_started_ms_ = start;
        mc_finished_ms_ = -1;
    }
    // A refresh begins when the summary on screen is behind the trials done: at once for a finished run (a
    // partial being built would be stale when complete), else every kSummaryEveryMs while trials arrive.
    const Simulation& sim = model_.sim();
    if (!model_.summary_current()) {
        const bool final = sim.done() && model_.summarizing_trials() != sim.trials_done();
        if (final || (!model_.summarizing() && start - last_summary_ms_ >= kSummaryEveryMs)) {
            model_.begin_summary();
            last_summary_ms_ = start;
        }
    }
    const bool was_summarizing = model_.summarizing();
    while (model_.summarizing() && now_ms_() - start < budget_ms) model_.advance_summary(1);
    // The run is over for its user once its last trials' percentiles are on screen.
    if (mc_finished_ms_ < 0 && sim.done() && model_.summary_current()) mc_finished_ms_ = now_ms_();
    const bool summary_landed = was_summarizing && !model_.summarizing();
    // Then the Compare tab's comparison, with what is left of the budget.
    return results_.advance_comparison(now_ms_, start, budget_ms) || summary_landed;
}

void App::advance_monte_carlo(double start) {
    const double interval = last_frame_start_ms_ > 0 ? start - last_frame_start_ms_ : 16.7;
    last_frame_start_ms_ = start;
    const double budget = std::clamp(0.5 * interval, kMonteCarloMinMs, kMonteCarloMaxMs);
    if (model_.trials_at() == AppModel::TrialsAt::here)  // else the page's workers run them (model.h)
        while (model_.monte_carlo_running() && now_ms_() - start < budget) model_.step_monte_carlo(kSlice);
}

std::vector<App::UnfinishedRun> App::unfinished_runs() const {
    std::vector<UnfinishedRun> runs;
    for (const Simulation* s : model_.unfinished_runs()) runs.push_back({s, false});
    for (const Simulation* s : results_.story().unfinished_runs()) runs.push_back({s, true});
    return runs;
}

bool App::accept_block(std::uint64_t run_id, std::int64_t lo, std::int64_t hi, const double* columns, const float* bands) {
    return model_.accept_block(run_id, lo, hi, columns, bands) || results_.story().accept_block(run_id, lo, hi, columns, bands);
}

//-----------------------------------------------------------------------------
// [SECTION] Test hook and shell
//-----------------------------------------------------------------------------

json App::state() {
    json o;
    const Scenario& s = model_.scenario();
    o["scenario"] = json::parse(scenario_to_json(s).dump());
    o["result"] = json::parse(result_to_json(s, model_.result()).dump());
    const McSummary m = model_.sim().summary();
    o["mc"] = {{"trials_done", model_.sim().trials_done()},
               {"trials", model_.sim().trials()},
               {"seed", model_.sim().seed()},
               {"totals", json::parse(summary_to_json(s, m).dump())["totals"]}};
    o["preset"] = model_.preset_id();
    o["tab"] = results_.tab_name();
    json pinned = json::array();
    for (const PinnedScenario& p : model_.pinned())
        pinned.push_back({{"label", p.label}, {"trials_done", p.sim.trials_done()}, {"trials", p.sim.trials()}});
    o["pinned"] = pinned;
    json issues = json::array();
    for (const Issue& i : model_.issues()) issues.push_back({{"pointer", i.pointer}, {"message", i.message}});
    o["issues"] = issues;
    o["load_errors"] = scenario_.load_errors();
    o["history"] = {{"undo", history_.undo_steps()}, {"redo", history_.redo_steps()}, {"pending", history_.pending(model_.doc_revision())}};
    o["valid"] = model_.valid();
    o["typing"] = typing_text();
    o["preset_label"] = model_.preset_label();
    json refused = json::array();
    for (const auto& [key, r] : scenario_.fields().refusals()) refused.push_back({{"field", key}, {"text", r.text}, {"message", r.message}});
    o["refused"] = refused;
    return o;
}

// The text in the field being typed in (any InputText), or null: what has arrived so far.
json App::typing_text() {
    ImGuiContext* g = ImGui::GetCurrentContext();
    if (!g || g->ActiveId == 0 || g->InputTextState.ID != g->ActiveId) return nullptr;
    const ImGuiInputTextState& t = g->InputTextState;
    std::string text(static_cast<std::size_t>(t.CurLenW) * 4 + 1, '\0');
    const int n = ImTextStrToUtf8(text.data(), static_cast<int>(text.size()), t.TextW.Data, t.TextW.Data + t.CurLenW);
    text.resize(static_cast<std::size_t>(n));
    return text;
}

json App::load(const std::string& text, const std::string& source) {
    // An analysis (a share link or file with pinned deals and the open tab) or a plain scenario.
    const json envelope = json::parse(text, nullptr, false);
    if (is_analysis(envelope)) return load_analysis(envelope, source);
    Issues problems;
    const bool ok = model_.load_text(text, problems);
    json errors = json::array();
    for (const Issue& i : problems) errors.push_back({{"pointer", i.pointer}, {"message", i.message}, {"text", format_issue(source, i)}});
    std::string listed;
    for (const Issue& i : problems) listed += format_issue(source, i) + "\n";
    scenario_.show_load_errors(listed);
    if (ok) scenario_.forget_edits();
    return json{{"ok", ok}, {"errors", errors}};
}

json App::load_analysis(const json& envelope, const std::string& source) {
    const auto scenario = envelope.find("scenario");
    if (scenario == envelope.end() || !scenario->is_object()) {
        const std::string message = kAnalysisNeedsScenario;
        scenario_.show_load_errors(source + ": /scenario: " + message + "\n");
        return json{{"ok", false}, {"errors", json::array({{{"pointer", "/scenario"}, {"message", message}, {"text", source + ": /scenario: " + message}}})}};
    }
    json r = load(scenario->dump(), source);
    if (!r["ok"].get<bool>()) return r;
    // The pinned deals replace the current ones, in order; each is validated like a file.
    model_.unpin_all();
    // Anything of the wrong type (from a hostile link) counts as absent, never as an exception.
    const json pinned = envelope.contains("pinned") && envelope["pinned"].is_array() ? envelope["pinned"] : json::array();
    for (std::size_t k = 0; k < pinned.size() && k < AppModel::kMaxPinned; ++k) {
        const json& p = pinned[k];
        const std::string pointer = "/pinned/" + std::to_string(k) + "/scenario";
        LoadedScenario ls = load_scenario(p.is_object() && p.contains("scenario") ? p["scenario"].dump() : std::string("null"));
        if (!ls.scenario) {
            const std::string message = ls.issues.empty() ? "not a valid scenario" : ls.issues.front().pointer + ": " + ls.issues.front().message;
            r["errors"].push_back({{"pointer", pointer}, {"message", message}, {"text", source + ": " + pointer + ": " + message}});
            continue;
        }
        const bool labelled = p.contains("label") && p["label"].is_string();
        model_.pin_scenario(labelled ? p["label"].get<std::string>() : ls.scenario->name, *ls.scenario);
    }
    const std::string tab = envelope.contains("tab") && envelope["tab"].is_string() ? envelope["tab"].get<std::string>() : std::string();
    for (int i = 0; i < kResultTabCount; ++i)
        if (tab == kResultTabs[i]) results_.request_tab(i);
    if (envelope.contains("sweep")) results_.sweep().apply(envelope["sweep"]);
    return r;
}

std::string App::analysis_text() const {
    std::string out = std::string("{\"schema\":\"") + kAnalysisSchema + "\",\"scenario\":" + scenario_to_json(model_.scenario()).dump() + ",\"pinned\":[";
    for (std::size_t k = 0; k < model_.pinned().size(); ++k) {
        const PinnedScenario& p = model_.pinned()[k];
        out += (k ? ",{\"label\":" : "{\"label\":") + json(p.label).dump() + ",\"scenario\":" + scenario_to_json(p.scenario).dump() + "}";
    }
    return out + "],\"tab\":" + json(results_.tab_name()).dump() + ",\"sweep\":" + results_.sweep().settings().dump() + "}";
}

json App::open_link(const std::string& link) {
    const DecodedLink d = decode_share_link(link);
    if (d.error.empty()) return load(d.json, "share link");
    scenario_.show_load_errors("share link: " + d.error + "\n");
    return json{{"ok", false}, {"errors", json::array({{{"pointer", ""}, {"message", d.error}, {"text", "share link: " + d.error}}})}};
}

json App::restore_session(const std::string& text, const std::string& preset) {
    json r = load(text, "autosave");
    if (model_.preset_id().empty() && find_preset(preset)) model_.restore({model_.doc(), preset});
    history_.reset(model_.snapshot(), model_.doc_revision());
    return r;
}

bool App::undo() { return travel(&History::undo); }
bool App::redo() { return travel(&History::redo); }

bool App::travel(std::optional<Snapshot> (History::*step)()) {
    // A held widget (a slider mid-drag) finishes its edit first; then that edit is the one undone.
    if (ImGui::GetCurrentContext() && ImGui::IsAnyItemActive()) return false;
    history_.settle(model_.snapshot(), model_.doc_revision(), model_.valid());
    if (step == &History::undo && history_.pending(model_.doc_revision())) {
        // An invalid edit is pending (never recorded): undo drops it, back to the last valid state.
        model_.restore(history_.settled());
        history_.restored(model_.doc_revision());
        scenario_.show_load_errors("");
        scenario_.forget_edits();
        return true;
    }
    const std::optional<Snapshot> s = (history_.*step)();
    if (!s) return false;
    model_.restore(*s);
    history_.restored(model_.doc_revision());
    scenario_.show_load_errors("");
    scenario_.forget_edits();
    return true;
}

std::string App::export_file(const std::string& kind, std::string& file_name) {
    // File names: the scenario's name as a slug, so downloads of several scenarios stay apart.
    std::string slug;
    for (char c : model_.scenario().name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (keep) slug += c;
        else if (c >= 'A' && c <= 'Z') slug += static_cast<char>(c - 'A' + 'a');
        else if (!slug.empty() && slug.back() != '-') slug += '-';
        if (slug.size() >= 48) break;
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "scenario";
    const Scenario& s = model_.scenario();
    if (kind == "scenario.json") {
        file_name = slug + ".json";
        return model_.scenario_text();
    }
    if (kind == "share.json") {  // the scenario alone, or with the pinned deals and the open tab (an analysis)
        file_name = slug + (model_.pinned().empty() ? ".json" : "-analysis.json");
        return model_.pinned().empty() && results_.tab() == 0 ? scenario_to_json(s).dump() : analysis_text();
    }
    if (kind == "results.csv") {
        file_name = slug + "-results.csv";
        return result_to_csv(s, model_.result());
    }
    // The deals as exports name them (AppModel::export_names: "(edited)" beside a deal of the same name).
    const Scenario named = model_.named_for_export(s);
    std::vector<Scenario> named_pinned;
    for (const PinnedScenario& p : model_.pinned()) named_pinned.push_back(model_.named_for_export(p.scenario));
    if (kind == "compare.csv" || kind == "what-changed.csv") {  // the current deal against the pinned ones
        if (model_.pinned().empty()) return {};
        std::vector<const Scenario*> deals = {&named};
        for (const Scenario& p : named_pinned) deals.push_back(&p);
        if (kind == "what-changed.csv") {  // the waterfall on screen: its metric, from the current deal to its pinned one
            file_name = slug + "-what-changed.csv";
            return results_.explain().csv();
        }
        std::vector<const Simulation*> runs = {&model_.sim()};
        for (const PinnedScenario& p : model_.pinned()) runs.push_back(&p.sim);
        file_name = slug + "-compare.csv";
        return comparison_to_csv(deals, compare(runs));  // as `pactscope compare --format csv`
    }
    if (kind == "sweep.csv") {  // as `pactscope sweep … --format csv` over the tab's inputs and ranges
        file_name = slug + "-sweep.csv";
        return results_.sweep().csv();
    }
    if (kind == "report.html") {  // io/report.h: the same bytes as `pactscope report` with these trials and seed
        file_name = slug + "-report.html";
        const Simulation& sim = model_.sim();
        // The runs on screen when every one is finished with the same trials and seed (the report pairs
        // them); otherwise the report runs its own, as the CLI does. Either way the same numbers.
        bool reuse = sim.trials_done() == sim.trials();
        for (const PinnedScenario& p : model_.pinned())
            reuse = reuse && p.sim.trials() == sim.trials() && p.sim.seed() == sim.seed() && p.sim.trials_done() == p.sim.trials();
        if (reuse) {
            ReportInput in;
            in.deals.push_back({&named, &model_.result(), &sim});
            for (std::size_t k = 0; k < named_pinned.size(); ++k)
                in.deals.push_back({&named_pinned[k], &model_.pinned()[k].result, &model_.pinned()[k].sim});
            if (!model_.pinned().empty()) in.what_changed = report_explanation(s, model_.pinned().front().scenario, kReportExplainedMetric);
            return report_html(in);
        }
        std::vector<Scenario> deals = {named};
        deals.insert(deals.end(), named_pinned.begin(), named_pinned.end());
        return build_report(deals, sim.trials(), sim.seed(), "");
    }
    if (model_.sim().trials_done() == 0) return {};
    const std::string trials = std::to_string(model_.sim().trials_done());
    if (kind == "samples.csv") {
        file_name = slug + "-samples-" + trials + "-trials.csv";
        return samples_to_csv(model_.sim());
    }
    if (kind == "summary.csv") {
        file_name = slug + "-monte-carlo-" + trials + "-trials.csv";
        return summary_to_csv(s, model_.sim().summary());
    }
    return {};
}

namespace {
// The tab's first word, lower case, for chart file names: pactscope-capacity-...
std::string chart_file_prefix(const char* tab_name) {
    std::string out = "pactscope-";
    for (const char* c = tab_name; *c >= 'A'; ++c) out += static_cast<char>(*c | 0x20);
    return out;
}
}  // namespace

bool App::request_chart_png() {
    return request_current_chart(chart_file_prefix(results_.tab_name()));
}

json App::chart_export(const std::string& date, const std::string& chart_id) const {
    // Charts are recorded as they are drawn: after a change no frame has drawn yet (a preset picked through the page's
    // API, a file opened), the records are the previous deal's. The page draws a frame and asks again (web/files.js).
    if (charts_revision_ != std::pair{model_.revision(), model_.pinned_revision()})
        return json{{"ok", false}, {"stale", true}, {"why", "the charts have not been drawn since the deal changed"}};
    const std::string id = chart_id.empty() ? current_chart_id() : chart_id;
    const charts::RecordedChart* rc = id.empty() ? nullptr : charts::recorded(id);
    if (!rc) return json{{"ok", false}};
    // On screen the current deal is "current" (the sweep adds its preset: "current (open-2026)"); on a slide
    // every deal goes by its name.
    const std::vector<std::string> names = model_.export_names();
    std::vector<DealName> deals = {{"current", names[0]}, {"current (" + model_.preset_label() + ")", names[0]}};
    for (std::size_t k = 0; k < model_.pinned().size(); ++k) deals.push_back({model_.pinned()[k].label, names[k + 1]});
    // The charts drawn from Monte Carlo trials name their seed and trials: the cost fan, the histogram and the
    // nets' P10–P90 whiskers (the page's run), the Story's small multiples (its own run of every preset). The
    // others are deterministic runs (a sweep, the waterfall, the tornado's P10/P90 runs), and so is a chart of
    // trials exported before any trial is done.
    const bool story = id.starts_with("story");
    const bool page_trials = (id == "fan" || id == "hist" || id == "nets") && model_.sim().trials_done() > 0;
    const std::string source = story         ? chart_source_line("every preset", date, StoryView::kSeed, StoryView::kTrials)
                               : page_trials ? chart_source_line(model_.scenario().name, date, model_.sim().seed(), model_.sim().trials_done())
                                             : chart_source_line(model_.scenario().name, date, 0, -1);
    const ExportedChart e = export_chart(*rc, deals, source);
    json legend = json::array();
    for (const ChartItem& it : e.chart.items) legend.push_back(it.name);
    return json{{"ok", true},
                {"name", chart_file_prefix(results_.tab_name()) + "-" + id},  // as the PNG's
                {"title", e.chart.title},
                {"legend", legend},
                {"width", kSlideWidth},
                {"height", kSlideHeight},
                {"svg", e.vector ? chart_svg(e.chart, kSlideWidth, kSlideHeight) : std::string()},
                {"csv", chart_csv(e.chart)}};
}

json App::sources() const {
    std::map<std::string, Source> by_id;  // the first description of each id wins
    auto add = [&](const Scenario& s) {
        for (const Source& src : s.sources) by_id.try_emplace(src.id, src);
    };
    add(model_.scenario());
    for (const Preset& p : presets()) {
        LoadedScenario ls = load_scenario(p.json);
        if (ls.scenario) add(*ls.scenario);
    }
    std::vector<Source> all;
    for (auto& [id, src] : by_id) all.push_back(src);
    std::stable_sort(all.begin(), all.end(), [](const Source& a, const Source& b) { return a.date < b.date; });
    json out = json::array();
    for (const Source& src : all) out.push_back({{"id", src.id}, {"title", src.title}, {"url", src.url}, {"date", src.date}});
    return json{{"sources", out}};
}

bool App::load_preset(const std::string& id) {
    const bool ok = model_.load_preset(id);
    if (ok) scenario_.forget_edits();  // refusals of the old document no longer apply (as the picker does)
    return ok;
}

json App::items() const { return ui::items().to_json(); }

json App::stats() const {
    json o;
    o["frames"] = frames_;
    o["ui_ms_median"] = median_of(ui_ms_);
    o["mc_ms_median"] = median_of(mc_ms_);
    o["mc_ms_max"] = mc_ms_.empty() ? 0.0f : *std::max_element(mc_ms_.begin(), mc_ms_.end());
    std::vector<float> total(ui_ms_.size());
    for (std::size_t i = 0; i < ui_ms_.size(); ++i) total[i] = ui_ms_[i] + mc_ms_[i];
    o["frame_work_ms_median"] = median_of(total);
    o["mc_running"] = monte_carlo_running();
    // Trials run on the main thread since the page opened, the Story tab's included: none while workers run them.
    o["mc_trials_main_thread"] = model_.trials_run_here() + results_.story().trials_run_here();
    o["mc_seconds"] = mc_finished_ms_ >= 0 ? (mc_finished_ms_ - mc_started_ms_) / 1000.0 : -1.0;
    o["mc_finished_at_ms"] = mc_finished_ms_;  // on the platform's clock (the page's performance.now()); -1 until then
    return o;
}

std::string App::summary_text() const {
    const Totals& t = model_.result().totals;
    std::string s = model_.scenario().name + ". Deterministic: total cost " + format_usd(t.cost_usd) + ", stranded " +
                    format_usd(t.stranded_usd) + ", demand served " + format_value(t.served_fraction, Unit::share) + ", " +
                    buyer_display_name(model_.scenario()) + " net " + format_usd(model_.result().buyer.net_usd) + ".";
    const McSummary& m = model_.summary();
    if (m.trials_done > 0 && !m.totals.empty())
        s += " Monte Carlo over " + format_count(m.trials_done) + " trials: cost P10 " + format_usd(m.totals[0].p10) + " to P90 " +
             format_usd(m.totals[0].p90) + ".";
    return s;
}

//-----------------------------------------------------------------------------
// [SECTION] Menu and KPI cards
//-----------------------------------------------------------------------------

void App::handle_shortcuts() {
    // Text fields keep their own Ctrl+Z (ImGui's per-field undo) and typed characters. Keys are
    // shortcuts only when no field is active or about to be: a mouse button held or released
    // this frame may be a click that starts typing in a field (number fields start on release).
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || ImGui::IsAnyItemActive() || ImGui::IsAnyMouseDown() || ImGui::IsMouseReleased(ImGuiMouseButton_Left)) return;
    const bool command = io.KeyCtrl || io.KeySuper;  // Ctrl, or Cmd on a Mac
    if (command && ImGui::IsKeyPressed(ImGuiKey_Z, false)) io.KeyShift ? redo() : undo();
    if (command && ImGui::IsKeyPressed(ImGuiKey_Y, false)) redo();
    if (ImGui::IsKeyPressed(ImGuiKey_F1, false) || (io.KeyShift && ImGui::IsKeyPressed(ImGuiKey_Slash, false))) page_request_ = "shortcuts";
    // Number keys switch result tabs (1 = Overview ... 7 = Story).
    for (int i = 0; i < kResultTabCount; ++i)
        if (!command && !io.KeyShift && ImGui::IsKeyPressed(static_cast<ImGuiKey>(ImGuiKey_1 + i), false)) results_.request_tab(i);
}


}  // namespace pactscope::ui
