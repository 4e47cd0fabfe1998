// issue.h — an input problem as a value: where (JSON pointer) and what.
//
// Validation never throws and never stops at the first problem; it returns all
// of them so a stakeholder can fix a file in one pass (MODEL §9, §10).
#pragma once
#include <string>
#include <vector>

namespace pactscope {

struct Issue {
    std::string pointer;  // RFC 6901 JSON pointer, "" = the whole document
    std::string message;  // what is wrong and what is allowed
};

using Issues = std::vector<Issue>;

// "FILE: /json/pointer: message" (MODEL §9); the whole document shows as "(document)".
std::string format_issue(const std::string& file, const Issue& issue);

// Escapes one reference token for a JSON pointer ("~" -> "~0", "/" -> "~1").
std::string pointer_escape(const std::string& token);
// A JSON pointer's reference tokens, unescaped ("~1" is '/', "~0" is '~'); "" has none.
std::vector<std::string> pointer_tokens(const std::string& pointer);

}  // namespace pactscope
