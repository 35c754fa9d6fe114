package org.initlab.report.stats;

/**
 * Student's t distribution with ν degrees of freedom (ν &gt; 0, not necessarily whole).
 *
 * <p>Distribution function through the incomplete beta function (Abramowitz &amp; Stegun 26.7.1,
 * DLMF 8.17): P(T ≤ −|t|) = ½ · I_{ν/(ν+t²)}(ν/2, ½). Density
 * f(t) = Γ((ν+1)/2) / (√(νπ) Γ(ν/2)) · (1 + t²/ν)^(−(ν+1)/2). The quantile solves F(t) = p by
 * safeguarded Newton steps from the Cornish–Fisher expansion (A&amp;S 26.7.5).
 */
public final class StudentT {
    private StudentT() {}

    /** P(T ≤ t). */
    public static double cdf(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) return Double.NaN;
        if (t == Double.POSITIVE_INFINITY) return 1;
        if (t == Double.NEGATIVE_INFINITY) return 0;
        double t2 = t * t;
        double tail = 0.5 * IncompleteBeta.regularized(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
        return t > 0 ? 1 - tail : tail;
    }

    /** P(|T| ≥ |t|): the two-sided p-value of a t statistic. */
    public static double twoSidedP(double t, double df) {
        if (Double.isNaN(t) || !(df > 0)) return Double.NaN;
        if (Double.isInfinite(t)) return 0;
        double t2 = t * t;
        return IncompleteBeta.regularized(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
    }

    public static double density(double t, double df) {
        double logC = LogGamma.of((df + 1) / 2) - LogGamma.of(df / 2) - 0.5 * Math.log(df * Math.PI);
        return Math.exp(logC - (df + 1) / 2 * Math.log1p(t * t / df));
    }

    /** The t with P(T ≤ t) = p: −∞ at 0, +∞ at 1. */
    public static double quantile(double p, double df) {
        if (!(p >= 0 && p <= 1) || !(df > 0)) return Double.NaN;
        if (p == 0) return Double.NEGATIVE_INFINITY;
        if (p == 1) return Double.POSITIVE_INFINITY;
        if (p == 0.5) return 0;
        if (p < 0.5) return -quantile(1 - p, df);
        // Exact forms for ν = 1 (Cauchy) and ν = 2.
        if (df == 1) return Math.tan(Math.PI * (p - 0.5));
        if (df == 2) return (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
        double t = cornishFisher(p, df);
        double lo = 0, hi = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 100; i++) {
            double f = cdf(t, df) - p;
            if (f == 0) return t;
            if (f < 0) lo = t;
            else hi = t;
            double next = t - f / density(t, df);
            if (!(next > lo && next < hi)) next = hi == Double.POSITIVE_INFINITY ? 2 * Math.max(t, 1) : 0.5 * (lo + hi);
            if (Math.abs(next - t) <= 1e-15 * Math.abs(t)) return next;
            t = next;
        }
        return t;
    }

    /** A&amp;S 26.7.5: t ≈ z + (z³+z)/(4ν) + (5z⁵+16z³+3z)/(96ν²), z the normal quantile (A&amp;S 26.2.23). */
    private static double cornishFisher(double p, double df) {
        double w = Math.sqrt(-2 * Math.log(1 - p));
        double z = w - (2.515517 + w * (0.802853 + w * 0.010328)) / (1 + w * (1.432788 + w * (0.189269 + w * 0.001308)));
        double z3 = z * z * z, z5 = z3 * z * z;
        return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df);
    }
}
