package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.Map;

/**
 * gelu(x) = x·Φ(x) (Hendrycks &amp; Gimpel 2016), Φ the standard normal CDF, so
 * gelu′(x) = Φ(x) + x·φ(x). With {@code approximate = "tanh"} (PyTorch's option):
 * gelu(x) ≈ ½x(1 + tanh u), u = √(2/π)(x + 0.044715x³).
 */
public record Gelu(String approximate) implements Activation {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float INV_SQRT2 = (float) (1.0 / Math.sqrt(2.0));
    private static final float INV_SQRT_2PI = (float) (1.0 / Math.sqrt(2.0 * Math.PI));
    private static final float C = (float) Math.sqrt(2.0 / Math.PI);
    private static final float K = 0.044715f;

    public Gelu {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("approximate must be 'none' or 'tanh'");
        }
    }

    private boolean tanhForm() { return approximate.equals("tanh"); }

    public String name() { return "gelu"; }
    public Map<String, Object> params() { return Map.of("approximate", approximate); }
    public String formula() {
        return tanhForm() ? "½x(1 + tanh(√(2/π)(x + 0.044715x³)))" : "x·Φ(x) = ½x(1 + erf(x/√2))";
    }
    public Family family() { return Family.RECTIFIER; }
    public double maxDerivative() { return 1.1289; }

    public double value(double x) {
        if (tanhForm()) return 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        return x * normalCdf(x);
    }

    public double derivative(double x) {
        if (tanhForm()) {
            double c = Math.sqrt(2 / Math.PI);
            double t = Math.tanh(c * (x + 0.044715 * x * x * x));
            return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * 0.044715 * x * x);
        }
        return normalCdf(x) + x * Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
    }

    /** Φ(x) in double via erfc (W. J. Cody's rational approximations are overkill here; 1e-7 is plenty for a reference). */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    /** erfc in double, Numerical Recipes' Chebyshev fit (fractional error &lt; 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }

    public void forward(float[] z, float[] a, int from, int to) {
        boolean th = tanhForm();
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            value(x, th).intoArray(a, i);
        }
        if (i < to) {
            VectorMask<Float> m = S.indexInRange(i, to);
            value(FloatVector.fromArray(S, z, i, m), th).intoArray(a, i, m);
        }
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        boolean th = tanhForm();
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector.fromArray(S, da, i).mul(slope(x, th)).intoArray(dz, i);
        }
        if (i < to) {
            VectorMask<Float> m = S.indexInRange(i, to);
            FloatVector x = FloatVector.fromArray(S, z, i, m);
            FloatVector.fromArray(S, da, i, m).mul(slope(x, th)).intoArray(dz, i, m);
        }
    }

    private static FloatVector value(FloatVector x, boolean tanhForm) {
        if (tanhForm) {
            FloatVector u = FloatFunctions.fma(x.mul(x).mul(x), K, x).mul(C);
            return FloatFunctions.tanh(u).add(1f).mul(x).mul(0.5f);
        }
        return FloatFunctions.erf(x.mul(INV_SQRT2)).add(1f).mul(x).mul(0.5f);
    }

    private static FloatVector slope(FloatVector x, boolean tanhForm) {
        FloatVector x2 = x.mul(x);
        if (tanhForm) {
            FloatVector t = FloatFunctions.tanh(FloatFunctions.fma(x2.mul(x), K, x).mul(C));
            FloatVector inner = x2.fma(3f * K, 1f).mul(C);
            FloatVector sech2 = t.mul(t).neg().add(1f);
            return sech2.mul(inner).mul(x).add(t.add(1f)).mul(0.5f);
        }
        FloatVector cdf = FloatFunctions.erf(x.mul(INV_SQRT2)).add(1f).mul(0.5f);
        FloatVector pdf = FloatFunctions.exp(x2.mul(-0.5f)).mul(INV_SQRT_2PI);
        return pdf.fma(x, cdf);
    }
}
