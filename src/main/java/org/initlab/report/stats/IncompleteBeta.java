package org.initlab.report.stats;

/**
 * The regularized incomplete beta function I_x(a, b) = B(x; a, b) / B(a, b), the distribution
 * function of a Beta(a, b) variable (DLMF 8.17.2).
 *
 * <p>Evaluated with the continued fraction of DLMF 8.17.22 by the modified Lentz method
 * (Press et al., Numerical Recipes, 3rd ed., §6.4), on the side where it converges fast:
 * for x &gt; (a+1)/(a+b+2) it computes 1 − I_{1−x}(b, a) instead (DLMF 8.17.4).
 */
public final class IncompleteBeta {
    private IncompleteBeta() {}

    private static final int MAX_TERMS = 10_000;
    private static final double EPS = 1e-16;
    private static final double TINY = 1e-300;

    /** I_x(a, b) for 0 ≤ x ≤ 1 and a, b &gt; 0. */
    public static double regularized(double x, double a, double b) {
        return regularized(x, 1 - x, a, b);
    }

    /**
     * I_x(a, b) given both x and y = 1 − x, so callers that know y more precisely than 1 − x
     * (as the t distribution does for small t) lose nothing to cancellation.
     */
    static double regularized(double x, double y, double a, double b) {
        if (!(a > 0 && b > 0) || !(x >= 0 && x <= 1)) return Double.NaN;
        if (x == 0) return 0;
        if (y == 0) return 1;
        if (x > (a + 1) / (a + b + 2)) return 1 - regularized(y, x, b, a);
        // ln x as log1p(−y) when x is near 1: a·ln x stays exact even for a huge a
        double logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
        double logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
        double logFront = a * logX + b * logY - logBeta(a, b);
        return Math.exp(logFront) / a * continuedFraction(x, a, b);
    }

    /** ln B(a, b) = ln Γ(small) + [ln Γ(big) − ln Γ(big + small)]; the bracket is taken as one difference, which keeps
     *  full accuracy when big is large (the t distribution with many degrees of freedom). */
    static double logBeta(double a, double b) {
        double big = Math.max(a, b), small = Math.min(a, b);
        return LogGamma.of(small) + LogGamma.difference(big, small);
    }

    /** 1 / (1 + d₁/(1 + d₂/(1 + …))) with d₂ₘ₊₁ = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)), d₂ₘ = m(b−m)x / ((a+2m−1)(a+2m)). */
    private static double continuedFraction(double x, double a, double b) {
        double c = 1;
        double d = 1 - (a + b) * x / (a + 1);
        if (Math.abs(d) < TINY) d = TINY;
        d = 1 / d;
        double f = d;
        for (int m = 1; m <= MAX_TERMS; m++) {
            double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
            d = 1 + even * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1 + even / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            f *= d * c;
            double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
            d = 1 + odd * d;
            if (Math.abs(d) < TINY) d = TINY;
            c = 1 + odd / c;
            if (Math.abs(c) < TINY) c = TINY;
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < EPS) return f;
        }
        return f;
    }
}
