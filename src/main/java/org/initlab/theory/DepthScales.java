package org.initlab.theory;

import org.initlab.init.EdgeOfChaos;
import org.initlab.nn.Activation;

import java.util.ArrayList;
import java.util.List;

/**
 * The depth scales of a deep random network with weights N(0, σ_w²/fan_in) and biases N(0, σ_b²)
 * (Schoenholz, Gilmer, Ganguli &amp; Sohl-Dickstein 2017, arXiv:1611.01232, §3):
 * <ul>
 *   <li>q* is the stable fixed point of the length map L(q) = σ_w²∫Dz φ(√q z)² + σ_b², and
 *       |q^l − q*| ~ e^(−l/ξ_q) with ξ_q⁻¹ = −log[χ₁ + σ_w²∫Dz φ″(√q* z)φ(√q* z)] = −log L′(q*);
 *       here L′(q) = (σ_w²/√q)·∫Dz z·φ(√q z)φ′(√q z) (Stein's lemma, the same quantity without φ″);</li>
 *   <li>c* is the stable fixed point of the correlation map c ↦ [σ_w²∫Dz₁Dz₂ φ(u₁)φ(u₂) + σ_b²]/q*,
 *       u₁ = √q* z₁, u₂ = √q*(c z₁ + √(1−c²) z₂): c* = 1 in the ordered phase (χ₁ ≤ 1), c* &lt; 1 in
 *       the chaotic one; |c^l − c*| ~ e^(−l/ξ_c) with
 *       ξ_c⁻¹ = −log χ_c, χ_c = σ_w²∫Dz₁Dz₂ φ′(u₁)φ′(u₂) at c*; at c* = 1, χ_c = χ₁ = σ_w²∫Dz φ′(√q* z)²;</li>
 *   <li>ξ_c diverges where χ₁ = 1, the order-to-chaos transition ({@link EdgeOfChaos#criticalPoint});
 *       random networks are trainable to a depth of about 6ξ_c (§5, Figs. 5–6): the curve the
 *       edge-of-chaos phase diagram overlays ({@link #TRAINABLE_DEPTH_FACTOR}).</li>
 * </ul>
 * Gaussian integrals by {@link NormalQuadrature}. q* is searched as EdgeOfChaos does (the
 * largest sign change of L(q) − q on a geometric grid, then bisection), but with that rule:
 * EdgeOfChaos's 100-point Gauss–Hermite errs by 6·10⁻⁷ in ∫Dz tanh²(√q z) at q = 3 and by 5·10⁻⁴
 * at q = 10, and tanh at σ_w = 3 has q* ≈ 7. At the critical σ_w (small q*) the two agree to
 * 10⁻⁹, which the tests check. For the lead: EdgeOfChaos could move here on this rule.
 */
public final class DepthScales {
    /** Random networks train to a depth of about 6ξ_c (Schoenholz et al. 2017 §5). */
    public static final double TRAINABLE_DEPTH_FACTOR = 6.0;
    private static final double Q_MAX = 1e12;
    private static final double Q_MIN = 1e-24;

    private DepthScales() {}

    /**
     * The fixed points, slopes and depth scales at one (σ_w, σ_b).
     *
     * @param sigmaW the weight scale: W ~ N(0, σ_w²/fan_in)
     * @param sigmaB the bias scale: b ~ N(0, σ_b²)
     * @param qStar  the stable fixed point of the length map (+∞ when q^l diverges)
     * @param cStar  the stable fixed point of the correlation map (1 in the ordered phase)
     * @param chi1   χ₁ = σ_w²∫Dz φ′(√q* z)²: &lt; 1 ordered, &gt; 1 chaotic
     * @param chiC   χ_c = σ_w²∫Dz₁Dz₂ φ′(u₁)φ′(u₂) at c*
     * @param xiQ    ξ_q = −1/log L′(q*) (NaN when q* is infinite)
     * @param xiC    ξ_c = −1/log χ_c (+∞ at criticality; NaN when q* is infinite)
     */
    public record Point(double sigmaW, double sigmaB, double qStar, double cStar, double chi1, double chiC, double xiQ, double xiC) {
        /** 6ξ_c: the depth up to which Schoenholz et al. find such networks trainable. */
        public double trainableDepth() {
            return TRAINABLE_DEPTH_FACTOR * xiC;
        }
    }

    /** The depth scales of φ at (σ_w, σ_b). */
    public static Point at(Activation phi, double sigmaW, double sigmaB) {
        if (!(sigmaW > 0) || !Double.isFinite(sigmaW) || !(sigmaB >= 0) || !Double.isFinite(sigmaB)) {
            throw new IllegalArgumentException("need σ_w > 0 and σ_b ≥ 0, finite; got σ_w = " + sigmaW + ", σ_b = " + sigmaB);
        }
        double qStar = lengthFixedPoint(phi, sigmaW, sigmaB);
        if (Double.isInfinite(qStar)) return new Point(sigmaW, sigmaB, qStar, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        double q = Math.max(qStar, Q_MIN);
        double sd = Math.sqrt(q);
        double s2 = sigmaW * sigmaW;
        double chi1 = s2 * NormalQuadrature.expectation(x -> square(phi.derivative(x)), 0.0, sd);
        double slope = s2 / sd * NormalQuadrature.expectation(x -> x / sd * phi.value(x) * phi.derivative(x), 0.0, sd);
        double xiQ = -1.0 / Math.log(slope);
        double cStar = 1.0;
        double chiC = chi1;
        if (chi1 > 1) {
            cStar = correlationFixedPoint(phi, sigmaW, sigmaB, q);
            chiC = cStar < 1 ? s2 * NormalQuadrature.pairExpectations(phi::value, phi::derivative, 0, sd, 0, sd, cStar)[1] : chi1;
        }
        double xiC = chiC >= 1 ? Double.POSITIVE_INFINITY : -1.0 / Math.log(chiC);
        return new Point(sigmaW, sigmaB, qStar, cStar, chi1, chiC, xiQ, xiC);
    }

    /** {@link #at} for each σ_w at one σ_b: the curve ξ_c(σ_w) of the phase diagram. */
    public static List<Point> curve(Activation phi, double sigmaB, double[] sigmaWs) {
        List<Point> points = new ArrayList<>(sigmaWs.length);
        for (double sigmaW : sigmaWs) points.add(at(phi, sigmaW, sigmaB));
        return List.copyOf(points);
    }

    /** The σ_w where χ₁ = 1 at this σ_b: {@link EdgeOfChaos#criticalPoint}, where ξ_c diverges. */
    public static double criticalSigmaW(Activation phi, double sigmaB) {
        return EdgeOfChaos.criticalPoint(phi::value, phi::derivative, sigmaB).sigmaW();
    }

    /** L(q) = σ_w²∫Dz φ(√q z)² + σ_b². */
    static double lengthMap(Activation phi, double sigmaW, double sigmaB, double q) {
        return sigmaW * sigmaW * NormalQuadrature.expectation(x -> square(phi.value(x)), 0.0, Math.sqrt(q)) + sigmaB * sigmaB;
    }

    /**
     * The stable fixed point of the length map: the largest q where L(q) − q changes sign from +
     * to −, found on a geometric grid down from 10¹² and refined by bisection; 0 when L(q) &lt; q for
     * every q &gt; 0; +∞ when L(q) &gt; q even at 10¹² (the same search as EdgeOfChaos).
     */
    static double lengthFixedPoint(Activation phi, double sigmaW, double sigmaB) {
        if (lengthMap(phi, sigmaW, sigmaB, Q_MAX) > Q_MAX) return Double.POSITIVE_INFINITY;
        double hi = Q_MAX;
        double lo = hi;
        while (lo > Q_MIN) {
            lo = hi * 0.5;
            if (lengthMap(phi, sigmaW, sigmaB, lo) > lo) return bisect(phi, sigmaW, sigmaB, lo, hi);
            hi = lo;
        }
        return lengthMap(phi, sigmaW, sigmaB, 0.0) > 0.0 ? bisect(phi, sigmaW, sigmaB, 0.0, hi) : 0.0;
    }

    private static double bisect(Activation phi, double sigmaW, double sigmaB, double lo, double hi) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            if (lengthMap(phi, sigmaW, sigmaB, mid) > mid) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /**
     * The stable fixed point c* &lt; 1 of the correlation map in the chaotic phase (χ₁ &gt; 1): a root
     * of C(c) − c on [0, 1), where C(0) ≥ 0 for odd or positive-mean φ and C(c) &lt; c just below 1
     * (C(1) = 1, C′(1) = χ₁ &gt; 1). Regula falsi with the Illinois modification (Dowell &amp;
     * Jarratt 1971) to 10⁻¹³. Returns 1 when c* is too close to 1 to resolve.
     */
    static double correlationFixedPoint(Activation phi, double sigmaW, double sigmaB, double qStar) {
        double lo = 0.0;
        double hi = 1.0 - 1e-9;
        double fLo = correlationExcess(phi, sigmaW, sigmaB, qStar, lo);
        double fHi = correlationExcess(phi, sigmaW, sigmaB, qStar, hi);
        if (fLo <= 0) {
            // C(0) ≤ 0: the fixed point lies at or below 0 (not for the catalogue's activations); search [−1, 0].
            hi = lo;
            fHi = fLo;
            lo = -1.0;
            fLo = correlationExcess(phi, sigmaW, sigmaB, qStar, lo);
            if (fHi == 0 || fLo <= 0) return fHi == 0 ? 0.0 : -1.0;
        }
        if (fHi >= 0) return 1.0;
        int side = 0;
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double c = (lo * fHi - hi * fLo) / (fHi - fLo);
            double f = correlationExcess(phi, sigmaW, sigmaB, qStar, c);
            if (f == 0) return c;
            if (f > 0) {
                lo = c;
                fLo = f;
                if (side == 1) fHi *= 0.5;
                side = 1;
            } else {
                hi = c;
                fHi = f;
                if (side == -1) fLo *= 0.5;
                side = -1;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** C(c) − c at q*. */
    private static double correlationExcess(Activation phi, double sigmaW, double sigmaB, double qStar, double c) {
        double sd = Math.sqrt(qStar);
        double q12 = sigmaW * sigmaW * NormalQuadrature.pairExpectations(phi::value, phi::derivative, 0, sd, 0, sd, c)[0]
                + sigmaB * sigmaB;
        return q12 / qStar - c;
    }

    private static double square(double v) { return v * v; }
}
