package org.initlab.init;

import org.initlab.UserError;

import java.util.function.DoubleUnaryOperator;

/**
 * Mean-field signal propagation in a deep random network with weights N(0, σ_w²/fan_in) and
 * biases N(0, σ_b²) (Poole et al. 2016, arXiv:1606.05340; Schoenholz et al. 2017,
 * arXiv:1611.01232).
 *
 * <ul>
 *   <li>length map: q ↦ σ_w²·∫Dz φ(√q·z)² + σ_b², whose stable fixed point is q*;</li>
 *   <li>χ₁ = σ_w²·∫Dz φ′(√q*·z)²: χ₁ &lt; 1 is the ordered phase (gradients vanish with depth),
 *       χ₁ &gt; 1 the chaotic one (they explode); χ₁ = 1 is the edge of chaos.</li>
 * </ul>
 * ∫Dz is the expectation over z ~ N(0, 1), taken by {@value #QUADRATURE_ORDER}-point
 * Gauss–Hermite quadrature. Known points: ReLU, σ_b = 0 → σ_w = √2 (He init);
 * tanh, σ_b = 0 → σ_w = 1.
 */
public final class EdgeOfChaos {
    static final int QUADRATURE_ORDER = 100;
    private static final GaussHermite RULE = GaussHermite.of(QUADRATURE_ORDER);
    /** Where the length map is taken to diverge (unbounded φ in the chaotic phase). */
    static final double Q_MAX = 1e12;
    /** χ₁ at q* = 0 is taken as the limit q → 0⁺, so a kinked φ′ (ReLU) is read on both sides of 0. */
    static final double Q_MIN = 1e-24;
    private static final double SIGMA_W_MAX = 1e6;

    private EdgeOfChaos() {}

    /**
     * A point on the critical line.
     *
     * @param sigmaW the weight scale: W ~ N(0, σ_w²/fan_in)
     * @param sigmaB the bias scale: b ~ N(0, σ_b²)
     * @param qStar  the fixed point of the length map (+∞ when it diverges, as for ReLU at σ_b = 0)
     */
    public record CriticalPoint(double sigmaW, double sigmaB, double qStar) {}

    /** σ_w²·∫Dz φ(√q·z)² + σ_b²: the pre-activation second moment one layer deeper. */
    public static double lengthMap(DoubleUnaryOperator phi, double sigmaW, double sigmaB, double q) {
        double rootQ = Math.sqrt(q);
        return sigmaW * sigmaW * RULE.expectation(z -> square(phi.applyAsDouble(rootQ * z))) + sigmaB * sigmaB;
    }

    /** χ₁ = σ_w²·∫Dz φ′(√q·z)². */
    public static double chi1(DoubleUnaryOperator dphi, double sigmaW, double q) {
        double rootQ = Math.sqrt(Math.min(Math.max(q, Q_MIN), Q_MAX));
        return sigmaW * sigmaW * RULE.expectation(z -> square(dphi.applyAsDouble(rootQ * z)));
    }

    /**
     * The stable fixed point q* of the length map: the largest q where L(q) − q changes sign from
     * + to −, found on a geometric grid down from {@link #Q_MAX} and refined by bisection; 0 when
     * L(q) &lt; q for every q &gt; 0 (σ_b = 0, ordered phase); +∞ when L(q) &gt; q even at Q_MAX.
     */
    public static double lengthFixedPoint(DoubleUnaryOperator phi, double sigmaW, double sigmaB) {
        if (excess(phi, sigmaW, sigmaB, Q_MAX) > 0) return Double.POSITIVE_INFINITY;
        double hi = Q_MAX;
        double lo = hi;
        while (lo > Q_MIN) {
            lo = hi * 0.5;
            if (excess(phi, sigmaW, sigmaB, lo) > 0) return bisectFixedPoint(phi, sigmaW, sigmaB, lo, hi);
            hi = lo;
        }
        if (excess(phi, sigmaW, sigmaB, 0.0) > 0) return bisectFixedPoint(phi, sigmaW, sigmaB, 0.0, hi);
        return 0.0;
    }

    /**
     * The σ_w at which χ₁ = 1 for the given σ_b: bisection on σ_w, with q* recomputed at each
     * trial. Assumes χ₁ grows with σ_w, as it does for the usual activations.
     *
     * @param phi    the activation φ
     * @param dphi   its derivative φ′
     * @param sigmaB the bias scale σ_b ≥ 0
     * @throws UserError if σ_b is negative or χ₁ stays below 1 up to σ_w = 10⁶
     */
    public static CriticalPoint criticalPoint(DoubleUnaryOperator phi, DoubleUnaryOperator dphi, double sigmaB) {
        if (!(sigmaB >= 0) || Double.isInfinite(sigmaB)) {
            throw new UserError("critical point: sigma_b must be a finite number ≥ 0, got " + sigmaB);
        }
        double lo = 0.0;
        double hi = 1.0;
        while (chi1AtFixedPoint(phi, dphi, hi, sigmaB) < 1.0) {
            lo = hi;
            hi *= 2.0;
            if (hi > SIGMA_W_MAX) {
                throw new UserError("critical point: χ₁ stays below 1 up to sigma_w = " + SIGMA_W_MAX
                        + " for sigma_b = " + sigmaB + "; this activation has no edge of chaos");
            }
        }
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (chi1AtFixedPoint(phi, dphi, mid, sigmaB) < 1.0) lo = mid;
            else hi = mid;
        }
        double sigmaW = 0.5 * (lo + hi);
        return new CriticalPoint(sigmaW, sigmaB, lengthFixedPoint(phi, sigmaW, sigmaB));
    }

    private static double chi1AtFixedPoint(DoubleUnaryOperator phi, DoubleUnaryOperator dphi, double sigmaW, double sigmaB) {
        return chi1(dphi, sigmaW, lengthFixedPoint(phi, sigmaW, sigmaB));
    }

    /** L(q) − q. */
    private static double excess(DoubleUnaryOperator phi, double sigmaW, double sigmaB, double q) {
        return lengthMap(phi, sigmaW, sigmaB, q) - q;
    }

    /** Bisection for L(q) = q on [lo, hi] with L(lo) &gt; lo ≥ … and L(hi) ≤ hi. */
    private static double bisectFixedPoint(DoubleUnaryOperator phi, double sigmaW, double sigmaB, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (excess(phi, sigmaW, sigmaB, mid) > 0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    private static double square(double v) { return v * v; }
}
