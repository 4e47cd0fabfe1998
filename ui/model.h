// model.h — the app's model: the scenario being edited, its result and its Monte Carlo.
//
// What it is: the one place the UI changes the scenario. The editable form is
// the JSON document (so every field keeps the form the user wrote — number,
// "a to b", distribution object — and every problem has a JSON pointer). Each
// edit is validated with the same reader as file import; a valid document
// becomes the current Scenario, is evaluated at once (deterministic, MODEL §4–§6)
// and restarts the progressive Monte Carlo. An invalid edit keeps the last
// valid scenario and result on screen and lists the problems.
// What it is not: drawing (scenario_panel.h, results_panel.h), clocks or the browser (platform/).
//
// Usage:
//   AppModel m;  m.load_preset("rofr-2025");
//   m.set("/providers/0/price_usd_per_h100e_hour", 2.4);   // re-evaluates, restarts MC
//   m.step_monte_carlo(200);                                 // each frame, a bounded slice
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "uncertainty/summary_builder.h"
#include "history.h"
#include "io/issue.h"

namespace pactscope::ui {

// A scenario pinned for side-by-side comparison, with its own Monte Carlo.
struct PinnedScenario {
    std::string label;
    Snapshot source;  // its document as typed and the preset it came from: what a swap makes current again
    Scenario scenario;
    Result result;
    Simulation sim;
};

class AppModel {
public:
    AppModel();

    // Replaces the document if it is valid; otherwise returns its problems and keeps everything.
    bool load_text(std::string_view text, Issues& problems);
    bool load_preset(const std::string& id);
    const std::string& preset_id() const { return preset_id_; }
    // True when the document differs from the preset it was opened from.
    bool preset_edited() const;
    // What the scenario is, for the picker and pinned copies: "rofr-2025", "rofr-2025 (edited)", or
    // the scenario's name when it came from a file or link.
    std::string preset_label() const;
    // Each deal's name in exports (compare table, report, slides, sweep table, what changed), the current first
    // and then the pinned ones: its scenario name, with " (edited)" for an edited preset (the current one, or a
    // pinned one labelled so) when another deal has the same name — pin, tweak, compare — so they are told apart
    // as on screen; deal_names numbers any repeat left.
    std::vector<std::string> export_names() const;
    // The export name of the current deal or a pinned one, by its scenario (else its own name); and a copy of
    // the scenario under that name, for the exporters that name deals by their scenarios.
    std::string export_name_of(const Scenario& s) const;
    Scenario named_for_export(const Scenario& s) const;

    // Edits of the working document at a JSON pointer (validated at once).
    void set(const std::string& pointer, const nlohmann::json& value);
    // Sets `value` unless that makes the field at `pointer` itself invalid: returns "" when set,
    // else the reader's message for the field (and nothing changes). Typed values go through here,
    // so a refused one keeps the previous value and the message shows beside the field.
    std::string set_checked(const std::string& pointer, const nlohmann::json& value);
    // What set_checked would answer, without applying anything.
    std::string check(const std::string& pointer, const nlohmann::json& value) const;
    // Switches the variant `field` of the object at `object_pointer` (scenario_variants.h): one edit
    // that removes what the new variant forbids and adds what it needs.
    // The fields it removes are set aside for that object and field, and a later switch of that field restores
    // every one the new variant allows, over its defaults; set_aside() lists those the object lacks now (an
    // empty object: none). Loading a document, or removing this element or one before it from its list,
    // forgets them; undo and redo keep them.
    void switch_variant(const std::string& object_pointer, const std::string& field, const std::string& value);
    nlohmann::json set_aside(const std::string& object_pointer, const std::string& field) const;
    void erase(const std::string& pointer);            // an array element or an object key
    void append(const std::string& array_pointer, const nlohmann::json& value);
    const nlohmann::json* at(const std::string& pointer) const;  // nullptr when absent

    const nlohmann::json& doc() const { return doc_; }
    const Issues& issues() const { return issues_; }     // problems of the working document
    bool valid() const { return issues_.empty(); }       // false: results are the last valid scenario's
    const Scenario& scenario() const { return scenario_; }  // the last valid one
    const Result& result() const { return result_; }
    std::uint64_t revision() const { return revision_; }  // +1 each time the valid scenario changes
    std::uint64_t doc_revision() const { return doc_revision_; }  // +1 each time the document changes, valid or not
    std::uint64_t documents_loaded() const { return documents_loaded_; }  // +1 each time a whole document is loaded
    // The document and where it came from, for undo (history.h); restore() puts one back.
    Snapshot snapshot() const { return {doc_, preset_id_}; }
    void restore(const Snapshot& s);
    std::string scenario_text() const;                    // the last valid scenario as JSON text

    // Monte Carlo of the current scenario; restarted by every valid change.
    Simulation& sim() { return sim_; }
    const Simulation& sim() const { return sim_; }
    // Where trials run (issue 17): here, in slices between frames (step_monte_carlo); in the page's Web
    // Workers, whose blocks come back through accept_block; or nowhere yet (the page is starting them).
    enum class TrialsAt { here, workers, undecided };
    // `where` says it in words for the progress bar's tooltip ("1 Web Worker runs the trials", or why they
    // run on the main thread).
    void set_trials_at(TrialsAt at, std::string where = {}) { trials_at_ = at, trials_where_ = std::move(where); }
    TrialsAt trials_at() const { return trials_at_; }
    const std::string& trials_where() const { return trials_where_; }
    // Runs at most `trials` more trials of the current and pinned scenarios here; returns how many ran
    // (none unless trials_at() is here).
    std::int64_t step_monte_carlo(std::int64_t trials);
    // Trials step_monte_carlo has run on this thread since the page opened (none while workers run them).
    std::int64_t trials_run_here() const { return trials_run_here_; }
    // The runs not finished, the current one first: what the workers are asked to run.
    std::vector<const Simulation*> unfinished_runs() const;
    // Stores a block of trials run elsewhere for the run `run_id` (Simulation::accept_block); false when
    // no run has that id any more (an edit restarted it) or the block does not fit.
    bool accept_block(std::uint64_t run_id, std::int64_t lo, std::int64_t hi, const double* columns, const float* bands);
    bool monte_carlo_running() const;
    // Percentiles of the current run as on screen: of summary().trials_done trials, refreshed by a summary
    // built a few pieces per frame (App paces it: SummaryBuilder), which replaces it once complete.
    const McSummary& summary() const { return summary_; }
    // The summary on screen is of every trial the current run has done (and none is being built).
    bool summary_current() const {
        return summary_run_ == sim_.run_id() && summary_.trials_done == sim_.trials_done() && !summarizing();
    }
    bool summarizing() const { return summary_builder_.building() && summary_builder_.run_id() == sim_.run_id(); }
    // Trials the summary being built covers (0: none is).
    std::int64_t summarizing_trials() const { return summarizing() ? summary_builder_.trials_done() : 0; }
    void begin_summary() { summary_builder_.begin(sim_); }
    // Fills up to `pieces` more pieces of the summary being built; once complete it is the one on screen.
    void advance_summary(int pieces);

    // Comparison: up to three pinned scenarios beside the current one.
    std::vector<PinnedScenario>& pinned() { return pinned_; }
    const std::vector<PinnedScenario>& pinned() const { return pinned_; }
    bool pin_current(const std::string& label);
    // Pins `s` (from a share link or an analysis file) as if it had been current: same trials and seed.
    bool pin_scenario(const std::string& label, const Scenario& s);
    void unpin_all();
    // +1 each time a scenario is pinned or unpinned (what a cached comparison depends on).
    std::uint64_t pinned_revision() const { return pinned_revision_; }
    void unpin(std::size_t i);
    // Makes pinned deal i the current one and pins the current deal in its place, under its label: the Compare
    // tab's A and B change sides (a table reads "B better" of the pinned deal only). One undo step, as any
    // document change (the pins stay as they are on undo); both deals run again with the new current deal's seed
    // and trials, as every pinned deal does. False (nothing changes) while the current document does not validate.
    bool swap_with_pinned(std::size_t i);
    static constexpr std::size_t kMaxPinned = 3;
    // Memory for one Monte Carlo run's samples in the page (four runs at most: about 400 MB).
    static constexpr std::size_t kPageMonteCarloBytes = std::size_t{96} << 20;
    // The trials the page runs for `s`: its own, or fewer when they would not fit kPageMonteCarloBytes.
    static std::int64_t page_trials(const Scenario& s);

private:
    nlohmann::json doc_;
    Issues issues_;
    Scenario scenario_;
    Result result_;
    std::string preset_id_;
    // Per "object pointer|field": {identity, fields} — what switching that field removed, from which object.
    std::map<std::string, nlohmann::json> set_aside_;
    static nlohmann::json object_identity(const nlohmann::json& object);  // id, or type and party
    std::uint64_t revision_ = 0, doc_revision_ = 0, documents_loaded_ = 0;
    mutable std::uint64_t edited_revision_ = ~0ull;  // preset_edited() is cached per document revision
    mutable bool edited_ = false;
    Simulation sim_;
    McSummary summary_;
    std::uint64_t summary_run_ = 0;  // the run summary_ is of
    SummaryBuilder summary_builder_;
    std::vector<PinnedScenario> pinned_;
    std::uint64_t pinned_revision_ = 0;
    TrialsAt trials_at_ = TrialsAt::here;
    std::string trials_where_;
    std::int64_t trials_run_here_ = 0;

    void apply(nlohmann::json next);  // validate; adopt when valid
    void adopt(Scenario s);
    bool load_document(std::string_view text, Issues& problems);  // load_text without naming the preset
};

}  // namespace pactscope::ui
