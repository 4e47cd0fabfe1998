#include "io/issue.h"

namespace pactscope {

std::string pointer_escape(const std::string& token) {
    std::string out;
    for (char c : token) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::vector<std::string> pointer_tokens(const std::string& pointer) {
    std::vector<std::string> out;
    std::size_t at = 1;
    while (at <= pointer.size() && !pointer.empty()) {
        const std::size_t slash = pointer.find('/', at);
        std::string t = pointer.substr(at, slash == std::string::npos ? std::string::npos : slash - at);
        std::string u;
        for (std::size_t i = 0; i < t.size(); ++i) {
            if (t[i] == '~' && i + 1 < t.size()) u += t[++i] == '1' ? '/' : '~';
            else u += t[i];
        }
        out.push_back(u);
        if (slash == std::string::npos) break;
        at = slash + 1;
    }
    return out;
}

std::string format_issue(const std::string& file, const Issue& issue) {
    return file + ": " + (issue.pointer.empty() ? std::string("(document)") : issue.pointer) + ": " + issue.message;
}

}  // namespace pactscope
