package org.initlab.theory;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NormalDistributionTest {
    /** Reference values of Φ (scipy.stats.norm.cdf, i.e. Cephes ndtr). */
    @Test
    void cdfMatchesReferenceValuesIntoTheFarTail() {
        assertEquals(0.5, NormalDistribution.cdf(0), 0);
        assertEquals(0.15865525393145707, NormalDistribution.cdf(-1), 1e-16);
        assertEquals(0.8413447460685429, NormalDistribution.cdf(1), 1e-15);
        assertEquals(2.866515718791939e-7, NormalDistribution.cdf(-5), 1e-14 * 2.9e-7);
        assertEquals(2.7536241186062336e-89, NormalDistribution.cdf(-20), 1e-13 * 2.8e-89);
    }

    @Test
    void logCdfIsContinuousAcrossItsAsymptoticBranchAndExactAboveIt() {
        assertEquals(Math.log(NormalDistribution.cdf(-29.999)), NormalDistribution.logCdf(-29.999), 1e-12 * 450);
        assertEquals(NormalDistribution.logCdf(-30.0000001), NormalDistribution.logCdf(-29.9999999), 1e-5);
        assertEquals(Math.log1p(-NormalDistribution.cdf(-6)), NormalDistribution.logCdf(6), 1e-24);
        // Φ(x) = φ(x)/|x|·(1 − 1/x² + …) (A&S 26.2.12)
        assertEquals(-0.5 * 1e6 - Math.log(1000 * Math.sqrt(2 * Math.PI)) - 1e-6, NormalDistribution.logCdf(-1000), 1e-9);
    }
}
