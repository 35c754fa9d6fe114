package org.initlab.report.stats;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ln Γ and the regularized incomplete beta function against scipy.special (gammaln, betainc) and exact identities. */
class SpecialFunctionsTest {
    private static void assertClose(double expected, double actual, double relative, String what) {
        assertTrue(Math.abs(actual - expected) <= relative * Math.max(1e-300, Math.abs(expected)),
                what + ": " + actual + " vs " + expected);
    }

    @Test
    void logGammaMatchesReferenceOnBothSidesOfTheShift() {
        double[][] cases = {{1e-3, 6.907178885383853}, {0.5, 0.5723649429247}, {1.5, -0.12078223763524526},
                {3, 0.6931471805599453}, {7.3, 7.147892523022249}, {9.99, 12.779315214350195},
                {10, 12.801827480081469}, {55.5, 166.32150615984037}, {1e5, 1051287.7089736569}};
        for (double[] c : cases) assertEquals(c[1], LogGamma.of(c[0]), 2e-15 * Math.max(1, Math.abs(c[1])), "lnΓ(" + c[0] + ")");
        assertEquals(0.0, LogGamma.of(1), 2e-15);
        assertEquals(0.0, LogGamma.of(2), 2e-15);
        assertEquals(Math.log(Math.sqrt(Math.PI)), LogGamma.of(0.5), 2e-15);
        assertTrue(Double.isNaN(LogGamma.of(0)));
        assertTrue(Double.isNaN(LogGamma.of(-1.5)));
    }

    @Test
    void logGammaSatisfiesTheRecurrence() {
        for (double x = 0.05; x < 30; x *= 1.37) {
            assertEquals(LogGamma.of(x) + Math.log(x), LogGamma.of(x + 1), 1e-13 * Math.max(1, Math.abs(LogGamma.of(x + 1))), "x = " + x);
        }
    }

    @Test
    void logGammaDifferenceKeepsItsDigitsForLargeArguments() {
        // ln Γ(x) − ln Γ(x + ½) → −½ ln x + 1/(8x) + …; compare with the shifted direct form where it is still exact enough.
        assertEquals(LogGamma.of(12.5) - LogGamma.of(13), LogGamma.difference(12.5, 0.5), 1e-14);
        assertEquals(LogGamma.of(30) - LogGamma.of(37.25), LogGamma.difference(30, 7.25), 1e-13);
        double x = 5e5;
        assertEquals(-0.5 * Math.log(x) + 1 / (8 * x), LogGamma.difference(x, 0.5), 1e-15);
    }

    @Test
    void incompleteBetaMatchesReference() {
        double[][] cases = {{0.5, 0.5, 0.3, 0.36901011956554536}, {2.5, 0.5, 0.9, 0.48958974456442755},
                {5, 3, 0.2, 0.0046720000000000025}, {15, 0.5, 0.98, 0.4400766792013859},
                {0.5, 15, 0.02, 0.5599233207986141}, {100, 0.5, 0.999, 0.6550435163244294}, {2, 3, 0.5, 0.6875}};
        for (double[] c : cases) {
            assertClose(c[3], IncompleteBeta.regularized(c[2], c[0], c[1]), 1e-13, "I_" + c[2] + "(" + c[0] + ", " + c[1] + ")");
        }
    }

    @Test
    void incompleteBetaHasItsClosedForms() {
        for (double x = 0.01; x < 1; x += 0.07) {
            assertEquals(x, IncompleteBeta.regularized(x, 1, 1), 1e-15);
            assertEquals(Math.pow(x, 3.5), IncompleteBeta.regularized(x, 3.5, 1), 1e-14);
            assertEquals(1 - Math.pow(1 - x, 2.25), IncompleteBeta.regularized(x, 1, 2.25), 1e-14);
            assertEquals(1 - IncompleteBeta.regularized(1 - x, 4, 0.7), IncompleteBeta.regularized(x, 0.7, 4), 1e-14);
            // I_x(½, ½) = (2/π) asin √x, the arcsine distribution
            assertEquals(2 / Math.PI * Math.asin(Math.sqrt(x)), IncompleteBeta.regularized(x, 0.5, 0.5), 1e-14);
        }
        assertEquals(0.5, IncompleteBeta.regularized(0.5, 7, 7), 1e-14);
        assertEquals(0.0, IncompleteBeta.regularized(0, 2, 3));
        assertEquals(1.0, IncompleteBeta.regularized(1, 2, 3));
        assertTrue(Double.isNaN(IncompleteBeta.regularized(1.2, 2, 3)));
    }
}
