package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

import java.util.Map;

/** softsign(x) = x/(1 + |x|); softsign′(x) = 1/(1 + |x|)² (Bergstra et al. 2009; Glorot &amp; Bengio 2010). */
public record Softsign() implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "softsign";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of(); }
    public String formula() { return "x/(1 + |x|)"; }
    public double value(double x) { return x / (1 + Math.abs(x)); }
    public double derivative(double x) { return 1 / ((1 + Math.abs(x)) * (1 + Math.abs(x))); }
    public Family family() { return Family.SQUASHING; }

    public void forward(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            x.div(x.abs().add(1f)).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = z[i] / (Math.abs(z[i]) + 1f);
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, z, i).abs().add(1f);
            FloatVector.fromArray(S, da, i).div(d.mul(d)).intoArray(dz, i);
        }
        for (; i < to; i++) {
            float d = Math.abs(z[i]) + 1f;
            dz[i] = da[i] / (d * d);
        }
    }
}
