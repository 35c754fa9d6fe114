package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.Map;

/** σ(x) = 1/(1 + e⁻ˣ); σ′(x) = σ(x)(1 − σ(x)), taken from the forward output. */
public record Sigmoid() implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "sigmoid";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of(); }
    public String formula() { return "1/(1 + exp(−x))"; }
    public double value(double x) { return 1 / (1 + StrictMath.exp(-x)); }
    public double derivative(double x) { double s = value(x); return s * (1 - s); }
    public Family family() { return Family.SQUASHING; }
    public double maxDerivative() { return 0.25; }

    public void forward(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatFunctions.sigmoid(FloatVector.fromArray(S, z, i)).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = FloatFunctions.sigmoid(z[i]);
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector s = FloatVector.fromArray(S, a, i);
            FloatVector.fromArray(S, da, i).mul(s.neg().add(1f).mul(s)).intoArray(dz, i);
        }
        for (; i < to; i++) dz[i] = da[i] * ((1f - a[i]) * a[i]);
    }
}
