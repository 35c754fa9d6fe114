package org.initlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.data.Dataset;
import org.initlab.init.Initializers;
import org.initlab.math.Gemm;
import org.initlab.math.RandomStreams;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.Evaluation;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunListener;
import org.initlab.train.RunObserver;
import org.initlab.train.Trainer;
import org.initlab.train.TrainingPlan;
import org.initlab.train.probe.ProbeSet;

/**
 * The products of {@link GemmBenchmark}, the FMA ceiling and whole training steps, timed in the
 * thread's CPU time rather than in wall time, and interleaved: on a machine shared by several
 * jobs, a block of calls that the scheduler interrupts shows it in the wall clock but hardly in
 * the CPU clock, and the best block of many is what the code does with a core to itself. Every
 * figure is also given as a fraction of the FMA ceiling measured in the same process, in the same
 * rounds.
 *
 * <p>Each round runs every item once as a block of calls lasting about {@code block} ms (calls
 * per block fixed after warm-up) and records CPU time per call; after {@code rounds} rounds it
 * prints the best and the median per call, in GFLOP/s (flops counted as 2·m·n·k for the
 * products, and for a training step as the sum of its products, see
 * {@link #stepFlops(int[], int)}), and the best as a fraction of the best FMA rate.
 *
 * <p>{@code bench/run cpu [rounds [block-ms [filter]]]}; defaults 200 rounds of 2 ms blocks.
 */
public final class CpuTimeBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int BATCH = 150, IN = 784, HIDDEN = 256, CLASSES = 10;

    private record Item(String name, double flops, Runnable call) {}

    private CpuTimeBenchmark() {}

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        double blockMs = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        String filter = args.length > 2 ? args[2] : "";
        String loadBefore = BenchmarkMain.loadAverage();
        List<Item> items = new ArrayList<>();
        for (Item it : items()) if (it.name.equals("fmaPeak") || it.name.matches(".*(" + filter + ").*")) items.add(it);

        // warm-up: every item until it has had 1.5 s of CPU (C2 compiles the vector code)
        int[] calls = new int[items.size()];
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            long start = cpu();
            long n = 0;
            while (cpu() - start < 1_500_000_000L) {
                it.call.run();
                n++;
            }
            double perCall = (cpu() - start) / (double) n;
            calls[i] = (int) Math.max(1, Math.round(blockMs * 1e6 / perCall));
        }
        double[][] cpuPerCall = new double[items.size()][rounds];
        double[][] wallPerCall = new double[items.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < items.size(); i++) {
                Runnable call = items.get(i).call;
                int n = calls[i];
                long c0 = cpu(), w0 = System.nanoTime();
                for (int k = 0; k < n; k++) call.run();
                long c1 = cpu(), w1 = System.nanoTime();
                cpuPerCall[i][r] = (c1 - c0) / (double) n;
                wallPerCall[i][r] = (w1 - w0) / (double) n;
            }
        }
        String loadAfter = BenchmarkMain.loadAverage();

        double peakFlops = items.getFirst().flops;
        double peak = peakFlops / best(cpuPerCall[0]);
        System.out.printf(Locale.ROOT, "%s, %d CPUs, JDK %s, %d-bit vectors; load average before %s, after %s%n",
                BenchmarkMain.cpuModel(), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                SPECIES.vectorBitSize(), loadBefore, loadAfter);
        System.out.printf(Locale.ROOT, "%d rounds of ~%.1f ms blocks; CPU time per call (wall time in the last columns)%n", rounds, blockMs);
        System.out.println("| item | calls/block | best µs | median µs | best GFLOP/s | median GFLOP/s | best / peak | best wall µs | median wall µs |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            double b = best(cpuPerCall[i]), m = median(cpuPerCall[i]);
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1f | %.1f | %.1f %% | %.2f | %.2f |%n", it.name, calls[i],
                    b / 1e3, m / 1e3, it.flops / b, it.flops / m, 100 * it.flops / b / peak,
                    best(wallPerCall[i]) / 1e3, median(wallPerCall[i]) / 1e3);
        }
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private static double best(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static float[] random(int size, int stream) {
        RandomGenerator rnd = RandomStreams.stream(stream, "gemm-benchmark");
        float[] v = new float[size];
        for (int i = 0; i < size; i++) v[i] = (float) rnd.nextGaussian() * 0.05f;
        return v;
    }

    /** 2·m·n·k per product: forward and weight gradient of every layer, input gradient of all but the first. */
    static double stepFlops(int[] widths, int batch) {
        double f = 0;
        for (int l = 0; l + 1 < widths.length; l++) {
            double layer = 2.0 * batch * widths[l] * widths[l + 1];
            f += l == 0 ? 2 * layer : 3 * layer;
        }
        return f;
    }

    /** 49,950 random 784-pixel examples: 333 full batches of 150, so that every timed step is a whole one. */
    private static Dataset fullBatchData() {
        return new Dataset("random", 10, split("train", 333 * BATCH, 1), split("validation", 1_000, 2), split("test", 1_000, 3),
                new org.initlab.data.DatasetSource("random", "synthetic", "memory", org.initlab.data.Origin.PATH, List.of(), false,
                        org.initlab.data.Preprocessing.SCALE_01, 0, 1, 1_000));
    }

    private static org.initlab.data.Split split(String name, int n, long seed) {
        RandomGenerator r = RandomStreams.of(seed);
        float[] x = new float[n * IN];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(CLASSES);
        return new org.initlab.data.Split(name, n, IN, x, y);
    }

    private static final int PEAK_STEPS = 600_000 / SPECIES.length();

    private static float sink;

    private static List<Item> items() {
        Gemm g = new Gemm();
        float[] x = random(BATCH * IN, 1), w1 = random(IN * HIDDEN, 2), w2 = random(HIDDEN * HIDDEN, 3), w3 = random(HIDDEN * CLASSES, 4);
        float[] b1 = random(HIDDEN, 5);
        float[] h1 = new float[BATCH * HIDDEN], h2 = new float[BATCH * HIDDEN], logits = new float[BATCH * CLASSES], a1 = new float[BATCH * HIDDEN];
        float[] g3 = random(BATCH * CLASSES, 6), g2 = random(BATCH * HIDDEN, 7), g1 = random(BATCH * HIDDEN, 8);
        float[] dw1 = new float[IN * HIDDEN], dw2 = new float[HIDDEN * HIDDEN], dw3 = new float[HIDDEN * CLASSES];
        float[] dh2 = new float[BATCH * HIDDEN], dh1 = new float[BATCH * HIDDEN];
        float[] seed = random(2 * SPECIES.length(), 9);
        org.initlab.nn.Activation relu = Activations.create("relu");
        List<Item> items = new ArrayList<>();
        items.add(new Item("fmaPeak", 2.0 * 12 * PEAK_STEPS * SPECIES.length(), () -> sink += GemmBenchmark.fmaChains(seed, PEAK_STEPS)));
        items.add(new Item("fwd1 150x256x784", 2.0 * BATCH * HIDDEN * IN, () -> g.mulNN(BATCH, HIDDEN, IN, x, w1, h1)));
        items.add(new Item("fwd1Fused 150x256x784 +bias,relu", 2.0 * BATCH * HIDDEN * IN, () -> g.mulNNBias(BATCH, HIDDEN, IN, x, w1, b1, h1, relu, a1)));
        items.add(new Item("fwd2 150x256x256", 2.0 * BATCH * HIDDEN * HIDDEN, () -> g.mulNN(BATCH, HIDDEN, HIDDEN, h1, w2, h2)));
        items.add(new Item("fwd3 150x10x256", 2.0 * BATCH * CLASSES * HIDDEN, () -> g.mulNN(BATCH, CLASSES, HIDDEN, h2, w3, logits)));
        items.add(new Item("wgrad3 TN 256x10x150", 2.0 * HIDDEN * CLASSES * BATCH, () -> g.mulTN(HIDDEN, CLASSES, BATCH, h2, g3, dw3)));
        items.add(new Item("igrad3 NT 150x256x10", 2.0 * BATCH * HIDDEN * CLASSES, () -> g.mulNT(BATCH, HIDDEN, CLASSES, g3, w3, dh2)));
        items.add(new Item("wgrad2 TN 256x256x150", 2.0 * HIDDEN * HIDDEN * BATCH, () -> g.mulTN(HIDDEN, HIDDEN, BATCH, h1, g2, dw2)));
        items.add(new Item("igrad2 NT 150x256x256", 2.0 * BATCH * HIDDEN * HIDDEN, () -> g.mulNT(BATCH, HIDDEN, HIDDEN, g2, w2, dh1)));
        items.add(new Item("wgrad1 TN 784x256x150", 2.0 * IN * HIDDEN * BATCH, () -> g.mulTN(IN, HIDDEN, BATCH, x, g1, dw1)));
        int[] net = {IN, HIDDEN, HIDDEN, CLASSES};
        items.add(new Item("gemmStep (the eight products)", stepFlops(net, BATCH), () -> {
            g.mulNN(BATCH, HIDDEN, IN, x, w1, h1);
            g.mulNN(BATCH, HIDDEN, HIDDEN, h1, w2, h2);
            g.mulNN(BATCH, CLASSES, HIDDEN, h2, w3, logits);
            g.mulTN(HIDDEN, CLASSES, BATCH, h2, g3, dw3);
            g.mulNT(BATCH, HIDDEN, CLASSES, g3, w3, dh2);
            g.mulTN(HIDDEN, HIDDEN, BATCH, h1, g2, dw2);
            g.mulNT(BATCH, HIDDEN, HIDDEN, g2, w2, dh1);
            g.mulTN(IN, HIDDEN, BATCH, x, g1, dw1);
        }));
        for (int rows : new int[] {150, 1000}) {
            for (int[] widths : new int[][] {{IN, 128, 64, CLASSES}, {IN, HIDDEN, HIDDEN, CLASSES}}) {
                org.initlab.nn.Mlp mlp = new org.initlab.nn.Mlp(widths, relu, false, rows);
                for (org.initlab.nn.Dense d : mlp.layers()) {
                    float[] wt = random(d.in() * d.out(), d.in());
                    System.arraycopy(wt, 0, d.weight().data(), 0, wt.length);
                }
                float[] input = random(rows * IN, 20);
                double flops = 0;
                for (int l = 0; l + 1 < widths.length; l++) flops += 2.0 * rows * widths[l] * widths[l + 1];
                String name = String.join("-", Arrays.stream(widths).mapToObj(String::valueOf).toArray(String[]::new));
                items.add(new Item("forward " + name + " x" + rows, flops, () -> mlp.forward(input, rows)));
            }
        }
        Dataset data = fullBatchData();
        for (String spec : new String[] {"784-256-256-10/150", "784-128-64-10/150"}) { // batch 150: 333 whole steps per pass
            String[] parts = spec.split("/");
            String[] w = parts[0].split("-");
            int[] widths = Arrays.stream(w).mapToInt(Integer::parseInt).toArray();
            int[] hidden = Arrays.copyOfRange(widths, 1, widths.length - 1);
            int batch = Integer.parseInt(parts[1]);
            TrainingPlan plan = new TrainingPlan(hidden, Activations.create("relu"), false,
                    Initializers.weight("kaiming_uniform", Map.of()), Initializers.bias("zeros", Map.of()),
                    Optimizers.spec("sgd", Map.of("lr", 0.01)), batch, 1, 0,
                    new Evaluation(true, true, 1000, Evaluation.Aggregation.EXAMPLE_MEAN));
            Trainer probed = new Trainer(plan, data, ProbeSet.of(ProbeSettings.defaults(), data), RunListener.NONE);
            Trainer bare = new Trainer(plan, data, RunObserver.NONE, RunListener.NONE);
            items.add(new Item("trainStep " + spec + " with probes", stepFlops(widths, batch), () -> sink += (float) probed.step()));
            items.add(new Item("trainStep " + spec + " no probes", stepFlops(widths, batch), () -> sink += (float) bare.step()));
        }
        return items;
    }
}
