package org.initlab.theory;

import org.initlab.init.Initializers;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.initlab.theory.EntryDistribution.Structure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recursion against closed forms. */
class SignalPropagationTest {
    private static final Activation RELU = Activations.create("relu");
    private static final Activation TANH = Activations.create("tanh");
    private static final Activation LINEAR = Activations.create("identity");

    private static NetworkSpec uniform(int inputs, int width, int depth, Activation phi, double sigmaW2, double biasMean,
                                       double biasVariance, Structure structure) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < depth; l++) layers.add(new LayerSpec(width, phi, sigmaW2, biasMean, biasVariance, structure));
        return new NetworkSpec(inputs, layers);
    }

    /** ReLU with He (σ_w² = 2, σ_b = 0): q¹ = 2q⁰ and then q^l = 2·q^(l−1)/2, constant; χ = 1 in every layer. */
    @Test
    void reluWithHeKeepsTheSecondMomentConstant() {
        int[] widths = {784, 300, 200, 100, 10};
        NetworkSpec spec = NetworkSpec.of(widths, RELU, false, Initializers.weight("kaiming_normal", Map.of()), Initializers.bias("zeros", Map.of()));
        Prediction p = SignalPropagation.predict(spec, InputStatistics.of(0.1, 0.4), 100, 0.1);
        for (LayerPrediction l : p.layers()) {
            assertEquals(0.2, l.secondMoment(), 1e-11, "q at layer " + l.layer());
            if (l.layer() < 4) {
                assertEquals(1.0, l.chi(), 1e-10, "χ at layer " + l.layer());
                assertEquals(0.5, l.negativeFraction(), 1e-12);
                assertEquals(1.0, l.backwardSquaredNorm(), 1e-10, "‖δ‖² is preserved");
            }
        }
        assertEquals(2.0, p.inputOutputJacobianMeanSquare(), 1e-10, "χ₁χ₂χ₃ = 1 and a linear output with σ_w² = 2");
        // per example: ‖∇W_l‖² ∝ n_(l−1)·E[h²]·‖δ‖²; E[h²] = q⁰ at the input, q/2 = 0.1 after a ReLU layer
        assertEquals(Math.sqrt(784.0 / 100.0), p.gradientNormRatio(), 1e-9);
    }

    /** Linear layers: q^l = σ_w^(2l)·q⁰ + σ_b²·Σ_{k<l} σ_w^(2k) + β², and the pair moment follows the same law. */
    @Test
    void linearNetworkFollowsTheGeometricLaw() {
        double s2 = 1.3 * 1.3, b2 = 0.04, beta = 0.1, q0 = 0.7, c0 = 0.3;
        NetworkSpec spec = uniform(50, 80, 6, LINEAR, s2, beta, b2, Structure.INDEPENDENT);
        Prediction p = SignalPropagation.predict(spec, InputStatistics.of(q0, c0), 10, 0.1);
        double v = q0, v12 = c0 * q0;
        for (LayerPrediction l : p.layers()) {
            // h = z is not centred: E[h²] = v + β², E[h₁h₂] = v₁₂ + β²
            double inSecond = l.layer() == 1 ? q0 : v + beta * beta;
            double inCross = l.layer() == 1 ? c0 * q0 : v12 + beta * beta;
            v = s2 * inSecond + b2;
            v12 = s2 * inCross + b2;
            assertEquals(v + beta * beta, l.secondMoment(), 1e-10 * v, "q at layer " + l.layer());
            assertEquals(v12 / v, l.correlation(), 1e-10, "c at layer " + l.layer());
            assertEquals(s2, l.chi(), 1e-10);
        }
        NetworkSpec zeroBias = uniform(50, 80, 6, LINEAR, s2, 0, 0, Structure.INDEPENDENT);
        Prediction pure = SignalPropagation.predict(zeroBias, InputStatistics.of(q0, c0), 10, 0.1);
        for (LayerPrediction l : pure.layers()) {
            assertEquals(Math.pow(s2, l.layer()) * q0, l.secondMoment(), 1e-10 * l.secondMoment(), "q^l = σ_w^(2l)q⁰");
        }
        assertEquals(Math.pow(s2, 6), pure.inputOutputJacobianMeanSquare(), 1e-9);
        assertEquals(4.0, pure.hiddenJacobianSpread(), 1e-9, "linear Gaussian: one unit of spread per hidden-to-hidden layer");
        NetworkSpec orthogonal = uniform(80, 80, 6, LINEAR, 1, 0, 0, Structure.ORTHOGONAL);
        assertEquals(0.0, SignalPropagation.predict(orthogonal, InputStatistics.of(q0, c0), 10, 0.1).hiddenJacobianSpread(), 1e-12);
    }

    /** ReLU's correlation map is Cho &amp; Saul's arc-cosine map c ↦ (√(1−c²) + (π − arccos c)c)/π at σ_b = 0. */
    @Test
    void reluCorrelationFollowsTheArcCosineMap() {
        NetworkSpec spec = uniform(100, 100, 8, RELU, 2, 0, 0, Structure.INDEPENDENT);
        Prediction p = SignalPropagation.predict(spec, InputStatistics.of(1.0, 0.2), 100, 0.1);
        double c = 0.2;
        for (LayerPrediction l : p.layers()) {
            if (l.layer() > 1) c = (Math.sqrt(1 - c * c) + (Math.PI - Math.acos(c)) * c) / Math.PI;
            assertEquals(c, l.correlation(), 1e-9, "c at layer " + l.layer());
            assertEquals((Math.PI - Math.acos(c)) / (2 * Math.PI), l.derivativeCrossMoment(), 1e-9);
        }
    }

    /**
     * tanh on the critical line (EdgeOfChaos.criticalPoint) started at q⁰ = q*: q^l stays at q* and
     * χ_l = 1 in every layer, so the Jacobian's mean square stays 1 with depth.
     */
    @Test
    void tanhOnTheCriticalLineKeepsChiAtOne() {
        for (double sigmaB : new double[] {0.05, Math.sqrt(0.05), 0.3}) {
            double sigmaW = DepthScales.criticalSigmaW(TANH, sigmaB);
            double qStar = DepthScales.lengthFixedPoint(TANH, sigmaW, sigmaB);
            NetworkSpec spec = uniform(200, 200, 20, TANH, sigmaW * sigmaW, 0, sigmaB * sigmaB, Structure.ORTHOGONAL);
            Prediction p = SignalPropagation.predict(spec, InputStatistics.of((qStar - sigmaB * sigmaB) / (sigmaW * sigmaW), 0), 10, 0.1);
            for (LayerPrediction l : p.layers()) {
                assertEquals(qStar, l.secondMoment(), 1e-9, "q at σ_b = " + sigmaB + ", layer " + l.layer());
                assertEquals(1.0, l.chi(), 1e-7, "χ at σ_b = " + sigmaB + ", layer " + l.layer());
            }
            assertEquals(1.0, p.hiddenJacobianMeanSquare(), 1e-5);
        }
    }

    /** A constant bias β shifts every pre-activation: q = v + β², and ReLU units are then negative with probability Φ(−β/√v). */
    @Test
    void biasMeanShiftsThePreActivations() {
        NetworkSpec spec = uniform(100, 100, 3, RELU, 2, 0.1, 0, Structure.INDEPENDENT);
        Prediction p = SignalPropagation.predict(spec, InputStatistics.of(1, 0), 100, 0.1);
        LayerPrediction first = p.layers().getFirst();
        assertEquals(2.0, first.variance(), 1e-12);
        assertEquals(2.01, first.secondMoment(), 1e-12);
        assertEquals(NormalDistribution.cdf(-0.1 / Math.sqrt(2)), first.negativeFraction(), 1e-12);
        assertEquals(2 * NormalDistribution.cdf(0.1 / Math.sqrt(2)), first.chi(), 1e-9, "χ = σ_w²·P(z > 0)");
        assertNull(first.saturatedFraction());
    }

    @Test
    void refusesNetworksOutsideTheTheory() {
        NetworkSpec identity = NetworkSpec.of(new int[] {10, 10, 3}, TANH, false, Initializers.weight("identity", Map.of()),
                Initializers.bias("zeros", Map.of()));
        assertTrue(!identity.meanFieldApplies() && identity.limitations().size() == 1, identity.limitations().toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalPropagation.predict(identity, InputStatistics.of(1, 0), 10, 0.1));
        assertTrue(e.getMessage().contains("copies"), e.getMessage());
    }

    @Test
    void inputStatisticsAreSecondMomentsNotVariances() {
        float[] x = {1, 1, 1, 1, 3, 3, 3, 3}; // two examples, four features, mean 2, variance 1
        InputStatistics s = InputStatistics.of(x, 2, 4);
        assertEquals(5.0, s.secondMoment(), 1e-12, "(4·1 + 4·9)/8");
        assertEquals(3.0, s.crossMoment(), 1e-12, "x·x′/n₀ = 12/4");
        assertEquals(0.6, s.correlation(), 1e-12);
    }
}
