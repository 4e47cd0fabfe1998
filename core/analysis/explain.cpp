// explain.cpp — Shapley attribution of a metric's change to the parts that differ (see explain.h;
// MODEL §8 "What changed", §13).
#include "analysis/explain.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>

#include "analysis/metric.h"
#include "model/engine.h"

namespace pactscope {

namespace {

class UnionFind {
public:
    explicit UnionFind(int n) : parent_(static_cast<std::size_t>(n)) { std::iota(parent_.begin(), parent_.end(), 0); }
    int find(int x) const {
        while (parent_[static_cast<std::size_t>(x)] != x) x = parent_[static_cast<std::size_t>(x)];
        return x;
    }
    void unite(int a, int b) {
        a = find(a), b = find(b);
        if (a != b) parent_[static_cast<std::size_t>(std::max(a, b))] = std::min(a, b);  // the earlier part leads
    }

private:
    std::vector<int> parent_;
};

std::string key_of(const Coalition& c) { return std::string(c.begin(), c.end()); }

}  // namespace

struct Explainer::State {
    struct Entry {
        bool valid = false;
        std::vector<double> values;  // every metric (metric_names order)
        std::vector<CoalitionProblem> problems;
    };

    const ScenarioDifference& diff;
    ShapleyOptions options;
    int n = 0;  // parts
    UnionFind groups;
    std::vector<std::vector<int>> players;  // parts attributed together, by their first part
    std::vector<Coalition> needed;          // combinations of parts the attribution needs
    std::size_t next = 0;                   // needed[0 … next) are known
    std::map<std::string, Entry> cache;     // by the combination's bytes: a regrouping keeps what is known
    std::vector<std::string> metric_names;  // every total and figure of the buyer and of A's and B's providers
    std::map<std::string, std::size_t> metric_index;
    std::vector<double> values_a, values_b;  // the runs of A and B themselves

    State(const ScenarioDifference& d, const ShapleyOptions& o) : diff(d), options(o), n(static_cast<int>(d.parts().size())), groups(n) {
        for (const Metric& m : scenario_metrics(d.a())) add_metric(m.name);
        for (const Metric& m : scenario_metrics(d.b())) add_metric(m.name);
        values_a = values(d.a(), evaluate(d.a()));
        values_b = values(d.b(), evaluate(d.b()));
        for (const std::vector<int>& linked : d.linked_parts())
            for (std::size_t k = 1; k < linked.size(); ++k) groups.unite(linked[0], linked[k]);
        plan();
    }

    void add_metric(const std::string& name) {
        if (metric_index.emplace(name, metric_names.size()).second) metric_names.push_back(name);
    }

    // Every metric of a scenario's result; a provider the scenario lacks counts 0 (explain.h).
    std::vector<double> values(const Scenario& s, const Result& r) const {
        std::vector<double> out(metric_names.size(), 0.0);
        std::string error;
        for (std::size_t i = 0; i < metric_names.size(); ++i)
            if (auto m = parse_metric(s, metric_names[i], error)) out[i] = metric_value(*m, r);
        return out;
    }

    const Entry& get(const Coalition& parts) {
        const std::string key = key_of(parts);
        auto it = cache.find(key);
        if (it != cache.end()) return it->second;
        Entry e;
        CoalitionScenario c = diff.coalition(parts);
        if (c.scenario) {
            e.valid = true;
            e.values = values(*c.scenario, c.result ? *c.result : evaluate(*c.scenario));
        } else {
            e.problems = std::move(c.problems);
        }
        return cache.emplace(key, std::move(e)).first->second;
    }

    Coalition parts_of(const Coalition& in) const {
        Coalition out(static_cast<std::size_t>(n), 0);
        for (std::size_t k = 0; k < in.size(); ++k)
            if (in[k])
                for (int p : players[k]) out[static_cast<std::size_t>(p)] = 1;
        return out;
    }

    // The players as the groups stand, and the combinations the attribution over them needs: every
    // coalition when exact, the coalitions along the sampled orders otherwise. The empty and the full
    // coalition are A and B themselves.
    void plan() {
        players.clear();
        std::map<int, std::size_t> player_of;
        for (int p = 0; p < n; ++p) {
            auto [it, fresh] = player_of.emplace(groups.find(p), players.size());
            if (fresh) players.emplace_back();
            players[it->second].push_back(p);
        }
        needed.clear();
        next = 0;
        const int m = static_cast<int>(players.size());
        if (m < 2) return;
        Coalition in(static_cast<std::size_t>(m));
        if (shapley_exact(m, options)) {
            for (std::size_t mask = 1; mask + 1 < (std::size_t{1} << m); ++mask) {
                for (int i = 0; i < m; ++i) in[static_cast<std::size_t>(i)] = (mask >> i) & 1u;
                needed.push_back(parts_of(in));
            }
            return;
        }
        std::set<std::string> seen;
        for (const std::vector<int>& order : shapley_orders(m, options)) {
            std::fill(in.begin(), in.end(), std::uint8_t{0});
            for (std::size_t k = 0; k + 1 < order.size(); ++k) {
                in[static_cast<std::size_t>(order[k])] = 1;
                Coalition parts = parts_of(in);
                if (seen.insert(key_of(parts)).second) needed.push_back(std::move(parts));
            }
        }
    }

    // MODEL §13: a combination that does not validate. Its first problem lies in some part (or in what both
    // scenarios share); the groups whose switch alone makes that problem go away are what it conflicts
    // with, so they are attributed together from now on. When none can be found, every part is attributed
    // together: one contribution, the whole change.
    void regroup(const Coalition& failed) {
        const std::vector<CoalitionProblem> problems = get(failed).problems;
        const CoalitionProblem first = problems.empty() ? CoalitionProblem{} : problems.front();
        std::vector<int> merge;
        if (first.part >= 0) merge.push_back(first.part);
        for (const std::vector<int>& g : players) {
            if (first.part >= 0 && groups.find(g[0]) == groups.find(first.part)) continue;
            Coalition toggled = failed;
            for (int p : g) toggled[static_cast<std::size_t>(p)] ^= 1;
            const Entry& e = get(toggled);
            if (e.valid || std::find(e.problems.begin(), e.problems.end(), first) == e.problems.end()) merge.push_back(g[0]);
        }
        if (merge.size() < 2) {
            merge.resize(static_cast<std::size_t>(n));
            std::iota(merge.begin(), merge.end(), 0);
        }
        for (int p : merge) groups.unite(merge[0], p);
        plan();
    }
};

Explainer::Explainer(const ScenarioDifference& diff, const ShapleyOptions& options) : state_(std::make_unique<State>(diff, options)) {}

Explainer::~Explainer() = default;

bool Explainer::step(int combinations) {
    State& s = *state_;
    while (s.next < s.needed.size()) {
        const Coalition& c = s.needed[s.next];
        const bool known = s.cache.count(key_of(c)) > 0;  // known ones cost nothing (after a regrouping)
        if (!known && combinations-- <= 0) return false;
        if (!s.get(c).valid) {
            s.regroup(c);
            continue;
        }
        ++s.next;
    }
    return true;
}

bool Explainer::done() const { return state_->next >= state_->needed.size(); }

double Explainer::progress() const {
    const State& s = *state_;
    return s.needed.empty() ? 1.0 : static_cast<double>(s.next) / static_cast<double>(s.needed.size());
}

std::optional<Explanation> Explainer::explanation(const std::string& metric, std::string& error) const {
    const State& s = *state_;
    const Scenario &a = s.diff.a(), &b = s.diff.b();
    if (!done()) {
        error = "the explanation is not finished: call step() until it returns true";
        return std::nullopt;
    }
    // The metric must name something in A or in B (a provider only one of them has counts 0 in the other).
    {
        std::string err_a, err_b;
        if (!parse_metric(a, metric, err_a) && !parse_metric(b, metric, err_b)) {
            error = err_a;
            return std::nullopt;
        }
    }
    const auto found = s.metric_index.find(metric);
    if (found == s.metric_index.end()) {  // every metric of A and of B is indexed; this would be a bug
        error = "\"" + metric + "\" was not kept for the combinations";
        return std::nullopt;
    }
    const std::size_t index = found->second;
    Explanation ex;
    ex.metric = metric;
    ex.value_a = s.values_a[index];
    ex.value_b = s.values_b[index];
    const std::string null_text = "\"" + metric + "\" is null (nothing served, or no AGI) in ";
    if (std::isnan(ex.value_a) || std::isnan(ex.value_b)) {
        error = null_text + "scenario \"" + (std::isnan(ex.value_a) ? a.name : b.name) + "\": it cannot be split into contributions";
        return std::nullopt;
    }
    ex.delta = ex.value_b - ex.value_a;
    if (s.n == 0 && ex.delta != 0) {  // every difference that moves a number is a part; this would be a bug
        error = "the scenarios differ in \"" + metric + "\" but no part of their documents differs";
        return std::nullopt;
    }
    auto value = [&](const Coalition& in) -> std::optional<double> {
        const auto count = static_cast<std::size_t>(std::count(in.begin(), in.end(), std::uint8_t{1}));
        if (count == 0) return ex.value_a;  // A and B themselves: their runs, by definition
        if (count == in.size()) return ex.value_b;
        const double v = s.cache.at(key_of(s.parts_of(in))).values[index];
        if (std::isnan(v)) return std::nullopt;
        return v;
    };
    const std::optional<ShapleyValues> sv = shapley_values(static_cast<int>(s.players.size()), value, s.options);
    if (!sv) {
        error = null_text + "a combination of the changes between \"" + a.name + "\" and \"" + b.name +
                "\": it cannot be split into contributions";
        return std::nullopt;
    }
    ex.exact = sv->exact;
    ex.permutations = sv->permutations;
    // Distinct scenarios run: the combinations, and A and B unless a regrouping built them as combinations.
    const auto cached = [&](std::uint8_t bit) { return s.cache.count(key_of(Coalition(static_cast<std::size_t>(s.n), bit))) > 0; };
    ex.coalitions = static_cast<std::int64_t>(s.cache.size()) + (s.n > 0 && cached(0) ? 0 : 1) + (s.n > 0 && cached(1) ? 0 : 1);
    CompensatedSum sum;
    const std::vector<ScenarioPart>& parts = s.diff.parts();
    for (std::size_t k = 0; k < s.players.size(); ++k) {
        Contribution c;
        for (int p : s.players[k]) {
            const ScenarioPart& part = parts[static_cast<std::size_t>(p)];
            c.part += (c.part.empty() ? "" : " + ") + part.name;
            c.pointers.push_back(part.pointer);
        }
        c.pointer = c.pointers.front();
        c.value = sv->values[k];
        sum.add(c.value);
        ex.contributions.push_back(std::move(c));
    }
    // What rounding leaves of delta − Σ contributions (a few ulps of the values) goes to the largest
    // contribution, so the contributions add up to the difference exactly (MODEL §13).
    if (!ex.contributions.empty()) {
        auto largest = std::max_element(ex.contributions.begin(), ex.contributions.end(),
                                        [](const Contribution& x, const Contribution& y) { return std::fabs(x.value) < std::fabs(y.value); });
        largest->value += ex.delta - sum.value();
    }
    return ex;
}

std::optional<Explanation> explain(const ScenarioDifference& diff, const std::string& metric, std::string& error,
                                   const ShapleyOptions& options) {
    Explainer ex(diff, options);
    while (!ex.step(1 << 20)) {
    }
    return ex.explanation(metric, error);
}

}  // namespace pactscope
