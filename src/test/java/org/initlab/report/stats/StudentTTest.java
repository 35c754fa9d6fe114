package org.initlab.report.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The t distribution against scipy.stats.t (cdf, ppf), its closed forms for ν = 1, 2, 4, and a numerical integral of its density. */
class StudentTTest {
    @Test
    void cdfMatchesReference() {
        double[][] cases = {{2, 5, 0.9490302605850708}, {-1.3, 3, 0.14223375436394853}, {0.1, 30, 0.5394951941048645},
                {4.2426, 4, 0.9933819851431221}, {-8, 2.5, 0.0038283220655217234}, {25, 7, 0.9999999791015144},
                {1e-8, 10, 0.5000000038910839}, {3, 1000, 0.9986166454778809}};
        for (double[] c : cases) {
            assertEquals(c[2], StudentT.cdf(c[0], c[1]), 1e-14, "F(" + c[0] + "; " + c[1] + ")");
        }
    }

    @Test
    void cdfHasTheClosedFormsOfOneTwoAndFourDegrees() {
        for (double t = -30; t <= 30; t += 0.73) {
            assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-14, "Cauchy at " + t);
            assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-14, "ν = 2 at " + t);
            // ν = 4: F(t) = ½ + t/(2√(4+t²)) · (1 + 2/(4+t²))
            assertEquals(0.5 + t / (2 * Math.sqrt(4 + t * t)) * (1 + 2 / (4 + t * t)), StudentT.cdf(t, 4), 1e-14, "ν = 4 at " + t);
        }
    }

    @Test
    void cdfIsTheIntegralOfTheDensity() {
        // Simpson's rule on [0, t] with 2000 intervals; F(t) = ½ + ∫₀ᵗ f.
        for (double df : new double[]{1.5, 3, 9, 40}) {
            for (double t : new double[]{0.3, 1.7, 4}) {
                int n = 2000;
                double h = t / n, s = StudentT.density(0, df) + StudentT.density(t, df);
                for (int i = 1; i < n; i++) s += (i % 2 == 1 ? 4 : 2) * StudentT.density(i * h, df);
                assertEquals(0.5 + s * h / 3, StudentT.cdf(t, df), 1e-12, "ν = " + df + ", t = " + t);
            }
        }
    }

    @Test
    void quantileMatchesReferenceAndTextbookTables() {
        double[][] cases = {{0.975, 3, 3.1824463052837078}, {0.975, 4, 2.7764451051977934}, {0.975, 9, 2.262157162798205},
                {0.975, 29, 2.045229642132703}, {0.995, 5, 4.032142983555228}, {0.9999, 3, 22.203742273205},
                {0.6, 12, 0.25903274567688733}, {0.975, 4.5, 2.6589123472044034}};
        for (double[] c : cases) {
            assertEquals(c[2], StudentT.quantile(c[0], c[1]), 1e-12 * Math.abs(c[2]), "t(" + c[0] + "; " + c[1] + ")");
            assertEquals(-c[2], StudentT.quantile(1 - c[0], c[1]), 1e-12 * Math.abs(c[2]), "lower tail");
        }
        // With a million degrees of freedom the continued fraction runs long and keeps ~11 digits.
        assertEquals(1.959966356814107, StudentT.quantile(0.975, 1e6), 1e-11);
        assertEquals(12.706204736174707, StudentT.quantile(0.975, 1), 1e-12);
        assertEquals(4.302652729749464, StudentT.quantile(0.975, 2), 1e-12);
        assertEquals(0.0, StudentT.quantile(0.5, 7));
        assertEquals(Double.POSITIVE_INFINITY, StudentT.quantile(1, 7));
        assertTrue(Double.isNaN(StudentT.quantile(1.1, 7)));
    }

    @Test
    void quantileInvertsTheCdf() {
        for (double df : new double[]{1, 2, 3, 4.5, 10, 100}) {
            for (double p = 0.001; p < 1; p += 0.0371) {
                assertEquals(p, StudentT.cdf(StudentT.quantile(p, df), df), 1e-13, "ν = " + df + ", p = " + p);
            }
        }
    }

    @Test
    void twoSidedPIsBothTails() {
        assertEquals(2 * (1 - StudentT.cdf(2.3, 6)), StudentT.twoSidedP(2.3, 6), 1e-15);
        assertEquals(StudentT.twoSidedP(2.3, 6), StudentT.twoSidedP(-2.3, 6), 0);
        assertEquals(1.0, StudentT.twoSidedP(0, 6), 0);
        assertEquals(0.0, StudentT.twoSidedP(Double.POSITIVE_INFINITY, 6), 0);
    }
}
