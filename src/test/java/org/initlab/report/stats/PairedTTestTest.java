package org.initlab.report.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The paired t-test on Student's sleep data (Cushny &amp; Peebles 1905; R's {@code sleep}), whose
 * textbook result is R's {@code t.test(extra ~ group, data = sleep, paired = TRUE)}: t = −4.0621,
 * df = 9, p = 0.002833, 95% CI (−2.4599, −0.7001); here from scipy.stats.ttest_rel at full precision.
 */
class PairedTTestTest {
    static final double[] DRUG_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    static final double[] DRUG_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    @Test
    void sleepDataGivesTheTextbookResult() {
        PairedTTest r = PairedTTest.of(DRUG_1, DRUG_2);
        assertEquals(10, r.pairs());
        assertEquals(9, r.df());
        assertEquals(-1.58, r.difference().mean(), 1e-12);
        assertEquals(-4.062127683382037, r.t(), 1e-12);
        assertEquals(0.002832890197384273, r.p(), 1e-14);
        assertEquals(-2.459885763276983, r.difference().low(), 1e-12);
        assertEquals(-0.7001142367230175, r.difference().high(), 1e-12);
        assertEquals(-1.2845575625910546, r.effectSize(), 1e-12);
        assertTrue(r.tested());
    }

    @Test
    void swappingTheSamplesFlipsTheSignOnly() {
        PairedTTest a = PairedTTest.of(DRUG_1, DRUG_2), b = PairedTTest.of(DRUG_2, DRUG_1);
        assertEquals(-a.t(), b.t(), 1e-12);
        assertEquals(a.p(), b.p(), 0);
        assertEquals(-a.effectSize(), b.effectSize(), 1e-12);
    }

    @Test
    void pairsWithAMissingValueAreLeftOut() {
        double[] a = {1, 2, Double.NaN, 4}, b = {0.5, 1, 3, 2.5};
        PairedTTest r = PairedTTest.of(a, b);
        assertEquals(3, r.pairs());
        assertEquals(1.0, r.difference().mean(), 1e-15);
        assertEquals(0.5, r.sd(), 1e-15); // differences 0.5, 1, 1.5
    }

    @Test
    void equalDifferencesDecideWithoutNoiseAndOnePairDecidesNothing() {
        PairedTTest same = PairedTTest.of(new double[]{0.1, 0.2, 0.3}, new double[]{0.1, 0.2, 0.3});
        assertEquals(1.0, same.p());
        assertEquals(0.0, same.effectSize());
        PairedTTest shifted = PairedTTest.of(new double[]{1, 2, 3}, new double[]{0, 1, 2});
        assertEquals(0.0, shifted.p());
        assertEquals(Double.POSITIVE_INFINITY, shifted.t());
        PairedTTest one = PairedTTest.of(new double[]{1}, new double[]{0});
        assertFalse(one.tested());
        assertTrue(Double.isNaN(one.p()));
        assertThrows(IllegalArgumentException.class, () -> PairedTTest.of(new double[2], new double[3]));
    }

    /** Under H₀ the p-value is uniform: about 5% of tests on pure noise reject at 0.05. */
    @Test
    void pValuesAreCalibratedUnderTheNull() {
        var rng = new java.util.SplittableRandom(42);
        int trials = 4000, rejected = 0;
        for (int i = 0; i < trials; i++) {
            double[] a = new double[5], b = new double[5];
            for (int j = 0; j < 5; j++) {
                a[j] = rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
                b[j] = rng.nextDouble() + rng.nextDouble() + rng.nextDouble();
            }
            if (PairedTTest.of(a, b).p() <= 0.05) rejected++;
        }
        // Binomial(4000, 0.05): mean 200, sd 13.8; ±5 sd (the sums of uniforms are only nearly normal).
        assertTrue(Math.abs(rejected - 200) < 70, "rejected " + rejected + " of " + trials);
    }
}
