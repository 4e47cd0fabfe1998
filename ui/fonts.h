// fonts.h — the typefaces of the page: Inter for text, JetBrains Mono for numbers
// and JSON pointers, Font Awesome 4.7 icons merged into Inter (icons.h names them).
//
// What it is: one function that (re)builds ImGui's font atlas from font files the
// platform has put in a folder (the browser shell fetches them from Debian's font
// packages, copied into the served folder at build time), rasterised at the
// display's pixel ratio so text stays crisp on HiDPI screens, and the handles the
// screens push. What it is not: file or texture management — the platform
// uploads the atlas to the GPU after a rebuild.
//
// Sizes are in CSS pixels: the atlas is rasterised at size × scale and
// io.FontGlobalScale = 1 / scale, so layout stays in CSS pixels at any ratio.
// A missing or unreadable file falls back to ImGui's built-in font for that role
// (the page still works, only plainer).
#pragma once
#include <string>

#include "imgui.h"

namespace pactscope::ui {

struct Fonts {
    ImFont* body = nullptr;     // Inter Regular 15 px + icons
    ImFont* strong = nullptr;   // Inter SemiBold 15 px (headings) + icons
    ImFont* display = nullptr;  // Inter SemiBold 22 px (KPI figures)
    ImFont* mono = nullptr;     // JetBrains Mono 14 px (tables of numbers, pointers)
    int loaded = 0;             // how many of the four roles use their font file (4 = all)
};

// Clears and rebuilds the atlas of the current ImGui context; `dir` ends with '/'.
const Fonts& load_fonts(const std::string& dir, float scale);
const Fonts& fonts();

// RAII push of one of the fonts (no-op when it is the fallback).
class FontScope {
public:
    explicit FontScope(ImFont* f) : pushed_(f != nullptr) { if (pushed_) ImGui::PushFont(f); }
    ~FontScope() { if (pushed_) ImGui::PopFont(); }
    FontScope(const FontScope&) = delete;
    FontScope& operator=(const FontScope&) = delete;

private:
    bool pushed_;
};

}  // namespace pactscope::ui
