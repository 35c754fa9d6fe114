package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/**
 * leaky_relu(x) = x if x &gt; 0 else s·x, s = negative_slope (Maas, Hannun, Ng 2013;
 * PyTorch's {@code LeakyReLU}, default s = 0.01).
 */
public record LeakyRelu(double negativeSlope) implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "leaky_relu";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of("negative_slope", negativeSlope); }
    public String formula() { return "x if x > 0 else negative_slope·x"; }
    public double value(double x) { return x > 0 ? x : negativeSlope * x; }
    public double derivative(double x) { return x > 0 ? 1.0 : negativeSlope; }
    public Family family() { return Family.RECTIFIER; }

    public void forward(float[] z, float[] a, int from, int to) {
        float s = (float) negativeSlope;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            v.mul(s).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = z[i] > 0f ? z[i] : z[i] * s;
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        float s = (float) negativeSlope;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, da, i);
            g.mul(s).blend(g, FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f)).intoArray(dz, i);
        }
        for (; i < to; i++) dz[i] = z[i] > 0f ? da[i] : da[i] * s;
    }
}
