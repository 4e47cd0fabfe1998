// csv_text.h — the pieces of CSV every export writes (result_io, analysis_io).
#pragma once
#include <cmath>
#include <string>

#include "model/number_text.h"

namespace pactscope {

// A field, quoted only when it holds a comma, quote or newline (RFC 4180).
inline std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// A number as its shortest exact text; an empty cell for NaN (a null total).
inline std::string csv_number(double x) { return std::isnan(x) ? std::string() : shortest_number(x); }

// Appends ",value" (not `"," + std::string`: GCC 12's -Wrestrict misreads it as an overlapping copy).
inline void add_cell(std::string& out, const std::string& v) {
    out += ',';
    out += v;
}

}  // namespace pactscope
