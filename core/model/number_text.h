// number_text.h — the shortest decimal text that reads back as the same double.
// Used wherever numbers are written as text (interval strings, CSV, messages),
// so exports round-trip exactly and read naturally ("1.2", not "1.19999…").
#pragma once
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace pactscope {

inline std::string shortest_number(double x) {
    char buf[64];
    for (int prec = 1; prec <= 17; ++prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, x);
        if (std::strtod(buf, nullptr) == x) break;
    }
    // Plain notation for ordinary magnitudes: "2500000", not "2.5e+06".
    double ax = x < 0 ? -x : x;
    if (std::strchr(buf, 'e') && ax >= 1e-5 && ax < 1e16)
        for (int decimals = 0; decimals <= 20; ++decimals) {
            char plain[64];
            std::snprintf(plain, sizeof plain, "%.*f", decimals, x);
            if (std::strtod(plain, nullptr) == x) return plain;
        }
    return buf;
}

}  // namespace pactscope
