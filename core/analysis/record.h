// record.h — the public record (assets/record.json) and how a deterministic result is measured by it.
//
// What it is: reported figures (capacity online, revenue, compute spend, revenue share, the
// revenue-to-inference-cost ratio) in a small fixed vocabulary, the years over which each preset
// is meant to reproduce them, and the measurements that turn a Result into the same figures, so
// `pactscope record` can print model, reported, ratio and inside/outside for every pair. The
// definitions are docs/CALIBRATION.md's; this file computes them. No JSON here (record_io.h).
//
// Usage:
//   Result r = evaluate(s);
//   std::optional<double> gw = measure(s, r, RecordWhat::capacity_online_gw, 2025, 2025);
//   RecordCheck c = check_against_record(record, "open-2026", s, r);   // rows, or why it is not compared
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/result.h"
#include "model/scenario.h"

namespace pactscope {

// The vocabulary of what a record figure measures (docs/CALIBRATION.md, "What is measured").
enum class RecordWhat : std::uint8_t {
    capacity_online_gw,          // facility GW online at the end of a year, on providers the buyer may use
    revenue_usd,                 // the buyer's revenue over calendar years (SPEC §11.5 revenue_usd, by quarter)
    compute_spend_usd,           // the buyer's cost_usd over calendar years
    revenue_share_paid_usd,      // revenue share the buyer paid holders over calendar years
    revenue_per_inference_cost,  // revenue ÷ inference compute cost (inference at the years' average cost per served H100e-hour)
};

struct RecordWhatInfo {
    RecordWhat what;
    const char* name;     // as written in record.json ("capacity_online_gw")
    const char* unit;     // "GW", "USD" or "ratio"
    bool at_year_end;     // a stock read at one year's end (one year only), not a flow summed over years
    const char* meaning;  // one line, for messages and docs
};

// Every measurable figure, in documentation order.
const std::vector<RecordWhatInfo>& record_vocabulary();
const RecordWhatInfo* find_record_what(std::string_view name);
const RecordWhatInfo& record_what_info(RecordWhat what);

// One reported figure: a calendar year (first == last) or an inclusive range of years.
struct RecordFigure {
    std::string id;
    RecordWhat what = RecordWhat::revenue_usd;
    int first_year = 0, last_year = 0;
    double value = 0;      // as reported, in the unit of `what` (USD, GW, ratio)
    double tolerance = 0;  // relative: inside when |model / value − 1| <= tolerance
    std::string source, note;
};

// The years over which a preset follows the record. A preset without them (a counterfactual from its
// first quarter) is not compared; `note` says why either way.
struct RecordPreset {
    std::string id;
    bool compared = false;
    int first_year = 0, last_year = 0;
    std::string note;
};

struct Record {
    std::string description;
    std::vector<Source> sources;
    std::vector<RecordPreset> presets;
    std::vector<RecordFigure> figures;
    const RecordPreset* find_preset(std::string_view id) const;
};

// The model's value of `what` over calendar years [first_year, last_year] of a deterministic result of
// `s` (evaluated at its medians); nothing when the horizon does not hold those years whole (a stock needs
// only the last year's fourth quarter) or a ratio has nothing to divide by.
std::optional<double> measure(const Scenario& s, const Result& r, RecordWhat what, int first_year, int last_year);

// A figure covers a preset the record compares when the figure's years lie within the preset's.
bool covers(const RecordPreset& p, const RecordFigure& f);

// One comparison: `model` is NaN when the result cannot be measured over the figure's years.
struct RecordRow {
    std::string preset;
    int figure = -1;  // index into Record::figures
    double model = 0, reported = 0, ratio = 0;
    bool inside = false;
};

// Every figure that covers `preset_id`, in record order, measured on `r` (the deterministic result of `s`).
std::vector<RecordRow> compare_to_record(const Record& record, const std::string& preset_id, const Scenario& s, const Result& r);

// One preset against the record: its rows, or why it is not compared.
struct RecordCheck {
    std::string preset;
    bool compared = false;
    int first_year = 0, last_year = 0;  // when compared
    std::string note;                   // the record's note on the preset, or why it is missing
    std::vector<RecordRow> rows;
};
RecordCheck check_against_record(const Record& record, const std::string& preset_id, const Scenario& s, const Result& r);

}  // namespace pactscope
