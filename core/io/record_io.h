// record_io.h — `pactscope/record@1` JSON (assets/record.json) <-> Record, and the comparisons
// `pactscope record` prints (text, JSON, CSV). The format is docs/CALIBRATION.md's.
//
// load_record validates everything at once, like load_scenario: every problem with its JSON
// pointer, never a throw. embedded_record_json() is assets/record.json as built into the program
// (cmake/embed_record.cmake), so the CLI and the page need no files.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/issue.h"
#include "analysis/record.h"

namespace pactscope {

struct LoadedRecord {
    std::optional<Record> record;  // set when issues is empty
    Issues issues;
};

LoadedRecord load_record(std::string_view json_text);

// assets/record.json, embedded at build time (generated record_data.cpp).
std::string_view embedded_record_json();

// The comparisons of several presets, in the given order.
std::string record_checks_to_text(const Record& record, const std::vector<RecordCheck>& checks);
nlohmann::ordered_json record_checks_to_json(const Record& record, const std::vector<RecordCheck>& checks);
std::string record_checks_to_csv(const Record& record, const std::vector<RecordCheck>& checks);

}  // namespace pactscope
