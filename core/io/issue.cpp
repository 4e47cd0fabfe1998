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

std::string format_issue(const std::string& file, const Issue& issue) {
    return file + ": " + (issue.pointer.empty() ? std::string("(document)") : issue.pointer) + ": " + issue.message;
}

}  // namespace pactscope
