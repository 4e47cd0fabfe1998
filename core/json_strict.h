// json_strict.h — JSON text to a DOM, stricter than nlohmann's default parser.
//
// Rejects duplicate keys (SPEC §10.1), non-finite numbers, nesting deeper than
// kMaxJsonDepth and texts larger than kMaxJsonBytes, without throwing: the
// problems come back as Issues with JSON pointers. Deep documents never reach
// nlohmann's recursive copy/dump code because parsing stops at the depth cap.
#pragma once
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "issue.h"

namespace pactscope {

inline constexpr std::size_t kMaxJsonBytes = 16u << 20;  // 16 MiB
inline constexpr int kMaxJsonDepth = 64;

struct JsonText {
    nlohmann::json value;
    Issues issues;  // empty = value is usable
};

JsonText parse_json_strict(std::string_view text);

}  // namespace pactscope
