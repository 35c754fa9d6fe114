package org.initlab.init;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reference values are scipy.special.erfc / ndtr / ndtri (double precision). */
class StandardNormalTest {
    /** The series loses up to ~8e−15 relative at its edge (1 − erf cancels near z = 1.5). */
    private static final double RELATIVE = 1e-14;

    private static void assertRelative(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(actual - expected) <= tolerance * Math.abs(expected), what + ": " + actual + " vs " + expected);
    }

    @Test
    void erfcMatchesReferenceOnBothExpansionsAndFarInTheTail() {
        double[][] cases = {
                {0.0, 1.0}, {0.3, 0.6713732405408726}, {1.0, 0.15729920705028516}, {2.0, 0.004677734981047266},
                {2.5, 0.00040695201744495886}, {3.0, 2.2090496998585445e-05}, {5.0, 1.5374597944280347e-12},
                {10.0, 2.0884875837625446e-45}, {26.0, 5.663192408856145e-296}};
        for (double[] c : cases) assertRelative(c[1], StandardNormal.erfc(c[0]), RELATIVE, "erfc(" + c[0] + ")");
        assertRelative(2.0 - 0.15729920705028516, StandardNormal.erfc(-1.0), RELATIVE, "erfc(-1)");
    }

    @Test
    void cdfMatchesReference() {
        double[][] cases = {
                {-20.0, 2.7536241186061556e-89}, {-8.0, 6.22096057427174e-16}, {-2.0, 0.022750131948179195},
                {-0.5, 0.3085375387259869}, {0.0, 0.5}, {1.0, 0.8413447460685429}, {2.0, 0.9772498680518208},
                {6.0, 0.9999999990134123}};
        for (double[] c : cases) assertRelative(c[1], StandardNormal.cdf(c[0]), RELATIVE, "Φ(" + c[0] + ")");
    }

    @Test
    void quantileMatchesReferenceAndInvertsTheCdf() {
        double[][] cases = {
                {1e-300, -37.0470962993612}, {1e-20, -9.262340089798409}, {1e-8, -5.612001244174789},
                {0.001, -3.090232306167813}, {0.3, -0.5244005127080409}, {0.8, 0.8416212335729143},
                {0.975, 1.959963984540054}, {1 - 1e-12, 7.0344869100478356}};
        for (double[] c : cases) assertRelative(c[1], StandardNormal.quantile(c[0]), 3e-14, "Φ⁻¹(" + c[0] + ")");
        assertEquals(0.0, StandardNormal.quantile(0.5), 1e-16);
        assertEquals(Double.NEGATIVE_INFINITY, StandardNormal.quantile(0.0));
        assertEquals(Double.POSITIVE_INFINITY, StandardNormal.quantile(1.0));
        assertTrue(Double.isNaN(StandardNormal.quantile(1.5)));
        for (double x = -7; x <= 0; x += 0.37) {
            assertRelative(x, StandardNormal.quantile(StandardNormal.cdf(x)), 1e-13, "Φ⁻¹(Φ(" + x + "))");
        }
    }

    /** Keras's constant is the std of N(0,1) on (−2, 2): √(1 − 2·2·φ(2)/(Φ(2) − Φ(−2))). */
    @Test
    void kerasTruncationConstantIsTheStdOfTheUnitNormalTruncatedAtTwo() {
        double z = StandardNormal.cdf(2) - StandardNormal.cdf(-2);
        double std = Math.sqrt(1 - 4 * StandardNormal.density(2) / z);
        assertEquals(VarianceScaling.TRUNCATED_UNIT_STD, std, 2e-16);
        assertEquals(Math.sqrt(SampleStats.truncatedNormalMoments(0, 1, -2, 2)[1]), std, 1e-15);
    }
}
