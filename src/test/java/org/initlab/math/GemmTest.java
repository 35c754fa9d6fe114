package org.initlab.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Checks the three products against (1) the scalar FMA chain, bit for bit, and (2) a
 * double-precision sum within the chain's rounding bound, over awkward shapes (tails in every
 * dimension, several K blocks, several row blocks) and the layer shapes of a 784-256-256-10 net.
 */
class GemmTest {
    /** Unit roundoff of float32. */
    private static final double U = 0x1p-24;
    private static final int[] SMALL = {1, 7, 10, 15, 16, 17, 64};

    enum Form { NN, TN, NT }

    record Shape(Form form, int m, int n, int k) {
        int aSize() { return m * k; }
        int bSize() { return k * n; }
        @Override public String toString() { return form + " " + m + "x" + n + "x" + k; }
    }

    /** Element (i, p) of the left operand as the form stores it. */
    private static float left(Shape s, float[] a, int i, int p) {
        return s.form == Form.TN ? a[p * s.m + i] : a[i * s.k + p];
    }

    /** Element (p, j) of the right operand as the form stores it. */
    private static float right(Shape s, float[] b, int p, int j) {
        return s.form == Form.NT ? b[j * s.k + p] : b[p * s.n + j];
    }

    /** The contract: s = 0; s = fma(a_ip, b_pj, s) for p = 0..k-1. */
    private static float[] chain(Shape s, float[] a, float[] b) {
        float[] c = new float[s.m * s.n];
        for (int i = 0; i < s.m; i++) {
            for (int j = 0; j < s.n; j++) {
                float acc = 0f;
                for (int p = 0; p < s.k; p++) acc = Math.fma(left(s, a, i, p), right(s, b, p, j), acc);
                c[i * s.n + j] = acc;
            }
        }
        return c;
    }

    private static void multiply(Gemm g, Shape s, float[] a, float[] b, float[] c) {
        switch (s.form) {
            case NN -> g.mulNN(s.m, s.n, s.k, a, b, c);
            case TN -> g.mulTN(s.m, s.n, s.k, a, b, c);
            case NT -> g.mulNT(s.m, s.n, s.k, a, b, c);
        }
    }

    /**
     * Values spread over several binades with some exact zeros and negative zeros, so that
     * summing in any other order (or without fusing) changes low bits of many results.
     */
    private static float[] operand(RandomGenerator rnd, int size, int slack) {
        float[] x = new float[size + slack];
        for (int i = 0; i < size; i++) {
            int kind = rnd.nextInt(40);
            x[i] = kind == 0 ? 0f : kind == 1 ? -0f : (float) (rnd.nextGaussian() * Math.scalb(1.0, rnd.nextInt(-6, 6)));
        }
        for (int i = size; i < x.length; i++) x[i] = Float.NaN; // must never be read
        return x;
    }

    /** Runs one product on operands longer than needed and checks bits, bound and untouched slack. */
    private static void check(Gemm g, Shape s, RandomGenerator rnd) {
        int slack = rnd.nextInt(0, 40);
        float[] a = operand(rnd, s.aSize(), slack);
        float[] b = operand(rnd, s.bSize(), slack);
        float[] c = new float[s.m * s.n + slack];
        java.util.Arrays.fill(c, Float.NaN); // the product overwrites, it does not accumulate
        multiply(g, s, a, b, c);
        float[] want = chain(s, a, b);
        for (int i = 0; i < s.m; i++) {
            for (int j = 0; j < s.n; j++) {
                int at = i * s.n + j;
                if (Float.floatToRawIntBits(c[at]) != Float.floatToRawIntBits(want[at])) {
                    fail(s + ": C[" + i + "][" + j + "] = " + c[at] + ", the FMA chain gives " + want[at]);
                }
                double exact = 0, magnitude = 0;
                for (int p = 0; p < s.k; p++) {
                    double t = (double) left(s, a, i, p) * right(s, b, p, j);
                    exact += t;
                    magnitude += Math.abs(t);
                }
                // k roundings, each at most u relative to a partial sum bounded by Σ|a·b|
                double bound = s.k * U * magnitude * 1.01 + Float.MIN_NORMAL;
                if (Math.abs(c[at] - exact) > bound) {
                    fail(s + ": C[" + i + "][" + j + "] = " + c[at] + " is " + Math.abs(c[at] - exact) + " from the exact " + exact + " (bound " + bound + ")");
                }
            }
        }
        for (int at = s.m * s.n; at < c.length; at++) assertTrue(Float.isNaN(c[at]), s + ": wrote past C at " + at);
    }

    private static List<Shape> awkwardShapes() {
        List<Shape> shapes = new ArrayList<>();
        for (Form f : Form.values()) {
            for (int m : SMALL) for (int n : SMALL) for (int k : SMALL) shapes.add(new Shape(f, m, n, k));
            for (int big : new int[] {150, 784}) {
                for (int x : new int[] {1, 10, 17}) {
                    for (int y : new int[] {7, 16, 64}) {
                        shapes.add(new Shape(f, big, x, y));
                        shapes.add(new Shape(f, x, big, y));
                        shapes.add(new Shape(f, x, y, big));
                    }
                }
            }
            // panel tails of 1, 2 and 3 vectors plus one column, K blocks with a remainder, row blocks past 240
            for (int[] d : new int[][] {{33, 65, 129}, {50, 100, 257}, {241, 113, 130}, {23, 49, 300}, {481, 81, 5}}) {
                shapes.add(new Shape(f, d[0], d[1], d[2]));
            }
        }
        return shapes;
    }

    @Test
    void awkwardShapesMatchTheChainBitForBit() {
        Gemm g = new Gemm();
        RandomGenerator rnd = RandomStreams.stream(1, "gemm-test/awkward");
        for (Shape s : awkwardShapes()) check(g, s, rnd);
    }

    @Test
    void randomShapesMatchTheChainBitForBit() {
        Gemm g = new Gemm();
        RandomGenerator rnd = RandomStreams.stream(2, "gemm-test/random");
        for (int t = 0; t < 45; t++) {
            Form f = Form.values()[t % 3];
            check(g, new Shape(f, rnd.nextInt(1, 130), rnd.nextInt(1, 150), rnd.nextInt(1, 280)), rnd);
        }
    }

    /** The eight products of a training step of a 784-256-256-10 net at batch 150, plus a wide input gradient. */
    @Test
    void layerShapesOfATrainingStep() {
        Gemm g = new Gemm();
        RandomGenerator rnd = RandomStreams.stream(3, "gemm-test/layers");
        Shape[] step = {
            new Shape(Form.NN, 150, 256, 784), new Shape(Form.NN, 150, 256, 256), new Shape(Form.NN, 150, 10, 256),
            new Shape(Form.TN, 784, 256, 150), new Shape(Form.TN, 256, 256, 150), new Shape(Form.TN, 256, 10, 150),
            new Shape(Form.NT, 150, 256, 10), new Shape(Form.NT, 150, 256, 256), new Shape(Form.NT, 150, 784, 256),
        };
        for (Shape s : step) check(g, s, rnd);
    }

    /** A failing order check would be vacuous if the data summed to the same bits in any order. */
    @Test
    void testDataIsSensitiveToSummationOrder() {
        RandomGenerator rnd = RandomStreams.stream(4, "gemm-test/order");
        Shape s = new Shape(Form.NN, 20, 20, 150);
        float[] a = operand(rnd, s.aSize(), 0), b = operand(rnd, s.bSize(), 0);
        float[] forward = chain(s, a, b);
        int differ = 0, unfused = 0;
        for (int i = 0; i < s.m; i++) {
            for (int j = 0; j < s.n; j++) {
                float reverse = 0f, plain = 0f;
                for (int p = s.k - 1; p >= 0; p--) reverse = Math.fma(a[i * s.k + p], b[p * s.n + j], reverse);
                for (int p = 0; p < s.k; p++) plain += a[i * s.k + p] * b[p * s.n + j];
                if (reverse != forward[i * s.n + j]) differ++;
                if (plain != forward[i * s.n + j]) unfused++;
            }
        }
        assertTrue(differ > s.m * s.n / 2, "only " + differ + " of " + s.m * s.n + " sums change when reversed");
        assertTrue(unfused > s.m * s.n / 2, "only " + unfused + " of " + s.m * s.n + " sums change without fusing");
    }

    @Test
    void oneInstanceServesShapesOfAnySizeInAnyOrder() {
        Gemm g = new Gemm();
        RandomGenerator rnd = RandomStreams.stream(5, "gemm-test/reuse");
        Shape[] sequence = {
            new Shape(Form.NN, 300, 200, 400), new Shape(Form.NN, 3, 5, 2), new Shape(Form.TN, 500, 70, 260),
            new Shape(Form.NT, 9, 300, 140), new Shape(Form.NN, 150, 10, 256), new Shape(Form.TN, 7, 7, 7),
            new Shape(Form.NN, 300, 200, 400), new Shape(Form.NT, 150, 256, 10),
        };
        for (Shape s : sequence) check(g, s, rnd);
    }

    /** A deliberately nonlinear epilogue that also counts how often each element is visited. */
    private static final class Doubling implements Epilogue {
        int[] visits;

        @Override
        public void apply(float[] z, float[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = z[i] > 0 ? 2 * z[i] : -z[i] * z[i];
                visits[i]++;
            }
        }
    }

    @Test
    void biasAndEpilogueAreFusedWithTheExactChain() {
        Gemm g = new Gemm();
        RandomGenerator rnd = RandomStreams.stream(6, "gemm-test/epilogue");
        // every kernel width (4, 3, 2, 1 vectors), in one K block and in several
        int[][] shapes = {{150, 256, 784}, {150, 10, 256}, {13, 100, 300}, {7, 1, 3}, {37, 65, 129}, {5, 17, 0},
                          {20, 64, 50}, {11, 48, 30}, {13, 32, 40}, {25, 16, 20}, {9, 200, 70}, {19, 40, 600}};
        for (int[] d : shapes) {
            for (boolean withBias : new boolean[] {false, true}) {
                for (boolean inPlace : new boolean[] {false, true}) {
                    if (d[2] > 300 && withBias != inPlace) continue; // the large shape twice is enough
                    int m = d[0], n = d[1], k = d[2];
                    Shape s = new Shape(Form.NN, m, n, k);
                    float[] a = operand(rnd, m * k, 3), b = operand(rnd, k * n, 3);
                    float[] bias = withBias ? operand(rnd, n, 0) : null;
                    float[] z = new float[m * n];
                    float[] out = inPlace ? z : new float[m * n];
                    java.util.Arrays.fill(z, Float.NaN);
                    Doubling f = new Doubling();
                    f.visits = new int[m * n];
                    g.mulNNBias(m, n, k, a, b, bias, z, f, out);

                    float[] want = chain(s, a, b);
                    String what = s + (withBias ? " +bias" : "") + (inPlace ? " in place" : "");
                    for (int at = 0; at < m * n; at++) {
                        float zt = withBias ? want[at] + bias[at % n] : want[at];
                        float ft = zt > 0 ? 2 * zt : -zt * zt;
                        assertEquals(1, f.visits[at], what + ": epilogue visits of element " + at);
                        assertEquals(Float.floatToRawIntBits(ft), Float.floatToRawIntBits(out[at]), what + ": out[" + at + "]");
                        if (!inPlace) assertEquals(Float.floatToRawIntBits(zt), Float.floatToRawIntBits(z[at]), what + ": z[" + at + "]");
                    }
                }
            }
        }
    }

    @Test
    void identityEpilogueLeavesZAndCopiesIt() {
        Gemm g = new Gemm();
        RandomGenerator rnd = RandomStreams.stream(7, "gemm-test/identity");
        int m = 31, n = 70, k = 200;
        float[] a = operand(rnd, m * k, 0), b = operand(rnd, k * n, 0), bias = operand(rnd, n, 0);
        float[] z = new float[m * n], out = new float[m * n];
        g.mulNNBias(m, n, k, a, b, bias, z, Epilogue.IDENTITY, out);
        float[] want = chain(new Shape(Form.NN, m, n, k), a, b);
        for (int at = 0; at < m * n; at++) {
            assertEquals(Float.floatToRawIntBits(want[at] + bias[at % n]), Float.floatToRawIntBits(z[at]));
            assertEquals(Float.floatToRawIntBits(z[at]), Float.floatToRawIntBits(out[at]));
        }
    }

    /**
     * Once the JIT has compiled the kernels (before that, the Vector API boxes every vector),
     * a round of products of every kind allocates nothing. Rounds are repeated until one
     * allocates zero bytes, or the test gives up after a generous time.
     */
    @Test
    void compiledCallsAllocateNothing() {
        var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Gemm g = new Gemm();
        RandomGenerator rnd = RandomStreams.stream(8, "gemm-test/allocation");
        float[] a = operand(rnd, 24 * 20, 0), b = operand(rnd, 20 * 24, 0), bias = operand(rnd, 24, 0);
        float[] c = new float[24 * 24], out = new float[24 * 24];
        Epilogue relu = (z, o, from, to) -> {
            for (int i = from; i < to; i++) o[i] = Math.max(z[i], 0f);
        };
        long deadline = System.nanoTime() + 30_000_000_000L;
        long allocated;
        do {
            long before = threads.getCurrentThreadAllocatedBytes();
            for (int round = 0; round < 100; round++) {
                g.mulNN(24, 24, 20, a, b, c);
                g.mulNN(24, 10, 20, a, b, c);
                g.mulTN(24, 24, 20, a, b, c);
                g.mulTN(24, 10, 20, a, b, c);
                g.mulNT(24, 24, 20, a, b, c);
                g.mulNT(24, 13, 20, a, b, c);
                g.mulNNBias(24, 21, 20, a, b, bias, c, relu, out);
            }
            allocated = threads.getCurrentThreadAllocatedBytes() - before;
        } while (allocated > 0 && System.nanoTime() < deadline);
        assertEquals(0, allocated, "bytes allocated by 100 rounds of products after 30 s of warm-up");
    }

    @Test
    void emptyInnerDimensionGivesPositiveZero() {
        Gemm g = new Gemm();
        float[] c = {Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN, Float.NaN};
        g.mulTN(2, 3, 0, new float[0], new float[0], c);
        for (float x : c) assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(x));
    }

    @Test
    void badArgumentsAreRejected() {
        Gemm g = new Gemm();
        float[] x = new float[12];
        assertThrows(IllegalArgumentException.class, () -> g.mulNN(-1, 2, 2, x, x, x));
        assertThrows(IllegalArgumentException.class, () -> g.mulNN(4, 4, 4, x, new float[16], new float[16]));
        assertThrows(IllegalArgumentException.class, () -> g.mulTN(3, 4, 3, x, x, new float[11]));
        assertThrows(IllegalArgumentException.class, () -> g.mulNT(3, 4, 3, x, new float[11], x));
        assertThrows(IllegalArgumentException.class, () -> g.mulNNBias(3, 4, 3, x, x, new float[3], x, Epilogue.IDENTITY, x));
        assertThrows(IllegalArgumentException.class, () -> g.mulNNBias(3, 4, 3, x, x, null, x, null, x));
    }
}
