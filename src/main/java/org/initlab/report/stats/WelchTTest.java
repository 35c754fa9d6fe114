package org.initlab.report.stats;

import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;

import java.util.Arrays;

/**
 * Welch's unequal-variances t-test of H₀: E[a] = E[b] against the two-sided alternative, with the
 * interval of the difference of means (Welch 1947; the degrees of freedom by Satterthwaite 1946;
 * the form of R's {@code t.test(a, b)}): with v = s_a²/n_a + s_b²/n_b,
 * d = ā − b̄, t = d / √v, ν = v² / ((s_a²/n_a)²/(n_a − 1) + (s_b²/n_b)²/(n_b − 1)), and the 95%
 * interval d ± t₀.₉₇₅,ν · √v. For two independent samples that share nothing, e.g. the same
 * configuration trained under two protocols whose seeds do not give the same data order. The test
 * is Apache Commons Statistics' ({@code TTest} with {@code DataDispersion.HETEROSCEDASTIC}), the
 * quantile its {@code TDistribution}; NaN entries are left out.
 *
 * <p>With fewer than two values in a sample there is no interval and no test (NaN). When both
 * samples have no spread the difference is exact: p = 1 if it is 0, else 0, and the interval is
 * the point.
 *
 * @param difference ā − b̄
 */
public record WelchTTest(double difference, double low, double high, double t, double df, double p, int na, int nb) {

    public boolean tested() {
        return !Double.isNaN(p);
    }

    public static WelchTTest of(double[] a, double[] b) {
        double[] x = finite(a), y = finite(b);
        int na = x.length, nb = y.length;
        double d = mean(x) - mean(y);
        if (na < 2 || nb < 2) return new WelchTTest(na == 0 || nb == 0 ? Double.NaN : d, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, na, nb);
        double va = variance(x) / na, vb = variance(y) / nb, v = va + vb;
        if (v == 0) return new WelchTTest(d, d, d, d == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, d), Double.NaN, d == 0 ? 1 : 0, na, nb);
        double df = v * v / (va * va / (na - 1) + vb * vb / (nb - 1));
        double half = TDistribution.of(df).inverseSurvivalProbability((1 - Estimate.LEVEL) / 2) * Math.sqrt(v);
        TTest.Result r = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(x, y);
        return new WelchTTest(d, d - half, d + half, r.getStatistic(), r.getDegreesOfFreedom(), r.getPValue(), na, nb);
    }

    private static double[] finite(double[] v) {
        return Arrays.stream(v).filter(Double::isFinite).toArray();
    }

    private static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).sum() / v.length;
    }

    private static double variance(double[] v) {
        double m = mean(v), ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return ss / (v.length - 1);
    }
}
