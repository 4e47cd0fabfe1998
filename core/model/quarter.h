// quarter.h — calendar quarters as integers (MODEL §1).
//
// A quarter label "2025Q1" maps to an absolute index year*4 + (quarter-1), so
// differences between labels are quarter counts. Scenario code works with
// indices relative to horizon.start (q = 0 … T-1).
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pactscope {

// Parses "YYYYQn" (four digits, 'Q', 1–4). Returns the absolute index or nothing.
std::optional<int> parse_quarter(std::string_view label);

// Inverse of parse_quarter.
std::string quarter_label(int absolute_index);

// "2025Q1–2032Q4": a span of quarters (absolute indices, both included), as a horizon is written.
std::string quarter_span_label(int first, int last);

// The labels of every quarter from `first` to `last` (absolute indices, both included): a chart's x axis.
std::vector<std::string> quarter_labels(int first, int last);

}  // namespace pactscope
