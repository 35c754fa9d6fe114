package org.initlab.nn;

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
 */
public final class SoftmaxCrossEntropy {
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
            float sum = 0f;
            for (int j = 0; j < classes; j++) {
                float e = FloatFunctions.exp(outputs[row + j] - m);
                grad[row + j] = e;
                sum += e;
            }
            int y = label(labels, i, classes);
            total += m + StrictMath.log(sum) - outputs[row + y];
            float scale = invBatch / sum;
            for (int j = 0; j < classes; j++) grad[row + j] *= scale;
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

    private static float max(float[] o, int row, int classes) {
        float m = o[row];
        for (int j = 1; j < classes; j++) m = Math.max(m, o[row + j]);
        return m;
    }

    private static int label(int[] labels, int i, int classes) {
        int y = labels[i];
        if (y < 0 || y >= classes) throw new IllegalArgumentException("label " + y + " outside 0.." + (classes - 1));
        return y;
    }
}
