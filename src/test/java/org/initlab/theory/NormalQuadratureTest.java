package org.initlab.theory;

import org.initlab.init.EdgeOfChaos;
import org.junit.jupiter.api.Test;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NormalQuadratureTest {
    private static final DoubleUnaryOperator ERF = u -> 1 - NormalDistribution.erfc(u);
    private static final DoubleUnaryOperator ERF_PRIME = u -> 2 / Math.sqrt(Math.PI) * Math.exp(-u * u);

    /** Simpson's rule for E[f(m + sZ)] on 2·10⁶ intervals of [−12, 12]: slow and independent of the panel rule. */
    static double simpson(DoubleUnaryOperator f, double m, double s) {
        int n = 2_000_000;
        double a = -12;
        double h = 24.0 / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double z = a + i * h;
            double weight = i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2);
            sum += weight * f.applyAsDouble(m + s * z) * NormalDistribution.density(z);
        }
        return sum * h / 3;
    }

    @Test
    void weightsSumToOneAndIntegratePolynomialsExactly() {
        double[] u = new double[NormalQuadrature.MAX_NODES];
        double[] w = new double[NormalQuadrature.MAX_NODES];
        for (double s : new double[] {1e-6, 0.3, 1, 7, 500}) {
            int n = NormalQuadrature.nodes(0.4 * s, s, 0, 1, u, w);
            double m0 = 0, m2 = 0, m4 = 0;
            for (int i = 0; i < n; i++) {
                double z = (u[i] - 0.4 * s) / s;
                m0 += w[i];
                m2 += w[i] * z * z;
                m4 += w[i] * z * z * z * z;
            }
            assertEquals(1.0, m0, 1e-10, "mass at s = " + s);
            assertEquals(1.0, m2, 1e-9, "E[Z²] at s = " + s);
            assertEquals(3.0, m4, 1e-8, "E[Z⁴] at s = " + s);
        }
    }

    /** ReLU's truncated moments: E[relu(U)²] = (m² + s²)Φ(m/s) + m·s·φ(m/s), E[relu′(U)²] = Φ(m/s). */
    @Test
    void reluMomentsWithAnyMeanMatchTheClosedForms() {
        for (double m : new double[] {0, 0.3, -0.7, 2.5}) {
            for (double s : new double[] {0.01, 0.5, 1, 3, 30}) {
                double t = m / s;
                double second = (m * m + s * s) * NormalDistribution.cdf(t) + m * s * NormalDistribution.density(t);
                assertEquals(second, NormalQuadrature.expectation(u -> u > 0 ? u * u : 0, m, s), 1e-9 * second + 1e-300,
                        "E[relu²] at m = " + m + ", s = " + s);
                assertEquals(NormalDistribution.cdf(t), NormalQuadrature.expectation(u -> u > 0 ? 1 : 0, m, s), 1e-9,
                        "E[relu′²] at m = " + m + ", s = " + s);
            }
        }
    }

    /** erf(u): ∫ erf(√q z)² = (2/π)·asin(2q/(1+2q)), ∫ erf′(√q z)² = (4/π)/√(1+4q) (Williams 1998), over 8 decades of q. */
    @Test
    void erfMomentsMatchWilliamsClosedForms() {
        for (double q : new double[] {1e-3, 0.1, 1, 10, 1e3, 1e5}) {
            double value = 2 / Math.PI * Math.asin(2 * q / (1 + 2 * q));
            double slope = 4 / Math.PI / Math.sqrt(1 + 4 * q);
            assertEquals(value, NormalQuadrature.expectation(u -> ERF.applyAsDouble(u) * ERF.applyAsDouble(u), 0, Math.sqrt(q)), 1e-9 * value);
            assertEquals(slope, NormalQuadrature.expectation(u -> ERF_PRIME.applyAsDouble(u) * ERF_PRIME.applyAsDouble(u), 0, Math.sqrt(q)),
                    1e-9 * slope);
        }
    }

    /**
     * Pairs: E[erf(u₁)erf(u₂)] = (2/π)·asin(2c·s²/(1 + 2s²)), E[erf′(u₁)erf′(u₂)] = (4/π)/√((1+2s²)² − 4c²s⁴)
     * (Williams 1998), and ReLU's arc-cosine kernel E[relu(u₁)relu(u₂)] = s²(√(1−c²) + (π − arccos c)c)/(2π),
     * E[relu′(u₁)relu′(u₂)] = (π − arccos c)/(2π) (Cho &amp; Saul 2009), up to c = 1 − 10⁻⁶.
     */
    @Test
    void pairExpectationsMatchErfAndArcCosineKernels() {
        for (double s : new double[] {0.1, 1, 5, 30}) {
            for (double c : new double[] {-0.5, 0, 0.5, 0.99, 0.999999}) {
                double[] erf = NormalQuadrature.pairExpectations(ERF, ERF_PRIME, 0, s, 0, s, c);
                double value = 2 / Math.PI * Math.asin(2 * s * s * c / (1 + 2 * s * s));
                double slope = 4 / Math.PI / Math.sqrt((1 + 2 * s * s) * (1 + 2 * s * s) - 4 * s * s * s * s * c * c);
                assertEquals(value, erf[0], 1e-9, "erf at s = " + s + ", c = " + c);
                assertEquals(slope, erf[1], 1e-9 * slope, "erf′ at s = " + s + ", c = " + c);
                double[] relu = NormalQuadrature.pairExpectations(u -> Math.max(0, u), u -> u > 0 ? 1 : 0, 0, s, 0, s, c);
                assertEquals(s * s * (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / (2 * Math.PI), relu[0], 1e-9 * s * s,
                        "relu at s = " + s + ", c = " + c);
                assertEquals((Math.PI - Math.acos(c)) / (2 * Math.PI), relu[1], 1e-9, "relu′ at s = " + s + ", c = " + c);
            }
        }
    }

    /**
     * Where Gauss–Hermite is accurate (small q) the two rules agree to 10⁻¹²; at q = 10 EdgeOfChaos's
     * 100-point Gauss–Hermite is off by 5·10⁻⁴ in ∫Dz tanh²(√q z) while this rule agrees with a
     * brute-force Simpson sum: the reason theory does not reuse it for q^l.
     */
    @Test
    void agreesWithGaussHermiteWhereThatIsAccurateAndWithSimpsonWhereItIsNot() {
        DoubleUnaryOperator tanh2 = u -> Math.tanh(u) * Math.tanh(u);
        for (double q : new double[] {0.01, 0.1, 1}) {
            assertEquals(EdgeOfChaos.lengthMap(Math::tanh, 1, 0, q), NormalQuadrature.expectation(tanh2, 0, Math.sqrt(q)), 1e-10);
        }
        double q = 10;
        double ours = NormalQuadrature.expectation(tanh2, 0, Math.sqrt(q));
        double brute = simpson(tanh2, 0, Math.sqrt(q));
        double hermite = EdgeOfChaos.lengthMap(Math::tanh, 1, 0, q);
        assertEquals(brute, ours, 1e-9);
        assertTrue(Math.abs(hermite - brute) > 1e-4, "Gauss–Hermite at q = 10: " + hermite + " vs " + brute);
    }
}
