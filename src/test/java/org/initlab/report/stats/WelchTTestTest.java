package org.initlab.report.stats;

import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.TTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Welch's test on Student's sleep data as two independent groups: R's
 * {@code t.test(extra ~ group, data = sleep)} prints t = −1.8608, df = 17.776, p-value = 0.07939,
 * 95% CI −3.3654832 to 0.2054832.
 */
class WelchTTestTest {
    @Test
    void sleepDataGivesRsResult() {
        WelchTTest r = WelchTTest.of(PairedTTestTest.DRUG_1, PairedTTestTest.DRUG_2);
        assertEquals(-1.58, r.difference(), 1e-12);
        assertEquals(-1.8608, r.t(), 5e-5);
        assertEquals(17.776, r.df(), 5e-4);
        assertEquals(0.07939, r.p(), 5e-6);
        assertEquals(-3.3654832, r.low(), 5e-8);
        assertEquals(0.2054832, r.high(), 5e-8);
        assertEquals(10, r.na());
        assertTrue(r.tested());
    }

    /** The interval is the set of shifts the test does not reject: at either end p is exactly 0.05. */
    @Test
    void theIntervalsEndsAreWhereTheTestRejects() {
        double[] a = {0.912, 0.918, 0.915, 0.921}, b = {0.95, 0.93, 0.97};
        WelchTTest r = WelchTTest.of(a, b);
        TTest t = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC);
        assertEquals(0.05, t.withMu(r.low()).test(a, b).getPValue(), 1e-9);
        assertEquals(0.05, t.withMu(r.high()).test(a, b).getPValue(), 1e-9);
    }

    @Test
    void missingValuesAreLeftOutAndTooFewDecideNothing() {
        WelchTTest r = WelchTTest.of(new double[]{1, Double.NaN, 3}, new double[]{0, 1, Double.NaN, 2});
        assertEquals(2, r.na());
        assertEquals(3, r.nb());
        assertEquals(1.0, r.difference(), 1e-15);
        WelchTTest one = WelchTTest.of(new double[]{1}, new double[]{0, 1});
        assertFalse(one.tested());
        assertEquals(0.5, one.difference(), 1e-15);
        assertTrue(Double.isNaN(one.low()));
        WelchTTest exact = WelchTTest.of(new double[]{2, 2}, new double[]{1, 1, 1});
        assertEquals(0.0, exact.p());
        assertEquals(1.0, exact.low());
    }
}
