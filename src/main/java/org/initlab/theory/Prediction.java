package org.initlab.theory;

import java.util.List;

/**
 * Mean-field predictions for a whole network at initialization ({@link SignalPropagation#predict}),
 * layer by layer, and the network-level quantities built from them.
 *
 * @param network             the network predicted
 * @param input               the input statistics that started the recursion
 * @param probeExamples       P, the probe batch size the dead fractions are for
 * @param saturationThreshold t, the saturation threshold as a fraction of max|φ′|
 * @param layers              one prediction per dense layer, input side first
 */
public record Prediction(NetworkSpec network, InputStatistics input, int probeExamples, double saturationThreshold,
                         List<LayerPrediction> layers) {
    public Prediction {
        layers = List.copyOf(layers);
    }

    /**
     * The predicted mean squared singular value of the input–output Jacobian J = ∂φ(z^L)/∂x (the
     * logits when the output layer is linear), normalised as ‖J‖²_F/n_L: Π_{l=1..L} χ_l, with
     * χ_L = σ_w,L² for a linear output layer. Derivation: for any input direction
     * u, E‖u·W_l‖² = σ_w,l²·(n_l/n_(l−1))·‖u‖² and D_l = diag(φ′(z^l)) multiplies by μ₁ on
     * average, so tr(JᵀJ) = n₀·Π χ_l·(n_L/n₀) (Pennington, Schoenholz &amp; Ganguli 2017 §2.3:
     * the mean squared singular value is χ^L). Exact in expectation for linear layers, and for
     * ReLU layers with zero biases and sign-symmetric weights (flipping a weight column flips its
     * unit, so E[1(z &gt; 0)(w·u)²] = ½E[(w·u)²] layer by layer); to O(1/width) otherwise.
     */
    public double inputOutputJacobianMeanSquare() {
        double product = 1.0;
        for (LayerPrediction p : layers) product *= p.chi();
        return product;
    }

    /**
     * The same for the Jacobian from the first hidden layer's activations to the last hidden
     * layer's, ∂h^(L−1)/∂h¹ = W₂D₂···W_(L−1)D_(L−1) (the square matrix Pennington et al. study):
     * Π_{l=2..L−1} χ_l; 1 (the identity) with one hidden layer.
     */
    public double hiddenJacobianMeanSquare() {
        double product = 1.0;
        for (int l = 2; l <= layers.size() - 1; l++) product *= layers.get(l - 1).chi();
        return product;
    }

    /**
     * The predicted spread of the hidden Jacobian's spectrum: the variance of the eigenvalues λ
     * of JJᵀ (squared singular values) over their squared mean,
     * <pre>  σ²_λ/m₁² = Σ_{l=2..L−1} (μ₂/μ₁² − 1 − s₁)  </pre>
     * with μ_k = E[φ′(z^l)^(2k)] and s₁ the first S-transform coefficient of WWᵀ: −1 for
     * independent entries (Marchenko–Pastur), 0 for orthogonal ones (Pennington, Schoenholz &amp;
     * Ganguli 2017 §2.4; each free factor D_l², W_lW_lᵀ adds its normalised variance because
     * S-transforms multiply). Linear orthogonal nets give 0 (isometry), linear Gaussian ones
     * L−2, ReLU at criticality 2 per Gaussian layer and 1 per orthogonal one. Null unless the
     * hidden layers are equally wide with independent or orthogonal weights (the free-probability
     * result is for square layers), or when μ₁ = 0.
     */
    public Double hiddenJacobianSpread() {
        int depth = layers.size();
        double spread = 0.0;
        for (int l = 2; l <= depth - 1; l++) {
            LayerPrediction p = layers.get(l - 1);
            LayerSpec spec = network.layers().get(l - 1);
            if (spec.width() != network.width(l - 1) || p.derivativeSecondMoment() == 0) return null;
            double s1 = switch (spec.weights()) {
                case INDEPENDENT -> -1.0;
                case ORTHOGONAL -> 0.0;
                default -> Double.NaN;
            };
            if (Double.isNaN(s1)) return null;
            double mu1 = p.derivativeSecondMoment();
            spread += p.derivativeFourthMoment() / (mu1 * mu1) - 1 - s1;
        }
        return spread;
    }

    /**
     * The predicted weight-gradient norms ‖∂L/∂W_l‖ relative to the last layer's (entry L−1 = 1),
     * for a batch of B examples whose output gradients δ^L_p = ∂L/∂z^L_p have cross-correlation
     * ρ = E[δ_p·δ_p′]/E‖δ_p‖² between distinct examples (measure it on the batch:
     * {@link #outputCorrelation}).
     *
     * <p>∂L/∂W_l = Σ_p h_p^(l−1) ⊗ δ_p^l, so ‖∂L/∂W_l‖² = Σ_{p,p′} (h_p·h_p′)(δ_p·δ_p′). In mean field,
     * h_p·h_p = n_(l−1)·E[φ²], h_p·h_p′ = n_(l−1)·E[φ(z₁)φ(z₂)] (q⁰, q⁰₁₂ for the input), and the
     * backward signal obeys ‖δ^(l−1)‖² = σ_w,l²·E[φ′(z^(l−1))²]·‖δ^l‖², δ^(l−1)·δ′^(l−1) =
     * σ_w,l²·E[φ′(z₁)φ′(z₂)]·δ^l·δ′^l (Schoenholz et al. 2017 §4, which assumes the backward
     * weights independent of the forward ones). Hence
     * <pre>  ‖∂L/∂W_l‖² ∝ n_(l−1)·[B·E[φ²]·g_l + B(B−1)·E[φφ′]·ρ·g₁₂,l]  </pre>
     * with g, g₁₂ the relative backward moments of {@link LayerPrediction}. The approximation is
     * that every pair of examples has the average input correlation and that input and label
     * similarity are uncorrelated, which grows like B/width: per example (ρ = 0 or B = 1) the
     * ratios match measurement within 3 % at width 512, for a batch of 64 within 7 %, for 2 000
     * examples only within 30 % (the tests). Entries are NaN if the last layer's gradient is
     * predicted to vanish.
     */
    public double[] weightGradientNorms(int batch, double outputCorrelation) {
        if (batch < 1) throw new IllegalArgumentException("the batch needs at least one example, got " + batch);
        int depth = layers.size();
        double[] squared = new double[depth];
        for (int l = 1; l <= depth; l++) {
            double self = l == 1 ? input.secondMoment() : layers.get(l - 2).activationSecondMoment();
            double cross = l == 1 ? input.crossMoment() : layers.get(l - 2).activationCrossMoment();
            LayerPrediction p = layers.get(l - 1);
            squared[l - 1] = network.width(l - 1) * ((double) batch * self * p.backwardSquaredNorm()
                    + (double) batch * (batch - 1) * cross * outputCorrelation * p.backwardCrossMoment());
        }
        double[] norms = new double[depth];
        for (int l = 0; l < depth; l++) norms[l] = Math.sqrt(squared[l] / squared[depth - 1]);
        return norms;
    }

    /** ‖∂L/∂W₁‖/‖∂L/∂W_L‖ for one example (the diagonal terms): see {@link #weightGradientNorms}. */
    public double gradientNormRatio() {
        return weightGradientNorms(1, 0.0)[0];
    }

    /** ‖∂L/∂W₁‖/‖∂L/∂W_L‖ for a batch: see {@link #weightGradientNorms}. */
    public double gradientNormRatio(int batch, double outputCorrelation) {
        return weightGradientNorms(batch, outputCorrelation)[0];
    }

    /**
     * ρ = mean over distinct examples of δ_p·δ_p′, over the mean of ‖δ_p‖², from the output
     * gradients of a batch (rows × classes, row-major): (‖Σ_p δ_p‖² − Σ_p‖δ_p‖²)/((B−1)·Σ_p‖δ_p‖²).
     * 0 for one row or all-zero gradients.
     */
    public static double outputCorrelation(float[] delta, int rows, int classes) {
        if (rows < 2) return 0.0;
        double[] total = new double[classes];
        double squares = 0.0;
        for (int p = 0; p < rows; p++) {
            for (int k = 0; k < classes; k++) {
                double d = delta[p * classes + k];
                total[k] += d;
                squares += d * d;
            }
        }
        if (squares == 0) return 0.0;
        double sumSquared = 0.0;
        for (double t : total) sumSquared += t * t;
        return (sumSquared - squares) / ((rows - 1) * squares);
    }
}
