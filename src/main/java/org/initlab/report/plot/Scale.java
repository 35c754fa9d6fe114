package org.initlab.report.plot;

/**
 * How data values map onto an axis: to u, an axis coordinate that is linear on screen.
 */
public enum Scale {
    LINEAR,
    /** log₁₀ x: for gradient norms and losses spanning decades; x ≤ 0 has no position. */
    LOG,
    /**
     * asinh(x / s) with s = 0.01, the spacing of the report's histogram bins
     * ({@link org.initlab.train.Histogram}): linear near zero, logarithmic for |x| ≫ s, so
     * weights of 0.001 and of 3 share one axis.
     */
    ASINH;

    public static final double ASINH_SCALE = 0.01;

    public double forward(double x) {
        return switch (this) {
            case LINEAR -> x;
            case LOG -> x > 0 ? Math.log10(x) : Double.NaN;
            case ASINH -> asinh(x / ASINH_SCALE);
        };
    }

    public double inverse(double u) {
        return switch (this) {
            case LINEAR -> u;
            case LOG -> Math.pow(10, u);
            case ASINH -> ASINH_SCALE * Math.sinh(u);
        };
    }

    static double asinh(double x) {
        return Math.copySign(Math.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
    }
}
