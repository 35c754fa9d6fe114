package org.initlab.theory;

/**
 * The standard normal distribution: density φ(x) = e^(−x²/2)/√(2π) and distribution function
 * Φ(x) = ½·erfc(−x/√2), accurate in relative terms far into the lower tail, which the dead-unit
 * orthant probability Φ(·)^P needs.
 *
 * <p>erfc is computed as in {@code org.initlab.init.StandardNormal}: below z = 1.5 by the
 * series erf z = (2/√π)·e^(−z²)·Σₙ 2ⁿz^(2n+1)/(1·3···(2n+1)) (Abramowitz &amp; Stegun 7.1.6), from
 * 1.5 on by the continued fraction erfc z = (e^(−z²)/√π)·1/(z + ½/(z + 1/(z + (3/2)/(z + …))))
 * (A&amp;S 7.1.14, modified Lentz). That class is package-private in init and may not be opened
 * from here; when it is, this class should go and its callers use it.
 */
final class NormalDistribution {
    private static final double SQRT_PI = 1.7724538509055160273;
    private static final double SQRT_2PI = 2.5066282746310005024;
    private static final double INV_SQRT_2 = 0.70710678118654752440;

    private NormalDistribution() {}

    /** φ(x). */
    static double density(double x) {
        return StrictMath.exp(-0.5 * x * x) / SQRT_2PI;
    }

    /** Φ(x) = P(Z ≤ x). */
    static double cdf(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        return x < 0 ? 0.5 * erfc(-x * INV_SQRT_2) : 1.0 - 0.5 * erfc(x * INV_SQRT_2);
    }

    /** log Φ(x), without underflow far in the lower tail and without cancellation in the upper. */
    static double logCdf(double x) {
        if (x < -30) {
            // Φ(x) = φ(x)/|x| · (1 − 1/x² + 3/x⁴ − …) (A&S 26.2.12); three terms suffice at |x| > 30.
            double x2 = x * x;
            return -0.5 * x2 - Math.log(-x * SQRT_2PI) + Math.log1p(-1 / x2 + 3 / (x2 * x2));
        }
        return x < 0 ? Math.log(cdf(x)) : Math.log1p(-cdf(-x));
    }

    /** erfc(z) = (2/√π)·∫_z^∞ e^(−t²) dt. */
    static double erfc(double z) {
        if (z < 0) return 2.0 - erfc(-z);
        if (z < 1.5) return 1.0 - erfSeries(z);
        return erfcContinuedFraction(z);
    }

    private static double erfSeries(double z) {
        double z2 = z * z;
        double term = z;
        double sum = z;
        for (int k = 1; k < 200; k++) {
            term *= 2.0 * z2 / (2 * k + 1);
            double next = sum + term;
            if (next == sum) break;
            sum = next;
        }
        return 2.0 / SQRT_PI * StrictMath.exp(-z2) * sum;
    }

    private static double erfcContinuedFraction(double z) {
        final double tiny = 1e-300;
        double f = z;
        double c = z;
        double d = 0.0;
        for (int k = 1; k < 500; k++) {
            double a = 0.5 * k;
            d = z + a * d;
            if (d == 0.0) d = tiny;
            d = 1.0 / d;
            c = z + a / c;
            if (c == 0.0) c = tiny;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) <= 1e-16) break;
        }
        return StrictMath.exp(-z * z) / (SQRT_PI * f);
    }
}
