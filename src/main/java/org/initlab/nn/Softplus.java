package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

import java.util.Map;

/**
 * softplus(x) = (1/β)·ln(1 + e^{βx}), and x where βx &gt; threshold (PyTorch's {@code Softplus},
 * defaults β = 1, threshold = 20; Dugas et al. 2001). Computed stably as
 * max(x, 0) + ln(1 + e^{−β|x|})/β. softplus′(x) = σ(βx).
 */
public record Softplus(double beta, double threshold) implements Activation {
    /** Its name in the catalogue and in specs. */
    public static final String NAME = "softplus";
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return NAME; }
    public Map<String, Object> params() { return Map.of("beta", beta, "threshold", threshold); }
    public String formula() { return "ln(1 + exp(beta·x))/beta (x where beta·x > threshold)"; }
    public double value(double x) {
        return beta * x > threshold ? x : (Math.max(beta * x, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(beta * x)))) / beta;
    }
    public double derivative(double x) { return beta * x > threshold ? 1.0 : 1 / (1 + StrictMath.exp(-beta * x)); }
    public Family family() { return Family.RECTIFIER; }

    public void forward(float[] z, float[] a, int from, int to) {
        float b = (float) beta, th = (float) threshold;
        if (a == z) { // in place: the two passes below would read an overwritten z
            for (int i = from; i < to; i++) {
                float bx = z[i] * b;
                a[i] = bx > th ? z[i] : (FloatFunctions.log1p(FloatFunctions.exp(-Math.abs(bx))) + Math.max(bx, 0f)) / b;
            }
            return;
        }
        decay(z, a, from, to, b);
        finish(z, a, from, to, b, th);
    }

    // Two passes, each a loop with one transcendental that the JIT inlines whole.

    /** a = e^{−β|z|}. */
    private static void decay(float[] z, float[] a, int from, int to, float b) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatFunctions.exp(FloatVector.fromArray(S, z, i).mul(b).abs().neg()).intoArray(a, i);
        }
        for (; i < to; i++) a[i] = FloatFunctions.exp(-Math.abs(z[i] * b));
    }

    /** a = (ln(1 + a) + max(βz, 0))/β, or z beyond the threshold. */
    private static void finish(float[] z, float[] a, int from, int to, float b, float th) {
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, z, i);
            FloatVector bx = x.mul(b);
            FloatVector soft = FloatFunctions.log1p(FloatVector.fromArray(S, a, i)).add(bx.max(0f)).div(b);
            soft.blend(x, bx.compare(VectorOperators.GT, th)).intoArray(a, i);
        }
        for (; i < to; i++) {
            float bx = z[i] * b;
            a[i] = bx > th ? z[i] : (FloatFunctions.log1p(a[i]) + Math.max(bx, 0f)) / b;
        }
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        float b = (float) beta, th = (float) threshold;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector bx = FloatVector.fromArray(S, z, i).mul(b);
            FloatVector slope = FloatFunctions.sigmoid(bx).blend(1f, bx.compare(VectorOperators.GT, th));
            FloatVector.fromArray(S, da, i).mul(slope).intoArray(dz, i);
        }
        for (; i < to; i++) {
            float bx = z[i] * b;
            dz[i] = da[i] * (bx > th ? 1f : FloatFunctions.sigmoid(bx));
        }
    }
}
