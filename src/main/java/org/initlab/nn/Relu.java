package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/** relu(x) = max(0, x); relu′(x) = [x &gt; 0] (Nair &amp; Hinton 2010; relu′(0) = 0 as in PyTorch). */
public record Relu() implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "relu";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of(); }
    public String formula() { return "max(0, x)"; }
    public double value(double x) { return Math.max(0.0, x); }
    public double derivative(double x) { return x > 0 ? 1.0 : 0.0; }
    public Family family() { return Family.RECTIFIER; }

    public void forward(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector.fromArray(S, z, i).max(0f).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = Math.max(z[i], 0f);
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, da, i);
            g.blend(0f, FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f).not()).intoArray(dz, i);
        }
        for (; i < to; i++) dz[i] = z[i] > 0f ? da[i] : 0f;
    }
}
