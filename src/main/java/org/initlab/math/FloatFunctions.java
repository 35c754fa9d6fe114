package org.initlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;

/**
 * Elementary functions on float32, vectorized, built only from IEEE-exact operations
 * (add, multiply, fused multiply-add, divide, bit operations).
 *
 * <p>Why not {@code VectorOperators.EXP} or {@code Math.exp}? Their results may differ in the
 * last bit between interpreted and JIT-compiled code (an intrinsic replaces the Java fallback at
 * a moment that depends on timing), which would make two runs of the same seed diverge. Every
 * function here gives the same bits in a vector lane and in its scalar twin, whatever the JIT does.
 *
 * <p>The vector versions are kept small: a caller's loop must be able to inline them whole,
 * or the JIT would box the vectors that cross the call (allocation on every element).
 *
 * <p>exp and tanh follow Cephes' {@code expf}/{@code tanhf} (S. L. Moshier, Cephes Math Library,
 * 1984–1992): Cody–Waite range reduction by ln 2 and minimax polynomials, about 1 ulp.
 * erf follows Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5e-7 in exact arithmetic, ≤ 5e-7
 * in float). log1p sums the series of 2·atanh.
 */
public final class FloatFunctions {
    private FloatFunctions() {}

    /** exp saturates below this (to ≈ 2.6e-38, never to a subnormal) and above {@link #EXP_MAX}. */
    public static final float EXP_MIN = -86.5f;
    public static final float EXP_MAX = 88.0f;

    private static final float LOG2E = 1.44269504088896341f;
    /** 1.5·2²³: adding it rounds a float below 2²² to the nearest integer, kept in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    /** ln 2 = C1 + C2, C1 with few mantissa bits so that n·C1 is exact (Cody &amp; Waite 1980). */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f,
            P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;
    /** tanh(x) = x + x³·T(x²) for |x| &lt; 0.625 (Cephes tanhf). */
    private static final float T0 = -5.70498872745e-3f, T1 = 2.06390887954e-2f, T2 = -5.37397155531e-2f,
            T3 = 1.33314422036e-1f, T4 = -3.33332819422e-1f;
    private static final float TANH_SMALL = 0.625f;
    /** Abramowitz &amp; Stegun 7.1.26. */
    private static final float ERF_P = 0.3275911f, A1 = 0.254829592f, A2 = -0.284496736f, A3 = 1.421413741f,
            A4 = -1.453152027f, A5 = 1.061405429f;

    // ---- scalar versions: the same operations as one vector lane -------------------------------

    /** eˣ, about 1 ulp; clamped to [EXP_MIN, EXP_MAX]; NaN stays NaN. */
    public static float exp(float x) {
        x = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = Math.fma(x, LOG2E, ROUNDER);
        float n = t - ROUNDER;
        float r = Math.fma(n, -LN2_HI, x);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(P0, r, P1);
        p = Math.fma(p, r, P2);
        p = Math.fma(p, r, P3);
        p = Math.fma(p, r, P4);
        p = Math.fma(p, r, P5);
        float y = Math.fma(p, r * r, r) + 1f;
        int shift = (Float.floatToRawIntBits(t) - ROUNDER_BITS) << 23;
        return Float.intBitsToFloat(Float.floatToRawIntBits(y) + shift);
    }

    /** tanh x: polynomial near 0, 1 − 2/(e^{2|x|}+1) elsewhere, sign restored. */
    public static float tanh(float x) {
        float ax = Math.abs(x);
        float z = x * x;
        float small = Math.fma(Math.fma(Math.fma(Math.fma(T0, z, T1), z, T2), z, T3), z, T4);
        small = Math.fma(small * z, x, x);
        float large = 1f - 2f / (exp(ax + ax) + 1f);
        return ax < TANH_SMALL ? small : x < 0 ? -large : large;
    }

    /** σ(x) = 1 / (1 + e^{−x}). */
    public static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    /** erf x, Abramowitz &amp; Stegun 7.1.26: 1 − R(|x|)·e^{−x²}, sign restored. */
    public static float erf(float x) {
        float ax = Math.abs(x);
        float y = 1f - erfcFactor(ax) * exp(-(ax * ax));
        return x < 0 ? -y : y;
    }

    /** For a ≥ 0, R(a) with erfc(a) ≈ R(a)·e^{−a²}: R = a₁t + … + a₅t⁵, t = 1/(1 + pa). */
    public static float erfcFactor(float a) {
        float t = 1f / Math.fma(ERF_P, a, 1f);
        return Math.fma(Math.fma(Math.fma(Math.fma(A5, t, A4), t, A3), t, A2), t, A1) * t;
    }

    /**
     * ln(1 + u) for 0 ≤ u ≤ 1 (what softplus needs): ln(1 + u) = 2·atanh(s) = 2(s + s³/3 + s⁵/5 + …)
     * with s = u/(2 + u) ∈ [0, 1/3], summed to s¹⁵ (the rest is below 1e-9): within 3 ulp, in relative
     * terms for tiny u too.
     */
    public static float log1p(float u) {
        float s = u / (2f + u);
        float s2 = s * s;
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(
                C15, s2, C13), s2, C11), s2, C9), s2, C7), s2, C5), s2, C3), s2, 1f);
        return 2f * s * p;
    }

    private static final float C15 = 1f / 15, C13 = 1f / 13, C11 = 1f / 11, C9 = 1f / 9, C7 = 1f / 7, C5 = 1f / 5, C3 = 1f / 3;

    // ---- vector versions ----------------------------------------------------------------------

    public static FloatVector exp(FloatVector x) {
        x = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = x.fma(LOG2E, ROUNDER);
        FloatVector n = t.sub(ROUNDER);
        FloatVector r = fma(n, -LN2_HI, x);
        r = fma(n, -LN2_LO, r);
        FloatVector p = fma(r.broadcast(P0), r, P1);
        p = fma(p, r, P2);
        p = fma(p, r, P3);
        p = fma(p, r, P4);
        p = fma(p, r, P5);
        FloatVector y = p.fma(r.mul(r), r).add(1f);
        IntVector shift = t.reinterpretAsInts().sub(ROUNDER_BITS).lanewise(VectorOperators.LSHL, 23);
        return y.reinterpretAsInts().add(shift).reinterpretAsFloats();
    }

    public static FloatVector tanh(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector z = x.mul(x);
        FloatVector small = fma(fma(fma(fma(z.broadcast(T0), z, T1), z, T2), z, T3), z, T4);
        small = small.mul(z).fma(x, x);
        FloatVector large = exp(ax.add(ax)).add(1f);
        large = large.broadcast(2f).div(large).neg().add(1f);
        large = large.blend(large.neg(), x.compare(VectorOperators.LT, 0f));
        return large.blend(small, ax.compare(VectorOperators.LT, TANH_SMALL));
    }

    public static FloatVector sigmoid(FloatVector x) {
        FloatVector d = exp(x.neg()).add(1f);
        return d.broadcast(1f).div(d);
    }

    public static FloatVector erf(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector y = erfcFactor(ax).mul(exp(ax.mul(ax).neg())).neg().add(1f);
        return y.blend(y.neg(), x.compare(VectorOperators.LT, 0f));
    }

    public static FloatVector erfcFactor(FloatVector a) {
        FloatVector t = a.fma(ERF_P, 1f);
        t = t.broadcast(1f).div(t);
        return fma(fma(fma(fma(t.broadcast(A5), t, A4), t, A3), t, A2), t, A1).mul(t);
    }

    public static FloatVector log1p(FloatVector u) {
        FloatVector s = u.div(u.add(2f));
        FloatVector s2 = s.mul(s);
        FloatVector p = fma(fma(fma(fma(fma(fma(fma(s2.broadcast(C15), s2, C13), s2, C11), s2, C9), s2, C7), s2, C5), s2, C3), s2, 1f);
        return s.mul(2f).mul(p);
    }

    /** a·b + c, rounded once. */
    public static FloatVector fma(FloatVector a, FloatVector b, float c) {
        return a.fma(b, a.broadcast(c));
    }

    /** a·b + c, rounded once. */
    public static FloatVector fma(FloatVector a, float b, FloatVector c) {
        return a.fma(a.broadcast(b), c);
    }
}
