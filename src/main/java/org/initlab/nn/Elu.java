package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.Map;

/**
 * elu(x) = x if x &gt; 0 else α(eˣ − 1); elu′(x) = 1 if x &gt; 0 else elu(x) + α
 * (Clevert, Unterthiner, Hochreiter 2016; PyTorch's {@code ELU}, default α = 1).
 */
public record Elu(double alpha) implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "elu";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of("alpha", alpha); }
    public String formula() { return "x if x > 0 else alpha·(exp(x) − 1)"; }
    public double value(double x) { return x > 0 ? x : alpha * StrictMath.expm1(x); }
    public double derivative(double x) { return x > 0 ? 1.0 : alpha * StrictMath.exp(x); }
    public Family family() { return Family.RECTIFIER; }

    public void forward(float[] z, float[] a, int from, int to) {
        float al = (float) alpha;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            FloatFunctions.exp(v).sub(1f).mul(al).blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = z[i] > 0f ? z[i] : (FloatFunctions.exp(z[i]) - 1f) * al;
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        float al = (float) alpha;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, da, i);
            g.mul(FloatVector.fromArray(S, a, i).add(al)).blend(g, FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f)).intoArray(dz, i);
        }
        for (; i < to; i++) dz[i] = z[i] > 0f ? da[i] : da[i] * (a[i] + al);
    }
}
