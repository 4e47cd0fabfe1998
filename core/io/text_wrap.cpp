#include "io/text_wrap.h"

#include <algorithm>

namespace pactscope {

std::vector<std::string_view> wrap_at_spaces(std::string_view text, float width, const std::function<float(std::string_view)>& width_of) {
    std::vector<std::string_view> lines;
    const char* const end = text.data() + text.size();
    for (const char* para = text.data();; ++para) {
        const char* const stop = std::find(para, end, '\n');
        const char* line = para;     // the line being filled starts here ...
        const char* fits = nullptr;  // ... and holds the words up to here
        for (const char* word = para;;) {
            const char* const word_end = std::find(word, stop, ' ');
            if (fits && width_of(std::string_view(line, static_cast<std::size_t>(word_end - line))) > width) {
                lines.emplace_back(line, static_cast<std::size_t>(fits - line));
                line = word;
            }
            fits = word_end;
            word = word_end;
            while (word < stop && *word == ' ') ++word;
            if (word == stop) break;
        }
        lines.emplace_back(line, static_cast<std::size_t>(fits - line));
        if (stop == end || stop + 1 == end) break;  // a '\n' that ends the text ends its last line, as ImGui reads it
        para = stop;
    }
    return lines;
}

TwoLines wrap_in_two(std::string_view text, float width, const std::function<float(std::string_view)>& width_of) {
    const std::vector<std::string_view> lines = wrap_at_spaces(text, width, width_of);
    if (lines.size() <= 1) return {text, {}};
    return {lines[0], text.substr(static_cast<std::size_t>(lines[1].data() - text.data()))};
}

}  // namespace pactscope
