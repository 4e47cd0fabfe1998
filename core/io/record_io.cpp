#include "io/record_io.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "io/csv_text.h"
#include "io/json_strict.h"

namespace pactscope {

namespace {

using nlohmann::json;
using ojson = nlohmann::ordered_json;

// Calendar years a figure may name: wide enough for any history or plan, narrow enough to catch typos.
constexpr int kFirstYear = 1900, kLastYear = 2200;

const char* kind_of(const json& j) {
    switch (j.type()) {
        case json::value_t::null: return "null";
        case json::value_t::boolean: return "a boolean";
        case json::value_t::string: return "a string";
        case json::value_t::array: return "an array";
        case json::value_t::object: return "an object";
        default: return "a number";
    }
}

// Reads a record document, collecting every problem (like the scenario reader, SPEC §9).
struct RecordReader {
    Issues issues;
    Record rec;

    void error(const std::string& ptr, const std::string& msg) { issues.push_back({ptr, msg}); }

    bool object(const json& j, const std::string& ptr, std::initializer_list<const char*> keys) {
        if (!j.is_object()) {
            error(ptr, std::string("expected an object, found ") + kind_of(j));
            return false;
        }
        for (auto it = j.begin(); it != j.end(); ++it) {
            bool known = false;
            for (const char* k : keys) known = known || it.key() == k;
            if (!known) {
                std::string list;
                for (const char* k : keys) list += (list.empty() ? "" : ", ") + std::string(k);
                error(ptr + "/" + pointer_escape(it.key()), "unknown key \"" + it.key() + "\" (allowed: " + list + ")");
            }
        }
        return true;
    }

    std::optional<std::string> string(const json& o, const std::string& ptr, const char* key, bool required) {
        if (!o.contains(key)) {
            if (required) error(ptr + "/" + key, std::string("required key \"") + key + "\" is missing");
            return std::nullopt;
        }
        const json& j = o[key];
        if (!j.is_string()) {
            error(ptr + "/" + key, std::string("expected a string, found ") + kind_of(j));
            return std::nullopt;
        }
        return j.get<std::string>();
    }

    std::optional<double> number(const json& o, const std::string& ptr, const char* key) {
        if (!o.contains(key)) {
            error(ptr + "/" + key, std::string("required key \"") + key + "\" is missing");
            return std::nullopt;
        }
        const json& j = o[key];
        if (!j.is_number()) {
            error(ptr + "/" + key, std::string("expected a number, found ") + kind_of(j));
            return std::nullopt;
        }
        return j.get<double>();
    }

    std::optional<int> year(const json& j, const std::string& ptr) {
        if (!j.is_number() || j.get<double>() != std::floor(j.get<double>()) || j.get<double>() < kFirstYear || j.get<double>() > kLastYear) {
            error(ptr, "expected a calendar year (a whole number from " + std::to_string(kFirstYear) + " to " + std::to_string(kLastYear) +
                           "), found " + (j.is_number() ? j.dump() : std::string(kind_of(j))));
            return std::nullopt;
        }
        return static_cast<int>(j.get<double>());
    }

    // "years": [first, last], first <= last.
    bool years(const json& j, const std::string& ptr, int& first, int& last) {
        if (!j.is_array() || j.size() != 2) {
            error(ptr, std::string("expected [first year, last year], found ") + (j.is_array() ? "an array of " + std::to_string(j.size()) : kind_of(j)));
            return false;
        }
        auto a = year(j[0], ptr + "/0"), b = year(j[1], ptr + "/1");
        if (!a || !b) return false;
        if (*a > *b) {
            error(ptr, "the first year comes after the last");
            return false;
        }
        first = *a, last = *b;
        return true;
    }

    void document(const json& d) {
        if (!object(d, "", {"schema", "description", "sources", "presets", "figures"})) return;
        if (auto schema = string(d, "", "schema", true); schema && *schema != "pactscope/record@1")
            error("/schema", "expected \"pactscope/record@1\", found \"" + *schema + "\"");
        if (auto text = string(d, "", "description", false)) rec.description = *text;
        sources(d);
        presets(d);
        figures(d);
    }

    const json* array(const json& d, const char* key) {
        const std::string ptr = std::string("/") + key;
        if (!d.contains(key)) {
            error(ptr, std::string("required key \"") + key + "\" is missing");
            return nullptr;
        }
        if (!d[key].is_array()) {
            error(ptr, std::string("expected an array, found ") + kind_of(d[key]));
            return nullptr;
        }
        return &d[key];
    }

    void sources(const json& d) {
        const json* list = array(d, "sources");
        if (!list) return;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string ptr = "/sources/" + std::to_string(i);
            const json& o = (*list)[i];
            if (!object(o, ptr, {"id", "title", "url", "date"})) continue;
            Source s;
            auto id = string(o, ptr, "id", true), title = string(o, ptr, "title", true), url = string(o, ptr, "url", true),
                 date = string(o, ptr, "date", true);
            if (!id || !title || !url || !date) continue;
            if (id->empty()) error(ptr + "/id", "a source id must not be empty");
            else if (!seen.insert(*id).second) error(ptr + "/id", "source id \"" + *id + "\" is listed twice");
            rec.sources.push_back({*id, *title, *url, *date});
        }
    }

    void presets(const json& d) {
        const json* list = array(d, "presets");
        if (!list) return;
        std::set<std::string> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string ptr = "/presets/" + std::to_string(i);
            const json& o = (*list)[i];
            if (!object(o, ptr, {"id", "years", "note"})) continue;
            RecordPreset p;
            auto id = string(o, ptr, "id", true);
            if (!id) continue;
            if (!seen.insert(*id).second) error(ptr + "/id", "preset \"" + *id + "\" is listed twice");
            p.id = *id;
            // No "years": a counterfactual from its first quarter, not compared with the record.
            if (o.contains("years")) p.compared = years(o["years"], ptr + "/years", p.first_year, p.last_year);
            if (auto note = string(o, ptr, "note", false)) p.note = *note;
            rec.presets.push_back(p);
        }
    }

    void figures(const json& d) {
        const json* list = array(d, "figures");
        if (!list) return;
        std::set<std::string> seen, source_ids;
        for (const Source& s : rec.sources) source_ids.insert(s.id);
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string ptr = "/figures/" + std::to_string(i);
            const json& o = (*list)[i];
            if (!object(o, ptr, {"id", "what", "year", "years", "value", "tolerance", "source", "note"})) continue;
            RecordFigure f;
            bool ok = true;
            if (auto id = string(o, ptr, "id", true)) {
                if (!seen.insert(*id).second) error(ptr + "/id", "figure \"" + *id + "\" is listed twice"), ok = false;
                f.id = *id;
            } else {
                ok = false;
            }
            const RecordWhatInfo* info = nullptr;
            if (auto what = string(o, ptr, "what", true)) {
                info = find_record_what(*what);
                if (!info) {
                    std::string list_of;
                    for (const RecordWhatInfo& w : record_vocabulary()) list_of += (list_of.empty() ? "" : ", ") + std::string(w.name);
                    error(ptr + "/what", "unknown figure \"" + *what + "\" (known: " + list_of + ")");
                } else {
                    f.what = info->what;
                }
            }
            ok = ok && info;
            if (o.contains("year") == o.contains("years")) {
                error(ptr, "give exactly one of \"year\" (a calendar year) and \"years\" ([first, last])");
                ok = false;
            } else if (o.contains("year")) {
                auto y = year(o["year"], ptr + "/year");
                if (y) f.first_year = f.last_year = *y;
                ok = ok && y;
            } else {
                ok = years(o["years"], ptr + "/years", f.first_year, f.last_year) && ok;
                if (info && info->at_year_end && f.first_year != f.last_year) {
                    error(ptr + "/years", std::string("\"") + info->name + "\" is read at one year's end: give \"year\"");
                    ok = false;
                }
            }
            auto value = number(o, ptr, "value"), tolerance = number(o, ptr, "tolerance");
            if (value && !(*value > 0)) error(ptr + "/value", "a reported value must be greater than 0 (the ratio divides by it)"), ok = false;
            if (tolerance && !(*tolerance >= 0 && *tolerance <= 1))
                error(ptr + "/tolerance", "a relative tolerance must be from 0 to 1 (0.2 = within 20%)"), ok = false;
            ok = ok && value && tolerance;
            if (auto src = string(o, ptr, "source", true)) {
                if (!source_ids.count(*src)) error(ptr + "/source", "\"" + *src + "\" is not an id in /sources"), ok = false;
                f.source = *src;
            } else {
                ok = false;
            }
            if (auto note = string(o, ptr, "note", false)) f.note = *note;
            if (!ok) continue;
            f.value = *value, f.tolerance = *tolerance;
            rec.figures.push_back(f);
        }
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Output
//-----------------------------------------------------------------------------

std::string years_text(int first, int last) { return first == last ? std::to_string(first) : std::to_string(first) + "-" + std::to_string(last); }

// A value in its unit's natural form: "0.55 GW", "$13.07B", "1.68".
std::string value_text(double x, const RecordWhatInfo& info) {
    if (!std::isfinite(x)) return "n/a";
    char buf[64];
    const std::string unit = info.unit;
    if (unit == "GW") std::snprintf(buf, sizeof buf, "%.2f GW", x);
    else if (unit == "USD" && std::abs(x) >= 1e9) std::snprintf(buf, sizeof buf, "$%.2fB", x / 1e9);
    else if (unit == "USD") std::snprintf(buf, sizeof buf, "$%.1fM", x / 1e6);
    else std::snprintf(buf, sizeof buf, "%.2f", x);
    return buf;
}

// Pads to a column width counted in characters (UTF-8: "±" is two bytes, one column).
std::string pad(const std::string& s, std::size_t width) {
    std::size_t chars = 0;
    for (unsigned char c : s) chars += (c & 0xC0) != 0x80 ? 1 : 0;
    return chars >= width ? s + " " : s + std::string(width - chars, ' ');
}

ojson num(double x) { return std::isfinite(x) ? ojson(x) : ojson(nullptr); }

}  // namespace

LoadedRecord load_record(std::string_view json_text) {
    JsonText parsed = parse_json_strict(json_text);
    if (!parsed.issues.empty()) return {std::nullopt, std::move(parsed.issues)};
    RecordReader r;
    r.document(parsed.value);
    if (!r.issues.empty()) return {std::nullopt, std::move(r.issues)};
    return {std::move(r.rec), {}};
}

std::string record_checks_to_text(const Record& record, const std::vector<RecordCheck>& checks) {
    std::string out = "preset             figure                      years      model          reported       ratio  tolerance  inside\n";
    int n = 0, inside = 0;
    for (const RecordCheck& c : checks) {
        if (!c.compared) {
            out += pad(c.preset, 19) + "not compared. " + c.note + "\n";
            continue;
        }
        if (c.rows.empty()) out += pad(c.preset, 19) + "no figure of the record falls in " + years_text(c.first_year, c.last_year) + "\n";
        for (const RecordRow& row : c.rows) {
            const RecordFigure& f = record.figures[static_cast<std::size_t>(row.figure)];
            const RecordWhatInfo& info = record_what_info(f.what);
            char ratio[32], tol[32];
            std::snprintf(ratio, sizeof ratio, "%.2f", row.ratio);
            std::snprintf(tol, sizeof tol, "±%g%%", f.tolerance * 100);
            out += pad(c.preset, 19) + pad(f.id, 28) + pad(years_text(f.first_year, f.last_year), 11) + pad(value_text(row.model, info), 15) +
                   pad(value_text(f.value, info), 15) + pad(std::isfinite(row.ratio) ? ratio : "n/a", 7) + pad(tol, 11) +
                   (row.inside ? "yes" : "NO") + "\n";
            ++n;
            inside += row.inside ? 1 : 0;
        }
    }
    out += "\n" + std::to_string(n) + " comparisons: " + std::to_string(inside) + " inside their tolerance, " + std::to_string(n - inside) + " outside\n";
    return out;
}

ojson record_checks_to_json(const Record& record, const std::vector<RecordCheck>& checks) {
    ojson o;
    o["schema"] = "pactscope/record-check@1";
    ojson presets = ojson::array();
    int n = 0, inside = 0;
    for (const RecordCheck& c : checks) {
        ojson p;
        p["id"] = c.preset;
        p["compared"] = c.compared;
        p["years"] = c.compared ? ojson::array({c.first_year, c.last_year}) : ojson(nullptr);
        p["note"] = c.note;
        ojson rows = ojson::array();
        for (const RecordRow& row : c.rows) {
            const RecordFigure& f = record.figures[static_cast<std::size_t>(row.figure)];
            ojson r;
            r["figure"] = f.id;
            r["what"] = record_what_info(f.what).name;
            r["years"] = ojson::array({f.first_year, f.last_year});
            r["unit"] = record_what_info(f.what).unit;
            r["model"] = num(row.model);
            r["reported"] = f.value;
            r["ratio"] = num(row.ratio);
            r["tolerance"] = f.tolerance;
            r["inside"] = row.inside;
            r["source"] = f.source;
            rows.push_back(r);
            ++n;
            inside += row.inside ? 1 : 0;
        }
        p["rows"] = rows;
        presets.push_back(p);
    }
    o["presets"] = presets;
    o["comparisons"] = n;
    o["inside"] = inside;
    o["outside"] = n - inside;
    return o;
}

std::string record_checks_to_csv(const Record& record, const std::vector<RecordCheck>& checks) {
    std::string out = "preset,figure,what,first_year,last_year,unit,model,reported,ratio,tolerance,inside,source\n";
    for (const RecordCheck& c : checks)
        for (const RecordRow& row : c.rows) {
            const RecordFigure& f = record.figures[static_cast<std::size_t>(row.figure)];
            const RecordWhatInfo& info = record_what_info(f.what);
            out += csv_field(c.preset);
            add_cell(out, csv_field(f.id));
            add_cell(out, info.name);
            add_cell(out, std::to_string(f.first_year));
            add_cell(out, std::to_string(f.last_year));
            add_cell(out, info.unit);
            add_cell(out, csv_number(std::isfinite(row.model) ? row.model : std::nan("")));
            add_cell(out, csv_number(f.value));
            add_cell(out, csv_number(std::isfinite(row.ratio) ? row.ratio : std::nan("")));
            add_cell(out, csv_number(f.tolerance));
            add_cell(out, row.inside ? "true" : "false");
            add_cell(out, csv_field(f.source));
            out += "\n";
        }
    return out;
}

}  // namespace pactscope
