#include "io/analysis_io.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <tuple>

#include "io/csv_text.h"
#include "io/scenario_inputs.h"
#include "io/value_text.h"
#include "model/quarter.h"
#include "io/result_io.h"

namespace pactscope {

namespace {
using ojson = nlohmann::ordered_json;

ojson num(double x) { return std::isnan(x) ? ojson(nullptr) : ojson(x); }

// The totals that can be null in a trial carry share_missing (MODEL §10.11).
bool can_be_missing(int total) { return total_fields()[static_cast<std::size_t>(total)].nullable(); }

// {figure: f(stat)} for one stakeholder, in table order.
template <class Field, class Value, class ToJson>
ojson figures_json(const std::vector<Field>& fields, const std::vector<Value>& values, ToJson to_json) {
    ojson o;
    for (std::size_t f = 0; f < fields.size() && f < values.size(); ++f) o[fields[f].name] = to_json(values[f]);
    return o;
}

// The six statistics of MODEL §6, in output order.
std::array<std::pair<const char*, double>, 6> stat_fields(const Stat& s) {
    return {{{"mean", s.mean}, {"p5", s.p5}, {"p10", s.p10}, {"p50", s.p50}, {"p90", s.p90}, {"p95", s.p95}}};
}

ojson stat_json(const Stat& s, bool with_missing) {
    ojson o;
    const bool none = s.count == 0;
    for (auto [k, v] : stat_fields(s))
        o[k] = none ? ojson(nullptr) : ojson(v);
    if (with_missing) o["share_missing"] = s.share_missing;
    return o;
}

ojson delta_json(const PairedDelta& d, bool with_missing) {
    ojson o = stat_json(d.delta, with_missing);
    if (d.direction != 0) {
        o["p_a_better"] = d.p_a_better();
        o["p_b_better"] = d.p_b_better();
    } else {
        o["p_a_lower"] = d.p_a_lower;
        o["p_b_lower"] = d.p_b_lower;
    }
    o["p_equal"] = d.p_equal;
    return o;
}

// Rows "prefix,statistic,,value,label" for a Stat (the label: the metric in words, MODEL §8).
void stat_rows(std::string& out, const std::string& prefix, const Stat& s, const std::string& label) {
    const bool none = s.count == 0;
    std::string tail = ",";  // not "," + std::string: GCC 12's -Wrestrict false positive (csv_text.h)
    tail += csv_field(label);
    tail += '\n';
    for (auto [k, v] : stat_fields(s))
        out += prefix + "," + k + ",," + (none ? std::string() : shortest_number(v)) + tail;
    out += prefix + ",share_missing,," + shortest_number(s.share_missing) + tail;
}

// A metric's label and direction in a scenario ("OpenAI — net", "higher is better for OpenAI net").
MetricLabel label_of(const Scenario& s, const std::string& metric) { return metric_label({&s}, metric); }

void add_labels(ojson& o, const Scenario& s, const std::string& metric) {
    const MetricLabel l = label_of(s, metric);
    o["metric_label"] = l.name;
    o["direction"] = l.direction_text;
}

std::string axis_label(const SweepAxis& a, double v) { return a.quarters ? quarter_label(static_cast<int>(v)) : shortest_number(v); }

ojson axis_json(const SweepAxis& a) {
    ojson vals = ojson::array();
    for (double v : a.values) vals.push_back(a.quarters ? ojson(quarter_label(static_cast<int>(v))) : ojson(v));
    return {{"path", a.pointer}, {"values", vals}};
}
}  // namespace

ojson summary_to_json(const Scenario& s, const McSummary& m) {
    ojson o;
    o["schema"] = "pactscope/simulation@1";
    o["scenario"] = s.name;
    o["trials"] = m.trials_done;
    o["seed"] = m.seed;
    if (m.correlation_scale < 1) o["correlation_scale"] = m.correlation_scale;
    ojson totals;
    for (int t = 0; t < kTotalCount && t < static_cast<int>(m.totals.size()); ++t)
        totals[total_names()[t]] = stat_json(m.totals[t], can_be_missing(t));
    o["totals"] = totals;
    ojson st;
    auto stat = [](const Stat& x) { return stat_json(x, false); };
    st["buyer"] = figures_json(buyer_figures(), m.buyer, stat);
    for (std::size_t p = 0; p < m.providers.size(); ++p) st[s.providers[p].id] = figures_json(provider_figures(), m.providers[p], stat);
    o["stakeholders"] = st;
    ojson quarters = ojson::array();
    for (int q = 0; q < s.quarters(); ++q) quarters.push_back(quarter_label(s.start + q));
    auto band = [](const Band& b) { return ojson{{"p10", b.p10}, {"p50", b.p50}, {"p90", b.p90}}; };
    o["bands"] = {{"quarters", quarters}, {"cost_usd", band(m.cost_usd)}, {"shortfall_h100e", band(m.shortfall_h100e)}};
    return o;
}

std::string summary_to_csv(const Scenario& s, const McSummary& m) {
    std::string out = "table,id,metric,statistic,quarter,value,label\n";
    for (int t = 0; t < kTotalCount && t < static_cast<int>(m.totals.size()); ++t)
        stat_rows(out, "totals,," + total_names()[t], m.totals[t], total_fields()[static_cast<std::size_t>(t)].label);
    for (std::size_t f = 0; f < m.buyer.size(); ++f)
        stat_rows(out, std::string("stakeholders,buyer,") + buyer_figures()[f].name, m.buyer[f],
                  label_of(s, std::string("buyer.") + buyer_figures()[f].name).name);
    for (std::size_t p = 0; p < m.providers.size(); ++p)
        for (std::size_t f = 0; f < m.providers[p].size(); ++f)
            stat_rows(out, "stakeholders," + csv_field(s.providers[p].id) + "," + provider_figures()[f].name, m.providers[p][f],
                      label_of(s, s.providers[p].id + "." + provider_figures()[f].name).name);
    for (auto [name, b, label] : {std::tuple{"cost_usd", &m.cost_usd, "Total cost"}, {"shortfall_h100e", &m.shortfall_h100e, "Unserved compute"}})
        for (auto [stat, v] : {std::pair{"p10", &b->p10}, {"p50", &b->p50}, {"p90", &b->p90}})
            for (std::size_t q = 0; q < v->size(); ++q)
                out += std::string("bands,,") + name + "," + stat + "," + quarter_label(s.start + static_cast<int>(q)) + "," +
                       shortest_number((*v)[q]) + "," + label + "\n";
    return out;
}

std::string samples_to_csv(const Simulation& sim) {
    const Scenario& s = sim.scenario();
    Sampler sampler(s, sim.seed());
    const std::vector<QRef>& qs = sampler.uncertain();
    std::string out = "trial";
    for (QRef q : qs) add_cell(out, csv_field(s.quantities[q].pointer));
    for (const std::string& n : total_names()) add_cell(out, n);
    for (const auto& f : buyer_figures()) add_cell(out, std::string("buyer.") + f.name);
    for (const Provider& p : s.providers)
        for (const auto& f : provider_figures()) add_cell(out, csv_field(p.id + "." + f.name));
    out += "\n";
    // Every metric's column at once (derived figures are recomputed into their own buffer).
    std::vector<std::vector<double>> scratch(static_cast<std::size_t>(sim.metric_count()));
    std::vector<const double*> columns;
    for (int m = 0; m < sim.metric_count(); ++m) columns.push_back(sim.sample_column(m, scratch[static_cast<std::size_t>(m)]));
    std::vector<double> values = s.medians();
    for (std::int64_t i = 0; i < sim.trials_done(); ++i) {
        sampler.draw_inputs(i, values.data());
        out += std::to_string(i);
        for (QRef q : qs) add_cell(out, shortest_number(values[q]));
        for (const double* column : columns) add_cell(out, csv_number(column[i]));
        out += "\n";
    }
    return out;
}

ojson comparison_to_json(const std::vector<const Scenario*>& ss, const Comparison& c) {
    ojson o;
    o["schema"] = "pactscope/comparison@1";
    o["trials"] = c.summaries.empty() ? 0 : c.summaries[0].trials_done;
    o["seed"] = c.summaries.empty() ? 0 : c.summaries[0].seed;
    ojson scen = ojson::array();
    for (std::size_t k = 0; k < c.summaries.size(); ++k) {
        ojson full = summary_to_json(*ss[k], c.summaries[k]);
        scen.push_back({{"name", ss[k]->name}, {"totals", full["totals"]}, {"stakeholders", full["stakeholders"]}});
    }
    o["scenarios"] = scen;
    ojson pairs = ojson::array();
    for (const PairComparison& pc : c.pairs) {
        ojson p;
        p["a"] = ss[pc.a]->name;
        p["b"] = ss[pc.b]->name;
        ojson totals;
        for (int t = 0; t < kTotalCount; ++t) totals[total_names()[t]] = delta_json(pc.totals[t], can_be_missing(t));
        p["totals"] = totals;
        ojson st;
        auto delta = [](const PairedDelta& d) { return delta_json(d, false); };
        st["buyer"] = figures_json(buyer_figures(), pc.buyer, delta);
        for (std::size_t k = 0; k < pc.provider_ids.size(); ++k) st[pc.provider_ids[k]] = figures_json(provider_figures(), pc.providers[k], delta);
        p["stakeholders"] = st;
        pairs.push_back(p);
    }
    o["pairs"] = pairs;
    return o;
}

std::vector<std::string> deal_names(const std::vector<const Scenario*>& ss) {
    std::vector<std::string> names;
    for (const Scenario* s : ss) names.push_back(s->name);
    return unique_names(names);
}

std::vector<std::string> unique_names(const std::vector<std::string>& names) {
    std::vector<std::string> out;
    for (std::size_t k = 0; k < names.size(); ++k) {
        const std::string base = names[k].empty() ? "scenario " + std::to_string(k + 1) : names[k];
        std::string name = base;
        for (int n = 2; std::find(out.begin(), out.end(), name) != out.end(); ++n) name = base + " (" + std::to_string(n) + ")";
        out.push_back(name);
    }
    return out;
}

std::string comparison_to_csv(const std::vector<const Scenario*>& ss, const Comparison& c) {
    const std::vector<std::string> names = deal_names(ss);
    const std::size_t n = std::min(ss.size(), c.summaries.size());
    std::string out = "table,id,metric,unit,better";
    for (std::size_t k = 0; k < n; ++k)
        for (auto [stat, v] : stat_fields(Stat{})) add_cell(out, csv_field(names[k] + " " + stat));
    for (const PairComparison& pc : c.pairs) {
        const std::string &a = names[static_cast<std::size_t>(pc.a)], &b = names[static_cast<std::size_t>(pc.b)];
        for (auto [stat, v] : stat_fields(Stat{})) add_cell(out, csv_field(b + " - " + a + " " + stat));
        for (const std::string& p : {"P(" + a + " better than " + b + ")", "P(" + b + " better than " + a + ")", "P(" + a + " equal to " + b + ")",
                                     "P(" + a + " lower than " + b + ")", "P(" + b + " lower than " + a + ")"})
            add_cell(out, csv_field(p));
    }
    out += ",label\n";
    auto stat_cells = [&](const Stat* st) {
        for (auto [k, v] : stat_fields(st ? *st : Stat{})) add_cell(out, st && st->count > 0 ? shortest_number(v) : std::string());
    };
    auto delta_cells = [&](const PairedDelta* d) {
        stat_cells(d ? &d->delta : nullptr);
        const bool any = d && d->delta.count > 0, directed = any && d->direction != 0;
        add_cell(out, directed ? shortest_number(d->p_a_better()) : std::string());
        add_cell(out, directed ? shortest_number(d->p_b_better()) : std::string());
        for (double p : {any ? d->p_equal : 0.0, any ? d->p_a_lower : 0.0, any ? d->p_b_lower : 0.0}) add_cell(out, any ? shortest_number(p) : std::string());
    };
    auto direction = [](int d) { return d < 0 ? "lower" : d > 0 ? "higher" : "none"; };
    // One row: the metric's identity, then each scenario's statistics and each pair's delta (null: empty cells).
    auto row = [&](const std::string& table, const std::string& id, const char* metric, ValueUnit unit, int dir, auto stat_of, auto delta_of) {
        out += table + "," + csv_field(id) + "," + metric + "," + csv_field(value_unit_csv_name(unit)) + "," + direction(dir);
        for (std::size_t k = 0; k < n; ++k) stat_cells(stat_of(k));
        for (const PairComparison& pc : c.pairs) delta_cells(delta_of(pc));
        add_cell(out, csv_field(metric_label(ss, id.empty() ? std::string(metric) : id + "." + metric).name));  // MODEL §8 words
        out += "\n";
    };
    auto at = [](const auto& v, std::size_t i) { return i < v.size() ? &v[i] : nullptr; };
    for (std::size_t t = 0; t < kTotalFields.size(); ++t)
        row("totals", "", kTotalFields[t].name, kTotalFields[t].unit, kTotalFields[t].direction,
            [&](std::size_t k) { return at(c.summaries[k].totals, t); }, [&](const PairComparison& pc) { return at(pc.totals, t); });
    for (std::size_t f = 0; f < buyer_figures().size(); ++f) {
        const auto& fig = buyer_figures()[f];
        row("stakeholders", "buyer", fig.name, fig.unit, fig.direction, [&](std::size_t k) { return at(c.summaries[k].buyer, f); },
            [&](const PairComparison& pc) { return at(pc.buyer, f); });
    }
    std::vector<std::string> ids;  // every provider of any scenario, in order of first appearance
    for (std::size_t k = 0; k < n; ++k)
        for (const Provider& p : ss[k]->providers)
            if (std::find(ids.begin(), ids.end(), p.id) == ids.end()) ids.push_back(p.id);
    for (const std::string& id : ids)
        for (std::size_t f = 0; f < provider_figures().size(); ++f) {
            const auto& fig = provider_figures()[f];
            auto stat_of = [&](std::size_t k) -> const Stat* {
                const auto& ps = ss[k]->providers;
                for (std::size_t p = 0; p < ps.size(); ++p)
                    if (ps[p].id == id && p < c.summaries[k].providers.size()) return at(c.summaries[k].providers[p], f);
                return nullptr;
            };
            auto delta_of = [&](const PairComparison& pc) -> const PairedDelta* {
                for (std::size_t p = 0; p < pc.provider_ids.size(); ++p)
                    if (pc.provider_ids[p] == id) return at(pc.providers[p], f);
                return nullptr;
            };
            row("stakeholders", id, fig.name, fig.unit, fig.direction, stat_of, delta_of);
        }
    return out;
}

ojson sweep_to_json(const std::vector<const Scenario*>& ss, const std::string& metric, const SweepGrid& g,
                    const std::vector<SweepCrossing>& crossings) {
    ojson o;
    o["schema"] = "pactscope/sweep@1";
    o["metric"] = metric;
    if (!ss.empty()) add_labels(o, *ss[0], metric);
    ojson axes = ojson::array();
    for (const SweepAxis& a : g.axes) {
        ojson aj = axis_json(a);
        if (!ss.empty()) aj["label"] = input_name(*ss[0], a.pointer);
        axes.push_back(aj);
    }
    o["params"] = axes;
    const std::size_t n1 = g.axes.size() > 1 ? g.axes[1].values.size() : 1;
    auto grid = [&](auto cell) {
        ojson rows = ojson::array();
        const std::size_t n0 = g.axes.empty() ? 1 : g.axes[0].values.size();
        for (std::size_t i = 0; i < n0; ++i) {
            if (g.axes.size() < 2) { rows.push_back(cell(i)); continue; }
            ojson row = ojson::array();
            for (std::size_t j = 0; j < n1; ++j) row.push_back(cell(i * n1 + j));
            rows.push_back(row);
        }
        return rows;
    };
    ojson scen = ojson::array();
    for (std::size_t k = 0; k < ss.size(); ++k)
        scen.push_back({{"name", ss[k]->name}, {"values", grid([&](std::size_t c) { return num(g.values[k][c]); })}});
    o["scenarios"] = scen;
    if (ss.size() > 1)
        o["best"] = grid([&](std::size_t c) { return g.best[c] < 0 ? ojson(nullptr) : ojson(ss[g.best[c]]->name); });
    if (ss.size() > 1 && !g.axes.empty()) {
        ojson be = ojson::array();
        for (const SweepCrossing& x : crossings) {
            ojson e;
            e["a"] = ss[static_cast<std::size_t>(x.a)]->name;
            e["b"] = ss[static_cast<std::size_t>(x.b)]->name;
            if (x.row >= 0 && g.axes.size() > 1) e[g.axes[1].pointer] = axis_json(g.axes[1])["values"][static_cast<std::size_t>(x.row)];
            e["value"] = g.axes[0].quarters ? ojson(quarter_label(static_cast<int>(x.at.value))) : ojson(x.at.value);
            e["metric_a"] = num(x.at.metric_a);
            e["metric_b"] = num(x.at.metric_b);
            e["jump"] = x.at.jump;
            be.push_back(e);
        }
        o["break_even"] = be;
    }
    return o;
}

std::string sweep_to_csv(const std::vector<const Scenario*>& ss, const std::string& metric, const SweepGrid& g,
                         const std::vector<SweepCrossing>& crossings, const std::vector<std::string>& not_drawn) {
    const std::vector<std::string> names = deal_names(ss);
    std::string unit;
    if (!ss.empty()) {
        std::string error;
        if (auto m = parse_metric(*ss[0], metric, error)) unit = std::string(" (") + value_unit_csv_name(metric_unit(*m)) + ")";
    }
    std::string out = "kind,scenario,versus";
    // Each input's unit as the input picker names it (scenario_inputs.h); quarter inputs are written as labels.
    const std::vector<ScenarioInput> inputs = ss.empty() ? std::vector<ScenarioInput>{} : scenario_inputs(*ss[0]);
    for (const SweepAxis& axis : g.axes) {
        const ScenarioInput* in = find_input(inputs, axis.pointer);
        const std::string words = axis.quarters ? "quarter" : in ? in->unit : "";
        add_cell(out, csv_field(axis.pointer + (words.empty() ? "" : " (" + words + ")")));
    }
    add_cell(out, csv_field(metric + unit));
    add_cell(out, csv_field(metric + " of versus" + unit));
    out += ",best,jump,label\n";
    auto label = [&](std::size_t k) { return csv_field(label_of(*ss[k], metric).name); };  // in this scenario's words (MODEL §8)
    // Deals holding an input at different pointers (the page matches it across deals, MODEL §8): one row per
    // deal first, saying where each was swept, so no column header is read for a deal it does not describe.
    bool moved = false;
    for (const SweepAxis& axis : g.axes)
        for (std::size_t k = 0; k < ss.size(); ++k) moved = moved || axis.pointer_in(k) != axis.pointer;
    for (std::size_t k = 0; moved && k < ss.size(); ++k) {
        out += "input," + csv_field(names[k]) + ",";
        for (const SweepAxis& axis : g.axes) add_cell(out, csv_field(axis.pointer_in(k)));
        out += ",,,,,\n";  // metric, metric of versus, best, jump, label: empty
    }
    for (const std::string& name : not_drawn) {  // deals without the input: named, so the table does not hide them
        out += "not_drawn," + csv_field(name) + ",";
        for (std::size_t a = 0; a < g.axes.size(); ++a) add_cell(out, "");
        out += ",,,,,\n";
    }
    const std::size_t n0 = g.axes.empty() ? 1 : g.axes[0].values.size();
    const std::size_t n1 = g.axes.size() > 1 ? g.axes[1].values.size() : 1;
    for (std::size_t k = 0; k < ss.size(); ++k)
        for (std::size_t i = 0; i < n0; ++i)
            for (std::size_t j = 0; j < n1; ++j) {
                const std::size_t c = i * n1 + j;
                out += "cell," + csv_field(names[k]) + ",";
                if (!g.axes.empty()) add_cell(out, axis_label(g.axes[0], g.axes[0].values[i]));
                if (g.axes.size() > 1) add_cell(out, axis_label(g.axes[1], g.axes[1].values[j]));
                add_cell(out, csv_number(g.values[k][c]));
                add_cell(out, "");
                add_cell(out, ss.size() > 1 && g.best[c] >= 0 ? csv_field(names[static_cast<std::size_t>(g.best[c])]) : std::string());
                out += ",," + label(k) + "\n";
            }
    for (const SweepCrossing& x : crossings) {
        if (g.axes.empty()) break;
        out += "break_even," + csv_field(names[static_cast<std::size_t>(x.a)]) + "," + csv_field(names[static_cast<std::size_t>(x.b)]);
        add_cell(out, axis_label(g.axes[0], x.at.value));
        if (g.axes.size() > 1) add_cell(out, x.row >= 0 ? axis_label(g.axes[1], g.axes[1].values[static_cast<std::size_t>(x.row)]) : std::string());
        add_cell(out, csv_number(x.at.metric_a));
        add_cell(out, csv_number(x.at.metric_b));
        out += x.at.jump ? ",,yes," : ",,no,";
        out += label(static_cast<std::size_t>(x.a)) + "\n";
    }
    return out;
}

ojson sensitivity_to_json(const Scenario& s, const std::string& metric, const Tornado& t, const std::vector<Importance>& imp,
                          std::int64_t trials) {
    ojson o;
    o["schema"] = "pactscope/sensitivity@1";
    o["scenario"] = s.name;
    o["metric"] = metric;
    add_labels(o, s, metric);
    o["base"] = num(t.base);
    ojson bars = ojson::array();
    for (const TornadoBar& b : t.bars)
        bars.push_back({{"path", b.pointer}, {"value_p10", b.value_p10}, {"value_p90", b.value_p90}, {"metric_p10", num(b.metric_p10)},
                        {"metric_p90", num(b.metric_p90)}, {"swing", num(b.swing())}, {"label", input_name(s, b.pointer)}});
    o["tornado"] = bars;
    ojson im = ojson::array();
    for (const Importance& i : imp)
        im.push_back({{"path", i.pointer}, {"rank_correlation", i.rank_correlation}, {"label", input_name(s, i.pointer)}});
    o["importance"] = {{"trials", trials}, {"inputs", im}};
    return o;
}

ojson break_even_to_json(const std::vector<const Scenario*>& ss, const std::string& metric, const SweepAxis& range,
                         const BreakEven& be) {
    ojson o;
    o["schema"] = "pactscope/break_even@1";
    o["a"] = ss[0]->name;
    o["b"] = ss[1]->name;
    o["metric"] = metric;
    add_labels(o, *ss[0], metric);
    o["path"] = range.pointer;
    o["path_label"] = input_name(*ss[0], range.pointer);
    auto label = [&](double v) { return range.quarters ? ojson(quarter_label(static_cast<int>(v))) : ojson(v); };
    o["range"] = {label(be.lo), label(be.hi)};
    o["found"] = be.found;
    o["value"] = be.found ? label(be.value) : ojson(nullptr);
    o["metric_a"] = be.found ? num(be.metric_a) : ojson(nullptr);
    o["metric_b"] = be.found ? num(be.metric_b) : ojson(nullptr);
    o["jump"] = be.found && be.jump;
    o["a_minus_b_at_range"] = {num(be.diff_lo), num(be.diff_hi)};
    return o;
}

ojson outside_horizon_to_json(const Scenario& s, const std::vector<HorizonEdge>& edges) {
    ojson out = ojson::array();
    for (const HorizonEdge& e : edges)
        out.push_back({{"kind", to_string(e.kind)},
                       {"pointer", e.pointer},
                       {"provider", e.provider >= 0 ? ojson(s.providers[static_cast<std::size_t>(e.provider)].id) : ojson(nullptr)},
                       {"text", e.text},
                       {"amount_usd", num(e.amount_usd)},
                       {"moves", e.moves}});
    return out;
}

}  // namespace pactscope
