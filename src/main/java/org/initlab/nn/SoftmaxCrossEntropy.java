package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.FloatFunctions;

/**
 * Softmax cross-entropy over a batch of outputs, fused with its gradient.
 *
 * <pre>
 * ℓᵢ = log Σⱼ exp(oᵢⱼ) − oᵢ,yᵢ  = m + log Σⱼ exp(oᵢⱼ − m) − oᵢ,yᵢ,  m = maxⱼ oᵢⱼ   (log-sum-exp)
 * L  = (1/B) Σᵢ ℓᵢ                                      (PyTorch CrossEntropyLoss, reduction "mean")
 * ∂L/∂oᵢⱼ = (softmax(oᵢ)ⱼ − [j = yᵢ]) / B
 * </pre>
 * Exponentials use {@link FloatFunctions#exp} and the log {@link StrictMath#log}, so the loss is
 * the same bits on every run. Per-row losses are summed in double.
 *
 * <p>A row's maximum, exponentials and gradient scaling run in vector lanes (the vector exp gives
 * the scalar's bits, and a maximum does not depend on the order); its sum of exponentials is
 * added in class order, one float at a time, as the definition says.
 */
public final class SoftmaxCrossEntropy {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /** PREFIX[t] enables lanes 0..t−1: built once, so that no mask is made per row. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final VectorMask<Float>[] PREFIX = new VectorMask[L + 1];

    static {
        for (int t = 0; t <= L; t++) PREFIX[t] = S.indexInRange(0, t);
    }

    private SoftmaxCrossEntropy() {}

    /**
     * Mean loss over the batch; writes ∂L/∂outputs into {@code grad} (batch × classes).
     */
    public static double lossAndGradient(float[] outputs, int[] labels, int batch, int classes, float[] grad) {
        double total = 0;
        float invBatch = 1f / batch;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            float m = max(outputs, row, classes);
            FloatVector shift = FloatVector.broadcast(S, m);
            for (int j = 0; j < classes; j += L) {
                VectorMask<Float> in = PREFIX[Math.min(L, classes - j)];
                FloatFunctions.exp(FloatVector.fromArray(S, outputs, row + j, in).sub(shift)).intoArray(grad, row + j, in);
            }
            float sum = 0f;
            for (int j = 0; j < classes; j++) sum += grad[row + j];
            int y = label(labels, i, classes);
            total += m + StrictMath.log(sum) - outputs[row + y];
            FloatVector scale = FloatVector.broadcast(S, invBatch / sum);
            for (int j = 0; j < classes; j += L) {
                VectorMask<Float> in = PREFIX[Math.min(L, classes - j)];
                FloatVector.fromArray(S, grad, row + j, in).mul(scale).intoArray(grad, row + j, in);
            }
            grad[row + y] -= invBatch;
        }
        return total / batch;
    }

    /** Sum (not mean) of per-example losses over the batch, without a gradient. */
    public static double lossSum(float[] outputs, int[] labels, int batch, int classes) {
        double total = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            float m = max(outputs, row, classes);
            float sum = 0f;
            for (int j = 0; j < classes; j++) sum += FloatFunctions.exp(outputs[row + j] - m);
            total += m + StrictMath.log(sum) - outputs[row + label(labels, i, classes)];
        }
        return total;
    }

    /** Number of rows whose largest output (first on ties) is the label. */
    public static int correct(float[] outputs, int[] labels, int batch, int classes) {
        int n = 0;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            int best = 0;
            for (int j = 1; j < classes; j++) if (outputs[row + j] > outputs[row + best]) best = j;
            if (best == labels[i]) n++;
        }
        return n;
    }

    /** maxⱼ o[row + j] with {@link Math#max}'s rules (NaN wins, +0 above −0), which make it independent of the order. */
    private static float max(float[] o, int row, int classes) {
        FloatVector m = FloatVector.broadcast(S, Float.NEGATIVE_INFINITY);
        for (int j = 0; j < classes; j += L) {
            VectorMask<Float> in = PREFIX[Math.min(L, classes - j)];
            m = m.max(FloatVector.broadcast(S, Float.NEGATIVE_INFINITY).blend(FloatVector.fromArray(S, o, row + j, in), in));
        }
        return m.reduceLanes(VectorOperators.MAX);
    }

    private static int label(int[] labels, int i, int classes) {
        int y = labels[i];
        if (y < 0 || y >= classes) throw new IllegalArgumentException("label " + y + " outside 0.." + (classes - 1));
        return y;
    }
}
