// scenario_read.cpp — entry points of scenario validation (see scenario_reader.h).
#include "model/engine.h"
#include "io/json_strict.h"
#include "io/scenario_io.h"
#include "io/scenario_reader.h"

namespace pactscope {

using detail::Reader;

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

LoadedScenario load_scenario_document(const nlohmann::json& document, Result* result) {
    Reader r;
    r.document(document);
    LoadedScenario out;
    if (!r.issues.empty()) {
        out.issues = std::move(r.issues);
        return out;
    }
    // MODEL §10.2: a scenario whose results would not be finite is invalid.
    Result res = evaluate(r.s);
    if (!result_is_finite(res)) {
        out.issues.push_back({"", "the results of this scenario would not be finite (an input is too large: check growth rates, "
                                  "prices and capacities)"});
        return out;
    }
    out.scenario = std::move(r.s);
    if (result) *result = std::move(res);
    return out;
}

LoadedScenario load_scenario(std::string_view json_text) {
    JsonText parsed = parse_json_strict(json_text);
    if (!parsed.issues.empty()) return {std::nullopt, std::move(parsed.issues)};
    return load_scenario_document(parsed.value);
}

std::vector<double> Scenario::medians() const {
    std::vector<double> v(quantities.size());
    for (std::size_t i = 0; i < quantities.size(); ++i) v[i] = quantities[i].median();
    return v;
}

QRef Scenario::find_quantity(const std::string& pointer) const {
    for (std::size_t i = 0; i < quantities.size(); ++i)
        if (quantities[i].pointer == pointer) return static_cast<QRef>(i);
    return -1;
}

}  // namespace pactscope
