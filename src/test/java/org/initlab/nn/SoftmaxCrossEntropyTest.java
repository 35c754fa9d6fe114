package org.initlab.nn;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoftmaxCrossEntropyTest {
    @Test
    void lossAndGradientMatchADoubleComputation() {
        Random r = new Random(11);
        int batch = 7, classes = 10;
        float[] o = new float[batch * classes];
        int[] y = new int[batch];
        for (int i = 0; i < o.length; i++) o[i] = (float) (r.nextGaussian() * 4);
        for (int i = 0; i < batch; i++) y[i] = r.nextInt(classes);
        float[] g = new float[o.length];
        double loss = SoftmaxCrossEntropy.lossAndGradient(o, y, batch, classes, g);
        double want = 0;
        for (int i = 0; i < batch; i++) {
            double sum = 0;
            for (int j = 0; j < classes; j++) sum += Math.exp(o[i * classes + j]);
            want += Math.log(sum) - o[i * classes + y[i]];
            for (int j = 0; j < classes; j++) {
                double p = Math.exp(o[i * classes + j]) / sum;
                double dg = (p - (j == y[i] ? 1 : 0)) / batch;
                assertEquals(dg, g[i * classes + j], 1e-7);
            }
        }
        assertEquals(want / batch, loss, 1e-6);
        assertEquals(want, SoftmaxCrossEntropy.lossSum(o, y, batch, classes), 1e-5);
    }

    /** The definition one class at a time: the vector lanes must give these bits exactly. */
    private static double scalarLossAndGradient(float[] outputs, int[] labels, int batch, int classes, float[] grad) {
        double total = 0;
        float invBatch = 1f / batch;
        for (int i = 0; i < batch; i++) {
            int row = i * classes;
            float m = outputs[row];
            for (int j = 1; j < classes; j++) m = Math.max(m, outputs[row + j]);
            float sum = 0f;
            for (int j = 0; j < classes; j++) {
                float e = org.initlab.math.FloatFunctions.exp(outputs[row + j] - m);
                grad[row + j] = e;
                sum += e;
            }
            int y = labels[i];
            total += m + StrictMath.log(sum) - outputs[row + y];
            float scale = invBatch / sum;
            for (int j = 0; j < classes; j++) grad[row + j] *= scale;
            grad[row + y] -= invBatch;
        }
        return total / batch;
    }

    @Test
    void vectorLanesGiveTheBitsOfTheScalarDefinition() {
        Random r = new Random(12);
        for (int classes : new int[] {2, 3, 10, 15, 16, 17, 40}) {
            for (int trial = 0; trial < 20; trial++) {
                int batch = 1 + r.nextInt(40);
                float[] o = new float[batch * classes];
                int[] y = new int[batch];
                for (int i = 0; i < o.length; i++) {
                    int kind = r.nextInt(30);
                    o[i] = kind == 0 ? 0f : kind == 1 ? -0f : kind == 2 ? 1e30f : (float) (r.nextGaussian() * Math.scalb(1.0, r.nextInt(-4, 7)));
                }
                for (int i = 0; i < batch; i++) y[i] = r.nextInt(classes);
                float[] g = new float[o.length], want = new float[o.length];
                double loss = SoftmaxCrossEntropy.lossAndGradient(o, y, batch, classes, g);
                double wantLoss = scalarLossAndGradient(o, y, batch, classes, want);
                assertEquals(Double.doubleToRawLongBits(wantLoss), Double.doubleToRawLongBits(loss), classes + " classes: loss");
                for (int i = 0; i < g.length; i++) {
                    assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(g[i]), classes + " classes: grad[" + i + "]");
                }
            }
        }
    }

    @Test
    void hugeLogitsStayFinite() {
        float[] o = {1000f, -1000f, 0f, 2000f, 2000f, 2000f};
        int[] y = {0, 2};
        float[] g = new float[6];
        double loss = SoftmaxCrossEntropy.lossAndGradient(o, y, 2, 3, g);
        assertEquals((0 + Math.log(3)) / 2, loss, 1e-6);
        for (float v : g) assertTrue(Float.isFinite(v));
    }

    @Test
    void nanOutputsGiveANanLoss() {
        float[] o = {Float.NaN, 0f};
        assertTrue(Double.isNaN(SoftmaxCrossEntropy.lossAndGradient(o, new int[]{1}, 1, 2, new float[2])));
    }

    @Test
    void correctCountsArgmaxHits() {
        float[] o = {0.1f, 0.9f, 0.8f, 0.2f, 0.5f, 0.5f};
        assertEquals(2, SoftmaxCrossEntropy.correct(o, new int[]{1, 0, 1}, 3, 2));
    }
}
