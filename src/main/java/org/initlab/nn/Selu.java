package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.Map;

/**
 * selu(x) = λx if x &gt; 0 else λα(eˣ − 1), with λ ≈ 1.0507 and α ≈ 1.6733 chosen so that
 * activations self-normalise to mean 0, variance 1 (Klambauer et al. 2017, eq. 2; PyTorch's
 * {@code SELU} constants). selu′(x) = λ if x &gt; 0 else selu(x) + λα.
 */
public record Selu() implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "selu";
    public static final double LAMBDA = 1.0507009873554804934193349852946;
    public static final double ALPHA = 1.6732632423543772848170429916717;
    private static final float L = (float) LAMBDA;
    private static final float LA = (float) (LAMBDA * ALPHA);
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of(); }
    public String formula() { return "λ·x if x > 0 else λ·α·(exp(x) − 1), λ = 1.0507, α = 1.6733"; }
    public double value(double x) { return x > 0 ? LAMBDA * x : LAMBDA * ALPHA * StrictMath.expm1(x); }
    public double derivative(double x) { return x > 0 ? LAMBDA : LAMBDA * ALPHA * StrictMath.exp(x); }
    public double maxDerivative() { return LAMBDA * ALPHA; }
    public Family family() { return Family.RECTIFIER; }

    public void forward(float[] z, float[] a, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector v = FloatVector.fromArray(S, z, i);
            FloatFunctions.exp(v).sub(1f).mul(LA).blend(v.mul(L), v.compare(VectorOperators.GT, 0f)).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = z[i] > 0f ? z[i] * L : (FloatFunctions.exp(z[i]) - 1f) * LA;
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, da, i);
            g.mul(FloatVector.fromArray(S, a, i).add(LA)).blend(g.mul(L), FloatVector.fromArray(S, z, i).compare(VectorOperators.GT, 0f)).intoArray(dz, i);
        }
        for (; i < to; i++) dz[i] = z[i] > 0f ? da[i] * L : da[i] * (a[i] + LA);
    }
}
