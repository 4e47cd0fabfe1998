// scenario_io.h — `pactscope/scenario@1` JSON <-> Scenario (MODEL §3, §10).
//
// load_scenario validates everything at once and returns either a Scenario or
// every problem found, each with a JSON pointer and a message naming what is
// allowed. It never throws on bad input. scenario_to_json writes a document
// that load_scenario reads back into an equal Scenario.
#pragma once
#include <optional>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/issue.h"
#include "model/result.h"
#include "model/scenario.h"

namespace pactscope {

struct LoadedScenario {
    std::optional<Scenario> scenario;  // set when issues is empty
    Issues issues;
};

LoadedScenario load_scenario(std::string_view json_text);
// `result`, when given, receives the deterministic run the reader makes anyway (MODEL §10.2: a scenario whose
// results would not be finite is invalid), so a caller that needs it does not run it twice.
LoadedScenario load_scenario_document(const nlohmann::json& document, Result* result = nullptr);

nlohmann::ordered_json scenario_to_json(const Scenario& s);

}  // namespace pactscope
