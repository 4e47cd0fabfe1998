// theme.h — how the page looks: ImGui's dark style with the page's rounding, spacing and accent.
#pragma once

namespace pactscope::ui {

// Applies the page's style to the current ImGui context (once, after it is created).
void apply_theme();

}  // namespace pactscope::ui
