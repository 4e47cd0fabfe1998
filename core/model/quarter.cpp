#include "model/quarter.h"

namespace pactscope {

std::optional<int> parse_quarter(std::string_view s) {
    if (s.size() != 6 || s[4] != 'Q') return std::nullopt;
    int year = 0;
    for (int i = 0; i < 4; ++i) {
        if (s[i] < '0' || s[i] > '9') return std::nullopt;
        year = year * 10 + (s[i] - '0');
    }
    if (s[5] < '1' || s[5] > '4') return std::nullopt;
    return year * 4 + (s[5] - '1');
}

std::string quarter_label(int q) {
    int year = q >= 0 ? q / 4 : (q - 3) / 4;
    int n = q - year * 4 + 1;
    std::string y = std::to_string(year);
    while (y.size() < 4) y.insert(y.begin(), '0');
    return y + "Q" + std::to_string(n);
}

std::string quarter_span_label(int first, int last) { return quarter_label(first) + "\xe2\x80\x93" + quarter_label(last); }

std::vector<std::string> quarter_labels(int first, int last) {
    std::vector<std::string> out;
    for (int q = first; q <= last; ++q) out.push_back(quarter_label(q));
    return out;
}

}  // namespace pactscope
