package org.initlab.init;

import org.initlab.UserError;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EdgeOfChaosTest {
    private static final DoubleUnaryOperator RELU = x -> Math.max(0, x);
    private static final DoubleUnaryOperator RELU_PRIME = x -> x > 0 ? 1 : 0;
    private static final DoubleUnaryOperator TANH = Math::tanh;
    private static final DoubleUnaryOperator TANH_PRIME = x -> {
        double c = Math.cosh(x);
        return 1 / (c * c);
    };

    /** ReLU: χ₁ = σ_w²/2 for any q > 0, so σ_w = √2 (He init) whatever σ_b. */
    @Test
    void reluIsCriticalAtSqrtTwo() {
        assertEquals(Math.sqrt(2), EdgeOfChaos.criticalPoint(RELU, RELU_PRIME, 0.0).sigmaW(), 1e-12);
        assertEquals(Math.sqrt(2), EdgeOfChaos.criticalPoint(RELU, RELU_PRIME, 0.3).sigmaW(), 1e-12);
    }

    /**
     * tanh, σ_b = 0: ordered (q* = 0, χ₁ = σ_w²) below σ_w = 1, chaotic above. Just above 1,
     * χ₁ − 1 = O((σ_w − 1)²), so double precision pins σ_w to about √ε ≈ 10⁻⁸.
     */
    @Test
    void tanhIsCriticalAtOneWithoutBias() {
        EdgeOfChaos.CriticalPoint p = EdgeOfChaos.criticalPoint(TANH, TANH_PRIME, 0.0);
        assertEquals(1.0, p.sigmaW(), 1e-7);
        assertEquals(0.0, EdgeOfChaos.lengthFixedPoint(TANH, 0.9, 0.0));
        assertEquals(0.81, EdgeOfChaos.chi1(TANH_PRIME, 0.9, 0.0), 1e-12);
        assertTrue(EdgeOfChaos.chi1(TANH_PRIME, 1.5, EdgeOfChaos.lengthFixedPoint(TANH, 1.5, 0.0)) > 1, "chaotic above 1");
    }

    /** A linear network: q* diverges (σ_b > 0) and χ₁ = σ_w², so σ_w = 1. */
    @Test
    void linearIsCriticalAtOne() {
        EdgeOfChaos.CriticalPoint p = EdgeOfChaos.criticalPoint(x -> x, x -> 1, 0.3);
        assertEquals(1.0, p.sigmaW(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, p.qStar());
    }

    /**
     * φ = erf has closed forms (Williams 1998): ∫Dz erf(√q z)² = (2/π)·asin(2q/(1+2q)) and
     * ∫Dz erf′(√q z)² = (4/π)/√(1+4q). So χ₁ = 1 gives σ_w² = (π/4)·√(1+4q*), and the length
     * map's fixed point q* solves q − σ_b² = ½·√(1+4q)·asin(2q/(1+2q)): a one-dimensional
     * root, found here by bisection, independent of the quadrature.
     */
    @Test
    void erfMatchesTheClosedFormCriticalLine() {
        DoubleUnaryOperator erf = x -> 1 - StandardNormal.erfc(x);
        DoubleUnaryOperator erfPrime = x -> 2 / Math.sqrt(Math.PI) * Math.exp(-x * x);
        for (double sigmaB : new double[] {0.1, 0.3, 0.6}) {
            double lo = 1e-12;
            double hi = 100;
            for (int i = 0; i < 200; i++) {
                double q = 0.5 * (lo + hi);
                double h = q - sigmaB * sigmaB - 0.5 * Math.sqrt(1 + 4 * q) * Math.asin(2 * q / (1 + 2 * q));
                if (h < 0) lo = q;
                else hi = q;
            }
            double qStar = 0.5 * (lo + hi);
            double expected = Math.sqrt(Math.PI / 4 * Math.sqrt(1 + 4 * qStar));
            EdgeOfChaos.CriticalPoint p = EdgeOfChaos.criticalPoint(erf, erfPrime, sigmaB);
            assertEquals(expected, p.sigmaW(), 1e-9, "σ_b = " + sigmaB);
            assertEquals(qStar, p.qStar(), 1e-7 * qStar, "q* at σ_b = " + sigmaB);
        }
    }

    /** Along the tanh critical line σ_w grows with σ_b (Poole et al. 2016, Fig. 2), and χ₁ = 1 there. */
    @Test
    void tanhCriticalLineRisesWithBiasScale() {
        double previous = 1.0 - 1e-7;
        for (double sigmaB : new double[] {0.05, 0.1, 0.2, 0.3}) {
            EdgeOfChaos.CriticalPoint p = EdgeOfChaos.criticalPoint(TANH, TANH_PRIME, sigmaB);
            assertTrue(p.sigmaW() > previous, "σ_w(" + sigmaB + ") = " + p.sigmaW() + " after " + previous);
            assertEquals(1.0, EdgeOfChaos.chi1(TANH_PRIME, p.sigmaW(), p.qStar()), 1e-9);
            assertEquals(p.qStar(), EdgeOfChaos.lengthMap(TANH, p.sigmaW(), sigmaB, p.qStar()), 1e-9);
            previous = p.sigmaW();
        }
    }

    @Test
    void rejectsNegativeBiasScaleAndActivationsWithoutAnEdge() {
        assertThrows(UserError.class, () -> EdgeOfChaos.criticalPoint(TANH, TANH_PRIME, -0.1));
        // φ′ ≡ 0: χ₁ is 0 for every σ_w.
        UserError e = assertThrows(UserError.class, () -> EdgeOfChaos.criticalPoint(x -> 1, x -> 0, 0.0));
        assertTrue(e.getMessage().contains("no edge of chaos"), e.getMessage());
    }
}
