package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.Map;

/**
 * silu(x) = x·σ(x) (Elfwing, Uchibe, Doya 2018; also "swish" with β = 1, Ramachandran et al.
 * 2017); silu′(x) = σ(x)(1 + x(1 − σ(x))).
 */
public record Silu() implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "silu";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of(); }
    public String formula() { return "x·σ(x)"; }
    public double value(double x) { return x / (1 + StrictMath.exp(-x)); }
    public double derivative(double x) {
        double s = 1 / (1 + StrictMath.exp(-x));
        return s * (1 + x * (1 - s));
    }
    public Family family() { return Family.RECTIFIER; }
    /** silu″(x) = σ′(x)(2 + x(1 − 2σ(x))) vanishes at x ≈ 2.3994, where silu′ ≈ 1.0998. */
    public double maxDerivative() { return 1.0998; }

    public void forward(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatFunctions.sigmoid(x).mul(x).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = FloatFunctions.sigmoid(z[i]) * z[i];
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector s = FloatFunctions.sigmoid(x);
            // σ(1 + x(1 − σ)), the inner product rounded once
            FloatVector slope = s.neg().add(1f).fma(x, x.broadcast(1f)).mul(s);
            FloatVector.fromArray(S, da, i).mul(slope).intoArray(dz, i);
        }
        for (; i < to; i++) {
            float s = FloatFunctions.sigmoid(z[i]);
            dz[i] = da[i] * (Math.fma(1f - s, z[i], 1f) * s);
        }
    }
}
