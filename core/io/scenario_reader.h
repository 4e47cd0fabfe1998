// scenario_reader.h — internal to core: the validating reader behind load_scenario.
//
// Reader walks a JSON document once, fills a Scenario and collects every
// problem as an Issue (pointer + message). Its helpers (keys, strings,
// quarters, uncertain quantities with their ranges, MODEL §2 and §10.2) live
// here; the document's sections are read in scenario_read_document.cpp and
// scenario_read_contract.cpp; the entry points are in scenario_read.cpp.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "io/clause_types.h"
#include "io/issue.h"
#include "io/input_limits.h"
#include "model/number_text.h"
#include "model/quarter.h"
#include "model/scenario.h"

namespace pactscope {
namespace detail {

using nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Ranges and messages (the ranges themselves: clause_types.h)
//-----------------------------------------------------------------------------

inline bool in_range(double x, const Range& r) {
    if (r.lo_open ? !(x > r.lo) : !(x >= r.lo)) return false;
    return x <= r.hi;
}

inline std::string num(double x) { return shortest_number(x); }

inline const char* type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

inline std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t prev = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cur = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] == b[j - 1] ? 0 : 1)});
            prev = cur;
        }
    }
    return row[b.size()];
}

// Parses a whole string as a finite number.
inline std::optional<double> parse_number(std::string_view s) {
    std::string t(s);
    if (t.empty() || std::isspace(static_cast<unsigned char>(t.front()))) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
    if (t.find_first_of("xXnN") != std::string::npos) return std::nullopt;  // no hex, nan, inf
    return v;
}

inline std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

// "a to b" -> (a, b) as strings; nothing if the text has no " to ".
inline std::optional<std::pair<std::string, std::string>> split_interval(std::string_view s) {
    auto at = s.find(" to ");
    if (at == std::string_view::npos) return std::nullopt;
    return std::make_pair(trim(s.substr(0, at)), trim(s.substr(at + 4)));
}

//-----------------------------------------------------------------------------
// [SECTION] Reader: keys, strings, quarters, ids
//-----------------------------------------------------------------------------

// The keys an object may hold: `allowed` apply; `inapplicable` exist in the
// schema but not for this object's kind/payer/trigger/match (MODEL §10.3).
struct KeySet {
    std::vector<std::string> allowed;
    std::vector<std::pair<std::string, std::string>> inapplicable;  // key, reason
};

class Reader {
public:
    Issues issues;
    Scenario s;
    std::vector<std::string> clause_pointers;  // "/contract/i" of each clause in s.contract

    void error(std::string pointer, std::string message) { issues.push_back({std::move(pointer), std::move(message)}); }

    bool is_object(const json& j, const std::string& ptr) {
        if (j.is_object()) return true;
        error(ptr, std::string("expected an object, found ") + type_name(j));
        return false;
    }

    void check_keys(const json& o, const std::string& ptr, const KeySet& keys) {
        for (auto it = o.begin(); it != o.end(); ++it) {
            const std::string& k = it.key();
            if (std::find(keys.allowed.begin(), keys.allowed.end(), k) != keys.allowed.end()) continue;
            std::string p = ptr + "/" + pointer_escape(k);
            auto na = std::find_if(keys.inapplicable.begin(), keys.inapplicable.end(), [&](auto& e) { return e.first == k; });
            if (na != keys.inapplicable.end()) {
                error(p, "\"" + k + "\" does not apply " + na->second);
                continue;
            }
            std::string best;
            std::size_t best_d = 1000;
            for (const auto& a : keys.allowed) {
                std::size_t d = edit_distance(k, a);
                if (d < best_d) best_d = d, best = a;
            }
            std::string msg = "unknown key \"" + k + "\"";
            if (!best.empty() && best_d <= std::max<std::size_t>(2, k.size() / 3)) msg += " (did you mean \"" + best + "\"?)";
            else {
                msg += "; allowed here: ";
                for (std::size_t i = 0; i < keys.allowed.size(); ++i) msg += (i ? ", " : "") + keys.allowed[i];
            }
            error(p, msg);
        }
    }

    const json* get(const json& o, const std::string& ptr, const char* key, bool required) {
        auto it = o.find(key);
        if (it == o.end()) {
            if (required) error(ptr + "/" + key, std::string("required key \"") + key + "\" is missing");
            return nullptr;
        }
        if (it->is_null()) {
            error(ptr + "/" + key, "null is not a value here");
            return nullptr;
        }
        return &*it;
    }

    std::optional<std::string> string(const json& o, const std::string& ptr, const char* key, bool required, bool nonempty = false) {
        const json* j = get(o, ptr, key, required);
        if (!j) return std::nullopt;
        if (!j->is_string()) {
            error(ptr + "/" + key, std::string("expected a string, found ") + type_name(*j));
            return std::nullopt;
        }
        std::string v = j->get<std::string>();
        if (nonempty && v.empty()) {
            error(ptr + "/" + key, "must not be empty");
            return std::nullopt;
        }
        // input_limits.h: ids are short handles; everything else is prose.
        const std::size_t cap = std::string_view(key) == "id" ? kMaxIdBytes : kMaxTextBytes;
        if (v.size() > cap) {
            error(ptr + "/" + key, "is " + std::to_string(v.size()) + " bytes long; at most " + std::to_string(cap) + " are allowed");
            return std::nullopt;
        }
        return v;
    }

    // An array's length against its cap (input_limits.h); false (and an error) when it is longer.
    bool within(const json& arr, const std::string& ptr, std::size_t cap, const char* what) {
        if (arr.size() <= cap) return true;
        error(ptr, "has " + std::to_string(arr.size()) + " " + what + "; at most " + std::to_string(cap) + " are allowed");
        return false;
    }

    // Reads o[key] as one of `names` and returns its index; any other text is reported as:
    // KEY must be "a", "b" or "c", not "x".
    std::optional<int> choice_index(const json& o, const std::string& ptr, const char* key, const std::vector<const char*>& names,
                                    bool required = false) {
        auto v = string(o, ptr, key, required);
        if (!v) return std::nullopt;
        std::string allowed;
        int i = 0;
        for (const char* n : names) {
            if (*v == n) return i;
            if (i > 0) allowed += i + 1 == static_cast<int>(names.size()) ? " or " : ", ";
            allowed += '"';
            allowed += n;
            allowed += '"';
            ++i;
        }
        error(ptr + "/" + key, std::string(key) + " must be " + allowed + ", not \"" + *v + "\"");
        return std::nullopt;
    }

    // As choice_index, as an enum whose values list the names in the same order.
    template <class Enum>
    std::optional<Enum> choice(const json& o, const std::string& ptr, const char* key, std::initializer_list<const char*> names,
                               bool required = false) {
        auto i = choice_index(o, ptr, key, std::vector<const char*>(names), required);
        if (!i) return std::nullopt;
        return static_cast<Enum>(*i);
    }

    bool boolean(const json& o, const std::string& ptr, const char* key, bool def) {
        const json* j = get(o, ptr, key, false);
        if (!j) return def;
        if (!j->is_boolean()) {
            error(ptr + "/" + key, std::string("expected true or false, found ") + type_name(*j));
            return def;
        }
        return j->get<bool>();
    }

    // A quarter label; `allow_agi` accepts "agi" (returns nullopt and sets *is_agi).
    std::optional<int> quarter(const json& o, const std::string& ptr, const char* key, bool required, bool allow_agi = false,
                               bool* is_agi = nullptr) {
        const json* j = get(o, ptr, key, required);
        if (!j) return std::nullopt;
        std::string p = ptr + "/" + key;
        if (j->is_string()) {
            std::string v = j->get<std::string>();
            if (allow_agi && v == "agi") {
                *is_agi = true;
                return std::nullopt;
            }
            if (auto q = parse_quarter(v)) return q;
            error(p, "\"" + v + "\" is not a quarter; write it like \"2025Q1\"" + (allow_agi ? std::string(" or \"agi\"") : ""));
            return std::nullopt;
        }
        error(p, std::string("expected a quarter label like \"2025Q1\", found ") + type_name(*j));
        return std::nullopt;
    }

    int provider_ref(const json& o, const std::string& ptr, const char* key) {
        auto id = string(o, ptr, key, true);
        if (!id) return -1;
        return provider_index(*id, ptr + "/" + key);
    }

    int provider_index(const std::string& id, const std::string& ptr) {
        for (std::size_t i = 0; i < s.providers.size(); ++i)
            if (s.providers[i].id == id) return static_cast<int>(i);
        std::string msg = "unknown provider \"" + id + "\"; providers are: ";
        for (std::size_t i = 0; i < s.providers.size(); ++i) msg += (i ? ", " : "") + s.providers[i].id;
        if (s.providers.empty()) msg += "(none)";
        error(ptr, msg);
        return -1;
    }

    void provenance(const json& o, const std::string& ptr, Provenance& prov) {
        if (auto src = string(o, ptr, "source", false)) {
            prov.source = *src;
            bool known = std::any_of(s.sources.begin(), s.sources.end(), [&](const Source& x) { return x.id == *src; });
            if (!known) error(ptr + "/source", "unknown source id \"" + *src + "\"; it must be an id listed in /sources");
        }
        if (auto note = string(o, ptr, "note", false)) prov.note = *note;
    }

    //-------------------------------------------------------------------------
    // [SECTION] Reader: uncertain quantities (MODEL §2, §10.2)
    //-------------------------------------------------------------------------

    QRef add(Quantity q) {
        s.quantities.push_back(std::move(q));
        return static_cast<QRef>(s.quantities.size() - 1);
    }

    QRef point(const std::string& ptr, double value, const Range& r) {
        Quantity q;
        q.p0 = value;
        q.pointer = ptr;
        q.range_lo = r.lo;
        q.range_hi = r.hi;
        q.range_lo_open = r.lo_open;
        return add(q);
    }

    // Reads o[key] as an uncertain quantity; absent -> default (or an error if no default).
    QRef quantity(const json& o, const std::string& ptr, const char* key, const Range& r, std::optional<double> def) {
        std::string p = ptr + "/" + key;
        const json* j = get(o, ptr, key, !def.has_value());
        if (!j) return def ? point(p, *def, r) : -1;
        return quantity_value(*j, p, r);
    }

    bool check_value(double x, const Range& r, const std::string& ptr, const std::string& what) {
        if (in_range(x, r)) return true;
        error(ptr, what + num(x) + " is out of range: must be " + r.text);
        return false;
    }

    QRef quantity_value(const json& j, const std::string& p, const Range& r) {
        Quantity q;
        q.pointer = p;
        q.range_lo = r.lo;
        q.range_hi = r.hi;
        q.range_lo_open = r.lo_open;
        if (j.is_number()) {
            q.p0 = j.get<double>();
            if (!check_value(q.p0, r, p, "")) return -1;
            return add(q);
        }
        if (j.is_string()) return interval(j.get<std::string>(), p, r, q);
        if (j.is_object()) return distribution(j, p, r, q);
        error(p, std::string("expected a number, an interval string \"a to b\" or a distribution object, found ") + type_name(j));
        return -1;
    }

    QRef interval(const std::string& text, const std::string& p, const Range& r, Quantity& q) {
        auto parts = split_interval(text);
        std::optional<double> a, b;
        if (parts) a = parse_number(parts->first), b = parse_number(parts->second);
        if (!a || !b) {
            error(p, "\"" + text + "\" is not a number or a 90% interval; write it like \"1.2 to 3.0\"");
            return -1;
        }
        if (*a > *b) {
            error(p, "interval \"" + text + "\" has its lower end above its upper end");
            return -1;
        }
        bool lower_ok = check_value(*a, r, p, "lower end ");  // both ends are checked and reported
        bool upper_ok = check_value(*b, r, p, "upper end ");
        bool ok = lower_ok && upper_ok;
        q.form = Form::interval;
        q.written_lo = *a, q.written_hi = *b;
        if (*a > 0) {
            q.dist = Dist::lognormal;  // MODEL §2: P5 = a, P95 = b
            q.p0 = *a, q.p1 = *b;
        } else {
            q.dist = Dist::normal;
            q.p0 = 0.5 * (*a + *b), q.p1 = (*b - *a) / (2 * kZ95);
            if (r.lo_open && *b > *a) {
                error(p, "\"" + text + "\" is a normal distribution (its lower end is <= 0), unbounded below, but this field must be " +
                             r.text + "; use positive ends (a lognormal) or an object with \"clip\"");
                ok = false;
            }
        }
        return ok ? add(q) : -1;
    }

    QRef distribution(const json& o, const std::string& p, const Range& r, Quantity& q) {
        q.form = Form::object;
        auto name = string(o, p, "dist", true);
        if (!name) return -1;
        const auto& shapes = distribution_shapes();
        auto shape = std::find_if(shapes.begin(), shapes.end(), [&](const DistributionShape& sh) { return *name == sh.name; });
        if (shape == shapes.end()) {
            std::string names;
            for (std::size_t i = 0; i < shapes.size(); ++i) names += std::string(i == 0 ? "" : i + 1 == shapes.size() ? " or " : ", ") + shapes[i].name;
            error(p + "/dist", "unknown distribution \"" + *name + "\"; use " + names);
            return -1;
        }
        q.dist = shape->dist;
        KeySet keys{{"dist", "clip"}, {}};
        for (int i = 0; i < shape->param_count; ++i) keys.allowed.push_back(shape->params[i]);
        std::size_t before = issues.size();
        check_keys(o, p, keys);
        double v[3] = {0, 0, 0};
        for (int i = 0; i < shape->param_count; ++i) {
            const std::string k = shape->params[i];
            const json* j = get(o, p, k.c_str(), true);
            if (!j) continue;
            if (!j->is_number()) {
                error(p + "/" + k, std::string("expected a number, found ") + type_name(*j));
                continue;
            }
            v[i] = j->get<double>();
            if (i != shape->spread_param) check_value(v[i], r, p + "/" + k, "");
        }
        if (const json* c = get(o, p, "clip", false)) {
            if (!c->is_array() || c->size() != 2 || !(*c)[0].is_number() || !(*c)[1].is_number()) {
                error(p + "/clip", "expected [lo, hi], two numbers");
            } else {
                q.has_clip = true;
                q.clip_lo = (*c)[0].get<double>(), q.clip_hi = (*c)[1].get<double>();
                if (q.clip_lo > q.clip_hi) error(p + "/clip", "clip [lo, hi] needs lo <= hi");
                check_value(q.clip_lo, r, p + "/clip/0", "");
                check_value(q.clip_hi, r, p + "/clip/1", "");
            }
        }
        if (issues.size() != before) return -1;
        q.p0 = v[0], q.p1 = v[1], q.p2 = v[2];
        switch (q.dist) {
            case Dist::point: q.p0 = v[0]; break;
            case Dist::normal:
                if (v[1] < 0) error(p + "/sd", "sd must be >= 0");
                else if (r.lo_open && v[1] > 0 && !q.has_clip)
                    error(p, std::string("a normal distribution is unbounded below but this field must be ") + r.text +
                                 "; add \"clip\": [lo, hi] or use a lognormal");
                break;
            case Dist::lognormal:
                if (!(v[0] > 0)) error(p + "/p5", "a lognormal needs p5 > 0");
                else if (v[0] > v[1]) error(p, "a lognormal needs p5 <= p95");
                break;
            case Dist::uniform:
                if (v[0] > v[1]) error(p, "a uniform distribution needs min <= max");
                break;
            default:
                if (!(v[0] <= v[1] && v[1] <= v[2])) error(p, "needs min <= mode <= max");
                break;
        }
        if (issues.size() != before) return -1;
        return add(q);
    }

    // A plain number (no distribution), e.g. up_to_tb or rho.
    std::optional<double> plain(const json& j, const std::string& p, const Range& r) {
        if (!j.is_number()) {
            error(p, std::string("expected a plain number, found ") + type_name(j));
            return std::nullopt;
        }
        double v = j.get<double>();
        if (!check_value(v, r, p, "")) return std::nullopt;
        return v;
    }

    //-------------------------------------------------------------------------
    // [SECTION] Document sections
    //-------------------------------------------------------------------------

    void document(const json& doc);
    void sources(const json& doc);
    void horizon(const json& doc);
    void gpus(const json& doc);
    void buyer(const json& doc);
    void provider_ids(const json& arr);
    void provider(const json& o, const std::string& p, Provider& pr);
    void tranche(const json& o, const std::string& p, Tranche& t);
    void egress(const json& o, const std::string& p, Egress& e);
    void workload(const json& o, const std::string& p, std::set<std::string>& ids);
    void provider_cost(const json& o, const std::string& p, ProviderCost& pc);
    void clause(const json& o, const std::string& p);
    void clause_field(const json& o, const std::string& p, const ClauseField& f, Clause& c);
    void provider_list(const json& o, const std::string& p, const char* key, std::vector<int>& out);
    QRef agi_date(const json& o, const std::string& p, const char* key);
    void sla_tiers(const json& o, const std::string& p, const char* key, std::vector<SlaTier>& out);
    std::optional<double> tier_number(const json& o, const std::string& p, const char* key, const Range& r);
    void clause_rules(const std::string& p, const Clause& c);
    void contract_overlaps();
    void policy(const json& doc);
    void uncertainty(const json& doc);
};

}  // namespace detail
}  // namespace pactscope
