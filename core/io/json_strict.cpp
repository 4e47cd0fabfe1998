#include "io/json_strict.h"

#include <cmath>
#include <deque>
#include <string>
#include <vector>

namespace pactscope {

namespace {

using nlohmann::json;

// A SAX consumer that builds the DOM like nlohmann's own, plus the checks above.
class StrictSax {
public:
    explicit StrictSax(Issues& issues) : issues_(issues) {}
    json root;

    bool null() { return put(json(nullptr)); }
    bool boolean(bool v) { return put(json(v)); }
    bool number_integer(json::number_integer_t v) { return put(json(v)); }
    bool number_unsigned(json::number_unsigned_t v) { return put(json(v)); }
    bool number_float(json::number_float_t v, const std::string& text) {
        if (!std::isfinite(v)) {
            issues_.push_back({child_pointer(), "number " + text + " is not finite (too large for a double)"});
            return put(json(0.0));
        }
        return put(json(v));
    }
    bool string(std::string& v) {
        if (v.size() > kMaxJsonString) return too_long(v.size(), child_pointer());
        if (v.find('\0') != std::string::npos) issues_.push_back({child_pointer(), "strings may not contain NUL characters"});
        return put(json(std::move(v)));
    }
    bool binary(json::binary_t&) { return put(json(nullptr)); }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }
    bool key(std::string& k) {
        json* obj = stack_.back().node;
        if (k.size() > kMaxJsonString) return too_long(k.size(), stack_.back().pointer);  // the key itself cannot be named
        if (obj->size() >= kMaxJsonArray) return too_many();
        if (obj->contains(k)) {
            issues_.push_back({stack_.back().pointer + "/" + pointer_escape(k), "duplicate key \"" + k + "\" (each key may appear once)"});
            // The repeated value is parsed (to report its problems too) into a node of its own: one shared
            // node would be overwritten while a container inside it is still open (found by fuzz_scenario).
            pending_ = &discards_.emplace_back();
        } else {
            pending_ = &(*obj)[k];
        }
        key_ = k;
        return true;
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& ex) {
        std::string what = ex.what();
        if (ex.id == 406) {  // out_of_range.406: a number too large for a double
            issues_.push_back({child_pointer(), "number is not finite (too large for a double): " + what.substr(what.find("number"))});
            return false;
        }
        auto cut = what.find("syntax error");
        issues_.push_back({child_pointer(), "not valid JSON at byte " + std::to_string(position) + ": " +
                                                (cut == std::string::npos ? what : what.substr(cut))});
        return false;
    }

private:
    struct Frame {
        json* node;
        std::string pointer;
    };
    Issues& issues_;
    std::vector<Frame> stack_;
    json* pending_ = nullptr;
    std::deque<json> discards_;  // values of duplicate keys; a deque keeps their addresses stable
    std::string key_;

    std::string child_pointer() const {
        if (stack_.empty()) return "";
        const Frame& f = stack_.back();
        if (f.node->is_array()) return f.pointer + "/" + std::to_string(f.node->size());
        return f.pointer + "/" + pointer_escape(key_);
    }
    bool too_long(std::size_t n, std::string pointer) {
        issues_.push_back({std::move(pointer), "a string of " + std::to_string(n) + " bytes; at most " + std::to_string(kMaxJsonString) + " are allowed"});
        return false;
    }
    bool too_many() {
        issues_.push_back({stack_.back().pointer, "more than " + std::to_string(kMaxJsonArray) + " elements in one array or object are not allowed"});
        return false;
    }
    json* slot() {
        if (stack_.empty()) return &root;
        json* top = stack_.back().node;
        if (top->is_array()) {
            top->push_back(nullptr);
            return &top->back();
        }
        return pending_;
    }
    bool full() const { return !stack_.empty() && stack_.back().node->is_array() && stack_.back().node->size() >= kMaxJsonArray; }
    bool put(json v) {
        if (full()) return too_many();
        *slot() = std::move(v);
        return true;
    }
    bool open(json v) {
        if (static_cast<int>(stack_.size()) >= kMaxJsonDepth) {
            issues_.push_back({child_pointer(), "nesting deeper than " + std::to_string(kMaxJsonDepth) + " levels is not allowed"});
            return false;
        }
        if (full()) return too_many();
        std::string ptr = child_pointer();
        json* s = slot();
        *s = std::move(v);
        stack_.push_back({s, std::move(ptr)});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }
};

}  // namespace

JsonText parse_json_strict(std::string_view text) {
    JsonText out;
    if (text.size() > kMaxJsonBytes) {
        out.issues.push_back({"", "input is " + std::to_string(text.size()) + " bytes; the limit is " +
                                      std::to_string(kMaxJsonBytes) + " bytes"});
        return out;
    }
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        out.issues.push_back({"", "the text contains a NUL byte at offset " + std::to_string(nul) +
                                      "; a scenario is UTF-8 JSON text (is this a binary file?)"});
        return out;
    }
    StrictSax sax(out.issues);
    bool ok = json::sax_parse(text.begin(), text.end(), &sax, json::input_format_t::json, true);
    if (!ok && out.issues.empty()) out.issues.push_back({"", "not valid JSON"});
    if (out.issues.empty()) out.value = std::move(sax.root);
    return out;
}

}  // namespace pactscope
