package org.initlab.init;

import org.initlab.UserError;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LsuvTest {
    /** A dense chain x → φ(x·W₀ + b₀) → … over a fixed batch; forwardTo returns a layer's pre-activation. */
    private static final class Chain implements LayerwiseNetwork {
        final Matrix[] weights;
        final float[][] biases;
        final float[][] batch;
        final DoubleUnaryOperator phi;

        Chain(int[] widths, float[][] batch, DoubleUnaryOperator phi) {
            this.batch = batch;
            this.phi = phi;
            weights = new Matrix[widths.length - 1];
            biases = new float[widths.length - 1][];
            for (int l = 0; l + 1 < widths.length; l++) {
                weights[l] = new Matrix(widths[l], widths[l + 1]);
                biases[l] = new float[widths[l + 1]];
            }
        }

        @Override public int layerCount() { return weights.length; }

        @Override public Matrix weight(int layer) { return weights[layer]; }

        @Override
        public float[] forwardTo(int layer) {
            float[][] h = batch;
            float[][] z = null;
            for (int l = 0; l <= layer; l++) {
                Matrix w = weights[l];
                z = new float[h.length][w.cols()];
                for (int n = 0; n < h.length; n++) {
                    for (int j = 0; j < w.cols(); j++) {
                        double s = biases[l][j];
                        for (int i = 0; i < w.rows(); i++) s += h[n][i] * w.get(i, j);
                        z[n][j] = (float) s;
                    }
                }
                if (l < layer) {
                    h = new float[z.length][z[0].length];
                    for (int n = 0; n < z.length; n++) for (int j = 0; j < z[0].length; j++) h[n][j] = (float) phi.applyAsDouble(z[n][j]);
                }
            }
            float[] out = new float[z.length * z[0].length];
            for (int n = 0; n < z.length; n++) System.arraycopy(z[n], 0, out, n * z[0].length, z[0].length);
            return out;
        }

        void initialize(Initializer init, RandomGenerator rng) {
            for (Matrix w : weights) init.initialize(w, rng);
        }
    }

    private static float[][] batch(int n, int width, double std, long seed) {
        RandomGenerator rng = RandomStreams.of(seed);
        float[][] x = new float[n][width];
        for (float[] row : x) for (int i = 0; i < width; i++) row[i] = (float) (std * rng.nextGaussian());
        return x;
    }

    private static void assertUnitVariance(Chain net, double tol) {
        for (int l = 0; l < net.layerCount(); l++) {
            double v = Lsuv.variance(net.forwardTo(l), l);
            assertTrue(Math.abs(v - 1) < tol, "layer " + l + " variance " + v);
        }
    }

    /**
     * Linear and bias-free, the output variance is quadratic in the scale of W, so a single
     * rescaling lands on 1 (up to float rounding) even with a tight tolerance; layers already
     * within it (an orthogonal square layer preserves variance) are left alone.
     */
    @Test
    void linearChainNeedsAtMostOneRescalingPerLayer() {
        Chain net = new Chain(new int[] {32, 64, 64, 10}, batch(256, 32, 3.0, 80), x -> x);
        Lsuv lsuv = new Lsuv(1e-3, 10);
        net.initialize(lsuv, RandomStreams.of(81));
        List<Lsuv.LayerResult> results = lsuv.refineLayers(net);
        assertUnitVariance(net, 1e-3);
        assertEquals(1, results.getFirst().rescalings(), "inputs of variance 9 need one rescaling");
        for (Lsuv.LayerResult r : results) {
            assertTrue(r.rescalings() <= 1 && r.converged(), r.toString());
            if (r.rescalings() == 1) assertEquals(1.0, r.variance(), 1e-5, r.toString());
        }
    }

    /** tanh with biases: several rescalings may be needed; biases stay as they were. */
    @Test
    void tanhChainWithBiasesReachesToleranceAndLeavesBiasesAlone() {
        Chain net = new Chain(new int[] {20, 50, 50, 50, 10}, batch(200, 20, 5.0, 82), Math::tanh);
        RandomGenerator rng = RandomStreams.of(83);
        for (float[] b : net.biases) for (int j = 0; j < b.length; j++) b[j] = (float) (0.3 * rng.nextGaussian());
        float[][] biasesBefore = new float[net.biases.length][];
        for (int l = 0; l < net.biases.length; l++) biasesBefore[l] = net.biases[l].clone();

        Lsuv lsuv = (Lsuv) Initializers.weight("lsuv", java.util.Map.of());
        net.initialize(lsuv, rng);
        lsuv.refine(net);
        assertUnitVariance(net, lsuv.tol());
        for (int l = 0; l < net.biases.length; l++) assertArrayEquals(biasesBefore[l], net.biases[l]);
    }

    /** Biases alternating ±1.5 alone give variance 2.25 > 1.1: LSUV cannot get there and stops after max_iterations. */
    @Test
    void stopsAfterMaxIterationsWhenUnreachable() {
        Chain net = new Chain(new int[] {8, 4}, batch(64, 8, 1.0, 84), x -> x);
        for (int j = 0; j < 4; j++) net.biases[0][j] = j % 2 == 0 ? 1.5f : -1.5f;
        Lsuv lsuv = new Lsuv(0.1, 3);
        net.initialize(lsuv, RandomStreams.of(85));
        Lsuv.LayerResult r = lsuv.refineLayers(net).getFirst();
        assertEquals(3, r.rescalings());
        assertFalse(r.converged());
        assertTrue(r.variance() > 2.25, r.toString());
    }

    @Test
    void deadLayerIsAUserError() {
        Chain net = new Chain(new int[] {8, 4}, new float[16][8], x -> x);
        Lsuv lsuv = new Lsuv(0.1, 10);
        net.initialize(lsuv, RandomStreams.of(86));
        UserError e = assertThrows(UserError.class, () -> lsuv.refine(net));
        assertTrue(e.getMessage().contains("layer 0"), e.getMessage());
    }

    @Test
    void defaultsFollowTheReferenceImplementations() {
        Initializer lsuv = Initializers.weight("LSUV", null);
        assertEquals(new Lsuv(0.1, 10), lsuv);
        assertEquals(java.util.Map.of("tol", 0.1, "max_iterations", 10), lsuv.params());
        assertTrue(lsuv instanceof DataDependentInitializer);
        assertThrows(UserError.class, () -> Initializers.weight("lsuv", java.util.Map.of("max_iterations", 2.5)));
    }
}
