package org.initlab.theory;

import org.initlab.nn.Activation;

import java.util.ArrayList;
import java.util.List;

/**
 * Mean-field signal propagation through a concrete MLP at initialization (Poole, Lahiri, Raghu,
 * Sohl-Dickstein &amp; Ganguli 2016, arXiv:1606.05340; Schoenholz, Gilmer, Ganguli &amp;
 * Sohl-Dickstein 2017, arXiv:1611.01232), layer by layer with each layer's own width, σ_w²,
 * bias law and activation.
 *
 * <p>Forward, for layer l with z^(l−1) ~ N(β_(l−1), v_(l−1)) jointly Gaussian across two inputs
 * with correlation c_(l−1) (the length and correlation maps, Poole et al. 2016 §2):
 * <pre>
 *   v_l   = σ_w,l²·E[φ(z^(l−1))²] + σ_b,l²              (l = 1: σ_w,1²·q⁰ + σ_b,1²)
 *   v_l12 = σ_w,l²·E[φ(z₁^(l−1))φ(z₂^(l−1))] + σ_b,l²    (l = 1: σ_w,1²·q⁰₁₂ + σ_b,1²)
 *   q_l   = v_l + β_l²,   c_l = v_l12/v_l,   z^l ~ N(β_l, v_l)
 * </pre>
 * With zero-mean biases these are the paper's q^l and c^l; a bias mean β (constant biases)
 * only shifts every pre-activation by β, since the weights are zero-mean. The Gaussian law of z
 * is the wide-layer limit (a sum of fan_in independent terms); second moments are exact in
 * expectation at any width for the first layer and for linear/ReLU layers.
 *
 * <p>Backward, with δ^l = ∂L/∂z^l per example and the gradient-independence assumption of
 * Schoenholz et al. 2017 §4: ‖δ^(l−1)‖² = σ_w,l²·E[φ′(z^(l−1))²]·‖δ^l‖², and for two examples
 * δ^(l−1)·δ′^(l−1) = σ_w,l²·E[φ′(z₁)φ′(z₂)]·δ^l·δ′^l. Layer gains χ_l = σ_w,l²·E[φ′(z^l)²].
 *
 * <p>Every expectation is a one- or two-dimensional Gaussian integral, taken by
 * {@link NormalQuadrature} (to 10⁻¹⁰ for the catalogue's activations, kinks included). The cost
 * is a fraction of a millisecond per layer for the one-dimensional moments and 1–5 ms for the
 * pair integral that gives c^l and the cross moments: 5–30 ms for a five-layer net on this
 * shared 2-core machine.
 */
public final class SignalPropagation {
    private SignalPropagation() {}

    /**
     * Predicts every layer of {@code network} for inputs with {@code input}'s statistics.
     *
     * @param probeExamples       P, the size of the probe batch that dead fractions refer to
     * @param saturationThreshold t in (0, 1): saturated means |φ′| &lt; t·max|φ′|
     * @throws IllegalArgumentException if the network has {@link NetworkSpec#limitations()}
     */
    public static Prediction predict(NetworkSpec network, InputStatistics input, int probeExamples, double saturationThreshold) {
        if (!network.meanFieldApplies()) {
            throw new IllegalArgumentException("mean-field theory does not apply: " + String.join("; ", network.limitations()));
        }
        if (probeExamples < 1) throw new IllegalArgumentException("need at least one probe example, got " + probeExamples);
        if (!(saturationThreshold > 0 && saturationThreshold < 1)) {
            throw new IllegalArgumentException("saturation threshold must be in (0, 1), got " + saturationThreshold);
        }
        int depth = network.depth();
        double[] u = new double[NormalQuadrature.MAX_NODES];
        double[] w = new double[NormalQuadrature.MAX_NODES];

        // Forward: the statistics of each layer's pre-activations and activations.
        double previous = input.secondMoment();
        double previousCross = input.crossMoment();
        double[][] forward = new double[depth][];
        for (int l = 0; l < depth; l++) {
            LayerSpec spec = network.layers().get(l);
            double v = spec.sigmaW2() * previous + spec.biasVariance();
            double v12 = spec.sigmaW2() * previousCross + spec.biasVariance();
            double c = v > 0 ? Math.max(-1.0, Math.min(1.0, v12 / v)) : 1.0;
            double sd = Math.sqrt(v);
            double[] single = moments(spec.activation(), spec.biasMean(), sd, u, w);
            double[] pair = NormalQuadrature.pairExpectations(spec.activation()::value, spec.activation()::derivative,
                    spec.biasMean(), sd, spec.biasMean(), sd, c);
            forward[l] = new double[] {v, c, single[0], single[1], pair[0], single[2], single[3], pair[1]};
            previous = single[1];
            previousCross = pair[0];
        }

        // Backward: relative ‖δ^l‖² and δ·δ′, the output layer's taken as 1.
        double[] backward = new double[depth];
        double[] backwardCross = new double[depth];
        backward[depth - 1] = 1.0;
        backwardCross[depth - 1] = 1.0;
        for (int l = depth - 1; l >= 1; l--) {
            double sigmaW2 = network.layers().get(l).sigmaW2();
            backward[l - 1] = sigmaW2 * forward[l - 1][5] * backward[l];
            backwardCross[l - 1] = sigmaW2 * forward[l - 1][7] * backwardCross[l];
        }

        List<LayerPrediction> out = new ArrayList<>(depth);
        for (int l = 0; l < depth; l++) {
            LayerSpec spec = network.layers().get(l);
            double[] f = forward[l];
            double v = f[0];
            double c = f[1];
            double beta = spec.biasMean();
            Activation.Family family = spec.activation().family();
            boolean rectifier = family == Activation.Family.RECTIFIER;
            Double negative = rectifier ? InactiveUnits.negativeFraction(beta, v) : null;
            Double dead = rectifier ? InactiveUnits.deadFraction(beta, v, c, probeExamples) : null;
            Double saturated = family == Activation.Family.SQUASHING
                    ? InactiveUnits.saturatedFraction(spec.activation(), beta, v, saturationThreshold) : null;
            out.add(new LayerPrediction(l + 1, spec.width(), spec.sigmaW2(), beta, spec.biasVariance(),
                    v + beta * beta, v, c, v * (1 - c),
                    f[2], f[3], f[4], f[5], f[6], f[7],
                    spec.sigmaW2() * f[5], backward[l], backwardCross[l],
                    negative, dead, saturated));
        }
        return new Prediction(network, input, probeExamples, saturationThreshold, out);
    }

    /** {E[φ(z)], E[φ(z)²], E[φ′(z)²], E[φ′(z)⁴]} for z ~ N(mean, sd²), from one quadrature rule. */
    static double[] moments(Activation phi, double mean, double sd, double[] u, double[] w) {
        int n = NormalQuadrature.nodes(mean, sd, 0.0, 1.0, u, w);
        double value = 0.0;
        double square = 0.0;
        double slope2 = 0.0;
        double slope4 = 0.0;
        for (int i = 0; i < n; i++) {
            double a = phi.value(u[i]);
            double d = phi.derivative(u[i]);
            double d2 = d * d;
            value += w[i] * a;
            square += w[i] * a * a;
            slope2 += w[i] * d2;
            slope4 += w[i] * d2 * d2;
        }
        return new double[] {value, square, slope2, slope4};
    }
}
