// svg_canvas.h — the SVG elements charts and the report's timeline are made of, written with fixed
// formatting (one decimal, value_text.h's fixed_text) so the same drawing is the same bytes everywhere.
//
// What it is: an SVG document being written — rectangles, lines, paths and text in user units, text
// escaped — and an estimate of text width (the core has no font metrics: widths are counted in
// characters, generously, so labels get room rather than being measured).
// What it is not: a layout engine; chart_svg.cpp and report.cpp place things.
#pragma once
#include <string>

#include "io/chart_svg.h"
#include "io/value_text.h"

namespace pactscope {

// The report's and the charts' font stack: Inter where installed (the page ships it), else the
// usual sans-serif faces.
inline constexpr const char* kChartFontFamily = "Inter, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif";

// Width of `text` at font size `size`, estimated from its characters (UTF-8 code points).
inline double text_width(const std::string& text, double size) {
    double units = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) == 0x80) continue;  // continuation byte
        units += c == ' ' || c == '.' || c == ',' || c == '\'' || c == ':' || c == '|' ? 0.32
                 : c >= 'A' && c <= 'Z'                                                ? 0.68
                 : c == 'm' || c == 'w' || c == 'M' || c == 'W'                       ? 0.8
                                                                                      : 0.56;
    }
    return units * size;
}

// `text` cut (with "…") to fit `max_width` at `size`.
inline std::string fit_text(const std::string& text, double size, double max_width) {
    if (text_width(text, size) <= max_width) return text;
    std::string out = text;
    while (!out.empty() && text_width(out + "\xe2\x80\xa6", size) > max_width) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();
        if (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0xC0) out.pop_back();  // a lead byte left alone
    }
    return out + "\xe2\x80\xa6";
}

class SvgCanvas {
public:
    // Opens the document: size, font, an accessible title and a white background.
    SvgCanvas(int width, int height, const std::string& title) {
        out_ = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) + "\" height=\"" + std::to_string(height) +
               "\" viewBox=\"0 0 " + std::to_string(width) + " " + std::to_string(height) + "\" font-family=\"" + kChartFontFamily +
               "\" role=\"img\">\n<title>" + xml_escape(title) + "</title>\n";
        rect(0, 0, width, height, "#ffffff");
    }
    static std::string n(double v) { return fixed_text(v, 1); }
    // Appends a path command and its point to `d`: "M12.5 40.0".
    static void point(std::string& d, char command, double x, double y) {
        d += command;
        d += n(x);
        d += ' ';
        d += n(y);
    }

    void rect(double x, double y, double w, double h, const char* fill, double opacity = 1, const char* stroke = nullptr) {
        out_ += "<rect x=\"" + n(x) + "\" y=\"" + n(y) + "\" width=\"" + n(w) + "\" height=\"" + n(h) + "\" fill=\"" + fill + "\"";
        if (opacity < 1) out_ += " fill-opacity=\"" + fixed_text(opacity, 2) + "\"";
        if (stroke) out_ += std::string(" stroke=\"") + stroke + "\" stroke-width=\"1\"";
        out_ += "/>\n";
    }
    void line(double x1, double y1, double x2, double y2, const char* stroke, double width = 1, const char* dash = nullptr) {
        out_ += "<line x1=\"" + n(x1) + "\" y1=\"" + n(y1) + "\" x2=\"" + n(x2) + "\" y2=\"" + n(y2) + "\" stroke=\"" + stroke +
                "\" stroke-width=\"" + n(width) + "\"";
        if (dash) out_ += std::string(" stroke-dasharray=\"") + dash + "\"";
        out_ += "/>\n";
    }
    // A path `d` ("M1.0 2.0L…"); fill nullptr: an open line.
    void path(const std::string& d, const char* stroke, double width, const char* dash, const char* fill = nullptr, double fill_opacity = 1) {
        out_ += "<path d=\"" + d + "\"";
        out_ += fill ? std::string(" fill=\"") + fill + "\"" : std::string(" fill=\"none\"");
        if (fill && fill_opacity < 1) out_ += " fill-opacity=\"" + fixed_text(fill_opacity, 2) + "\"";
        if (stroke) {
            out_ += std::string(" stroke=\"") + stroke + "\" stroke-width=\"" + n(width) + "\" stroke-linejoin=\"round\"";
            if (dash) out_ += std::string(" stroke-dasharray=\"") + dash + "\"";
        }
        out_ += "/>\n";
    }
    // Text at (x, y) (the baseline); anchor "start", "middle" or "end"; rotate: degrees about (x, y).
    void text(double x, double y, const std::string& s, double size, const char* anchor = "start", const char* fill = "#111827",
              bool bold = false, double rotate = 0) {
        out_ += "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" font-size=\"" + n(size) + "\"";
        if (anchor[0] != 's') out_ += std::string(" text-anchor=\"") + anchor + "\"";
        out_ += std::string(" fill=\"") + fill + "\"";
        if (bold) out_ += " font-weight=\"600\"";
        if (rotate != 0) out_ += " transform=\"rotate(" + n(rotate) + " " + n(x) + " " + n(y) + ")\"";
        out_ += '>';
        out_ += xml_escape(s);
        out_ += "</text>\n";
    }
    void raw(const std::string& s) { out_ += s; }
    std::string finish() { return out_ + "</svg>\n"; }

private:
    std::string out_;
};

}  // namespace pactscope
