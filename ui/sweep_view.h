// sweep_view.h — the Sweep tab: a metric over one or two inputs, every pinned deal beside the current one,
// and where they break even (MODEL §8).
//
// What it is: a metric picker (any total or party's figure), one or two searchable input pickers with their
// ranges, and the chart. It opens on the input that drives the chosen metric most (the tornado's first bar)
// over that input's P5–P95 (scenario_inputs' sweep span, never zero width). With pinned deals a 1-D sweep
// always draws every deal, marks where two curves cross and reads out each crossing: the first one in the
// range is break_even() of the two deals, the same call and the same number as `pactscope breakeven A B`
// with A the pinned deal and B the current one; the metric's direction says which side is better. A 2-D
// sweep draws a heatmap of the current deal, or the regime map (which deal is best where).
// View state it owns: the choices and the cached grid and crossings, recomputed when the scenario, the
// pinned set or a choice changes. It never changes the document.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/analysis.h"
#include "model.h"
#include "pickers.h"
#include "widgets.h"

namespace pactscope::ui {

class SweepView {
public:
    explicit SweepView(AppModel& model) : model_(model) {}
    void draw();
    void end_frame() { fields_.end_frame(); }
    // What the view shows, for the test hook (web_api.h "views"): metric, input, range, series, crossings.
    nlohmann::json to_json() const;
    // The settings a share link carries (README "Share links"): {"metric", "x": {"input", "lo", "hi", "steps"},
    // "y": the same or null}; apply() restores them, ignoring anything of the wrong type (a hostile link).
    nlohmann::json settings() const;
    void apply(const nlohmann::json& settings);
    // The grid and its break-evens as CSV, the same bytes as `pactscope sweep CURRENT PINNED… --param
    // INPUT=LO:HI:STEPS [--param …] --metric METRIC --format csv` for the deals drawn (io/analysis_io.h
    // sweep_to_csv); "" before the tab has chosen an input or when the sweep has an error. Brings the grid
    // up to date first (an edit made on another tab).
    std::string csv();
    // True once after the tab's "Download table (CSV)" was pressed: the page then runs download-sweep.
    bool take_download_request() { return std::exchange(download_requested_, false); }

    struct Crossing {
        int a = 0, b = 0;  // series indices: a the pinned deal (or the earlier of two pinned), b the other
        BreakEven be;
        bool first = true;  // the first crossing in the range: what `pactscope breakeven` gives
        std::string text;
        std::string band;  // on a pair's last crossing when it has several: where they trade places, and how close they stay
        bool equal_throughout = false;  // the pair is equal over the whole range: no crossing (be.found is false)
    };

private:
    AppModel& model_;
    FieldEdits fields_;  // the range fields
    // Steps a side, wherever they come from (the steps field, a link, a quarter input's range): one set of
    // limits. A grid of two inputs evaluates steps² points per deal at once, so it takes fewer a side.
    static constexpr int kMinSteps = 2, kMaxSteps = 200, kMaxGridSteps = 40;
    int max_steps() const { return axis_[1].pointer.empty() ? kMaxSteps : kMaxGridSteps; }
    // Axis a's steps: dragged within the limits, or typed (a whole number within them, else refused).
    void steps_field(int a);
    void forget_refusals(int a);  // axis a's refused entries (range ends, steps), when its input or range is set anew
    std::string band_text(std::size_t last, Unit u) const;
    struct Axis {
        std::string pointer;
        double lo = 0, hi = 0;
        int steps = 24;
    } axis_[2];
    std::string metric_ = "cost_usd";
    bool regime_ = false;
    InputSearch search_[2];
    std::string opened_for_;  // metric + scenario_key() the first input was chosen for
    std::string scenario_key() const;
    std::string open_note_;   // why the sweep opened on that input
    bool users_input_ = false;  // the x input (and range) were chosen by the user or a link: a new metric keeps them
    std::uint64_t inputs_revision_ = ~0ull;
    std::vector<ScenarioInput> inputs_;
    // The computed grid, what it was computed for, and the deals and metrics it was computed with.
    std::string computed_for_, computed_held_for_;
    SweepGrid grid_;
    std::vector<const Scenario*> deals_;
    std::vector<Metric> metrics_;
    bool download_requested_ = false;
    std::vector<std::string> names_;
    std::vector<std::string> left_out_;  // pinned deals without the swept input
    std::vector<Crossing> crossings_;
    std::string error_;

    void open_on_strongest(const Scenario& s);
    void set_range_from_input(int a);
    bool keep_whole_steps(int a);
    void compute(const Scenario& s, bool with_crossings);
    std::string compute_key() const;  // everything the grid depends on
    void refresh_inputs();
    void draw_crossings(const Metric& m);
};

}  // namespace pactscope::ui
