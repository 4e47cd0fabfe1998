#include "model/quantity.h"

#include <algorithm>
#include <cmath>

namespace pactscope {

namespace {

double lognormal_mu(double p5, double p95) { return 0.5 * (std::log(p5) + std::log(p95)); }
double lognormal_sigma(double p5, double p95) { return (std::log(p95) - std::log(p5)) / (2 * kZ95); }

double triangular_quantile(double a, double c, double b, double u) {
    if (b <= a) return a;
    double fc = (c - a) / (b - a);
    if (u < fc) return a + std::sqrt(u * (b - a) * (c - a));
    return b - std::sqrt((1 - u) * (b - a) * (b - c));
}

// PERT = min + (max-min) * Beta(alpha, beta), alpha = 1 + 4(mode-min)/(max-min), beta = 1 + 4(max-mode)/(max-min).
double pert_quantile(double lo, double mode, double hi, double u) {
    if (hi <= lo) return lo;
    double alpha = 1 + 4 * (mode - lo) / (hi - lo);
    double beta = 1 + 4 * (hi - mode) / (hi - lo);
    double x0 = 0, x1 = 1;
    for (int i = 0; i < 200 && x1 - x0 > 1e-15; ++i) {  // bisection: monotone and exact to 1e-15
        double mid = 0.5 * (x0 + x1);
        if (incomplete_beta(alpha, beta, mid) < u) x0 = mid; else x1 = mid;
    }
    return lo + (hi - lo) * 0.5 * (x0 + x1);
}

// Continued fraction for the incomplete beta (modified Lentz).
double beta_cf(double a, double b, double x) {
    const double tiny = 1e-300;
    double qab = a + b, qap = a + 1, qam = a - 1;
    double c = 1, d = 1 - qab * x / qap;
    if (std::fabs(d) < tiny) d = tiny;
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= 300; ++m) {
        int m2 = 2 * m;
        double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1 + aa * d; if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c; if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d; h *= d * c;
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1 + aa * d; if (std::fabs(d) < tiny) d = tiny;
        c = 1 + aa / c; if (std::fabs(c) < tiny) c = tiny;
        d = 1 / d;
        double del = d * c;
        h *= del;
        if (std::fabs(del - 1) < 1e-16) break;
    }
    return h;
}

}  // namespace

const std::vector<DistributionShape>& distribution_shapes() {
    static const std::vector<DistributionShape> shapes = {
        {"normal", Dist::normal, 2, {"mean", "sd", nullptr}, 1},
        {"lognormal", Dist::lognormal, 2, {"p5", "p95", nullptr}, -1},
        {"uniform", Dist::uniform, 2, {"min", "max", nullptr}, -1},
        {"triangular", Dist::triangular, 3, {"min", "mode", "max"}, -1},
        {"pert", Dist::pert, 3, {"min", "mode", "max"}, -1},
        {"point", Dist::point, 1, {"value", nullptr, nullptr}, -1},
    };
    return shapes;
}

const DistributionShape* distribution_shape(Dist d) {
    for (const DistributionShape& sh : distribution_shapes())
        if (sh.dist == d) return &sh;
    return nullptr;
}

double incomplete_beta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double lbeta = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b);
    double front = std::exp(lbeta + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2)) return front * beta_cf(a, b, x) / a;
    return 1 - front * beta_cf(b, a, 1 - x) / b;
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Wichura's AS 241 (PPND16): rational approximations with ~1e-16 relative
// error, no refinement step (so no erfc/exp in the Monte Carlo hot path).
double normal_quantile(double u) {
    if (u <= 0) return -kInf;
    if (u >= 1) return kInf;
    const double q = u - 0.5;
    if (std::fabs(q) <= 0.425) {
        const double r = 0.180625 - q * q;
        return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r +
                        45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
                     133.14166789178437745) * r + 3.387132872796366608) /
               (((((((5226.495278852545925 * r + 28729.085735721942674) * r + 39307.89580009271061) * r +
                    21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
                 42.313330701600911252) * r + 1.0);
    }
    double r = q < 0 ? u : 1 - u;
    r = std::sqrt(-std::log(r));
    double x;
    if (r <= 5) {
        r -= 1.6;
        x = (((((((7.7454501427834140764e-4 * r + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
                 1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
              4.6303378461565452959) * r + 1.42343711074968357734) /
            (((((((1.05075007164441684324e-9 * r + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
                 0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
              2.05319162663775882187) * r + 1.0);
    } else {
        r -= 5;
        x = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
                 0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
              5.4637849111641143699) * r + 6.6579046435011037772) /
            (((((((2.04426310338993978564e-15 * r + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
                 7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
              0.59983220655588793769) * r + 1.0);
    }
    return q < 0 ? -x : x;
}

double Quantity::median() const {
    switch (dist) {
        case Dist::point: return clamp(p0);
        case Dist::normal: return clamp(p0);
        case Dist::lognormal: return clamp(std::sqrt(p0 * p1));
        case Dist::uniform: return clamp(0.5 * (p0 + p1));
        case Dist::triangular: return clamp(triangular_quantile(p0, p1, p2, 0.5));
        case Dist::pert: return clamp(pert_quantile(p0, p1, p2, 0.5));
        case Dist::quarters: {
            // The middle quarter; the later one when there are two (MODEL §2).
            double n = p1 - p0 + 1;
            return p0 + std::floor(n / 2);
        }
    }
    return p0;
}

CompiledQuantile compile_quantile(const Quantity& q) {
    CompiledQuantile c;
    c.q = &q;
    if (q.dist == Dist::lognormal) c.a = lognormal_mu(q.p0, q.p1), c.b = lognormal_sigma(q.p0, q.p1);
    return c;
}

double CompiledQuantile::other(double u) const {
    const Quantity& x = *q;
    switch (x.dist) {
        case Dist::point: return x.clamp(x.p0);
        case Dist::normal: return x.clamp(x.p0 + x.p1 * normal_quantile(u));
        case Dist::lognormal: return x.clamp(std::exp(a + b * normal_quantile(u)));
        case Dist::uniform: return x.clamp(x.p0 + (x.p1 - x.p0) * u);
        case Dist::triangular: return x.clamp(triangular_quantile(x.p0, x.p1, x.p2, u));
        case Dist::pert: return x.clamp(pert_quantile(x.p0, x.p1, x.p2, u));
        case Dist::quarters: {
            double n = x.p1 - x.p0 + 1;
            return x.p0 + std::min(n - 1, std::floor(u * n));
        }
    }
    return x.p0;
}

double Quantity::quantile(double u) const { return compile_quantile(*this)(u); }

}  // namespace pactscope
