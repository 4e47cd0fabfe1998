// quantity.h — one uncertain input of a scenario (MODEL §2).
//
// Every numeric field of a scenario is a Quantity: a point value or a
// distribution, optionally clipped, always clamped into the field's valid range
// (MODEL §10.2). Scenario structs refer to quantities by index (QRef) and the
// engine reads a flat vector of values, one per quantity: the medians for a
// deterministic run, one draw per quantity for a Monte Carlo trial, or a median
// vector with one entry overridden for a sweep or a tornado bar.
//
// This file knows the distributions' shapes (median, inverse CDF); it does not
// know random numbers — sampling lives beside the Monte Carlo code.
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace pactscope {

using QRef = std::int32_t;  // index into Scenario::quantities; -1 = absent

enum class Dist : std::uint8_t {
    point,       // p0 = value
    normal,      // p0 = mean, p1 = sd
    lognormal,   // p0 = P5, p1 = P95
    uniform,     // p0 = min, p1 = max
    triangular,  // p0 = min, p1 = mode, p2 = max
    pert,        // p0 = min, p1 = mode, p2 = max (Beta, lambda = 4)
    quarters,    // p0 = first, p1 = last quarter (relative indices), uniform over whole quarters
};

// How the quantity was written, so serialising gives back the same document.
enum class Form : std::uint8_t { number, interval, object, label };

inline constexpr double kInf = std::numeric_limits<double>::infinity();
inline constexpr double kZ95 = 1.6448536;  // MODEL §2: the 90% interval's z value

struct Quantity {
    Dist dist = Dist::point;
    Form form = Form::number;
    double p0 = 0, p1 = 0, p2 = 0;
    bool has_clip = false;
    double clip_lo = -kInf, clip_hi = kInf;
    double range_lo = -kInf, range_hi = kInf;  // the field's valid range; draws are clamped into it
    bool range_lo_open = false;                // MODEL §10.2: "> 0", "> -1": range_lo itself is not a valid value
    double written_lo = 0, written_hi = 0;     // Form::interval: the ends as written ("a to b")
    std::string pointer;                       // JSON pointer of the field in its document

    bool uncertain() const { return dist != Dist::point; }
    // Exact median (MODEL §2: lognormal sqrt(ab), triangular closed form, PERT numerically), clamped.
    double median() const;
    // Inverse CDF at probability u in (0, 1), clamped by clip and range.
    double quantile(double u) const;
    // Clamps a raw value by clip then range.
    double clamp(double x) const;

    bool operator==(const Quantity&) const = default;
};

// The distribution objects of MODEL §2, one row each, in the order messages list them.
// The reader, the writer and the page's editor iterate this table: a new shape is one row
// (plus its median and inverse CDF in quantity.cpp).
struct DistributionShape {
    const char* name;          // the object's "dist"
    Dist dist;
    int param_count;
    const char* params[3];     // in order, they fill p0, p1, p2
    int spread_param;          // index of a parameter that is a spread, not a value (normal's sd): the
                               // field's range does not apply to it (MODEL §10.2); -1 if none
};
const std::vector<DistributionShape>& distribution_shapes();
// The row of `d`, or nullptr (Dist::quarters is written as a label range, not an object).
const DistributionShape* distribution_shape(Dist d);

// A quantity's inverse CDF with its constants (lognormal mu and sigma) worked out
// once: the Monte Carlo hot path. Quantity::quantile goes through it too, so both
// give the same bits.
struct CompiledQuantile {
    const Quantity* q = nullptr;
    double a = 0, b = 0;
    double operator()(double u) const;
};
CompiledQuantile compile_quantile(const Quantity& q);

// Standard normal inverse CDF and CDF (own implementations, identical natively and in WASM).
double normal_quantile(double u);
double normal_cdf(double z);
// Regularised incomplete beta I_x(a, b).
double incomplete_beta(double a, double b, double x);

}  // namespace pactscope
