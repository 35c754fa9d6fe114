package org.initlab.report.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mean intervals, Wilson intervals (scipy.stats.binomtest(...).proportion_ci(method='wilson')) and Holm's adjustment (R's p.adjust). */
class IntervalsTest {
    @Test
    void meanIntervalIsTTimesTheStandardError() {
        Estimate e = Estimate.of(new double[]{1, 2, 3, 4, 5});
        assertEquals(3.0, e.mean(), 0);
        // s = √2.5, t₀.₉₇₅,₄ = 2.7764451051977934
        double half = 2.7764451051977934 * Math.sqrt(2.5 / 5);
        assertEquals(3 - half, e.low(), 1e-12);
        assertEquals(3 + half, e.high(), 1e-12);
        assertEquals(half, e.halfWidth(), 1e-12);
        assertEquals(5, e.n());
    }

    /** The half-width is t₀.₉₇₅,ₙ₋₁ · s/√n with scipy.stats.t.ppf(0.975, n − 1) at full precision, for 2 to 30 values. */
    @Test
    void meanIntervalsUseTheTQuantileOfTheirDegreesOfFreedom() {
        double[][] quantiles = {{2, 12.706204736174707}, {3, 4.302652729749464}, {4, 3.1824463052837078}, {5, 2.7764451051977934},
                {10, 2.262157162798205}, {30, 2.045229642132703}};
        for (double[] q : quantiles) {
            int n = (int) q[0];
            double[] v = new double[n];
            for (int i = 0; i < n; i++) v[i] = i % 2 == 0 ? 1.5 : -0.5 + i * 1e-3;
            double mean = 0, ss = 0;
            for (double x : v) mean += x / n;
            for (double x : v) ss += (x - mean) * (x - mean);
            double half = q[1] * Math.sqrt(ss / (n - 1) / n);
            Estimate e = Estimate.of(v);
            assertEquals(half, e.halfWidth(), 1e-12 * half, "n = " + n);
            assertEquals(mean, (e.low() + e.high()) / 2, 1e-14, "centred, n = " + n);
        }
        Estimate same = Estimate.of(new double[]{0.97, 0.97, 0.97});
        assertEquals(0.0, same.halfWidth(), 1e-12, "no spread, no width");
    }

    @Test
    void nonFiniteValuesAreLeftOutAndOneValueHasNoInterval() {
        Estimate e = Estimate.of(new double[]{Double.NaN, 0.7, Double.POSITIVE_INFINITY});
        assertEquals(0.7, e.mean(), 0);
        assertEquals(1, e.n());
        assertFalse(e.hasInterval());
        assertTrue(Double.isNaN(e.low()));
        assertTrue(Estimate.of(new double[0]).isEmpty());
        Estimate pct = Estimate.of(new double[]{0.5, 0.7}).scaled(100);
        assertEquals(60, pct.mean(), 1e-12);
        assertEquals(100 * Estimate.of(new double[]{0.5, 0.7}).low(), pct.low(), 1e-12);
    }

    /** A 95% interval covers the true mean in about 95% of samples. */
    @Test
    void meanIntervalCoversAtItsLevel() {
        var rng = new java.util.SplittableRandom(7);
        int trials = 4000, covered = 0;
        for (int i = 0; i < trials; i++) {
            double[] v = new double[4];
            for (int j = 0; j < v.length; j++) v[j] = rng.nextDouble() + rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
            Estimate e = Estimate.of(v);
            if (e.low() <= 2 && 2 <= e.high()) covered++;
        }
        assertTrue(Math.abs(covered - 3800) < 80, "covered " + covered + " of " + trials);
    }

    @Test
    void logIntervalsAreGeometricAndMultiplicative() {
        Estimate e = Estimate.ofLog(new double[]{1, 100});
        assertEquals(10, e.mean(), 1e-12, "geometric mean");
        // logs 0 and ln 100: sd = ln 100 / √2, half-width t₀.₉₇₅,₁ · sd / √2 = 12.7062… · ln(100) / 2
        double half = 12.706204736174707 * Math.log(100) / 2;
        assertEquals(10 * Math.exp(-half), e.low(), 1e-12 * e.low());
        assertEquals(10 * Math.exp(half), e.high(), 1e-9 * e.high());
        assertEquals(e.mean() * e.mean(), e.low() * e.high(), 1e-9 * e.mean() * e.mean(), "symmetric on the log scale");
        Estimate withZero = Estimate.ofLog(new double[]{0, 2});
        assertEquals(Estimate.of(new double[]{0, 2}), withZero, "a zero falls back to the arithmetic mean");
        assertEquals(1, Estimate.ofLog(new double[]{Double.NaN, 3}).n());
    }

    @Test
    void wilsonIntervalsMatchReference() {
        double[][] cases = {{0, 5, 0.0, 0.43448246478317476}, {5, 5, 0.5655175352168251, 1.0}, {2, 5, 0.11762077423264794, 0.769275718723987},
                {81, 263, 0.2552885198782742, 0.36620957698280004}, {1, 1, 0.20654931437723745, 1.0}};
        for (double[] c : cases) {
            Proportion p = Proportion.of((int) c[0], (int) c[1]);
            assertEquals(c[2], p.low(), 1e-14, c[0] + "/" + c[1]);
            assertEquals(c[3], p.high(), 1e-14, c[0] + "/" + c[1]);
        }
        assertEquals(0.4, Proportion.of(2, 5).rate(), 0);
        assertTrue(Double.isNaN(Proportion.of(0, 0).low()));
        assertThrows(IllegalArgumentException.class, () -> Proportion.of(3, 2));
    }

    @Test
    void holmMatchesRsPAdjust() {
        // p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02
        assertArrayEquals(new double[]{0.03, 0.06, 0.06, 0.02}, Holm.adjust(new double[]{0.01, 0.04, 0.03, 0.005}), 1e-15);
        // capped at 1 and monotone: p.adjust(c(0.5, 0.2, 0.9), "holm") = 1.0 0.6 1.0
        assertArrayEquals(new double[]{1.0, 0.6, 1.0}, Holm.adjust(new double[]{0.5, 0.2, 0.9}), 1e-15);
        // monotone step-down: p.adjust(c(0.01, 0.011, 0.5), "holm") = 0.03 0.03 0.5 (not 0.022)
        assertArrayEquals(new double[]{0.03, 0.03, 0.5}, Holm.adjust(new double[]{0.01, 0.011, 0.5}), 1e-15);
        assertArrayEquals(new double[]{0.2}, Holm.adjust(new double[]{0.2}), 0);
        double[] withMissing = Holm.adjust(new double[]{Double.NaN, 0.01, 0.02});
        assertTrue(Double.isNaN(withMissing[0]));
        assertArrayEquals(new double[]{0.02, 0.02}, new double[]{withMissing[1], withMissing[2]}, 1e-15);
    }
}
