package org.initlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.Epilogue;
import org.initlab.math.Gemm;
import org.initlab.math.RandomStreams;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The eight matrix products of one training step of a 784-256-256-10 MLP at batch 150, on one
 * thread. Throughput benchmarks count 2·m·n·k floating-point operations per call and report
 * them per nanosecond, i.e. in GFLOP/s; {@code step} runs all eight and reports µs per step.
 * Shapes are m×n×k of C[m×n] = op(A)·op(B).
 *
 * <p>Run with {@code bench/run gemm} (see BENCHMARKS.md); its {@link #main} prints JMH's report and
 * then the best and median iteration of every benchmark. Iterations are short (0.1 s) and many,
 * so that on a machine shared with other work the best ones catch quiet moments.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 3, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xms1g", "-Xmx1g"})
@Warmup(iterations = 10, time = 200, timeUnit = TimeUnit.MILLISECONDS)
@Measurement(iterations = 30, time = 100, timeUnit = TimeUnit.MILLISECONDS)
public class GemmBenchmark {
    private static final int BATCH = 150, IN = 784, HIDDEN = 256, CLASSES = 10;

    private final Gemm gemm = new Gemm();
    // activations and weights of the forward pass
    private final float[] x = random(BATCH * IN, 1), w1 = random(IN * HIDDEN, 2), w2 = random(HIDDEN * HIDDEN, 3), w3 = random(HIDDEN * CLASSES, 4);
    private final float[] b1 = random(HIDDEN, 5);
    private final float[] h1 = new float[BATCH * HIDDEN], h2 = new float[BATCH * HIDDEN], logits = new float[BATCH * CLASSES];
    private final float[] a1 = new float[BATCH * HIDDEN];
    // gradients flowing back
    private final float[] g3 = random(BATCH * CLASSES, 6), g2 = random(BATCH * HIDDEN, 7), g1 = random(BATCH * HIDDEN, 8);
    private final float[] dw1 = new float[IN * HIDDEN], dw2 = new float[HIDDEN * HIDDEN], dw3 = new float[HIDDEN * CLASSES];
    private final float[] dh2 = new float[BATCH * HIDDEN], dh1 = new float[BATCH * HIDDEN];

    /** ReLU, as an activation would supply it, for the fused forward product. */
    private static final Epilogue RELU = (z, out, from, to) -> {
        for (int i = from; i < to; i++) out[i] = Math.max(z[i], 0f);
    };

    private static float[] random(int size, int stream) {
        RandomGenerator rnd = RandomStreams.stream(stream, "gemm-benchmark");
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (float) rnd.nextGaussian() * 0.05f;
        return v;
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH * HIDDEN * IN)
    public float[] fwd1_NN_150x256x784() {
        gemm.mulNN(BATCH, HIDDEN, IN, x, w1, h1);
        return h1;
    }

    /** The same product with bias and ReLU fused into the write-back, as the dense layer calls it. */
    @Benchmark
    @OperationsPerInvocation(2 * BATCH * HIDDEN * IN)
    public float[] fwd1Fused_NN_150x256x784() {
        gemm.mulNNBias(BATCH, HIDDEN, IN, x, w1, b1, h1, RELU, a1);
        return a1;
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH * HIDDEN * HIDDEN)
    public float[] fwd2_NN_150x256x256() {
        gemm.mulNN(BATCH, HIDDEN, HIDDEN, h1, w2, h2);
        return h2;
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH * CLASSES * HIDDEN)
    public float[] fwd3_NN_150x10x256() {
        gemm.mulNN(BATCH, CLASSES, HIDDEN, h2, w3, logits);
        return logits;
    }

    @Benchmark
    @OperationsPerInvocation(2 * IN * HIDDEN * BATCH)
    public float[] wgrad1_TN_784x256x150() {
        gemm.mulTN(IN, HIDDEN, BATCH, x, g1, dw1);
        return dw1;
    }

    @Benchmark
    @OperationsPerInvocation(2 * HIDDEN * HIDDEN * BATCH)
    public float[] wgrad2_TN_256x256x150() {
        gemm.mulTN(HIDDEN, HIDDEN, BATCH, h1, g2, dw2);
        return dw2;
    }

    @Benchmark
    @OperationsPerInvocation(2 * HIDDEN * CLASSES * BATCH)
    public float[] wgrad3_TN_256x10x150() {
        gemm.mulTN(HIDDEN, CLASSES, BATCH, h2, g3, dw3);
        return dw3;
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH * HIDDEN * CLASSES)
    public float[] igrad3_NT_150x256x10() {
        gemm.mulNT(BATCH, HIDDEN, CLASSES, g3, w3, dh2);
        return dh2;
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH * HIDDEN * HIDDEN)
    public float[] igrad2_NT_150x256x256() {
        gemm.mulNT(BATCH, HIDDEN, HIDDEN, g2, w2, dh1);
        return dh1;
    }

    // The 64-wide layer of the original study's 784-128-64-10 net: the "…×64" narrow products.
    private static final int H128 = 128, H64 = 64;
    private final float[] h128 = random(BATCH * H128, 10), w64 = random(H128 * H64, 11), g64 = random(BATCH * H64, 12);
    private final float[] out64 = new float[BATCH * H64], dw64 = new float[H128 * H64], dh128 = new float[BATCH * H128];

    @Benchmark
    @OperationsPerInvocation(2 * BATCH * H64 * H128)
    public float[] narrowFwd_NN_150x64x128() {
        gemm.mulNN(BATCH, H64, H128, h128, w64, out64);
        return out64;
    }

    @Benchmark
    @OperationsPerInvocation(2 * H128 * H64 * BATCH)
    public float[] narrowWgrad_TN_128x64x150() {
        gemm.mulTN(H128, H64, BATCH, h128, g64, dw64);
        return dw64;
    }

    @Benchmark
    @OperationsPerInvocation(2 * BATCH * H128 * H64)
    public float[] narrowIgrad_NT_150x128x64() {
        gemm.mulNT(BATCH, H128, H64, g64, w64, dh128);
        return dh128;
    }

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    /** FMA instructions per invocation of {@link #fmaPeak}: 28.8 M lane-FMAs whatever the vector width. */
    private static final int PEAK_STEPS = 1_200_000 / SPECIES.length();
    private final float[] peakSeed = random(2 * SPECIES.length(), 9);

    /**
     * The machine's FMA ceiling as a reference for the products: 12 independent chains of
     * register-only FMAs (enough to cover the FMA latency on two pipes), 2·12·L flops per step.
     */
    @Benchmark
    @OperationsPerInvocation(2 * 12 * 1_200_000)
    public float fmaPeak() {
        return fmaChains(peakSeed, PEAK_STEPS);
    }

    /** 12 independent register-only FMA chains over {@code steps} steps (2·12·L flops each), from two vectors of {@code seed}. */
    static float fmaChains(float[] seed, int steps) {
        FloatVector x = FloatVector.fromArray(SPECIES, seed, 0), y = FloatVector.fromArray(SPECIES, seed, SPECIES.length());
        FloatVector c0 = x, c1 = y, c2 = x.neg(), c3 = y.neg(), c4 = x.mul(0.5f), c5 = y.mul(0.5f);
        FloatVector c6 = x.mul(0.25f), c7 = y.mul(0.25f), c8 = x.mul(2f), c9 = y.mul(2f), c10 = x.mul(-2f), c11 = y.mul(-2f);
        for (int i = 0; i < steps; i++) {
            c0 = c0.fma(x, y); c1 = c1.fma(x, y); c2 = c2.fma(x, y); c3 = c3.fma(x, y);
            c4 = c4.fma(x, y); c5 = c5.fma(x, y); c6 = c6.fma(x, y); c7 = c7.fma(x, y);
            c8 = c8.fma(x, y); c9 = c9.fma(x, y); c10 = c10.fma(x, y); c11 = c11.fma(x, y);
        }
        return c0.add(c1).add(c2).add(c3).add(c4).add(c5).add(c6).add(c7).add(c8).add(c9).add(c10).add(c11).reduceLanes(VectorOperators.ADD);
    }

    /** All eight products of a step, in training order; reported in µs per step. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public float[] step() {
        gemm.mulNN(BATCH, HIDDEN, IN, x, w1, h1);
        gemm.mulNN(BATCH, HIDDEN, HIDDEN, h1, w2, h2);
        gemm.mulNN(BATCH, CLASSES, HIDDEN, h2, w3, logits);
        gemm.mulTN(HIDDEN, CLASSES, BATCH, h2, g3, dw3);
        gemm.mulNT(BATCH, HIDDEN, CLASSES, g3, w3, dh2);
        gemm.mulTN(HIDDEN, HIDDEN, BATCH, h1, g2, dw2);
        gemm.mulNT(BATCH, HIDDEN, HIDDEN, g2, w2, dh1);
        gemm.mulTN(IN, HIDDEN, BATCH, x, g1, dw1);
        return dw1;
    }

    /**
     * Runs the benchmarks of this class (or those the JMH arguments select) and prints, per
     * benchmark, the best and the median of all measurement iterations over all forks: on a
     * shared machine the best is the kernel's speed, the median what a run can expect.
     */
    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(GemmBenchmark.class, args);
    }
}
