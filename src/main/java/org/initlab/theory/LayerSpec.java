package org.initlab.theory;

import org.initlab.nn.Activation;
import org.initlab.theory.EntryDistribution.Structure;

/**
 * One dense layer as mean-field theory sees it: z = h·W + b, a = φ(z), with W of fan_in rows whose
 * entries have variance σ_w²/fan_in and mean 0, and biases of mean β and variance σ_b².
 *
 * @param width        fan_out, the number of units
 * @param activation   φ (identity for a linear output layer)
 * @param sigmaW2      σ_w² = fan_in·Var(W)
 * @param biasMean     β = E[b]
 * @param biasVariance σ_b² = Var(b)
 * @param weights      how the weight entries hang together (orthogonal or independent: the
 *                     Jacobian's spectrum depends on it, the forward recursion does not)
 */
public record LayerSpec(int width, Activation activation, double sigmaW2, double biasMean, double biasVariance, Structure weights) {
    public LayerSpec {
        if (width < 1) throw new IllegalArgumentException("a layer needs at least one unit, got " + width);
        if (activation == null || weights == null) throw new IllegalArgumentException("activation and weight structure are required");
        if (!(sigmaW2 >= 0) || !Double.isFinite(sigmaW2)) throw new IllegalArgumentException("σ_w² must be finite and ≥ 0, got " + sigmaW2);
        if (!Double.isFinite(biasMean)) throw new IllegalArgumentException("bias mean must be finite, got " + biasMean);
        if (!(biasVariance >= 0) || !Double.isFinite(biasVariance)) {
            throw new IllegalArgumentException("bias variance must be finite and ≥ 0, got " + biasVariance);
        }
    }
}
