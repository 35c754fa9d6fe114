package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
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
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    public String name() { return "softplus"; }
    public Map<String, Object> params() { return Map.of("beta", beta, "threshold", threshold); }
    public String formula() { return "ln(1 + exp(beta·x))/beta (x where beta·x > threshold)"; }
    public double value(double x) {
        return beta * x > threshold ? x : (Math.max(beta * x, 0) + Math.log1p(Math.exp(-Math.abs(beta * x)))) / beta;
    }
    public double derivative(double x) { return beta * x > threshold ? 1.0 : 1 / (1 + Math.exp(-beta * x)); }
    public Family family() { return Family.RECTIFIER; }

    public void forward(float[] z, float[] a, int from, int to) {
        float b = (float) beta, th = (float) threshold;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            value(FloatVector.fromArray(S, z, i), b, th).intoArray(a, i);
        }
        if (i < to) {
            VectorMask<Float> m = S.indexInRange(i, to);
            value(FloatVector.fromArray(S, z, i, m), b, th).intoArray(a, i, m);
        }
    }

    public void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to) {
        float b = (float) beta, th = (float) threshold;
        int i = from;
        for (int bound = from + S.loopBound(to - from); i < bound; i += S.length()) {
            FloatVector g = FloatVector.fromArray(S, da, i);
            g.mul(slope(FloatVector.fromArray(S, z, i), b, th)).intoArray(dz, i);
        }
        if (i < to) {
            VectorMask<Float> m = S.indexInRange(i, to);
            FloatVector g = FloatVector.fromArray(S, da, i, m);
            g.mul(slope(FloatVector.fromArray(S, z, i, m), b, th)).intoArray(dz, i, m);
        }
    }

    private static FloatVector value(FloatVector x, float beta, float threshold) {
        FloatVector bx = x.mul(beta);
        FloatVector soft = FloatFunctions.log1p(FloatFunctions.exp(bx.abs().neg())).add(bx.max(0f)).div(beta);
        return soft.blend(x, bx.compare(VectorOperators.GT, threshold));
    }

    private static FloatVector slope(FloatVector x, float beta, float threshold) {
        FloatVector bx = x.mul(beta);
        return FloatFunctions.sigmoid(bx).blend(1f, bx.compare(VectorOperators.GT, threshold));
    }
}
