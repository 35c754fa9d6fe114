package org.initlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * Elementary functions on float32, vectorized, built only from IEEE-exact operations
 * (add, multiply, fused multiply-add, divide, bit operations).
 *
 * <p>Why not {@code VectorOperators.EXP} or {@code Math.exp}? Their results may differ in the
 * last bit between interpreted and JIT-compiled code (an intrinsic replaces the Java fallback at
 * a moment that depends on timing), which would make two runs of the same seed diverge. Every
 * function here gives the same bits in a vector lane, in a masked tail lane and in the scalar
 * version, whatever the JIT does.
 *
 * <p>exp and tanh follow Cephes' {@code expf}/{@code tanhf} (S. L. Moshier, Cephes Math Library,
 * 1984–1992): Cody–Waite range reduction by ln 2 and minimax polynomials, about 1 ulp.
 * erf follows Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5e-7 in exact arithmetic, ≤ 5e-7
 * in float).
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
    /** ln 2 = C1 + C2, C1 with few mantissa bits so that n·C1 is exact (Cody & Waite 1980). */
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float P0 = 1.9875691500e-4f, P1 = 1.3981999507e-3f, P2 = 8.3334519073e-3f,
            P3 = 4.1665795894e-2f, P4 = 1.6666665459e-1f, P5 = 5.0000001201e-1f;
    /** tanh(x) = x + x³·T(x²) for |x| < 0.625 (Cephes tanhf). */
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
        large = Math.copySign(large, x);
        return ax < TANH_SMALL ? small : large;
    }

    /** σ(x) = 1 / (1 + e^{−x}). */
    public static float sigmoid(float x) {
        return 1f / (1f + exp(-x));
    }

    /** erf x, Abramowitz &amp; Stegun 7.1.26: 1 − (a₁t + … + a₅t⁵)e^{−x²}, t = 1/(1 + p|x|). */
    public static float erf(float x) {
        float ax = Math.abs(x);
        float t = 1f / Math.fma(ERF_P, ax, 1f);
        float poly = Math.fma(Math.fma(Math.fma(Math.fma(A5, t, A4), t, A3), t, A2), t, A1) * t;
        float y = 1f - poly * exp(-(ax * ax));
        return Math.copySign(y, x);
    }

    /** ln(1 + u) for u ≥ 0, accurate for tiny u (Goldberg 1991, "What every computer scientist…", thm 4). */
    public static float log1p(float u) {
        float w = 1f + u;
        if (w == 1f) return u;
        return log(w) * (u / (w - 1f));
    }

    /** ln x for normal positive x (Cephes logf: x = m·2ᵉ, m ∈ [√½, √2), polynomial in m − 1). */
    public static float log(float x) {
        int bits = Float.floatToRawIntBits(x);
        int e = ((bits >>> 23) & 0xff) - 126;
        float m = Float.intBitsToFloat((bits & 0x007fffff) | 0x3f000000); // in [0.5, 1)
        boolean lowM = m < 0.70710678f;
        float f = lowM ? (m + m) - 1f : m - 1f;
        float fe = lowM ? e - 1 : e;
        return logCore(f, fe);
    }

    private static final float L0 = 7.0376836292e-2f, L1 = -1.1514610310e-1f, L2 = 1.1676998740e-1f,
            L3 = -1.2420140846e-1f, L4 = 1.4249322787e-1f, L5 = -1.6668057665e-1f, L6 = 2.0000714765e-1f,
            L7 = -2.4999993993e-1f, L8 = 3.3333331174e-1f;

    private static float logCore(float f, float e) {
        float z = f * f;
        float p = Math.fma(L0, f, L1);
        p = Math.fma(p, f, L2);
        p = Math.fma(p, f, L3);
        p = Math.fma(p, f, L4);
        p = Math.fma(p, f, L5);
        p = Math.fma(p, f, L6);
        p = Math.fma(p, f, L7);
        p = Math.fma(p, f, L8);
        float y = p * f * z;
        y = Math.fma(e, LN2_LO, y);
        y = Math.fma(-0.5f, z, y);
        return Math.fma(e, LN2_HI, f + y);
    }

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
        large = copySign(large, x);
        VectorMask<Float> isSmall = ax.compare(VectorOperators.LT, TANH_SMALL);
        return large.blend(small, isSmall);
    }

    public static FloatVector sigmoid(FloatVector x) {
        FloatVector d = exp(x.neg()).add(1f);
        return d.broadcast(1f).div(d);
    }

    public static FloatVector erf(FloatVector x) {
        FloatVector ax = x.abs();
        FloatVector t = ax.fma(ERF_P, 1f);
        t = t.broadcast(1f).div(t);
        FloatVector poly = fma(fma(fma(fma(t.broadcast(A5), t, A4), t, A3), t, A2), t, A1).mul(t);
        FloatVector y = poly.mul(exp(ax.mul(ax).neg())).neg().add(1f);
        return copySign(y, x);
    }

    public static FloatVector log1p(FloatVector u) {
        FloatVector w = u.add(1f);
        FloatVector ratio = u.div(w.sub(1f));
        FloatVector l = log(w).mul(ratio);
        return l.blend(u, w.compare(VectorOperators.EQ, 1f));
    }

    public static FloatVector log(FloatVector x) {
        IntVector bits = x.reinterpretAsInts();
        IntVector eInt = bits.lanewise(VectorOperators.LSHR, 23).and(0xff).sub(126);
        FloatVector m = bits.and(0x007fffff).or(0x3f000000).reinterpretAsFloats();
        FloatVector e = (FloatVector) eInt.convert(VectorOperators.I2F, 0);
        VectorMask<Float> lowM = m.compare(VectorOperators.LT, 0.70710678f);
        FloatVector f = m.sub(1f).blend(m.add(m).sub(1f), lowM);
        e = e.blend(e.sub(1f), lowM);
        FloatVector z = f.mul(f);
        FloatVector p = fma(f.broadcast(L0), f, L1);
        p = fma(p, f, L2);
        p = fma(p, f, L3);
        p = fma(p, f, L4);
        p = fma(p, f, L5);
        p = fma(p, f, L6);
        p = fma(p, f, L7);
        p = fma(p, f, L8);
        FloatVector y = p.mul(f).mul(z);
        y = fma(e, LN2_LO, y);
        y = fma(z, -0.5f, y);
        return fma(e, LN2_HI, f.add(y));
    }

    /** a·b + c, rounded once. */
    public static FloatVector fma(FloatVector a, FloatVector b, float c) {
        return a.fma(b, a.broadcast(c));
    }

    /** a·b + c, rounded once. */
    public static FloatVector fma(FloatVector a, float b, FloatVector c) {
        return a.fma(a.broadcast(b), c);
    }

    private static FloatVector copySign(FloatVector magnitude, FloatVector sign) {
        IntVector s = sign.reinterpretAsInts().and(0x80000000);
        return magnitude.reinterpretAsInts().and(0x7fffffff).or(s).reinterpretAsFloats();
    }
}
