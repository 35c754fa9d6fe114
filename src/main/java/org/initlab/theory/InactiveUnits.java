package org.initlab.theory;

import org.initlab.nn.Activation;
import org.initlab.nn.Sigmoid;
import org.initlab.nn.Softsign;
import org.initlab.nn.Tanh;

/**
 * Predicted fractions of inactive units when a unit's pre-activation is z ~ N(β, v), with the
 * definitions the trainer's probes measure ({@code train.Trainer}): an activation is
 * <em>saturated</em> where |φ′(z)| &lt; t·max|φ′| (squashing φ; Glorot &amp; Bengio 2010 §3), and a
 * unit is <em>dead</em> on a probe batch of P examples when z ≤ 0 on every one of them
 * (rectifiers; Lu, Shin, Su &amp; Karniadakis 2019).
 */
public final class InactiveUnits {
    private InactiveUnits() {}

    /**
     * The a ≥ 0 with {z : |φ′(z)| &lt; t·max|φ′|} = {|z| &gt; a}, for a squashing φ whose |φ′| is even
     * and decreasing in |z|. Closed forms by inverting φ′:
     * <ul>
     *   <li>tanh: φ′ = sech² z, max 1: a = arcosh(1/√t);</li>
     *   <li>sigmoid: φ′ = σ(1 − σ) = ¼·sech²(z/2), max ¼: a = 2·arcosh(1/√t);</li>
     *   <li>softsign: φ′ = 1/(1 + |z|)², max 1: a = 1/√t − 1.</li>
     * </ul>
     * Any other squashing φ is inverted numerically ({@link #numericThreshold}).
     *
     * @param t the threshold as a fraction of max|φ′|, in (0, 1)
     */
    public static double saturationThreshold(Activation activation, double t) {
        if (!(t > 0 && t < 1)) throw new IllegalArgumentException("saturation threshold must be in (0, 1), got " + t);
        return switch (activation.name()) {
            case Tanh.NAME -> arcosh(1 / Math.sqrt(t));
            case Sigmoid.NAME -> 2 * arcosh(1 / Math.sqrt(t));
            case Softsign.NAME -> 1 / Math.sqrt(t) - 1;
            default -> numericThreshold(activation, t);
        };
    }

    /**
     * P(|φ′(z)| &lt; t·max|φ′|) = P(|z| &gt; a) = Φ((−a − β)/√v) + Φ((β − a)/√v), z ~ N(β, v), a from
     * {@link #saturationThreshold}.
     */
    public static double saturatedFraction(Activation activation, double mean, double variance, double t) {
        double a = saturationThreshold(activation, t);
        if (variance == 0) return Math.abs(mean) > a ? 1.0 : 0.0;
        double sd = Math.sqrt(variance);
        return NormalDistribution.cdf((-a - mean) / sd) + NormalDistribution.cdf((mean - a) / sd);
    }

    /** P(z ≤ 0) = Φ(−β/√v): the fraction of single activations on a rectifier's flat side. */
    public static double negativeFraction(double mean, double variance) {
        if (variance == 0) return mean <= 0 ? 1.0 : 0.0;
        return NormalDistribution.cdf(-mean / Math.sqrt(variance));
    }

    /**
     * The probability that a unit is dead on P probe examples, P(z₁ ≤ 0, …, z_P ≤ 0), when its
     * pre-activations on them are jointly Gaussian with mean β, variance v and one correlation c
     * between every two examples: the mean-field correlation c^l of the layer, computed from the
     * data's c⁰ (equicorrelated approximation: every pair of probe examples is given the average
     * correlation). Writing z_p = β + √v(√c·t + √(1−c)·ε_p), t and ε_p independent N(0, 1), the
     * events are independent given t, so
     * <pre>  P(dead) = ∫Dt Φ((−β/√v − √c·t)/√(1−c))^P </pre>
     * (the equicorrelated orthant probability, Steck &amp; Owen 1962, Biometrika 49). c ≤ 0 is taken as 0 (P &gt; 2 equicorrelated Gaussians cannot
     * have c &lt; −1/(P−1), and a negative average does not mean that every pair is negative), which
     * gives Φ(−β/√v)^P; c → 1 gives Φ(−β/√v). The integral runs over y = (−β/√v − √c·t)/√(1−c),
     * a normal variable, of Φ(y)^P = exp(P·log Φ(y)), with panels graded about the point where
     * Φ(y)^P turns from 0 to 1 (y ≈ √(2 ln P), on the scale 1/y).
     */
    public static double deadFraction(double mean, double variance, double correlation, int probes) {
        if (probes < 1) throw new IllegalArgumentException("need at least one probe example, got " + probes);
        if (variance == 0) return mean <= 0 ? 1.0 : 0.0;
        double k = -mean / Math.sqrt(variance);
        double c = Math.max(0.0, Math.min(1.0, correlation));
        if (c >= 1 - 1e-12) return NormalDistribution.cdf(k);
        if (c == 0) return Math.exp(probes * NormalDistribution.logCdf(k));
        double centre = probes == 1 ? 0.0 : Math.sqrt(2 * Math.log(probes));
        double scale = 1 / Math.max(1.0, centre);
        return NormalQuadrature.expectation(y -> Math.exp(probes * NormalDistribution.logCdf(y)),
                k / Math.sqrt(1 - c), Math.sqrt(c / (1 - c)), centre, scale);
    }

    /**
     * The threshold a for a squashing φ without a closed form: bisection on |z| for
     * |φ′(a)| = t·max|φ′|, assuming |φ′| even and decreasing in |z| (as for every sigmoid-shaped φ).
     *
     * @throws IllegalArgumentException if |φ′| does not fall below t·max|φ′| by |z| = 10⁶
     */
    static double numericThreshold(Activation activation, double t) {
        double limit = t * activation.maxDerivative();
        double lo = 0.0;
        double hi = 1.0;
        while (Math.abs(activation.derivative(hi)) >= limit) {
            lo = hi;
            hi *= 2;
            if (hi > 1e6) {
                throw new IllegalArgumentException(activation.name() + " does not saturate: |φ′| stays at or above "
                        + limit + " up to |z| = 10⁶");
            }
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (Math.abs(activation.derivative(mid)) >= limit) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double arcosh(double x) {
        return Math.log(x + Math.sqrt(x * x - 1));
    }
}
