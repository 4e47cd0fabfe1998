// scenario_read.cpp — validation and parsing of scenario documents.
//
// [SECTION] Ranges and messages
// [SECTION] Reader: keys, strings, quarters, ids
// [SECTION] Reader: uncertain quantities (SPEC §2, §10.2)
// [SECTION] Document sections: horizon, gpus, providers, workloads, clauses, policy, uncertainty
// [SECTION] Entry points
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

#include "engine.h"
#include "json_strict.h"
#include "number_text.h"
#include "quarter.h"
#include "scenario_io.h"

namespace pactscope {

namespace {

using nlohmann::json;

//-----------------------------------------------------------------------------
// [SECTION] Ranges and messages
//-----------------------------------------------------------------------------

struct Range {
    double lo, hi;
    bool lo_open;
    const char* text;
};
constexpr Range kNonNeg{0, kInf, false, ">= 0"};
constexpr Range kPositive{0, kInf, true, "> 0"};
constexpr Range kUnit{0, 1, false, "in [0, 1]"};
constexpr Range kGrowth{-1, kInf, true, "> -1"};
constexpr Range kPue{1, kInf, false, ">= 1"};
constexpr Range kHours{0, kHoursPerQuarter, false, "in [0, 2190] (hours in a quarter)"};

bool in_range(double x, const Range& r) {
    if (r.lo_open ? !(x > r.lo) : !(x >= r.lo)) return false;
    return x <= r.hi;
}

std::string num(double x) { return shortest_number(x); }

const char* type_name(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
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
std::optional<double> parse_number(std::string_view s) {
    std::string t(s);
    if (t.empty() || std::isspace(static_cast<unsigned char>(t.front()))) return std::nullopt;
    char* end = nullptr;
    double v = std::strtod(t.c_str(), &end);
    if (end != t.c_str() + t.size() || !std::isfinite(v)) return std::nullopt;
    if (t.find_first_of("xXnN") != std::string::npos) return std::nullopt;  // no hex, nan, inf
    return v;
}

std::string trim(std::string_view s) {
    std::size_t a = 0, b = s.size();
    while (a < b && std::isspace(static_cast<unsigned char>(s[a]))) ++a;
    while (b > a && std::isspace(static_cast<unsigned char>(s[b - 1]))) --b;
    return std::string(s.substr(a, b - a));
}

// "a to b" -> (a, b) as strings; nothing if the text has no " to ".
std::optional<std::pair<std::string, std::string>> split_interval(std::string_view s) {
    auto at = s.find(" to ");
    if (at == std::string_view::npos) return std::nullopt;
    return std::make_pair(trim(s.substr(0, at)), trim(s.substr(at + 4)));
}

//-----------------------------------------------------------------------------
// [SECTION] Reader: keys, strings, quarters, ids
//-----------------------------------------------------------------------------

// The keys an object may hold: `allowed` apply; `inapplicable` exist in the
// schema but not for this object's kind/payer/trigger/match (SPEC §10.3).
struct KeySet {
    std::vector<std::string> allowed;
    std::vector<std::pair<std::string, std::string>> inapplicable;  // key, reason
};

class Reader {
public:
    Issues issues;
    Scenario s;

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
        return v;
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
    // [SECTION] Reader: uncertain quantities (SPEC §2, §10.2)
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
            q.dist = Dist::lognormal;  // SPEC §2: P5 = a, P95 = b
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
        struct Shape {
            const char* name;
            Dist dist;
            std::vector<std::string> params;
        };
        static const std::vector<Shape> shapes = {
            {"normal", Dist::normal, {"mean", "sd"}},          {"lognormal", Dist::lognormal, {"p5", "p95"}},
            {"uniform", Dist::uniform, {"min", "max"}},        {"triangular", Dist::triangular, {"min", "mode", "max"}},
            {"pert", Dist::pert, {"min", "mode", "max"}},      {"point", Dist::point, {"value"}},
        };
        auto shape = std::find_if(shapes.begin(), shapes.end(), [&](const Shape& sh) { return *name == sh.name; });
        if (shape == shapes.end()) {
            error(p + "/dist", "unknown distribution \"" + *name + "\"; use normal, lognormal, uniform, triangular, pert or point");
            return -1;
        }
        q.dist = shape->dist;
        KeySet keys{{"dist", "clip"}, {}};
        for (auto& k : shape->params) keys.allowed.push_back(k);
        std::size_t before = issues.size();
        check_keys(o, p, keys);
        double v[3] = {0, 0, 0};
        for (std::size_t i = 0; i < shape->params.size(); ++i) {
            const std::string& k = shape->params[i];
            const json* j = get(o, p, k.c_str(), true);
            if (!j) continue;
            if (!j->is_number()) {
                error(p + "/" + k, std::string("expected a number, found ") + type_name(*j));
                continue;
            }
            v[i] = j->get<double>();
            if (k != "sd") check_value(v[i], r, p + "/" + k, "");
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
    void clause(const json& o, const std::string& p);
    void agi_date(const json& o, const std::string& p, Clause& c);
    void policy(const json& doc);
    void uncertainty(const json& doc);
};

void Reader::document(const json& doc) {
    if (!is_object(doc, "")) return;
    check_keys(doc, "", {{"schema", "name", "description", "sources", "horizon", "gpus", "buyer", "providers", "workloads",
                          "contract", "policy", "uncertainty"},
                         {}});
    if (auto schema = string(doc, "", "schema", true); schema && *schema != "pactscope/scenario@1")
        error("/schema", "unsupported schema \"" + *schema + "\"; this version reads \"pactscope/scenario@1\"");
    if (auto n = string(doc, "", "name", false)) s.name = *n, s.has_name = true;
    if (auto d = string(doc, "", "description", false)) s.description = *d, s.has_description = true;
    sources(doc);
    horizon(doc);
    gpus(doc);
    buyer(doc);
    if (const json* ps = get(doc, "", "providers", true)) {
        if (!ps->is_array()) error("/providers", std::string("expected an array of providers, found ") + type_name(*ps));
        else {
            provider_ids(*ps);
            for (std::size_t i = 0; i < ps->size(); ++i)
                if (is_object((*ps)[i], "/providers/" + std::to_string(i)))
                    provider((*ps)[i], "/providers/" + std::to_string(i), s.providers[i]);
        }
    }
    if (const json* ws = get(doc, "", "workloads", true)) {
        if (!ws->is_array()) error("/workloads", std::string("expected an array of workloads, found ") + type_name(*ws));
        else {
            std::set<std::string> ids;
            for (std::size_t i = 0; i < ws->size(); ++i) workload((*ws)[i], "/workloads/" + std::to_string(i), ids);
        }
    }
    if (const json* cs = get(doc, "", "contract", true)) {
        if (!cs->is_array()) error("/contract", std::string("expected an array of clauses, found ") + type_name(*cs));
        else
            for (std::size_t i = 0; i < cs->size(); ++i) clause((*cs)[i], "/contract/" + std::to_string(i));
    }
    policy(doc);
    uncertainty(doc);
}

void Reader::sources(const json& doc) {
    const json* arr = get(doc, "", "sources", false);
    if (!arr) return;
    s.has_sources = true;
    if (!arr->is_array()) {
        error("/sources", std::string("expected an array of sources, found ") + type_name(*arr));
        return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        std::string p = "/sources/" + std::to_string(i);
        const json& o = (*arr)[i];
        if (!is_object(o, p)) continue;
        check_keys(o, p, {{"id", "title", "url", "date"}, {}});
        Source src;
        if (auto id = string(o, p, "id", true, true)) {
            src.id = *id;
            if (!ids.insert(*id).second) error(p + "/id", "duplicate source id \"" + *id + "\"");
        }
        if (auto t = string(o, p, "title", true)) src.title = *t;
        if (auto u = string(o, p, "url", true)) src.url = *u;
        if (auto d = string(o, p, "date", true)) src.date = *d;
        s.sources.push_back(src);
    }
}

void Reader::horizon(const json& doc) {
    const json* h = get(doc, "", "horizon", true);
    if (!h || !is_object(*h, "/horizon")) {
        s.start = s.end = 0;
        return;
    }
    check_keys(*h, "/horizon", {{"start", "end", "discount_rate_per_year"}, {}});
    auto a = quarter(*h, "/horizon", "start", true);
    auto b = quarter(*h, "/horizon", "end", true);
    s.start = a.value_or(0);
    s.end = b.value_or(s.start);
    if (a && b) {
        if (*b < *a) error("/horizon/end", "end " + quarter_label(*b) + " is before start " + quarter_label(*a));
        else if (*b - *a + 1 > 200)
            error("/horizon/end", "the horizon has " + std::to_string(*b - *a + 1) + " quarters; at most 200 are allowed");
    }
    if (s.end < s.start || s.end - s.start + 1 > 200) s.end = s.start;  // keep later checks meaningful
    s.discount_rate_per_year = quantity(*h, "/horizon", "discount_rate_per_year", kUnit, 0.0);
}

void Reader::gpus(const json& doc) {
    const json* g = get(doc, "", "gpus", true);
    if (!g || !is_object(*g, "/gpus")) return;
    for (auto it = g->begin(); it != g->end(); ++it) {
        std::string p = "/gpus/" + pointer_escape(it.key());
        Gpu gpu;
        gpu.name = it.key();
        if (gpu.name.empty()) error(p, "GPU names must not be empty");
        if (is_object(it.value(), p)) {
            check_keys(it.value(), p, {{"it_kw", "h100e"}, {}});
            gpu.it_kw = quantity(it.value(), p, "it_kw", kPositive, std::nullopt);
            gpu.h100e = quantity(it.value(), p, "h100e", kPositive, std::nullopt);
        }
        s.gpus.push_back(gpu);
    }
}

void Reader::buyer(const json& doc) {
    const json* b = get(doc, "", "buyer", true);
    if (!b || !is_object(*b, "/buyer")) return;
    check_keys(*b, "/buyer", {{"id", "name"}, {}});
    if (auto id = string(*b, "/buyer", "id", true, true)) s.buyer_id = *id;
    if (auto n = string(*b, "/buyer", "name", false)) s.buyer_name = *n, s.has_buyer_name = true;
}

void Reader::provider_ids(const json& arr) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < arr.size(); ++i) {
        Provider pr;
        std::string p = "/providers/" + std::to_string(i);
        if (arr[i].is_object()) {
            if (auto id = string(arr[i], p, "id", true, true)) {
                pr.id = *id;
                if (!seen.insert(*id).second) error(p + "/id", "duplicate provider id \"" + *id + "\"");
                if (*id == "buyer") error(p + "/id", "\"buyer\" is reserved for the buyer's stakeholder entry; choose another id");
            }
        }
        s.providers.push_back(pr);
    }
}

void Reader::provider(const json& o, const std::string& p, Provider& pr) {
    auto kind = string(o, p, "kind", true);
    bool owned = kind && *kind == "owned";
    if (kind && *kind != "cloud" && *kind != "owned") error(p + "/kind", "kind must be \"cloud\" or \"owned\", not \"" + *kind + "\"");
    pr.kind = owned ? ProviderKind::owned : ProviderKind::cloud;
    KeySet keys{{"id", "name", "kind", "pue", "capacity", "egress", "onboarding_usd", "overhead_usd_per_quarter",
                 "outages_per_year", "outage_hours", "source", "note"},
                {}};
    const std::vector<std::string> cloud_keys = {"price_usd_per_h100e_hour", "price_change_per_year"};
    const std::vector<std::string> owned_keys = {"capex_usd_per_mw", "amortization_years", "opex_usd_per_mw_year", "power_usd_per_mwh"};
    for (auto& k : owned ? owned_keys : cloud_keys) keys.allowed.push_back(k);
    for (auto& k : owned ? cloud_keys : owned_keys)
        keys.inapplicable.push_back({k, owned ? "to an owned provider (it pays capex, opex and power instead of a price)"
                                              : "to a cloud provider (only owned providers have capex, opex and power costs)"});
    check_keys(o, p, keys);
    if (auto n = string(o, p, "name", false)) pr.name = *n;
    pr.pue = quantity(o, p, "pue", kPue, 1.0);
    if (const json* cap = get(o, p, "capacity", true)) {
        if (!cap->is_array()) error(p + "/capacity", std::string("expected an array of tranches, found ") + type_name(*cap));
        else
            for (std::size_t i = 0; i < cap->size(); ++i) {
                Tranche t;
                tranche((*cap)[i], p + "/capacity/" + std::to_string(i), t);
                pr.capacity.push_back(t);
            }
    }
    if (const json* e = get(o, p, "egress", false)) egress(*e, p + "/egress", pr.egress);
    pr.onboarding_usd = quantity(o, p, "onboarding_usd", kNonNeg, 0.0);
    pr.overhead_usd_per_quarter = quantity(o, p, "overhead_usd_per_quarter", kNonNeg, 0.0);
    pr.outages_per_year = quantity(o, p, "outages_per_year", kNonNeg, 0.0);
    pr.outage_hours = quantity(o, p, "outage_hours", kHours, 0.0);
    if (owned) {
        pr.capex_usd_per_mw = quantity(o, p, "capex_usd_per_mw", kNonNeg, std::nullopt);
        pr.amortization_years = quantity(o, p, "amortization_years", kPositive, std::nullopt);
        pr.opex_usd_per_mw_year = quantity(o, p, "opex_usd_per_mw_year", kNonNeg, 0.0);
        pr.power_usd_per_mwh = quantity(o, p, "power_usd_per_mwh", kNonNeg, std::nullopt);
    } else {
        pr.price_usd_per_h100e_hour = quantity(o, p, "price_usd_per_h100e_hour", kNonNeg, std::nullopt);
        pr.price_change_per_year = quantity(o, p, "price_change_per_year", kGrowth, 0.0);
    }
    provenance(o, p, pr.prov);
}

void Reader::tranche(const json& o, const std::string& p, Tranche& t) {
    if (!is_object(o, p)) return;
    check_keys(o, p, {{"online", "mw", "gpu", "slip_quarters", "source", "note"}, {}});
    t.online = quarter(o, p, "online", true).value_or(0);
    t.mw = quantity(o, p, "mw", kNonNeg, std::nullopt);
    if (auto g = string(o, p, "gpu", true)) {
        auto it = std::find_if(s.gpus.begin(), s.gpus.end(), [&](const Gpu& x) { return x.name == *g; });
        if (it == s.gpus.end()) {
            std::string msg = "unknown GPU \"" + *g + "\"; /gpus defines: ";
            for (std::size_t i = 0; i < s.gpus.size(); ++i) msg += (i ? ", " : "") + s.gpus[i].name;
            if (s.gpus.empty()) msg += "(none)";
            error(p + "/gpu", msg);
        } else {
            t.gpu = static_cast<int>(it - s.gpus.begin());
        }
    }
    t.slip_quarters = quantity(o, p, "slip_quarters", kNonNeg, 0.0);
    provenance(o, p, t.prov);
}

void Reader::egress(const json& o, const std::string& p, Egress& e) {
    if (!is_object(o, p)) return;
    e.present = true;
    check_keys(o, p, {{"free_tb_per_month", "tiers"}, {}});
    e.free_tb_per_month = quantity(o, p, "free_tb_per_month", kNonNeg, 0.0);
    const json* tiers = get(o, p, "tiers", true);
    if (!tiers) return;
    if (!tiers->is_array() || tiers->empty()) {
        error(p + "/tiers", "expected a non-empty array of tiers, the last with \"up_to_tb\": null");
        return;
    }
    double prev = 0;
    for (std::size_t i = 0; i < tiers->size(); ++i) {
        std::string tp = p + "/tiers/" + std::to_string(i);
        const json& t = (*tiers)[i];
        if (!is_object(t, tp)) continue;
        check_keys(t, tp, {{"up_to_tb", "usd_per_gb"}, {}});
        EgressTier tier;
        bool last = i + 1 == tiers->size();
        auto up = t.find("up_to_tb");
        if (up == t.end()) error(tp + "/up_to_tb", "required key \"up_to_tb\" is missing (use null on the last tier)");
        else if (up->is_null()) {
            if (!last) error(tp + "/up_to_tb", "only the last tier may have \"up_to_tb\": null");
            tier.unlimited = true;
        } else if (auto v = plain(*up, tp + "/up_to_tb", kNonNeg)) {
            tier.up_to_tb = *v;
            if (*v < prev) error(tp + "/up_to_tb", "up_to_tb " + num(*v) + " is below the previous tier's " + num(prev) + "; tiers must not decrease");
            prev = std::max(prev, *v);
            if (last) error(tp + "/up_to_tb", "the last tier must have \"up_to_tb\": null so every volume has a price");
        }
        tier.usd_per_gb = quantity(t, tp, "usd_per_gb", kNonNeg, std::nullopt);
        e.tiers.push_back(tier);
    }
}

void Reader::workload(const json& o, const std::string& p, std::set<std::string>& ids) {
    if (!is_object(o, p)) return;
    Workload w;
    auto kind = string(o, p, "kind", true);
    if (kind && *kind != "inference" && *kind != "training")
        error(p + "/kind", "kind must be \"inference\" or \"training\", not \"" + *kind + "\"");
    w.kind = kind && *kind == "training" ? WorkloadKind::training : WorkloadKind::inference;
    KeySet keys{{"id", "kind", "demand", "egress_gb_per_h100e_hour", "value_usd_per_h100e_hour", "home", "source", "note"}, {}};
    if (w.kind == WorkloadKind::training) keys.allowed.push_back("block_h100e");
    else keys.inapplicable.push_back({"block_h100e", "to an inference workload (blocks are for training clusters)"});
    check_keys(o, p, keys);
    if (auto id = string(o, p, "id", true, true)) {
        w.id = *id;
        if (!ids.insert(*id).second) error(p + "/id", "duplicate workload id \"" + *id + "\"");
    }
    if (const json* d = get(o, p, "demand", true); d && is_object(*d, p + "/demand")) {
        std::string dp = p + "/demand";
        if (d->contains("series")) {
            w.demand_is_series = true;
            check_keys(*d, dp, {{"series"}, {{"start_h100e", "next to \"series\" (give either series or start_h100e + growth_per_year)"},
                                              {"growth_per_year", "next to \"series\" (give either series or start_h100e + growth_per_year)"}}});
            const json& ser = (*d)["series"];
            int T = s.quarters();
            if (!ser.is_array()) error(dp + "/series", std::string("expected an array of ") + std::to_string(T) + " values, found " + type_name(ser));
            else if (static_cast<int>(ser.size()) != T)
                error(dp + "/series", "has " + std::to_string(ser.size()) + " values; the horizon has " + std::to_string(T) + " quarters");
            else
                for (std::size_t i = 0; i < ser.size(); ++i) w.series.push_back(quantity_value(ser[i], dp + "/series/" + std::to_string(i), kNonNeg));
        } else {
            check_keys(*d, dp, {{"start_h100e", "growth_per_year"}, {}});
            w.start_h100e = quantity(*d, dp, "start_h100e", kNonNeg, std::nullopt);
            w.growth_per_year = quantity(*d, dp, "growth_per_year", kGrowth, std::nullopt);
        }
    }
    if (w.kind == WorkloadKind::training) w.block_h100e = quantity(o, p, "block_h100e", kNonNeg, 0.0);
    w.egress_gb_per_h100e_hour = quantity(o, p, "egress_gb_per_h100e_hour", kNonNeg, 0.0);
    w.value_usd_per_h100e_hour = quantity(o, p, "value_usd_per_h100e_hour", kNonNeg, std::nullopt);
    if (o.contains("home")) w.home = provider_ref(o, p, "home");
    provenance(o, p, w.prov);
    s.workloads.push_back(w);
}

void Reader::clause(const json& o, const std::string& p) {
    if (!is_object(o, p)) return;
    auto type = string(o, p, "type", true);
    if (!type) return;
    static const std::vector<std::pair<std::string, ClauseType>> types = {
        {"exclusive", ClauseType::exclusive},          {"rofr", ClauseType::rofr},
        {"preferred", ClauseType::preferred},          {"commitment", ClauseType::commitment},
        {"api_exclusivity", ClauseType::api_exclusivity}, {"revenue_share", ClauseType::revenue_share},
        {"ip_access", ClauseType::ip_access},          {"agi", ClauseType::agi}};
    auto t = std::find_if(types.begin(), types.end(), [&](auto& e) { return e.first == *type; });
    if (t == types.end()) {
        error(p + "/type", "unknown clause type \"" + *type +
                               "\"; use exclusive, rofr, preferred, commitment, api_exclusivity, revenue_share, ip_access or agi");
        return;
    }
    Clause c;
    c.type = t->second;
    KeySet keys{{"type", "from", "to", "source", "note"}, {}};
    auto add = [&](std::initializer_list<const char*> ks) { for (auto k : ks) keys.allowed.push_back(k); };
    switch (c.type) {
        case ClauseType::exclusive: add({"holder", "waivers", "waiver_max_share"}); break;
        case ClauseType::rofr: {
            add({"holder", "scope", "response_quarters", "match"});
            auto m = o.find("match");
            if (m != o.end() && m->is_string() && *m == "price") add({"tolerance"});
            else keys.inapplicable.push_back({"tolerance", "unless \"match\" is \"price\""});
            break;
        }
        case ClauseType::preferred: add({"holder", "min_share"}); break;
        case ClauseType::commitment: add({"provider", "usd", "discount", "take_or_pay"}); break;
        case ClauseType::api_exclusivity: add({"holder"}); break;
        case ClauseType::revenue_share: {
            add({"payer", "holder", "rate", "cap_usd"});
            auto pay = o.find("payer");
            if (pay != o.end() && pay->is_string() && *pay == "holder") add({"holder_api_revenue_usd_per_quarter"});
            else keys.inapplicable.push_back({"holder_api_revenue_usd_per_quarter", "unless \"payer\" is \"holder\""});
            break;
        }
        case ClauseType::ip_access: add({"holder", "value_usd_per_quarter"}); break;
        case ClauseType::agi: {
            add({"trigger"});
            auto tr = o.find("trigger");
            std::string trig = tr != o.end() && tr->is_string() ? tr->get<std::string>() : "date";
            if (trig == "date") add({"date"}); else keys.inapplicable.push_back({"date", "unless \"trigger\" is \"date\""});
            if (trig == "profit") add({"profit_threshold_usd"});
            else keys.inapplicable.push_back({"profit_threshold_usd", "unless \"trigger\" is \"profit\""});
            break;
        }
    }
    check_keys(o, p, keys);

    if (auto f = quarter(o, p, "from", false)) c.has_from = true, c.from = *f;
    bool is_agi = false;
    if (c.type == ClauseType::agi && o.contains("to") && o["to"] == "agi")
        error(p + "/to", "an agi clause's window cannot end at \"agi\" (SPEC §10.5); give a quarter or leave \"to\" out");
    else if (auto to = quarter(o, p, "to", false, true, &is_agi))
        c.has_to = true, c.to = *to;
    if (is_agi) c.has_to = true, c.to_agi = true;
    if (c.has_from && c.has_to && !c.to_agi && c.from > c.to)
        error(p + "/to", "to " + quarter_label(c.to) + " is before from " + quarter_label(c.from));

    switch (c.type) {
        case ClauseType::exclusive: {
            c.holder = provider_ref(o, p, "holder");
            if (const json* w = get(o, p, "waivers", false)) {
                if (!w->is_array()) error(p + "/waivers", std::string("expected an array of provider ids, found ") + type_name(*w));
                else
                    for (std::size_t i = 0; i < w->size(); ++i) {
                        std::string wp = p + "/waivers/" + std::to_string(i);
                        if (!(*w)[i].is_string()) error(wp, std::string("expected a provider id, found ") + type_name((*w)[i]));
                        else {
                            int idx = provider_index((*w)[i].get<std::string>(), wp);
                            if (idx >= 0 && std::find(c.waivers.begin(), c.waivers.end(), idx) != c.waivers.end())
                                error(wp, "provider \"" + (*w)[i].get<std::string>() + "\" is listed twice");
                            else if (idx >= 0) c.waivers.push_back(idx);
                        }
                    }
            }
            c.waiver_max_share = quantity(o, p, "waiver_max_share", kUnit, 1.0);
            break;
        }
        case ClauseType::rofr: {
            c.holder = provider_ref(o, p, "holder");
            if (auto sc = string(o, p, "scope", false)) {
                if (*sc == "all") c.scope = RofrScope::all;
                else if (*sc == "training") c.scope = RofrScope::training;
                else if (*sc == "inference") c.scope = RofrScope::inference;
                else error(p + "/scope", "scope must be \"all\", \"training\" or \"inference\", not \"" + *sc + "\"");
            }
            c.response_quarters = quantity(o, p, "response_quarters", kNonNeg, 0.0);
            if (auto m = string(o, p, "match", false)) {
                if (*m == "capacity") c.match = RofrMatch::capacity;
                else if (*m == "price") c.match = RofrMatch::price;
                else error(p + "/match", "match must be \"capacity\" or \"price\", not \"" + *m + "\"");
            }
            if (c.match == RofrMatch::price) c.tolerance = quantity(o, p, "tolerance", kUnit, 0.0);
            break;
        }
        case ClauseType::preferred:
            c.holder = provider_ref(o, p, "holder");
            c.min_share = quantity(o, p, "min_share", kUnit, std::nullopt);
            break;
        case ClauseType::commitment:
            c.provider = provider_ref(o, p, "provider");
            c.usd = quantity(o, p, "usd", kNonNeg, std::nullopt);
            c.discount = quantity(o, p, "discount", kUnit, 0.0);
            c.take_or_pay = quantity(o, p, "take_or_pay", kUnit, 1.0);
            break;
        case ClauseType::api_exclusivity: c.holder = provider_ref(o, p, "holder"); break;
        case ClauseType::revenue_share: {
            if (auto pay = string(o, p, "payer", false)) {
                if (*pay == "buyer") c.payer = SharePayer::buyer;
                else if (*pay == "holder") c.payer = SharePayer::holder;
                else error(p + "/payer", "payer must be \"buyer\" or \"holder\", not \"" + *pay + "\"");
            }
            c.holder = provider_ref(o, p, "holder");
            c.rate = quantity(o, p, "rate", kUnit, std::nullopt);
            if (o.contains("cap_usd")) c.cap_usd = quantity(o, p, "cap_usd", kNonNeg, std::nullopt);
            if (c.payer == SharePayer::holder)
                c.holder_api_revenue_usd_per_quarter = quantity(o, p, "holder_api_revenue_usd_per_quarter", kNonNeg, std::nullopt);
            break;
        }
        case ClauseType::ip_access:
            c.holder = provider_ref(o, p, "holder");
            c.value_usd_per_quarter = quantity(o, p, "value_usd_per_quarter", kNonNeg, std::nullopt);
            break;
        case ClauseType::agi: {
            if (auto tr = string(o, p, "trigger", false)) {
                if (*tr == "date") c.trigger = AgiTrigger::date;
                else if (*tr == "profit") c.trigger = AgiTrigger::profit;
                else if (*tr == "none") c.trigger = AgiTrigger::none;
                else error(p + "/trigger", "trigger must be \"date\", \"profit\" or \"none\", not \"" + *tr + "\"");
            }
            if (c.trigger == AgiTrigger::date) agi_date(o, p, c);
            if (c.trigger == AgiTrigger::profit) c.profit_threshold_usd = quantity(o, p, "profit_threshold_usd", kNonNeg, std::nullopt);
            break;
        }
    }
    provenance(o, p, c.prov);
    s.contract.push_back(c);
}

void Reader::agi_date(const json& o, const std::string& p, Clause& c) {
    const json* d = get(o, p, "date", true);
    if (!d) return;
    std::string dp = p + "/date";
    if (!d->is_string()) {
        error(dp, std::string("expected a quarter \"2030Q1\" or a range \"2028Q1 to 2031Q4\", found ") + type_name(*d));
        return;
    }
    std::string text = d->get<std::string>();
    Quantity q;
    q.pointer = dp;
    q.form = Form::label;
    if (auto one = parse_quarter(text)) {
        q.p0 = *one - s.start;
    } else if (auto parts = split_interval(text)) {
        auto a = parse_quarter(parts->first), b = parse_quarter(parts->second);
        if (!a || !b) {
            error(dp, "\"" + text + "\" is not a quarter range; write it like \"2028Q1 to 2031Q4\"");
            return;
        }
        if (*a > *b) {
            error(dp, "range \"" + text + "\" ends before it starts");
            return;
        }
        q.dist = *a == *b ? Dist::point : Dist::quarters;
        q.p0 = *a - s.start, q.p1 = *b - s.start;
    } else {
        error(dp, "\"" + text + "\" is not a quarter; write it like \"2030Q1\" or \"2028Q1 to 2031Q4\"");
        return;
    }
    c.date = add(q);
}

void Reader::policy(const json& doc) {
    const json* po = get(doc, "", "policy", true);
    json empty = json::object();
    if (!po || !is_object(*po, "/policy")) po = &empty;
    check_keys(*po, "/policy", {{"max_share_per_provider", "sticky", "failover"}, {}});
    s.policy.max_share_per_provider = quantity(*po, "/policy", "max_share_per_provider", kUnit, 1.0);
    s.policy.sticky = boolean(*po, "/policy", "sticky", true);
    s.policy.failover = boolean(*po, "/policy", "failover", true);
}

void Reader::uncertainty(const json& doc) {
    const json* u = get(doc, "", "uncertainty", true);
    json empty = json::object();
    if (!u || !is_object(*u, "/uncertainty")) u = &empty;
    const std::string p = "/uncertainty";
    check_keys(*u, p, {{"trials", "seed", "correlations"}, {}});
    if (const json* t = get(*u, p, "trials", false)) {
        if (!t->is_number()) error(p + "/trials", std::string("expected a whole number of trials, found ") + type_name(*t));
        else {
            double v = std::round(t->get<double>());  // SPEC §1: round half away from zero
            if (v < 1 || v > 1e6) error(p + "/trials", num(t->get<double>()) + " is out of range: trials must be 1 to 1,000,000");
            else s.uncertainty.trials = static_cast<std::int64_t>(v);
        }
    }
    if (const json* sd = get(*u, p, "seed", false)) {
        if (sd->is_number_unsigned()) s.uncertainty.seed = sd->get<std::uint64_t>();
        else if (sd->is_number_integer()) error(p + "/seed", "seed must be an integer >= 0");
        else if (sd->is_number_float()) {
            double v = sd->get<double>();
            if (v < 0 || v != std::floor(v) || v >= 18446744073709551616.0) error(p + "/seed", "seed must be an integer >= 0, not " + num(v));
            else s.uncertainty.seed = static_cast<std::uint64_t>(v);
        } else
            error(p + "/seed", std::string("expected an integer >= 0, found ") + type_name(*sd));
    }
    const json* cs = get(*u, p, "correlations", false);
    if (!cs) return;
    if (!cs->is_array()) {
        error(p + "/correlations", std::string("expected an array, found ") + type_name(*cs));
        return;
    }
    std::set<std::pair<QRef, QRef>> pairs;
    for (std::size_t i = 0; i < cs->size(); ++i) {
        std::string cp = p + "/correlations/" + std::to_string(i);
        const json& o = (*cs)[i];
        if (!is_object(o, cp)) continue;
        check_keys(o, cp, {{"a", "b", "rho"}, {}});
        Correlation cor;
        bool ok = true;
        for (const char* side : {"a", "b"}) {
            auto ptr = string(o, cp, side, true);
            if (!ptr) { ok = false; continue; }
            QRef q = s.find_quantity(*ptr);
            // A field that already failed validation was not registered: its own error says enough.
            bool failed = std::any_of(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.pointer.rfind(*ptr, 0) == 0; });
            if (q < 0 && failed) ok = false;
            else if (q < 0) error(cp + "/" + side, "\"" + *ptr + "\" does not point at a numeric input of this scenario"), ok = false;
            else if (!s.quantities[q].uncertain())
                error(cp + "/" + side, "\"" + *ptr + "\" is a fixed value; only uncertain inputs can be correlated"), ok = false;
            (std::string(side) == "a" ? cor.a : cor.b) = *ptr;
            (std::string(side) == "a" ? cor.qa : cor.qb) = q;
        }
        if (const json* r = get(o, cp, "rho", true)) {
            if (auto v = plain(*r, cp + "/rho", Range{-1, 1, false, "in [-1, 1]"})) cor.rho = *v;
            else ok = false;
        } else ok = false;
        if (ok && cor.qa == cor.qb) error(cp + "/b", "an input cannot be correlated with itself"), ok = false;
        if (ok && !pairs.insert({std::min(cor.qa, cor.qb), std::max(cor.qa, cor.qb)}).second)
            error(cp, "this pair of inputs is already correlated above"), ok = false;
        if (ok) s.uncertainty.correlations.push_back(cor);
    }
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Entry points
//-----------------------------------------------------------------------------

LoadedScenario load_scenario_document(const nlohmann::json& document) {
    Reader r;
    r.document(document);
    LoadedScenario out;
    if (!r.issues.empty()) {
        out.issues = std::move(r.issues);
        return out;
    }
    // SPEC §10.2: a scenario whose results would not be finite is invalid.
    Result res = evaluate(r.s);
    if (!result_is_finite(res)) {
        out.issues.push_back({"", "the results of this scenario would not be finite (an input is too large: check growth rates, "
                                  "prices and capacities)"});
        return out;
    }
    out.scenario = std::move(r.s);
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

const char* to_string(ClauseType t) {
    switch (t) {
        case ClauseType::exclusive: return "exclusive";
        case ClauseType::rofr: return "rofr";
        case ClauseType::preferred: return "preferred";
        case ClauseType::commitment: return "commitment";
        case ClauseType::api_exclusivity: return "api_exclusivity";
        case ClauseType::revenue_share: return "revenue_share";
        case ClauseType::ip_access: return "ip_access";
        case ClauseType::agi: return "agi";
    }
    return "?";
}

}  // namespace pactscope
