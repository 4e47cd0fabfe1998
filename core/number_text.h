// number_text.h — the shortest decimal text that reads back as the same double.
// Used wherever numbers are written as text (interval strings, CSV, messages),
// so exports round-trip exactly and read naturally ("1.2", not "1.19999…").
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>

namespace pactscope {

inline std::string shortest_number(double x) {
    char buf[40];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    return buf;
}

}  // namespace pactscope
