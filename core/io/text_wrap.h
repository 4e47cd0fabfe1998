// text_wrap.h — where a paragraph's lines break: at spaces only, never inside a number.
//
// ImGui's own wrapping (ImGui::TextWrapped) also breaks after '.' and ',', so a number at the end of a
// line could read as two ("60." / "73%/yr", "$1," / "500"). The page wraps its text here instead
// (ui/widgets.h wrapped_text, measured text), and so do the charts for slides and the report
// (chart_svg.cpp, estimated text); it knows nothing of ImGui (tests/ui/test_text_wrap.cpp).
#pragma once
#include <functional>
#include <string_view>
#include <vector>

namespace pactscope {

// The lines of `text` no wider than `width` by `width_of`: each '\n' ends a line (a last one adds no empty
// line); words (runs without
// a space) are kept whole, spaces between two lines are dropped, spaces inside a line kept. A word
// wider than `width` gets a line of its own. The lines are views into `text`.
std::vector<std::string_view> wrap_at_spaces(std::string_view text, float width, const std::function<float(std::string_view)>& width_of);

// `text` on two lines at most (a chart's label or source line): the first as wrap_at_spaces breaks it, the
// second everything after it (the caller cuts that if even it is too long); `second` is empty when it fits one.
struct TwoLines {
    std::string_view first, second;
};
TwoLines wrap_in_two(std::string_view text, float width, const std::function<float(std::string_view)>& width_of);

}  // namespace pactscope
