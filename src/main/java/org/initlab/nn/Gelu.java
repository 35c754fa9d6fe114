package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.List;
import java.util.Map;

/**
 * gelu(x) = x·Φ(x) (Hendrycks &amp; Gimpel 2016), Φ the standard normal CDF, so
 * gelu′(x) = Φ(x) + x·φ(x). With {@code approximate = "tanh"} (PyTorch's option):
 * gelu(x) ≈ ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³).
 */
public record Gelu(String approximate) implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "gelu";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));
    private static final float INV_SQRT_2PI = (float) (1.0 / Math.sqrt(2.0 * Math.PI));
    private static final float C = (float) Math.sqrt(2.0 / Math.PI);
    private static final float K = 0.044715f;

    /** The exact form, PyTorch's {@code approximate='none'}. */
    public static final String EXACT = "none";
    /** The tanh approximation. */
    public static final String TANH = "tanh";
    /** The values of {@code approximate}. */
    public static final List<String> APPROXIMATIONS = List.of(EXACT, TANH);

    public Gelu {
        if (!APPROXIMATIONS.contains(approximate)) {
            throw new IllegalArgumentException("approximate must be 'none' or 'tanh'");
        }
    }

    private boolean tanhForm() { return approximate.equals(TANH); }

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of("approximate", approximate); }
    public String formula() {
        return tanhForm() ? "½x(1 + tanh(√(2/π)(x + 0.044715x³)))" : "x·Φ(x) = ½x(1 + erf(x/√2))";
    }
    public Family family() { return Family.RECTIFIER; }
    /** gelu″(x) = φ(x)(2 − x²) vanishes at x = √2, so max gelu′ = Φ(√2) + √2·φ(√2) ≈ 1.1289. */
    public double maxDerivative() { return 1.1289; }

    public double value(double x) {
        if (tanhForm()) return 0.5 * x * (1 + StrictMath.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        return x * normalCdf(x);
    }

    public double derivative(double x) {
        if (tanhForm()) {
            double c = Math.sqrt(2 / Math.PI);
            double t = StrictMath.tanh(c * (x + 0.044715 * x * x * x));
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x);
        }
        return normalCdf(x) + x * StrictMath.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Φ(x) in double via erfc (W. J. Cody's rational approximations are overkill here; 1e-7 is plenty for a reference). */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** erfc in double, Numerical Recipes' Chebyshev fit (fractional error &lt; 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * StrictMath.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    public void forward(float[] z, float[] a, int from, int to) {
        if (tanhForm()) forwardTanh(z, a, from, to);
        else forwardErf(z, a, from, to);
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        if (tanhForm()) backwardTanh(z, da, dz, from, to);
        else backwardErf(z, da, dz, from, to);
    }

    // One method per form: each compiles to a small loop the JIT inlines whole (no boxed vectors).

    private static void forwardErf(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatFunctions.erf(x.mul(INV_SQRT2)).add(1f).mul(x).mul(0.5f).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = (FloatFunctions.erf(z[i] * INV_SQRT2) + 1f) * z[i] * 0.5f;
    }

    private static void forwardTanh(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector u = FloatFunctions.fma(x.mul(x).mul(x), K, x).mul(C);
            FloatFunctions.tanh(u).add(1f).mul(x).mul(0.5f).intoArray(a, i);
        }
        for (; i < to; i++) {
            float x = z[i];
            a[i] = (FloatFunctions.tanh(Math.fma(x * x * x, K, x) * C) + 1f) * x * 0.5f;
        }
    }

    /**
     * gelu′(x) = Φ(x) + x·φ(x). Φ's erf(u), u = x/√2, is 1 − R(|u|)e^{−u²} and φ(x) = e^{−u²}/√(2π):
     * one exponential serves both.
     */
    private static void backwardErf(float[] z, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector au = x.mul(INV_SQRT2).abs();
            FloatVector e = FloatFunctions.exp(au.mul(au).neg());
            FloatVector erf = FloatFunctions.erfcFactor(au).mul(e).neg().add(1f);
            erf = erf.blend(erf.neg(), x.compare(VectorOperators.LT, 0f));
            FloatVector cdf = erf.add(1f).mul(0.5f);
            FloatVector.fromArray(S, da, i).mul(e.mul(INV_SQRT_2PI).fma(x, cdf)).intoArray(dz, i);
        }
        for (; i < to; i++) {
            float x = z[i];
            float au = Math.abs(x * INV_SQRT2);
            float e = FloatFunctions.exp(-(au * au));
            float erf = 1f - FloatFunctions.erfcFactor(au) * e;
            if (x < 0) erf = -erf;
            float cdf = (erf + 1f) * 0.5f;
            dz[i] = da[i] * Math.fma(e * INV_SQRT_2PI, x, cdf);
        }
    }

    /** d/dx ½x(1 + tanh u) = ½(1 + tanh u) + ½x(1 − tanh²u)·√(2/π)(1 + 3·0.044715x²). */
    private static void backwardTanh(float[] z, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector x2 = x.mul(x);
            FloatVector t = FloatFunctions.tanh(FloatFunctions.fma(x2.mul(x), K, x).mul(C));
            FloatVector inner = x2.fma(3f * K, 1f).mul(C);
            FloatVector sech2 = t.mul(t).neg().add(1f);
            FloatVector slope = sech2.mul(inner).mul(x).add(t.add(1f)).mul(0.5f);
            FloatVector.fromArray(S, da, i).mul(slope).intoArray(dz, i);
        }
        for (; i < to; i++) {
            float x = z[i], x2 = x * x;
            float t = FloatFunctions.tanh(Math.fma(x2 * x, K, x) * C);
            float inner = Math.fma(x2, 3f * K, 1f) * C;
            float sech2 = 1f - t * t;
            dz[i] = da[i] * ((sech2 * inner * x + (t + 1f)) * 0.5f);
        }
    }
}
