package org.initlab.report.stats;

import org.apache.commons.statistics.inference.TTest;

import java.util.Arrays;

/**
 * Student's paired t-test of H₀: E[a − b] = 0 against the two-sided alternative (Student 1908;
 * the form of R's {@code t.test(a, b, paired = TRUE)}): with dᵢ = aᵢ − bᵢ over the n pairs where
 * both are finite, t = d̄ / (s_d/√n) on n − 1 degrees of freedom. The test is Apache Commons
 * Statistics' ({@code TTest.pairedTest}); this record adds the pairing over missing values, the
 * interval of the difference, the effect size and the decision without noise below.
 *
 * <p>The effect size is Cohen's d_z = d̄ / s_d (Cohen 1988, §2.3.5; Lakens 2013): the mean
 * difference in units of the differences' standard deviation.
 *
 * <p>When every difference is equal, s_d = 0: the test is decided without noise — p = 1 if they
 * are all 0, else p = 0 (t and d_z infinite). With fewer than two pairs there is no test
 * (p, t, d_z NaN).
 *
 * @param difference mean difference d̄ with its 95% t interval
 * @param sd         s_d, the sample standard deviation of the differences
 */
public record PairedTTest(Estimate difference, double sd, double t, double df, double p, double effectSize) {
    public int pairs() { return difference.n(); }

    /** Whether there were enough pairs (two or more) for a test. */
    public boolean tested() { return pairs() >= 2; }

    public static PairedTTest of(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("paired samples differ in length: " + a.length + " vs " + b.length);
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = Double.isFinite(a[i]) && Double.isFinite(b[i]) ? a[i] - b[i] : Double.NaN;
        Estimate diff = Estimate.of(d);
        int n = diff.n();
        if (n < 2) return new PairedTTest(diff, Double.NaN, Double.NaN, Math.max(0, n - 1), Double.NaN, Double.NaN);
        double ss = 0;
        for (double x : d) if (Double.isFinite(x)) ss += (x - diff.mean()) * (x - diff.mean());
        double sd = Math.sqrt(ss / (n - 1));
        if (sd == 0) {
            boolean none = diff.mean() == 0;
            double inf = Math.copySign(Double.POSITIVE_INFINITY, diff.mean());
            return new PairedTTest(diff, 0, none ? 0 : inf, n - 1, none ? 1 : 0, none ? 0 : inf);
        }
        double[] x = new double[n], y = new double[n];
        int k = 0;
        for (int i = 0; i < a.length; i++) {
            if (Double.isFinite(d[i])) {
                x[k] = a[i];
                y[k++] = b[i];
            }
        }
        TTest.Result r = TTest.withDefaults().pairedTest(Arrays.copyOf(x, k), Arrays.copyOf(y, k));
        return new PairedTTest(diff, sd, r.getStatistic(), r.getDegreesOfFreedom(), r.getPValue(), diff.mean() / sd);
    }
}
