// presets.h — the shipped scenarios (assets/presets/*.json), embedded at build time
// so the CLI, the tests and the browser need no files to reach them.
#pragma once
#include <string_view>
#include <vector>

namespace pactscope {

struct Preset {
    std::string_view id;    // file name without .json, e.g. "rofr-2025"
    std::string_view json;  // the document's text
};

const std::vector<Preset>& presets();
const Preset* find_preset(std::string_view id);

}  // namespace pactscope
