#include "fonts.h"

#include <cstdio>

namespace pactscope::ui {

namespace {

Fonts g_fonts;

// Text: Latin-1 and Latin Extended-A (names), general punctuation (– — ‘ ’ “ ” • …), €, arrows,
// minus, ≈, ≠ ≤ ≥ — what preset descriptions and sources contain.
const ImWchar kTextRanges[] = {0x0020, 0x017F, 0x2010, 0x203A, 0x20AC, 0x20AC, 0x2190, 0x2199,
                               0x2212, 0x2212, 0x2248, 0x2248, 0x2260, 0x2265, 0};
const ImWchar kIconRanges[] = {0xF000, 0xF2E0, 0};

// Reads a whole file into memory owned by the atlas (ImGui frees it); nullptr when unreadable.
void* read_font_file(const std::string& path, int& size) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return nullptr;
    void* data = nullptr;
    if (std::fseek(f, 0, SEEK_END) == 0) {
        const long n = std::ftell(f);
        if (n > 0 && n < (16L << 20) && std::fseek(f, 0, SEEK_SET) == 0) {
            data = IM_ALLOC(static_cast<std::size_t>(n));
            if (std::fread(data, 1, static_cast<std::size_t>(n), f) == static_cast<std::size_t>(n)) size = static_cast<int>(n);
            else IM_FREE(data), data = nullptr;
        }
    }
    std::fclose(f);
    return data;
}

ImFont* add_font(const std::string& path, float px, const ImWchar* ranges, bool merge, int& loaded) {
    int size = 0;
    void* data = read_font_file(path, size);
    if (!data) return nullptr;
    ImFontConfig cfg;
    cfg.MergeMode = merge;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    if (merge) {  // icons: centred in a fixed advance so icon + label lines up in lists
        cfg.GlyphMinAdvanceX = px * 1.15f;
        cfg.GlyphOffset.y = px * 0.05f;
    }
    ImFont* f = ImGui::GetIO().Fonts->AddFontFromMemoryTTF(data, size, px, &cfg, ranges);
    if (f && !merge) ++loaded;
    return f;
}

// A text font with the icons merged in, or nullptr (the caller falls back to the default font).
ImFont* add_text_font(const std::string& dir, const char* file, float px, bool icons, int& loaded) {
    ImFont* f = add_font(dir + file, px, kTextRanges, false, loaded);
    if (f && icons) {
        int unused = 0;
        add_font(dir + "FontAwesome.ttf", px * 0.9f, kIconRanges, true, unused);
    }
    return f;
}

}  // namespace

const Fonts& load_fonts(const std::string& dir, float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    g_fonts = Fonts{};
    // The first font added is ImGui's default; when Inter is missing, ProggyClean takes its place.
    g_fonts.body = add_text_font(dir, "Inter-Regular.otf", 15 * scale, true, g_fonts.loaded);
    if (!g_fonts.body) {
        ImFontConfig cfg;
        cfg.SizePixels = 13 * scale;
        g_fonts.body = io.Fonts->AddFontDefault(&cfg);
    }
    g_fonts.strong = add_text_font(dir, "Inter-SemiBold.otf", 15 * scale, true, g_fonts.loaded);
    g_fonts.display = add_text_font(dir, "Inter-SemiBold.otf", 22 * scale, false, g_fonts.loaded);
    g_fonts.mono = add_text_font(dir, "JetBrainsMono-Regular.ttf", 14 * scale, false, g_fonts.loaded);
    io.Fonts->Build();
    io.FontDefault = g_fonts.body;
    io.FontGlobalScale = 1.0f / scale;
    return g_fonts;
}

const Fonts& fonts() { return g_fonts; }

}  // namespace pactscope::ui
