// web_platform.h — what the page API (web_api.cpp) needs from the browser platform (web_main.cpp).
#pragma once
#include <string>

#include <nlohmann/json.hpp>

#include "app.h"

namespace pactscope::ui::web {

App& app();
// The idle gate: draw the next frames (what a call changed shows at once).
void wake();
// What ImGui pastes next: the DOM paste event delivers it just before ImGui reads it.
void set_paste_text(std::string text);
// The frame loop's own figures: callbacks, whether it is paused, the pixel ratio and font texels.
nlohmann::json loop_stats();

}  // namespace pactscope::ui::web
