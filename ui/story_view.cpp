// story_view.cpp — the story of the partnership across its eras (story_view.h).
#include "story_view.h"

#include <algorithm>
#include <cctype>
#include <chrono>

#include "charts.h"
#include "format.h"
#include "imgui.h"
#include "io/presets.h"
#include "io/scenario_io.h"
#include "model/quarter.h"
#include "model/result_fields.h"
#include "widgets.h"

namespace pactscope::ui {

namespace {
// Without workers the story's trials run here, between frames' drawing: 16 at a time until 8 ms have passed in
// a frame (~160 trials natively), so the tab stays responsive on a slow machine too. The summaries of finished
// runs (a few ms each for 2,000 trials) share the same 8 ms, at least one a frame.
constexpr std::int64_t kTrialsPerSlice = 16;
constexpr double kTrialsMsPerFrame = 8;
double now_ms() { return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count(); }
const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
}  // namespace

struct StoryView::Era {
    std::string id;
    TermsDate date;
    Scenario scenario;
    Simulation sim;
    McSummary summary;
    bool summarized = false;
};

StoryView::StoryView(AppModel& model) : model_(model) {}
StoryView::~StoryView() = default;

TermsDate terms_date(const Scenario& s) {
    const std::size_t open = s.name.rfind('('), close = s.name.rfind(')');
    if (open != std::string::npos && close != std::string::npos && close > open) {
        std::string in = s.name.substr(open + 1, close - open - 1);
        std::string lower = in;
        for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (std::size_t i = 0; i + 4 <= in.size(); ++i) {
            if (!std::all_of(in.begin() + static_cast<long>(i), in.begin() + static_cast<long>(i) + 4, [](char c) { return c >= '0' && c <= '9'; }))
                continue;
            const int year = std::stoi(in.substr(i, 4));
            int month = -1;
            for (int m = 0; m < 12; ++m) {
                const std::size_t at = lower.find(kMonths[m]);
                if (at != std::string::npos && at < i) month = m;
            }
            std::string label = month >= 0 ? std::string(1, static_cast<char>(std::toupper(kMonths[month][0]))) + (kMonths[month] + 1) + " " + std::to_string(year)
                                           : std::to_string(year);
            return {year * 12 + std::max(month, 0), label};
        }
    }
    return {s.start / 4 * 12 + s.start % 4 * 3, quarter_label(s.start) + " (start)"};
}

void StoryView::start() {
    for (const Preset& p : presets()) {
        LoadedScenario ls = load_scenario(p.json);
        if (!ls.scenario) continue;
        auto e = std::make_unique<Era>();
        e->id = std::string(p.id);
        e->scenario = *ls.scenario;
        e->date = terms_date(e->scenario);
        e->sim.start(e->scenario, kTrials, kSeed);
        eras_.push_back(std::move(e));
    }
    std::stable_sort(eras_.begin(), eras_.end(), [](const auto& a, const auto& b) { return a->date.months < b->date.months; });
}

bool StoryView::working() const {
    const bool here = model_.trials_at() == AppModel::TrialsAt::here;
    for (const auto& e : eras_)
        if (!e->summarized && (here || e->sim.done())) return true;
    return false;
}

std::vector<const Simulation*> StoryView::unfinished_runs() const {
    std::vector<const Simulation*> runs;
    for (const auto& e : eras_)
        if (!e->sim.done()) runs.push_back(&e->sim);
    return runs;
}

bool StoryView::accept_block(std::uint64_t run_id, std::int64_t lo, std::int64_t hi, const double* columns, const float* bands) {
    for (auto& e : eras_)
        if (e->sim.run_id() == run_id) return e->sim.accept_block(lo, hi, columns, bands);
    return false;
}

void StoryView::draw() {
    if (eras_.empty()) start();
    // Era after era (the earliest first): a slice of trials (when they run here) and the summaries of the runs
    // finished, within the frame's share, so the page stays responsive.
    const double start = now_ms();
    const bool trials_here = model_.trials_at() == AppModel::TrialsAt::here;
    bool summarized_one = false;
    std::int64_t done = 0, all = 0;
    for (auto& e : eras_) {
        while (trials_here && !e->sim.done() && now_ms() - start < kTrialsMsPerFrame) trials_run_here_ += e->sim.step(kTrialsPerSlice);
        if (e->sim.done() && !e->summarized && (!summarized_one || now_ms() - start < kTrialsMsPerFrame))
            e->summary = e->sim.summary(), e->summarized = summarized_one = true;
        done += e->sim.trials_done(), all += e->sim.trials();
    }
    wrapped_text("Every preset, ordered by when its terms began, each run with the same " + format_count(kTrials) + " trials and seed " +
                 std::to_string(kSeed) + " (common random numbers: the inputs the presets share are drawn alike). Bars are medians, whiskers "
                 "P10\xe2\x80\x93P90. Click an era in the table to open it.");
    if (done < all) {
        // Where they run, as the current deal's bar says; in the workers they wait for any other run, and the bar
        // says so while one runs (else it would look stuck).
        const bool workers = model_.trials_at() == AppModel::TrialsAt::workers;
        std::string overlay = format_count(done) + " / " + format_count(all) + " trials";
        if (workers && model_.monte_carlo_running()) overlay += " \xc2\xb7 waiting: the current and pinned deals' runs go first";
        ImGui::ProgressBar(static_cast<float>(done) / static_cast<float>(std::max<std::int64_t>(all, 1)), ImVec2(-1, 0), overlay.c_str());
        item_tooltip(model_.trials_where());
    }
    items().track("story:progress");
    draw_table();
    // Totals add up each era's own horizon: say which eras cover other quarters than the latest one.
    std::string other;
    if (!eras_.empty()) {
        const Scenario& last = eras_.back()->scenario;
        for (const auto& e : eras_)
            if (e->scenario.start != last.start || e->scenario.end != last.end)
                other += (other.empty() ? "" : ", ") + e->id + " covers " + quarter_label(e->scenario.start) + "\xe2\x80\x93" + quarter_label(e->scenario.end);
        if (!other.empty())
            ImGui::TextDisabled("Each era's totals are over its own horizon: %s; the others %s\xe2\x80\x93%s.", other.c_str(),
                                quarter_label(last.start).c_str(), quarter_label(last.end).c_str());
    }
    draw_multiples();
}

void StoryView::draw_table() {
    auto cell = [](const Stat& st, Unit u) {
        return st.count > 0 ? format_value(st.p50, u) + " (" + range_text(st.p10, st.p90, u) + ")" : std::string("none");
    };
    // Scrolls sideways when the panel is narrower than the table (nothing is cut).
    const float row_h = ImGui::GetTextLineHeight() + ImGui::GetStyle().CellPadding.y * 2 + 1;
    const ImVec2 outer(0, row_h * static_cast<float>(eras_.size() + 1) + ImGui::GetStyle().ScrollbarSize + 4);
    if (!ImGui::BeginTable("story", 6, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX, outer))
        return;
    for (const char* h : {"terms began", "era (click to open)", "total cost", "demand served", "stranded take-or-pay", "buyer net"})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (std::size_t k = 0; k < eras_.size(); ++k) {
        Era& e = *eras_[k];
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(e.date.label.c_str());
        ImGui::TableNextColumn();
        if (ImGui::Selectable((e.id + "##era").c_str(), e.id == model_.preset_id(), 0, ImVec2(0, 0))) model_.load_preset(e.id);
        items().track("story:" + e.id);
        ImGui::SetItemTooltip("%s (%s to %s)\n%s", e.scenario.name.c_str(), quarter_label(e.scenario.start).c_str(),
                              quarter_label(e.scenario.end).c_str(), e.scenario.description.c_str());
        const McSummary& m = e.summary;
        const bool ok = e.summarized;
        auto total = [&](const char* name, Unit u) {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(ok ? cell(m.totals[static_cast<std::size_t>(total_index(name))], u).c_str() : "\xe2\x80\xa6");
        };
        total("cost_usd", Unit::usd);
        total("served_fraction", Unit::share);
        total("stranded_usd", Unit::usd);
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(ok ? cell(m.buyer_net, Unit::usd).c_str() : "\xe2\x80\xa6");
    }
    ImGui::EndTable();
}

void StoryView::draw_multiples() {
    struct Figure {
        std::string title;
        Unit unit;
        std::string party;  // "" a total, "buyer", or a provider id
        std::string total;
    };
    std::vector<Figure> figures = {{"Total cost", Unit::usd, "", "cost_usd"},
                                   {"Demand served", Unit::share, "", "served_fraction"},
                                   {"Stranded take-or-pay", Unit::usd, "", "stranded_usd"},
                                   {eras_.empty() ? "Buyer" : buyer_display_name(eras_.back()->scenario) + " \xe2\x80\x94 net", Unit::usd, "buyer", ""}};
    // Each provider any era has, by id, named as the latest era names it.
    for (auto it = eras_.rbegin(); it != eras_.rend(); ++it)
        for (std::size_t p = 0; p < (*it)->scenario.providers.size(); ++p) {
            const std::string& id = (*it)->scenario.providers[p].id;
            if (std::none_of(figures.begin(), figures.end(), [&](const Figure& f) { return f.party == id; }))
                figures.push_back({provider_display_name((*it)->scenario, p) + " \xe2\x80\x94 net", Unit::usd, id, ""});
        }
    const int columns = ImGui::GetContentRegionAvail().x > 1100 ? 3 : 2;
    if (!ImGui::BeginTable("multiples", columns)) return;
    for (std::size_t f = 0; f < figures.size(); ++f) {
        ImGui::TableNextColumn();
        const Figure& fig = figures[f];
        std::vector<charts::Bar> bars;
        for (std::size_t k = 0; k < eras_.size(); ++k) {
            const Era& e = *eras_[k];
            if (!e.summarized) continue;
            const Stat* st = nullptr;
            if (!fig.total.empty()) st = &e.summary.totals[static_cast<std::size_t>(total_index(fig.total))];
            else if (fig.party == "buyer") st = &e.summary.buyer_net;
            else
                for (std::size_t p = 0; p < e.scenario.providers.size(); ++p)
                    if (e.scenario.providers[p].id == fig.party && p < e.summary.provider_net.size()) st = &e.summary.provider_net[p];
            if (st && st->count > 0) bars.push_back({e.id, st->p50, st->p10, st->p90, charts::palette(static_cast<int>(k))});
        }
        charts::hbars(("story" + std::to_string(f)).c_str(), fig.title, bars, fig.unit);
    }
    ImGui::EndTable();
}

nlohmann::json StoryView::to_json() const {
    nlohmann::json eras = nlohmann::json::array();
    for (const auto& e : eras_) {
        nlohmann::json o = {{"preset", e->id}, {"date", e->date.label}, {"trials_done", e->sim.trials_done()}, {"trials", e->sim.trials()},
                            {"seed", e->sim.seed()}};
        if (e->summarized) {
            nlohmann::json p50;
            for (const char* t : {"cost_usd", "served_fraction", "stranded_usd"})
                p50[t] = e->summary.totals[static_cast<std::size_t>(total_index(t))].p50;
            p50["buyer.net_usd"] = e->summary.buyer_net.p50;
            for (std::size_t p = 0; p < e->scenario.providers.size() && p < e->summary.provider_net.size(); ++p)
                p50[e->scenario.providers[p].id + ".net_usd"] = e->summary.provider_net[p].p50;
            o["p50"] = p50;
        }
        eras.push_back(o);
    }
    return {{"trials", kTrials}, {"seed", kSeed}, {"eras", eras}};
}

}  // namespace pactscope::ui
