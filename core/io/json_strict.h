// json_strict.h — JSON text to a DOM, stricter than nlohmann's default parser.
//
// Rejects duplicate keys (MODEL §10.1), non-finite numbers, NUL bytes, texts larger
// than kMaxJsonBytes, nesting deeper than kMaxJsonDepth, arrays and objects longer
// than kMaxJsonArray and strings longer than kMaxJsonString (input_limits.h), without
// throwing: the problems come back as Issues with JSON pointers. Parsing stops at
// the first cap, so a hostile document never becomes a deep or huge DOM (deep ones
// would reach nlohmann's recursive copy/dump code).
#pragma once
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "io/issue.h"
#include "io/input_limits.h"

namespace pactscope {

struct JsonText {
    nlohmann::json value;
    Issues issues;  // empty = value is usable
};

JsonText parse_json_strict(std::string_view text);

// What a JSON value is, as error messages name it: "null", "a boolean", "a string", "an array",
// "an object", "a number".
inline const char* json_type_name(const nlohmann::json& j) {
    switch (j.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::boolean: return "a boolean";
        case nlohmann::json::value_t::string: return "a string";
        case nlohmann::json::value_t::array: return "an array";
        case nlohmann::json::value_t::object: return "an object";
        default: return "a number";
    }
}

}  // namespace pactscope
