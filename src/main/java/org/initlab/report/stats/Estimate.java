package org.initlab.report.stats;

import org.apache.commons.statistics.interval.NormalConfidenceInterval;

/**
 * A mean over seeds with its 95% confidence interval: x̄ ± t₀.₉₇₅,ₙ₋₁ · s/√n, s the sample
 * standard deviation (n − 1 in the denominator). The Student t interval for a mean
 * (Student 1908), computed by Apache Commons Statistics ({@code NormalConfidenceInterval.MEAN});
 * with one value there is no interval ({@link #low} = {@link #high} = NaN), with none the mean
 * is NaN too.
 *
 * @param n finite values averaged
 */
public record Estimate(double mean, double low, double high, int n) {
    public static final double LEVEL = 0.95;
    public static final Estimate EMPTY = new Estimate(Double.NaN, Double.NaN, Double.NaN, 0);

    /** The estimate from the finite entries of {@code values} (NaN entries are left out). */
    public static Estimate of(double[] values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) return EMPTY;
        double mean = sum / n;
        if (n == 1) return new Estimate(mean, Double.NaN, Double.NaN, 1);
        double ss = 0;
        for (double v : values) {
            if (Double.isFinite(v)) ss += (v - mean) * (v - mean);
        }
        if (ss == 0) return new Estimate(mean, mean, mean, n);
        var interval = NormalConfidenceInterval.MEAN.fromErrorRate(mean, ss / (n - 1), n, 1 - LEVEL);
        return new Estimate(mean, interval.getLowerBound(), interval.getUpperBound(), n);
    }

    /**
     * For positive quantities spanning decades (losses, gradient norms) drawn on log axes: the
     * geometric mean with the t interval of the log values, transformed back — a multiplicative
     * interval that never reaches 0 (the usual analysis of log-normal data, e.g. Limpert, Stahel
     * &amp; Abbt 2001). Falls back to {@link #of} when a value is 0 or negative.
     */
    public static Estimate ofLog(double[] values) {
        double[] logs = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (Double.isFinite(v) && v <= 0) return of(values);
            logs[i] = Double.isFinite(v) ? Math.log(v) : Double.NaN;
        }
        Estimate l = of(logs);
        return new Estimate(Math.exp(l.mean), Math.exp(l.low), Math.exp(l.high), l.n);
    }

    public boolean isEmpty() { return n == 0; }

    /** Whether there is an interval (two or more values). */
    public boolean hasInterval() { return n >= 2; }

    /** Half the interval's width; NaN without one. */
    public double halfWidth() { return (high - low) / 2; }

    /** The same estimate with every number multiplied by {@code k} (e.g. 100 for percent). */
    public Estimate scaled(double k) {
        return new Estimate(mean * k, low * k, high * k, n);
    }
}
