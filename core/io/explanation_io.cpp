// explanation_io.cpp — explain two scenarios, and write the explanation (see explanation_io.h).
#include "io/explanation_io.h"

#include "analysis/metric.h"
#include "io/csv_text.h"
#include "io/scenario_parts.h"
#include "model/number_text.h"

namespace pactscope {

std::optional<Explanation> explain_scenarios(const Scenario& a, const Scenario& b, const std::string& metric, std::string& error,
                                             const ShapleyOptions& options) {
    const ScenarioParts parts(a, b);
    return explain(parts, metric, error, options);
}

nlohmann::ordered_json explanation_to_json(const Scenario& a, const Scenario& b, const Explanation& ex) {
    using ojson = nlohmann::ordered_json;
    const MetricLabel label = metric_label({&a, &b}, ex.metric);
    ojson o;
    o["schema"] = "pactscope/explanation@1";
    o["metric"] = ex.metric;
    o["metric_label"] = label.name;
    o["direction"] = label.direction_text;
    o["a"] = a.name;
    o["b"] = b.name;
    o["value_a"] = ex.value_a;
    o["value_b"] = ex.value_b;
    o["delta"] = ex.delta;
    o["method"] = ex.exact ? "exact" : "sampled";
    o["permutations"] = ex.exact ? ojson(nullptr) : ojson(ex.permutations);
    o["coalitions"] = ex.coalitions;
    ojson cs = ojson::array();
    for (const Contribution& c : ex.contributions)
        cs.push_back({{"part", c.part}, {"pointer", c.pointer}, {"value", c.value}, {"pointers", c.pointers}});
    o["contributions"] = cs;
    return o;
}

std::string explanation_to_csv(const Scenario& a, const Scenario& b, const Explanation& ex) {
    const MetricLabel label = metric_label({&a, &b}, ex.metric);
    const std::string lead = csv_field(ex.metric) + "," + csv_field(label.name) + ",";
    std::string out = "metric,label,step,part,pointer,value\n";
    out += lead + "a," + csv_field(a.name) + ",," + shortest_number(ex.value_a) + "\n";
    for (const Contribution& c : ex.contributions)
        out += lead + "part," + csv_field(c.part) + "," + csv_field(c.pointer) + "," + shortest_number(c.value) + "\n";
    out += lead + "b," + csv_field(b.name) + ",," + shortest_number(ex.value_b) + "\n";
    return out;
}

}  // namespace pactscope
