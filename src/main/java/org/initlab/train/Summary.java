package org.initlab.train;

import java.util.Arrays;

/**
 * Summary statistics of a set of values: count, mean, population standard deviation, extremes
 * and the quantiles at {@link #LEVELS} (Hyndman &amp; Fan 1996 type 7, numpy's and R's default). Non-finite
 * values are counted apart and left out of the rest; all fields are null when no value is finite.
 */
public record Summary(long count, long nonFinite, Double mean, Double std, Double min, Double max, double[] quantiles) implements Value {
    /** The quantile levels recorded: 1%, 5%, 25%, 50%, 75%, 95%, 99%. */
    public static final double[] LEVELS = {0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99};

    /**
     * Summarises v[from..to); {@code scratch} must hold at least to − from floats and is
     * overwritten (the values are sorted there for the quantiles).
     */
    public static Summary of(float[] v, int from, int to, float[] scratch) {
        int n = 0;
        long bad = 0;
        double sum = 0;
        for (int i = from; i < to; i++) {
            float x = v[i];
            if (Float.isFinite(x)) {
                scratch[n++] = x;
                sum += x;
            } else bad++;
        }
        if (n == 0) return new Summary(to - from, bad, null, null, null, null, new double[0]);
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double d = scratch[i] - mean;
            ss += d * d;
        }
        Arrays.sort(scratch, 0, n);
        double[] q = new double[LEVELS.length];
        for (int k = 0; k < LEVELS.length; k++) q[k] = quantile(scratch, n, LEVELS[k]);
        return new Summary(to - from, bad, mean, Math.sqrt(ss / n), (double) scratch[0], (double) scratch[n - 1], q);
    }

    /** Type-7 quantile of the sorted s[0..n): linear interpolation between order statistics. */
    static double quantile(float[] s, int n, double p) {
        double h = (n - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, n - 1);
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && count == s.count && nonFinite == s.nonFinite && java.util.Objects.equals(mean, s.mean)
                && java.util.Objects.equals(std, s.std) && java.util.Objects.equals(min, s.min)
                && java.util.Objects.equals(max, s.max) && Arrays.equals(quantiles, s.quantiles);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(count, nonFinite, mean, std, min, max, Arrays.hashCode(quantiles));
    }

    @Override
    public String toString() {
        return "Summary[n=" + count + ", mean=" + mean + ", std=" + std + ", min=" + min + ", max=" + max + "]";
    }
}
