// chart_svg.cpp — chart_svg() and chart_csv() (see chart_svg.h).
//
// [SECTION] Palette, escaping, source line
// [SECTION] Layout shared by both orientations (title, legend, source line)
// [SECTION] Vertical charts (lines, bands, areas, bars, waterfall)
// [SECTION] Horizontal bars
// [SECTION] CSV
#include "io/chart_svg.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "io/csv_text.h"
#include "io/marker_labels.h"
#include "io/svg_canvas.h"
#include "io/text_wrap.h"

namespace pactscope {

//-----------------------------------------------------------------------------
// [SECTION] Palette, escaping, source line
//-----------------------------------------------------------------------------

const char* chart_colour(int index) {
    // The page's hues (ui/charts.cpp palette) in darker tones, readable on white.
    static const char* const colours[] = {"#1a73e8", "#d93025", "#c99700", "#188038", "#9334e6",
                                          "#00838f", "#e8590c", "#827717", "#3949ab", "#d81b60",
                                          "#6d4c41", "#546e7a"};
    static_assert(sizeof colours / sizeof colours[0] == kChartColours);
    constexpr int n = kChartColours;
    return colours[((index % n) + n) % n];
}

std::string xml_escape(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string chart_source_line(const std::string& scenario, const std::string& date, std::uint64_t seed, std::int64_t trials) {
    const std::string dot = " \xc2\xb7 ";
    std::string out = scenario;
    auto add = [&](const std::string& part) {
        if (part.empty()) return;
        out += (out.empty() ? "" : dot) + part;
    };
    add(date);
    if (trials < 0) {
        add("deterministic");
        return out;
    }
    add("seed " + std::to_string(seed));
    add(grouped_integer(trials) + (trials == 1 ? " trial" : " trials"));
    return out;
}

ChartItem chart_series(ChartKind kind, std::string name, int colour, std::vector<double> values) {
    ChartItem it;
    it.kind = kind, it.name = std::move(name), it.colour = colour, it.values = std::move(values);
    return it;
}

ChartItem chart_band(std::string name, int colour, std::vector<double> lower, std::vector<double> upper) {
    ChartItem it = chart_series(ChartKind::band, std::move(name), colour, std::move(lower));
    it.upper = std::move(upper);
    return it;
}

ChartItem chart_hbars(std::string name, int colour, std::vector<double> values, std::vector<double> low, std::vector<double> high) {
    ChartItem it = chart_series(ChartKind::hbars, std::move(name), colour, std::move(values));
    it.low = std::move(low), it.high = std::move(high);
    return it;
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kPad = 14, kTitleSize = 16, kTickSize = 11, kLegendSize = 11.5, kSourceSize = 10;
constexpr const char* kInk = "#111827";
constexpr const char* kMuted = "#4b5563";
constexpr const char* kGrid = "#e5e7eb";
constexpr const char* kAxis = "#6b7280";
constexpr const char* kUp = "#188038";    // a waterfall's increases
constexpr const char* kDown = "#d93025";  // and decreases
constexpr double kBandOpacity = 0.22, kAreaOpacity = 0.8;

double at(const std::vector<double>& v, std::size_t i) { return i < v.size() ? v[i] : kNaN; }

// A waterfall's bars: the first and last values are levels drawn from zero (totals), the others changes
// drawn from the running level. NaN where a value is missing.
struct WaterfallStep {
    double from = kNaN, to = kNaN;
    bool total = false;
};
std::vector<WaterfallStep> waterfall_steps(const ChartItem& it, std::size_t n) {
    std::vector<WaterfallStep> out(n);
    double level = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = at(it.values, i);
        if (!std::isfinite(v)) continue;
        const bool total = i == 0 || i + 1 == n;
        out[i] = {total ? 0 : level, total ? v : level + v, total};
        level = out[i].to;
    }
    return out;
}

struct ValueSpan {
    double lo = std::numeric_limits<double>::infinity(), hi = -std::numeric_limits<double>::infinity();
    void add(double v) {
        if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
    bool empty() const { return lo > hi; }
};

//-----------------------------------------------------------------------------
// [SECTION] Layout shared by both orientations (title, legend, source line)
//-----------------------------------------------------------------------------

enum class Swatch : std::uint8_t { line, dashed, band, box, whisker };
struct LegendEntry {
    std::string name;
    const char* colour;
    Swatch swatch;
};

std::vector<LegendEntry> legend_entries(const Chart& c) {
    std::vector<LegendEntry> out;
    bool whiskers = false;
    for (const ChartItem& it : c.items) {
        const char* col = chart_colour(it.colour);
        if (it.kind == ChartKind::hbars && !it.low.empty() && !it.high.empty()) whiskers = true;
        // An item named as the chart (the one series of money flows or of the nets) would repeat the title.
        if (it.name.empty() || it.name == c.title) continue;
        switch (it.kind) {
            case ChartKind::line: out.push_back({it.name, col, Swatch::line}); break;
            case ChartKind::dashed_line: out.push_back({it.name, col, Swatch::dashed}); break;
            case ChartKind::band: out.push_back({it.name, col, Swatch::band}); break;
            case ChartKind::waterfall:
                out.push_back({it.name, col, Swatch::box});
                out.push_back({"increase", kUp, Swatch::box});
                out.push_back({"decrease", kDown, Swatch::box});
                break;
            default: out.push_back({it.name, col, Swatch::box});
        }
    }
    if (whiskers) out.push_back({"P10\xe2\x80\x93P90", kInk, Swatch::whisker});
    if (!c.markers.empty() && !c.markers_legend.empty()) out.push_back({c.markers_legend, kMuted, Swatch::dashed});
    if (c.bars_from && !c.bars_from_legend.empty()) out.push_back({c.bars_from_legend, kInk, Swatch::line});
    return out;
}

constexpr double kSwatchWidth = 18, kLegendRow = 18;
double entry_width(const LegendEntry& e, double max_text) {
    return kSwatchWidth + 5 + std::min(text_width(e.name, kLegendSize), max_text) + 16;
}

// Rows of legend entries that fit `width`.
std::vector<std::vector<std::size_t>> legend_rows(const std::vector<LegendEntry>& entries, double width) {
    std::vector<std::vector<std::size_t>> rows;
    double x = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const double w = entry_width(entries[i], width - kSwatchWidth - 21);
        if (rows.empty() || (x + w > width && !rows.back().empty())) rows.emplace_back(), x = 0;
        rows.back().push_back(i);
        x += w;
    }
    return rows;
}

void draw_legend(SvgCanvas& svg, const std::vector<LegendEntry>& entries, const std::vector<std::vector<std::size_t>>& rows, double left,
                 double width, double top) {
    double y = top;
    for (const auto& row : rows) {
        double x = left;
        const double mid = y + kLegendRow / 2;
        for (std::size_t i : row) {
            const LegendEntry& e = entries[i];
            switch (e.swatch) {
                case Swatch::line: svg.line(x, mid, x + kSwatchWidth, mid, e.colour, 2.5); break;
                case Swatch::dashed: svg.line(x, mid, x + kSwatchWidth, mid, e.colour, 2, "5 3"); break;
                case Swatch::band: svg.rect(x, mid - 5, kSwatchWidth, 10, e.colour, kBandOpacity * 1.6); break;
                case Swatch::box: svg.rect(x + 3, mid - 6, 12, 12, e.colour); break;
                case Swatch::whisker:
                    svg.line(x, mid, x + kSwatchWidth, mid, e.colour, 1.2);
                    svg.line(x, mid - 4, x, mid + 4, e.colour, 1.2);
                    svg.line(x + kSwatchWidth, mid - 4, x + kSwatchWidth, mid + 4, e.colour, 1.2);
                    break;
            }
            const double max_text = width - kSwatchWidth - 21;
            svg.text(x + kSwatchWidth + 5, mid + 4, fit_text(e.name, kLegendSize, max_text), kLegendSize, "start", kInk);
            x += entry_width(e, max_text);
        }
        y += kLegendRow;
    }
}

// What the title, legend and source line take; the plot gets what is left between `top` and `bottom`.
struct Frame {
    double width = 0, height = 0;
    double top = 0, bottom = 0;  // the space for plot, ticks and axis titles
    double legend_top = 0;
    std::vector<LegendEntry> legend;
    std::vector<std::vector<std::size_t>> rows;
};

Frame frame(SvgCanvas& svg, const Chart& c, int width, int height) {
    Frame f;
    f.width = width, f.height = height;
    const double inner = width - 2 * kPad;
    double size = kTitleSize;
    while (size > 11 && text_width(c.title, size) > inner) size -= 0.5;
    if (!c.title.empty()) svg.text(kPad, kPad + size - 2, fit_text(c.title, size, inner), size, "start", kInk, true);
    f.top = kPad + (c.title.empty() ? 0 : kTitleSize + 12);
    f.legend = legend_entries(c);
    f.rows = legend_rows(f.legend, inner);
    double y = height - kPad;
    // Text wrapped at spaces to the chart's width, at most `max_lines` lines (the last cut if it must be), drawn
    // from y upwards; y moves above it.
    const auto lines_up = [&](const std::string& text, double text_size, const char* colour, std::size_t max_lines) {
        const auto estimated = [&](std::string_view t) { return static_cast<float>(text_width(std::string(t), text_size)); };
        std::vector<std::string> lines;
        std::string rest = text;
        while (lines.size() + 1 < max_lines) {
            const TwoLines two = wrap_in_two(rest, static_cast<float>(inner), estimated);
            lines.push_back(fit_text(std::string(two.first), text_size, inner));  // a word wider than the chart is cut
            rest = std::string(two.second);
            if (rest.empty()) break;
        }
        if (!rest.empty()) lines.push_back(fit_text(rest, text_size, inner));
        for (std::size_t k = lines.size(); k-- > 0;) {
            svg.text(kPad, y - 2, lines[k], text_size, "start", colour);
            y -= text_size + (k ? 3 : 8);
        }
    };
    // A source wider than the chart (two deals' names, the date, the seed) takes a second line, so the end — which
    // says whether the chart is of trials — is not cut. A note (how to read the chart: what the bars add up to,
    // what a star means) takes up to four.
    if (!c.source.empty()) lines_up(c.source, kSourceSize, kMuted, 2);
    if (!c.note.empty()) lines_up(c.note, kTickSize, kInk, 4);  // read before the source
    const double legend_h = static_cast<double>(f.rows.size()) * kLegendRow;
    f.legend_top = y - legend_h;
    f.bottom = f.legend_top - (f.rows.empty() ? 0 : 8);
    draw_legend(svg, f.legend, f.rows, kPad, inner, f.legend_top);
    return f;
}

std::string unit_title(const Chart& c, double largest) {
    const std::string words = axis_unit_words(c.unit, largest);
    if (c.y_title.empty()) return words;
    return words.empty() ? c.y_title : c.y_title + " (" + words + ")";
}

// A value axis: its ends, and the ticks inside them with their labels (one scale and one number of decimals),
// and the magnitude that scale was chosen for (the axis title names the same unit: "MW" under 0–800 MW ticks).
struct ValueAxis {
    double lo = 0, hi = 1;
    std::vector<double> ticks;
    std::vector<std::string> labels;
    double label_top = 0;
};

// The axis for a range (0 included when `with_zero`), at about one tick per `spacing` units of `length`.
// An end sits on the tick beyond the data unless that tick lies more than half a step past it: then the
// end is the data's, with a margin of 3% of the span, and that tick is left out. ($1B of SLA credits below
// a $500B cost ran the axis to -$50B, a tenth of the plot for a sliver.) Data of no span (a flat line) keeps
// the ticks' ends: there is no margin to take.
ValueAxis value_axis(ValueSpan r, bool with_zero, double length, double spacing, ValueUnit unit) {
    if (r.empty()) r.add(0), r.add(1);
    if (with_zero) r.add(0);
    const int target = std::clamp(static_cast<int>(length / spacing), 2, 10);
    const std::vector<double> all = nice_ticks(r.lo, r.hi, target);
    ValueAxis a;
    a.lo = all.front(), a.hi = all.back();
    const double step = all.size() > 1 ? all[1] - all[0] : 0, margin = 0.03 * (r.hi - r.lo);
    if (r.hi > r.lo) {
        if (r.lo - a.lo > 0.5 * step && r.lo != 0) a.lo = r.lo - margin;
        if (a.hi - r.hi > 0.5 * step && r.hi != 0) a.hi = r.hi + margin;
    }
    // Labelled from the ticks shown (two at least, so the step is known), else from all of them.
    const double slack = step * 1e-9;
    std::vector<double> shown;
    for (double t : all)
        if (t >= a.lo - slack && t <= a.hi + slack) shown.push_back(t);
    const std::vector<double>& labelled = shown.size() >= 2 ? shown : all;
    const std::vector<std::string> labels = tick_texts(labelled, unit);
    for (std::size_t k = 0; k < labelled.size(); ++k) {
        a.label_top = std::max(a.label_top, std::fabs(labelled[k]));
        if (labelled[k] >= a.lo - slack && labelled[k] <= a.hi + slack) a.ticks.push_back(labelled[k]), a.labels.push_back(labels[k]);
    }
    return a;
}

bool is_quarter_label(const std::string& s) {
    return s.size() == 6 && s[4] == 'Q' && s[5] >= '1' && s[5] <= '4' &&
           std::all_of(s.begin(), s.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; });
}

//-----------------------------------------------------------------------------
// [SECTION] Vertical charts (lines, bands, areas, bars, waterfall)
//-----------------------------------------------------------------------------

// The value range the items need, and whether the axis should start at zero.
ValueSpan vertical_range(const Chart& c, std::size_t n, bool& with_zero) {
    ValueSpan r;
    with_zero = false;
    std::vector<double> area_pos(n, 0), area_neg(n, 0), bar_pos(n, 0), bar_neg(n, 0);
    for (const ChartItem& it : c.items) {
        switch (it.kind) {
            case ChartKind::line:
            case ChartKind::dashed_line:
                for (std::size_t i = 0; i < n; ++i) r.add(at(it.values, i));
                break;
            case ChartKind::band:
                for (std::size_t i = 0; i < n; ++i) r.add(at(it.values, i)), r.add(at(it.upper, i));
                break;
            case ChartKind::stacked_area:
            case ChartKind::stacked_bars: {
                with_zero = true;
                auto& pos = it.kind == ChartKind::stacked_area ? area_pos : bar_pos;
                auto& neg = it.kind == ChartKind::stacked_area ? area_neg : bar_neg;
                for (std::size_t i = 0; i < n; ++i) {
                    const double v = at(it.values, i);
                    if (!std::isfinite(v)) continue;
                    (v >= 0 ? pos[i] : neg[i]) += v;
                    r.add(pos[i]), r.add(neg[i]);
                }
                break;
            }
            case ChartKind::waterfall:
                with_zero = true;
                for (const WaterfallStep& step : waterfall_steps(it, n)) r.add(step.to);
                break;
            case ChartKind::hbars: break;
        }
    }
    // Lines and bands far from zero keep their own range; near it (within half the top), zero shows.
    if (!with_zero && !r.empty() && ((r.lo > 0 && r.lo < 0.5 * r.hi) || (r.hi < 0 && r.hi > 0.5 * r.lo))) with_zero = true;
    if (!r.empty() && r.lo < 0 && r.hi > 0) with_zero = true;
    return r;
}

// Paths through the points of `values` with a gap at every NaN.
std::string line_path(const std::vector<double>& values, std::size_t n, auto x_at, auto y_at) {
    std::string d;
    bool pen = false;
    for (std::size_t i = 0; i < n; ++i) {
        const double v = at(values, i);
        if (!std::isfinite(v)) {
            pen = false;
            continue;
        }
        SvgCanvas::point(d, pen ? 'L' : 'M', x_at(i), y_at(v));
        pen = true;
    }
    return d;
}

std::string vertical_svg(const Chart& c, int width, int height) {
    SvgCanvas svg(width, height, c.title);
    Frame f = frame(svg, c, width, height);
    const std::size_t n = c.x.size();
    bool with_zero = false;
    const ValueSpan range = vertical_range(c, n, with_zero);

    // Vertical space: x labels and the x title under the plot (labels may be rotated; see below).
    const double x_title_h = c.x_title.empty() ? 0 : kTickSize + 8;
    double label_h = kTickSize + 8;
    double bottom = f.bottom - x_title_h - label_h;
    const double top = f.top + 6;
    const ValueAxis axis = value_axis(range, with_zero, std::max(40.0, bottom - top), 48, c.unit);
    const std::vector<double>& ticks = axis.ticks;
    const std::vector<std::string>& tick_labels = axis.labels;
    double tick_w = 0;
    for (const std::string& t : tick_labels) tick_w = std::max(tick_w, text_width(t, kTickSize));
    // The y title turned upright along the plot; one too long for the plot's height takes a second line
    // ("capacity, demand, served" / "(H100e)") rather than being cut, and the plot moves right for it. Turned
    // x labels (below) may shorten the plot by up to ~45%, so a title over half its present height gets the room
    // for two lines now and is wrapped at the final height when drawn.
    const auto title_width = [](std::string_view t) { return static_cast<float>(text_width(std::string(t), kTickSize)); };
    const std::string y_title_text = unit_title(c, axis.label_top);  // outlives the views into it
    const bool two_title_lines = title_width(y_title_text) > 0.5 * (bottom - top);
    const double y_title_w = two_title_lines ? 2 * kTickSize + 11 : kTickSize + 8;
    double left = kPad + y_title_w + tick_w + 8;
    const double right = width - kPad - 4;
    double band = n > 0 ? (right - left) / static_cast<double>(n) : right - left;

    // X labels: quarters thin to whole years (every 1, 2, 4, 8, … quarters, from a Q1); other
    // long labels (categories, waterfall steps) are cut and turned 30°; short ones thin evenly.
    double label_w = 0;
    for (const std::string& s : c.x) label_w = std::max(label_w, text_width(s, kTickSize));
    const bool quarters = n > 0 && std::all_of(c.x.begin(), c.x.end(), is_quarter_label);
    std::size_t every = 1, offset = 0;
    bool rotated = false;
    double cut = label_w;
    if (!c.x_marks.empty()) {
        // Round values at their own places (drawn below); the positions' labels are not drawn.
    } else if (quarters) {
        while (static_cast<double>(every) * band < label_w + 8 && every < n) every = every < 4 ? every * 2 : every + 4;
        if (every >= 4)
            for (std::size_t i = 0; i < n && i < every; ++i)
                if (c.x[i][5] == '1') offset = i;
    } else if (label_w + 8 > band && n <= 16) {
        rotated = true;
        cut = std::min(label_w, std::max(60.0, (f.bottom - top) * 0.45 / 0.5));
        // A label turned 30° reaches cut·cos 30° ≈ 0.87·cut left of its tick: the first one must stay on
        // the canvas, so the plot moves right (up to a third of the width) and the rest is cut.
        const double reach = 0.87 * cut - band / 2 - 3;
        if (left < kPad + reach) {
            left = std::min(kPad + reach, width / 3.0);
            band = (right - left) / static_cast<double>(n);
            cut = std::min(cut, (left - kPad + band / 2 + 3) / 0.87);
        }
        label_h = cut * 0.5 + kTickSize + 6;
        if (band < kTickSize + 2) every = static_cast<std::size_t>(std::ceil((kTickSize + 2) / band));
    } else if (label_w + 8 > band) {
        every = static_cast<std::size_t>(std::ceil((label_w + 8) / band));
    }
    bottom = std::max(top + 40, f.bottom - x_title_h - label_h);

    const double t0 = axis.lo, t1 = axis.hi;
    auto y_at = [&](double v) { return bottom - (v - t0) / (t1 - t0) * (bottom - top); };
    auto x_at = [&](std::size_t i) { return left + (static_cast<double>(i) + 0.5) * band; };

    // Grid and value ticks.
    for (std::size_t k = 0; k < ticks.size(); ++k) {
        const double y = y_at(ticks[k]);
        svg.line(left, y, right, y, ticks[k] == 0 ? kAxis : kGrid, 1);
        svg.text(left - 6, y + 4, tick_labels[k], kTickSize, "end", kMuted);
    }

    // Items, back to front: bands, areas, bars, waterfall, then lines.
    for (const ChartItem& it : c.items)
        if (it.kind == ChartKind::band) {
            // One polygon per run of points where both edges are known.
            for (std::size_t i = 0; i < n;) {
                std::size_t j = i;
                while (j < n && std::isfinite(at(it.values, j)) && std::isfinite(at(it.upper, j))) ++j;
                if (j > i) {
                    std::string d;
                    for (std::size_t k = i; k < j; ++k) SvgCanvas::point(d, k == i ? 'M' : 'L', x_at(k), y_at(at(it.upper, k)));
                    for (std::size_t k = j; k-- > i;) SvgCanvas::point(d, 'L', x_at(k), y_at(at(it.values, k)));
                    svg.path(d + "Z", nullptr, 0, nullptr, chart_colour(it.colour), kBandOpacity);
                }
                i = j + 1;
            }
        }
    std::vector<double> pos(n, 0), neg(n, 0);
    for (const ChartItem& it : c.items)
        if (it.kind == ChartKind::stacked_area) {
            std::vector<double> base(n), top_edge(n);
            for (std::size_t i = 0; i < n; ++i) {
                double v = at(it.values, i);
                if (!std::isfinite(v)) v = 0;
                double& stack = v >= 0 ? pos[i] : neg[i];
                base[i] = stack, stack += v, top_edge[i] = stack;
            }
            if (n == 0) continue;
            std::string d;
            for (std::size_t i = 0; i < n; ++i) SvgCanvas::point(d, i == 0 ? 'M' : 'L', x_at(i), y_at(top_edge[i]));
            for (std::size_t i = n; i-- > 0;) SvgCanvas::point(d, 'L', x_at(i), y_at(base[i]));
            svg.path(d + "Z", chart_colour(it.colour), 1, nullptr, chart_colour(it.colour), kAreaOpacity);
        }
    const double bar_w = std::min(band * 0.7, 56.0);
    std::fill(pos.begin(), pos.end(), 0.0), std::fill(neg.begin(), neg.end(), 0.0);
    for (const ChartItem& it : c.items)
        if (it.kind == ChartKind::stacked_bars)
            for (std::size_t i = 0; i < n; ++i) {
                const double v = at(it.values, i);
                if (!std::isfinite(v) || v == 0) continue;
                double& stack = v >= 0 ? pos[i] : neg[i];
                const double y0 = y_at(stack), y1 = y_at(stack + v);
                stack += v;
                svg.rect(x_at(i) - bar_w / 2, std::min(y0, y1), bar_w, std::fabs(y1 - y0), chart_colour(it.colour));
            }
    for (const ChartItem& it : c.items)
        if (it.kind == ChartKind::waterfall) {
            const bool labels = band >= 28;
            // One size for every value label: 10, or smaller (to 8) so the widest fits its bar's band whole —
            // a label cut to "+$58…" says nothing; only one that still does not fit at 8 is cut.
            double label_size = 10;
            for (std::size_t i = 0; i < n; ++i) {
                const double v = at(it.values, i);
                if (!std::isfinite(v)) continue;
                const std::string t = i == 0 || i + 1 == n ? value_text(v, c.unit) : delta_text(v, c.unit);
                while (label_size > 8 && text_width(t, label_size) > band - 2) label_size -= 0.5;
            }
            const std::vector<WaterfallStep> steps = waterfall_steps(it, n);
            for (std::size_t i = 0; i < n; ++i) {
                const double v = at(it.values, i);
                if (!std::isfinite(v)) continue;
                const auto [from, to, total] = steps[i];
                const double ya = y_at(from), yb = y_at(to);
                const char* col = total ? chart_colour(it.colour) : v >= 0 ? kUp : kDown;
                svg.rect(x_at(i) - bar_w / 2, std::min(ya, yb), bar_w, std::max(0.5, std::fabs(yb - ya)), col);
                if (i + 1 < n) svg.line(x_at(i) + bar_w / 2, yb, x_at(i + 1) - bar_w / 2, yb, kAxis, 1, "3 2");
                if (labels) {
                    const std::string t = total ? value_text(v, c.unit) : delta_text(v, c.unit);
                    const bool up = to >= from;
                    svg.text(x_at(i), up ? std::min(ya, yb) - 4 : std::max(ya, yb) + kTickSize, fit_text(t, label_size, band - 2), label_size, "middle", kInk);
                }
            }
        }
    for (const ChartItem& it : c.items)
        if (it.kind == ChartKind::line || it.kind == ChartKind::dashed_line) {
            const std::string d = line_path(it.values, n, x_at, y_at);
            if (!d.empty()) svg.path(d, chart_colour(it.colour), 2, it.kind == ChartKind::dashed_line ? "6 4" : nullptr);
            // A lone point (no neighbour to draw a segment to) still shows.
            for (std::size_t i = 0; i < n; ++i) {
                const double before = i > 0 ? at(it.values, i - 1) : kNaN, after = i + 1 < n ? at(it.values, i + 1) : kNaN;
                if (std::isfinite(at(it.values, i)) && !std::isfinite(before) && !std::isfinite(after))
                    svg.rect(x_at(i) - 2, y_at(at(it.values, i)) - 2, 4, 4, chart_colour(it.colour));
            }
        }

    // Markers (a sweep's break-evens): a dashed line each, its label at the top beside it, on the first row
    // where it covers no other label (marker_labels.h: the page places them the same way). A white box under
    // each label keeps it readable across the lines.
    if (!c.markers.empty() && n > 0) {
        auto marker_x = [&](double at_point) { return left + (std::clamp(at_point, 0.0, static_cast<double>(n - 1)) + 0.5) * band; };
        std::vector<MarkerLabel> labels;
        for (const ChartMarker& m : c.markers) labels.push_back({marker_x(m.at), text_width(m.label, kTickSize)});
        const std::vector<MarkerLabelPlace> places = place_marker_labels(labels, left, right, 4);
        for (std::size_t k = 0; k < c.markers.size(); ++k) svg.line(labels[k].x, top, labels[k].x, bottom, chart_colour(c.markers[k].colour), 1.5, "5 3");
        for (std::size_t k = 0; k < c.markers.size(); ++k) {  // labels over every line
            const double y = top + kTickSize + 2 + places[k].row * (kTickSize + 5);
            svg.rect(places[k].left - 2, y - kTickSize, labels[k].width + 4, kTickSize + 4, "#ffffff", 0.85);
            svg.text(places[k].left, y, c.markers[k].label, kTickSize, "start", chart_colour(c.markers[k].colour));
        }
    }

    // Axes, x labels, axis titles.
    svg.line(left, top, left, bottom, kAxis, 1);
    svg.line(left, bottom, right, bottom, kAxis, 1);
    for (const auto& [at_point, label] : c.x_marks) {
        const double x = left + (at_point + 0.5) * band;
        svg.line(x, bottom, x, bottom + 3, kAxis, 1);
        const double half = text_width(label, kTickSize) / 2;  // the last label ends where the first starts: inside the margins
        svg.text(std::clamp(x, kPad + half, std::max(kPad + half, width - kPad - half)), bottom + kTickSize + 4, label, kTickSize, "middle", kMuted);
    }
    for (std::size_t i = offset; i < n && c.x_marks.empty(); i += every) {
        const double x = x_at(i);
        svg.line(x, bottom, x, bottom + 3, kAxis, 1);
        if (rotated)
            svg.text(x + 3, bottom + kTickSize + 2, fit_text(c.x[i], kTickSize, cut), kTickSize, "end", kMuted, false, -30);
        else
            svg.text(x, bottom + kTickSize + 4, c.x[i], kTickSize, "middle", kMuted);
    }
    if (!c.x_title.empty()) svg.text((left + right) / 2, f.bottom - 4, c.x_title, kTickSize, "middle", kInk);
    const double mid = (top + bottom) / 2;
    const TwoLines y_title = two_title_lines ? wrap_in_two(y_title_text, static_cast<float>(bottom - top), title_width) : TwoLines{y_title_text, {}};
    svg.text(kPad + kTickSize, mid, fit_text(std::string(y_title.first), kTickSize, bottom - top), kTickSize, "middle", kInk, false, -90);
    if (!y_title.second.empty())
        svg.text(kPad + 2 * kTickSize + 3, mid, fit_text(std::string(y_title.second), kTickSize, bottom - top), kTickSize, "middle", kInk,
                 false, -90);
    return svg.finish();
}

//-----------------------------------------------------------------------------
// [SECTION] Horizontal bars
//-----------------------------------------------------------------------------

// Row i of a waterfall read across (horizontal_svg): its bar from the level before to the level after, a
// dashed connector down to the next row's bar, and its value beside the bar's far end.
void waterfall_row(SvgCanvas& svg, const ChartItem& it, std::size_t i, std::size_t n, double centre, double row, auto x_at, ValueUnit unit) {
    const double v = at(it.values, i);
    if (!std::isfinite(v)) return;
    const WaterfallStep step = waterfall_steps(it, n)[i];
    const double xa = x_at(step.from), xb = x_at(step.to), thick = std::min(row * 0.72, 26.0);
    const char* col = step.total ? chart_colour(it.colour) : v >= 0 ? kUp : kDown;
    svg.rect(std::min(xa, xb), centre - thick / 2, std::max(0.5, std::fabs(xb - xa)), thick, col);
    if (i + 1 < n) svg.line(xb, centre + thick / 2, xb, centre + row - thick / 2, kAxis, 1, "3 2");
    const std::string t = step.total ? value_text(v, unit) : delta_text(v, unit);
    const bool right = step.to >= step.from;  // beside the end it moved to
    svg.text(right ? std::max(xa, xb) + 5 : std::min(xa, xb) - 5, centre + 4, t, kTickSize, right ? "start" : "end", kInk);
}

std::string horizontal_svg(const Chart& c, int width, int height) {
    SvgCanvas svg(width, height, c.title);
    Frame f = frame(svg, c, width, height);
    const std::size_t n = c.x.size();
    ValueSpan range;
    double value_w = 0;  // value labels written beside the bars: a waterfall's, or one bar a row's
    bool waterfall = false;
    // One bar a row (money flows, each party's net): its value beside the bar's end, above its whisker, as on the page.
    const bool bar_values = !c.bars_from && std::count_if(c.items.begin(), c.items.end(), [](const ChartItem& it) { return it.kind == ChartKind::hbars; }) == 1;
    for (const ChartItem& it : c.items) {
        if (bar_values && it.kind == ChartKind::hbars)
            for (std::size_t i = 0; i < n; ++i)
                if (const double v = at(it.values, i); std::isfinite(v)) value_w = std::max(value_w, text_width(value_text(v, c.unit), kTickSize));
        if (it.kind == ChartKind::waterfall) {
            waterfall = true;
            for (const WaterfallStep& step : waterfall_steps(it, n)) range.add(step.to);
            for (std::size_t i = 0; i < n; ++i)
                if (const double v = at(it.values, i); std::isfinite(v))
                    value_w = std::max(value_w, text_width(i == 0 || i + 1 == n ? value_text(v, c.unit) : delta_text(v, c.unit), kTickSize));
            continue;
        }
        for (std::size_t i = 0; i < n; ++i) range.add(at(it.values, i)), range.add(at(it.low, i)), range.add(at(it.high, i));
    }
    const double bars_from = c.bars_from.value_or(0.0);
    if (c.bars_from) range.add(bars_from);
    const double cat_title_w = c.x_title.empty() ? 0 : kTickSize + 8;
    double label_w = 0;
    for (const std::string& s : c.x) label_w = std::max(label_w, text_width(s, kTickSize));
    label_w = std::min(label_w, width * (waterfall ? 0.4 : 0.32));  // a waterfall's step names are its reading
    const double left = kPad + cat_title_w + label_w + 8, right = width - kPad - 16;
    const double top = f.top + 4, bottom = std::max(top + 30, f.bottom - (kTickSize + 8) - (kTickSize + 10));
    // Room for the value labels beside the bars: the span grows by their width on the side(s) it extends to.
    if (value_w > 0 && !range.empty()) {
        const double lo = std::min(0.0, range.lo), hi = std::max(0.0, range.hi);
        const double per_unit = (hi - lo) / std::max(1.0, right - left - 2 * (value_w + 6));
        if (hi > 0) range.add(hi + (value_w + 6) * per_unit);
        if (lo < 0) range.add(lo - (value_w + 6) * per_unit);
    }
    const ValueAxis axis = value_axis(range, !c.bars_from, right - left, 90, c.unit);
    const std::vector<double>& ticks = axis.ticks;
    const std::vector<std::string>& tick_labels = axis.labels;
    const double t0 = axis.lo, t1 = axis.hi;
    auto x_at = [&](double v) { return left + (v - t0) / (t1 - t0) * (right - left); };

    for (std::size_t k = 0; k < ticks.size(); ++k) {
        const double x = x_at(ticks[k]);
        svg.line(x, top, x, bottom, ticks[k] == 0 ? kAxis : kGrid, 1);
        svg.text(x, bottom + kTickSize + 4, tick_labels[k], kTickSize, "middle", kMuted);
    }
    const double row = n > 0 ? (bottom - top) / static_cast<double>(n) : 0;
    // A category name wider than its column takes a second line where the rows have room for two (the rest
    // of it, cut only if even that is too long); otherwise it is cut.
    const bool two_lines = row >= 2 * kTickSize + 3;
    const auto estimated = [](std::string_view t) { return static_cast<float>(text_width(std::string(t), kTickSize)); };
    for (std::size_t i = 0; i < n; ++i) {
        const double centre = top + (static_cast<double>(i) + 0.5) * row;
        const TwoLines lines = wrap_in_two(c.x[i], static_cast<float>(label_w), estimated);
        if (two_lines && !lines.second.empty()) {
            svg.text(left - 8, centre - 2, std::string(lines.first), kTickSize, "end", kInk);
            svg.text(left - 8, centre + kTickSize + 1, fit_text(std::string(lines.second), kTickSize, label_w), kTickSize, "end", kInk);
        } else {
            svg.text(left - 8, centre + 4, fit_text(c.x[i], kTickSize, label_w), kTickSize, "end", kInk);
        }
        for (const ChartItem& it : c.items)
            if (it.kind == ChartKind::waterfall) waterfall_row(svg, it, i, n, centre, row, x_at, c.unit);
        std::vector<const ChartItem*> here;
        for (const ChartItem& it : c.items)
            if (it.kind == ChartKind::hbars && std::isfinite(at(it.values, i))) here.push_back(&it);
        if (here.empty()) continue;
        const double thick = std::min(row * 0.72 / static_cast<double>(here.size()), 26.0);
        double y = centre - thick * static_cast<double>(here.size()) / 2;
        for (const ChartItem* it : here) {
            const double v = at(it->values, i), xa = x_at(bars_from), xb = x_at(v);
            const int colour = i < it->colours.size() ? it->colours[i] : it->colour;  // a party's own colour, as on the page
            svg.rect(std::min(xa, xb), y + thick * 0.08, std::max(0.5, std::fabs(xb - xa)), thick * 0.84, chart_colour(colour));
            const double lo = at(it->low, i), hi = at(it->high, i);
            const bool whisker = std::isfinite(lo) && std::isfinite(hi) && (lo != v || hi != v);
            if (whisker) {
                // Along the bar's lower edge, so the value written beside the bar's end stays clear of it: a value
                // written beyond a long whisker read as the whisker's end ($566B at the $1.25T mark).
                // The caps stay above the next bar of the row (which starts 0.08 of a bar below this one's end).
                const double ym = y + thick * 0.92 + 1.5, cap = std::max(1.0, std::min(thick * 0.14, thick * 0.16 - 2.0));
                svg.line(x_at(lo), ym, x_at(hi), ym, kInk, 1.2);
                svg.line(x_at(lo), ym - cap, x_at(lo), ym + cap, kInk, 1.2);
                svg.line(x_at(hi), ym - cap, x_at(hi), ym + cap, kInk, 1.2);
            }
            if (bar_values)  // beside the bar's own end, above the whisker's line
                svg.text(xb + (v >= 0 ? 5 : -5), y + thick * (whisker ? 0.45 : 0.5) + 4, value_text(v, c.unit), kTickSize, v >= 0 ? "start" : "end", kInk);
            y += thick;
        }
    }
    if (c.bars_from) svg.line(x_at(bars_from), top, x_at(bars_from), bottom, kInk, 1.5);
    svg.line(left, bottom, right, bottom, kAxis, 1);
    svg.text((left + right) / 2, bottom + 2 * kTickSize + 10, unit_title(c, axis.label_top), kTickSize, "middle", kInk);
    if (!c.x_title.empty()) svg.text(kPad + kTickSize, (top + bottom) / 2, c.x_title, kTickSize, "middle", kInk, false, -90);
    return svg.finish();
}

// A waterfall reads across, a row per step as on the page, when its step names would not stand upright
// under its bars: turned 30° under a vertical chart they were cut ("reservation · Oracle OCI (incl. Abil…").
bool waterfall_across(const Chart& c, int width) {
    if (std::none_of(c.items.begin(), c.items.end(), [](const ChartItem& it) { return it.kind == ChartKind::waterfall; })) return false;
    double label_w = 0;
    for (const std::string& s : c.x) label_w = std::max(label_w, text_width(s, kTickSize));
    const double band = (width - 2 * kPad - 80) / static_cast<double>(std::max<std::size_t>(c.x.size(), 1));  // 80: the value ticks
    return label_w + 8 > band;
}

}  // namespace

std::string chart_svg(const Chart& chart, int width, int height) {
    width = std::max(width, 240), height = std::max(height, 160);
    const bool horizontal = std::any_of(chart.items.begin(), chart.items.end(), [](const ChartItem& it) { return it.kind == ChartKind::hbars; }) ||
                            waterfall_across(chart, width);
    return horizontal ? horizontal_svg(chart, width, height) : vertical_svg(chart, width, height);
}

//-----------------------------------------------------------------------------
// [SECTION] CSV
//-----------------------------------------------------------------------------

std::string chart_csv(const Chart& chart) {
    const std::string unit = std::string(" (") + value_unit_csv_name(chart.unit) + ")";
    const bool numeric_x = !chart.x_values.empty();
    std::string out = csv_field(chart.x_title.empty() ? std::string(numeric_x ? "x" : "label") : chart.x_title);
    if (numeric_x) add_cell(out, csv_field((chart.x_title.empty() ? std::string("x") : chart.x_title) + " (as shown)"));
    for (const ChartItem& it : chart.items) {
        const std::string name = it.name.empty() ? std::string("series") : it.name;
        if (it.kind == ChartKind::band) {
            add_cell(out, csv_field(name + " low" + unit));
            add_cell(out, csv_field(name + " high" + unit));
            continue;
        }
        add_cell(out, csv_field(name + unit));
        if (it.kind == ChartKind::hbars && !it.low.empty() && !it.high.empty()) {
            add_cell(out, csv_field(name + " P10" + unit));
            add_cell(out, csv_field(name + " P90" + unit));
        }
    }
    out += "\n";
    for (std::size_t i = 0; i < chart.x.size(); ++i) {
        if (numeric_x) out += csv_number(at(chart.x_values, i)), add_cell(out, csv_field(chart.x[i]));
        else out += csv_field(chart.x[i]);
        for (const ChartItem& it : chart.items) {
            add_cell(out, csv_number(at(it.values, i)));
            if (it.kind == ChartKind::band) add_cell(out, csv_number(at(it.upper, i)));
            if (it.kind == ChartKind::hbars && !it.low.empty() && !it.high.empty()) {
                add_cell(out, csv_number(at(it.low, i)));
                add_cell(out, csv_number(at(it.high, i)));
            }
        }
        out += "\n";
    }
    return out;
}

}  // namespace pactscope
