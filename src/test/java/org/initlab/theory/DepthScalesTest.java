package org.initlab.theory;

import org.initlab.init.EdgeOfChaos;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DepthScalesTest {
    private static final Activation TANH = Activations.create("tanh");
    private static final Activation RELU = Activations.create("relu");
    private static final double SIGMA_B = Math.sqrt(0.05);

    /**
     * Schoenholz et al. 2017 work at σ_b² = 0.05, where the tanh critical point is σ_w² ≈ 1.76
     * (the transition their Figs. 1 and 5 show); EdgeOfChaos's bisection gives 1.76095, and this
     * class's own quadrature finds χ₁ = 1 there and q* equal to EdgeOfChaos's.
     */
    @Test
    void tanhCriticalPointAtTheSchoenholzBiasIsAbout1_76() {
        double sigmaW = DepthScales.criticalSigmaW(TANH, SIGMA_B);
        assertEquals(1.761, sigmaW * sigmaW, 1e-3);
        DepthScales.Point p = DepthScales.at(TANH, sigmaW, SIGMA_B);
        assertEquals(1.0, p.chi1(), 1e-7);
        assertEquals(EdgeOfChaos.lengthFixedPoint(TANH::value, sigmaW, SIGMA_B), p.qStar(), 1e-9);
        assertTrue(p.xiC() > 1e4, "ξ_c diverges at the critical point: " + p.xiC());
    }

    /** ξ_c rises towards the critical σ_w from both sides (the phase diagram's ridge) and ξ_c = −1/log χ₁ on the ordered side. */
    @Test
    void correlationDepthScaleDivergesAtTheCriticalWeightScale() {
        double critical = DepthScales.criticalSigmaW(TANH, SIGMA_B);
        double[] below = {0.5, 1.0, 1.2, critical - 0.01};
        double[] above = {3.0, 2.0, 1.5, critical + 0.01};
        List<DepthScales.Point> ordered = DepthScales.curve(TANH, SIGMA_B, below);
        List<DepthScales.Point> chaotic = DepthScales.curve(TANH, SIGMA_B, above);
        for (int i = 1; i < 4; i++) {
            assertTrue(ordered.get(i).xiC() > ordered.get(i - 1).xiC(), "ordered side rises: " + ordered);
            assertTrue(chaotic.get(i).xiC() > chaotic.get(i - 1).xiC(), "chaotic side rises: " + chaotic);
        }
        assertTrue(ordered.get(3).xiC() > 100 && chaotic.get(3).xiC() > 100, ordered.get(3) + " " + chaotic.get(3));
        for (DepthScales.Point p : ordered) {
            assertEquals(1.0, p.cStar());
            assertEquals(-1 / Math.log(p.chi1()), p.xiC(), 1e-9 * p.xiC());
        }
        for (DepthScales.Point p : chaotic) assertTrue(p.cStar() < 1 && p.chi1() > 1 && p.chiC() < 1, p.toString());
        assertEquals(6 * ordered.get(1).xiC(), ordered.get(1).trainableDepth(), 1e-12);
    }

    /**
     * ξ_q and ξ_c are the decay lengths of the maps themselves: iterating the length map from
     * q* + 10⁻⁴ and the correlation map from c* − 10⁻⁴ (at q*), the deviation shrinks by e^(−1/ξ)
     * per layer.
     */
    @Test
    void depthScalesAreTheDecayRatesOfTheIteratedMaps() {
        for (double sigmaW : new double[] {1.0, 2.0, 2.5}) {
            DepthScales.Point p = DepthScales.at(TANH, sigmaW, SIGMA_B);
            double q = p.qStar() + 1e-4;
            double qNext = DepthScales.lengthMap(TANH, sigmaW, SIGMA_B, q);
            assertEquals(Math.exp(-1 / p.xiQ()), (qNext - p.qStar()) / (q - p.qStar()), 2e-4, "ξ_q at σ_w = " + sigmaW);
            double c = p.cStar() - 1e-4;
            double sd = Math.sqrt(p.qStar());
            double q12 = sigmaW * sigmaW * NormalQuadrature.pairExpectations(TANH::value, TANH::derivative, 0, sd, 0, sd, c)[0]
                    + SIGMA_B * SIGMA_B;
            assertEquals(Math.exp(-1 / p.xiC()), (q12 / p.qStar() - p.cStar()) / (c - p.cStar()), 2e-4, "ξ_c at σ_w = " + sigmaW);
        }
    }

    /**
     * ReLU in closed form: L(q) = σ_w²q/2 + σ_b², so q* = σ_b²/(1 − σ_w²/2) below σ_w = √2 and
     * ξ_q = ξ_c = −1/log(σ_w²/2); above √2 q^l diverges and the scales are undefined.
     */
    @Test
    void reluDepthScalesInClosedForm() {
        for (double sigmaW : new double[] {0.8, 1.2, 1.4}) {
            DepthScales.Point p = DepthScales.at(RELU, sigmaW, 0.1);
            double half = sigmaW * sigmaW / 2;
            assertEquals(0.01 / (1 - half), p.qStar(), 1e-9 * p.qStar());
            assertEquals(half, p.chi1(), 1e-10);
            assertEquals(-1 / Math.log(half), p.xiQ(), 1e-7 * p.xiQ());
            assertEquals(-1 / Math.log(half), p.xiC(), 1e-7 * p.xiC());
        }
        DepthScales.Point diverging = DepthScales.at(RELU, 1.5, 0.1);
        assertEquals(Double.POSITIVE_INFINITY, diverging.qStar());
        assertTrue(Double.isNaN(diverging.xiC()));
    }

    /** tanh at σ_b = 0: q* = 0 and χ₁ = σ_w² in the ordered phase; c* = 0 in the chaotic one (odd φ). */
    @Test
    void tanhWithoutBiasHasTheTextbookFixedPoints() {
        DepthScales.Point ordered = DepthScales.at(TANH, 0.9, 0.0);
        assertEquals(0.0, ordered.qStar());
        assertEquals(0.81, ordered.chi1(), 1e-9);
        DepthScales.Point chaotic = DepthScales.at(TANH, 1.5, 0.0);
        assertEquals(0.0, chaotic.cStar(), 1e-9);
    }

    /**
     * The tanh critical line σ_w²(σ_b²) in closed form near its end point (1, 0), from Schoenholz
     * et al. 2017's two fixed-point equations q* = σ_w²·E[tanh(√q* z)²] + σ_b² and
     * χ₁ = σ_w²·E[tanh′(√q* z)²] = 1 expanded in q*: E[tanh²] = q − 2q² + (17/3)q³ + O(q⁴) and
     * E[tanh′²] = 1 − 2q + 7q² + O(q³) (Taylor series of tanh with E z⁴ = 3, E z⁶ = 15) give
     * σ_w² = 1 + 2q* − 3q*² + O(q*³) and σ_b² = (4/3)q*³ + O(q*⁴), i.e. q* = (3σ_b²/4)^(1/3) + O(q*²).
     * The point the bisection finds matches within 20·q*³ (σ_w²) and 10·q*² (q*), over four decades of σ_b².
     */
    @Test
    void tanhCriticalLineMatchesItsSmallBiasExpansion() {
        for (double sigmaB2 : new double[] {1e-10, 1e-9, 1e-8, 1e-7, 1e-6}) {
            double sigmaB = Math.sqrt(sigmaB2);
            double sigmaW = DepthScales.criticalSigmaW(TANH, sigmaB);
            double q = DepthScales.lengthFixedPoint(TANH, sigmaW, sigmaB);
            assertEquals(1 + 2 * q - 3 * q * q, sigmaW * sigmaW, 20 * q * q * q, "σ_w² against q* at σ_b² = " + sigmaB2);
            assertEquals(Math.cbrt(0.75 * sigmaB2), q, 10 * q * q, "q* at σ_b² = " + sigmaB2);
        }
        // and the line rises with σ_b: more bias needs larger weights to stay critical
        double previous = 1;
        for (double sigmaB2 : new double[] {0.01, 0.05, 0.1, 0.2}) {
            double w2 = Math.pow(DepthScales.criticalSigmaW(TANH, Math.sqrt(sigmaB2)), 2);
            assertTrue(w2 > previous, "σ_w² = " + w2 + " at σ_b² = " + sigmaB2);
            previous = w2;
        }
    }
}
