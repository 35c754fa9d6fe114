package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.Map;

/** tanh(x) = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ); tanh′(x) = 1 − tanh²(x), taken from the forward output. */
public record Tanh() implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "tanh";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of(); }
    public String formula() { return "(exp(x) − exp(−x))/(exp(x) + exp(−x))"; }
    public double value(double x) { return StrictMath.tanh(x); }
    public double derivative(double x) { double t = StrictMath.tanh(x); return 1 - t * t; }
    public Family family() { return Family.SQUASHING; }

    public void forward(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatFunctions.tanh(FloatVector.fromArray(S, z, i)).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = FloatFunctions.tanh(z[i]);
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector t = FloatVector.fromArray(S, a, i);
            FloatVector.fromArray(S, da, i).mul(t.mul(t).neg().add(1f)).intoArray(dz, i);
        }
        for (; i < to; i++) dz[i] = da[i] * (1f - a[i] * a[i]);
    }
}
