package org.initlab.theory;

/**
 * What mean-field theory predicts for one layer at initialization. Expectations are over the
 * weights, the biases and the inputs; z is a pre-activation of this layer, φ its activation.
 *
 * <p>Measured counterparts (on a probe batch of P examples and the layer's n units):
 * {@code secondMoment} ↔ (1/(P·n))·Σ z²; {@code variance} ↔ the pooled variance of all P·n values;
 * {@code withinUnitVariance} ↔ the mean over units of each unit's variance across the batch.
 *
 * @param layer                  l, 1 for the first dense layer
 * @param width                  n_l
 * @param sigmaW2                σ_w² = fan_in·Var(W) of this layer
 * @param biasMean               β = E[b]
 * @param biasVariance           σ_b² = Var(b)
 * @param secondMoment           q^l = E[z²] = v^l + β²; the paper's q^l when biases are zero-mean
 * @param variance               v^l = σ_w²·E[φ(z^(l−1))²] + σ_b² (for l = 1: σ_w²·q⁰ + σ_b²)
 * @param correlation            c^l = v^l₁₂/v^l, the correlation of the (centred) pre-activations of
 *                               two inputs: v^l₁₂ = σ_w²·E[φ(z₁^(l−1))φ(z₂^(l−1))] + σ_b² (Poole et al. 2016)
 * @param withinUnitVariance     v^l(1 − c^l): the variance of one unit across inputs, averaged over units
 * @param activationMean         E[φ(z)]
 * @param activationSecondMoment E[φ(z)²]: what the next layer's σ_w² multiplies
 * @param activationCrossMoment  E[φ(z₁)φ(z₂)] for two inputs
 * @param derivativeSecondMoment μ₁ = E[φ′(z)²]
 * @param derivativeFourthMoment μ₂ = E[φ′(z)⁴] (the spread of the Jacobian's diagonal factor)
 * @param derivativeCrossMoment  E[φ′(z₁)φ′(z₂)] for two inputs
 * @param chi                    χ_l = σ_w²·μ₁: the layer's gain on squared Jacobian norms; with equal
 *                               σ_w² across layers it is also the backward gain ‖δ^(l−1)‖²/‖δ^l‖²
 *                               (Schoenholz et al. 2017's χ₁ at q^l)
 * @param backwardSquaredNorm    E‖δ^l‖² (δ = ∂L/∂z per example), relative to the output layer's (= 1)
 * @param backwardCrossMoment    E[δ_p^l·δ_p′^l] for two examples, relative to the output layer's (= 1)
 * @param negativeFraction       P(z ≤ 0), for rectifiers (null otherwise)
 * @param deadFraction           P(z ≤ 0 on all P probe examples), for rectifiers (null otherwise)
 * @param saturatedFraction      P(|φ′(z)| &lt; t·max|φ′|), for squashing φ (null otherwise)
 */
public record LayerPrediction(
        int layer, int width, double sigmaW2, double biasMean, double biasVariance,
        double secondMoment, double variance, double correlation, double withinUnitVariance,
        double activationMean, double activationSecondMoment, double activationCrossMoment,
        double derivativeSecondMoment, double derivativeFourthMoment, double derivativeCrossMoment,
        double chi, double backwardSquaredNorm, double backwardCrossMoment,
        Double negativeFraction, Double deadFraction, Double saturatedFraction) {
}
