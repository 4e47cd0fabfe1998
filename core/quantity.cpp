#include "quantity.h"

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

double incomplete_beta(double a, double b, double x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    double lbeta = std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b);
    double front = std::exp(lbeta + a * std::log(x) + b * std::log1p(-x));
    if (x < (a + 1) / (a + b + 2)) return front * beta_cf(a, b, x) / a;
    return 1 - front * beta_cf(b, a, 1 - x) / b;
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// Acklam's rational approximation refined by one Halley step: ~1e-15 relative.
double normal_quantile(double u) {
    if (u <= 0) return -kInf;
    if (u >= 1) return kInf;
    static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                               1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                               6.680131188771972e+01, -1.328068155288572e+01};
    static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                               -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                               3.754408661907416e+00};
    const double plow = 0.02425;
    double x;
    if (u < plow) {
        double q = std::sqrt(-2 * std::log(u));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (u <= 1 - plow) {
        double q = u - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        double q = std::sqrt(-2 * std::log1p(-u));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    double e = normal_cdf(x) - u;
    double uu = e * std::sqrt(2 * 3.14159265358979323846) * std::exp(x * x / 2);
    return x - uu / (1 + x * uu / 2);
}

double Quantity::clamp(double x) const {
    if (has_clip) x = std::clamp(x, clip_lo, clip_hi);
    return std::clamp(x, range_lo, range_hi);
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
            // The middle quarter; the later one when there are two (SPEC §2).
            double n = p1 - p0 + 1;
            return p0 + std::floor(n / 2);
        }
    }
    return p0;
}

double Quantity::quantile(double u) const {
    switch (dist) {
        case Dist::point: return clamp(p0);
        case Dist::normal: return clamp(p0 + p1 * normal_quantile(u));
        case Dist::lognormal:
            return clamp(std::exp(lognormal_mu(p0, p1) + lognormal_sigma(p0, p1) * normal_quantile(u)));
        case Dist::uniform: return clamp(p0 + (p1 - p0) * u);
        case Dist::triangular: return clamp(triangular_quantile(p0, p1, p2, u));
        case Dist::pert: return clamp(pert_quantile(p0, p1, p2, u));
        case Dist::quarters: {
            double n = p1 - p0 + 1;
            return p0 + std::min(n - 1, std::floor(u * n));
        }
    }
    return p0;
}

}  // namespace pactscope
