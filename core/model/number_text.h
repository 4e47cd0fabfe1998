// number_text.h — the shortest decimal text that reads back as the same double.
// Used wherever numbers are written as text (interval strings, CSV, messages),
// so exports round-trip exactly and read naturally ("1.2", not "1.19999…").
#pragma once
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

namespace pactscope {

namespace detail {
// The least n in [lo, hi] for which `fits(n)` holds, given that it holds at hi and, once it holds, for
// every larger n (more digits only come closer): a binary search, ~4 tries instead of up to 17.
template <class Fits>
int least_fitting(int lo, int hi, Fits fits) {
    while (lo < hi) {
        const int mid = lo + (hi - lo) / 2;
        if (fits(mid)) hi = mid;
        else lo = mid + 1;
    }
    return hi;
}
}  // namespace detail

inline std::string shortest_number(double x) {
    char buf[64];
    auto significant = [&](int prec) {
        std::snprintf(buf, sizeof buf, "%.*g", prec, x);
        return std::strtod(buf, nullptr) == x;
    };
    // 17 significant digits always read back (NaN never does: it is written with 17, as "nan").
    if (significant(17)) significant(detail::least_fitting(1, 17, significant));
    // Plain notation for ordinary magnitudes: "2500000", not "2.5e+06".
    double ax = x < 0 ? -x : x;
    if (std::strchr(buf, 'e') && ax >= 1e-5 && ax < 1e16) {
        char plain[64];
        auto decimals = [&](int d) {
            std::snprintf(plain, sizeof plain, "%.*f", d, x);
            return std::strtod(plain, nullptr) == x;
        };
        if (decimals(20)) {
            decimals(detail::least_fitting(0, 20, decimals));
            return plain;
        }
    }
    return buf;
}

}  // namespace pactscope
