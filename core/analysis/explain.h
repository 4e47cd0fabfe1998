// explain.h — what changed between two scenarios, and by how much (MODEL §8 "What changed", §13).
//
// explain() splits metric(B) − metric(A) of the deterministic runs into the contributions of the parts
// in which B differs from A — each clause added, removed or changed, each provider, each workload,
// the policy and the other settings — by their Shapley values (shapley.h) over the deterministic
// model: the value of a coalition of parts is the metric of A with those parts switched to B's.
// Exact for up to 12 parts (4,096 evaluations), sampled permutations beyond (stated in the result).
// The contributions add up to the difference exactly, and value_a and value_b are the deterministic
// runs of A and B themselves.
//
// Parts that cannot be switched one without the other (a clause naming a provider only B has; a
// demand series and a horizon of another length) are one player: they are attributed together,
// and the contribution names them all (MODEL §13). The parts, and A with any of them switched in,
// come from a ScenarioDifference; io/scenario_parts.h implements it on the scenarios' documents,
// and io/explanation_io.h has explain_scenarios(A, B, metric), the call the CLI and the page make.
//
// A provider's figures count as 0 in a scenario without that provider (it earns and spends nothing
// there), so `oci.revenue_usd` can be explained between a deal with OCI and one without.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/shapley.h"
#include "model/result.h"
#include "model/scenario.h"

namespace pactscope {

struct ScenarioPart {
    std::string name;     // "commitment on azure (changed: committed spend, end)", "provider Lambda (added)"
    std::string pointer;  // the part's JSON pointer in B, or in A when B lacks it
};

// A problem of a coalition that does not validate, and the part it was found in (-1: none).
struct CoalitionProblem {
    std::string pointer, message;
    int part = -1;
    bool operator==(const CoalitionProblem&) const = default;
};

struct CoalitionScenario {
    std::optional<Scenario> scenario;       // empty when the combination does not validate
    std::optional<Result> result;           // its deterministic run, when the builder has it at hand
    std::vector<CoalitionProblem> problems;  // why it does not validate
};

// Two scenarios as the parts in which they differ (see scenario_parts.h).
class ScenarioDifference {
public:
    virtual ~ScenarioDifference() = default;
    virtual const Scenario& a() const = 0;
    virtual const Scenario& b() const = 0;
    virtual const std::vector<ScenarioPart>& parts() const = 0;
    // Sets of parts known to validate only together; explain() also finds the others it meets.
    virtual std::vector<std::vector<int>> linked_parts() const = 0;
    // A with the parts marked 1 switched to B's.
    virtual CoalitionScenario coalition(const Coalition& parts) const = 0;
};

struct Contribution {
    std::string part;                   // the part's name; parts attributed together are joined by " + "
    std::string pointer;                // the (first) part's pointer
    std::vector<std::string> pointers;  // every part's pointer
    double value = 0;
};

struct Explanation {
    std::string metric;
    double value_a = 0, value_b = 0, delta = 0;  // delta = value_b − value_a = Σ contributions
    bool exact = true;
    int permutations = 0;        // sampled: the orders averaged
    std::int64_t coalitions = 0;  // distinct scenarios evaluated
    std::vector<Contribution> contributions;  // in the order of the parts (B's document order; removed parts at A's place)
};

// The attribution a slice at a time, for every metric at once (the page runs a slice per frame, as it does
// the Monte Carlo). Each combination of parts is built, validated and run once; its every total and
// stakeholder figure is kept (a few hundred bytes), so explaining another metric costs no more runs.
//
//   Explainer ex(diff);
//   while (!ex.step(64)) {}                                   // 64 combinations a call
//   auto e = ex.explanation("buyer.net_usd", error);
class Explainer {
public:
    explicit Explainer(const ScenarioDifference& diff, const ShapleyOptions& options = {});
    ~Explainer();
    Explainer(const Explainer&) = delete;
    Explainer& operator=(const Explainer&) = delete;

    // Builds and runs up to `combinations` more; true when every one the attribution needs is known.
    bool step(int combinations);
    bool done() const;
    double progress() const;  // share of the needed combinations known, 0 … 1
    // Nothing (and `error` says why) when the metric names nothing in either scenario, is null (NaN) in a
    // combination it must be evaluated on, or step() has not finished.
    std::optional<Explanation> explanation(const std::string& metric, std::string& error) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

// All at once: Explainer run to the end, then the one metric.
std::optional<Explanation> explain(const ScenarioDifference& diff, const std::string& metric, std::string& error,
                                   const ShapleyOptions& options = {});

}  // namespace pactscope
