package org.initlab.bench;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetSource;
import org.initlab.data.Origin;
import org.initlab.data.Preprocessing;
import org.initlab.data.Split;
import org.initlab.init.Initializers;
import org.initlab.math.RandomStreams;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.Evaluation;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunListener;
import org.initlab.train.Trainer;
import org.initlab.train.TrainingPlan;
import org.initlab.train.probe.ProbeSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * One training step exactly as a run takes it ({@link Trainer#step}), with the default probes:
 * gather a shuffled minibatch, forward, softmax cross-entropy, backward, per-layer gradient norms
 * (and every 25 steps the update:parameter ratio), optimizer update. Reports µs per step; with JMH's
 * {@code -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per step.
 *
 * <p>Nets: 784-128-64-10 at batch 150 (the original study's experiments 1–2) and
 * 784-512-256-128-64-32-16-10 at batch 128 (its deep net), and 784-256-256-10 at batch 150 (the net
 * DESIGN.md times PyTorch and DL4J on), ReLU, SGD, on 50,000 random
 * 784-pixel examples (the step's cost does not depend on the pixel values).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-XX:+UseParallelGC", "-Xms2g", "-Xmx2g"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TrainingStepBenchmark {
    @Param({"784-128-64-10/150", "784-512-256-128-64-32-16-10/128", "784-256-256-10/150"})
    public String net;

    @Param({"sgd"})
    public String optimizer;

    private Trainer trainer;

    @Setup(Level.Trial)
    public void setUp() {
        String[] parts = net.split("/");
        String[] w = parts[0].split("-");
        int[] hidden = new int[w.length - 2];
        for (int i = 0; i < hidden.length; i++) hidden[i] = Integer.parseInt(w[i + 1]);
        int batch = Integer.parseInt(parts[1]);
        TrainingPlan plan = new TrainingPlan(hidden, Activations.create("relu"), false,
                Initializers.weight("kaiming_uniform", Map.of()), Initializers.bias("zeros", Map.of()),
                Optimizers.spec(optimizer, Map.of("lr", 0.01)), batch, 1, 0,
                new Evaluation(true, true, 1000, Evaluation.Aggregation.EXAMPLE_MEAN));
        Dataset data = randomMnistShapedData();
        trainer = new Trainer(plan, data, ProbeSet.of(ProbeSettings.defaults(), data), RunListener.NONE);
    }

    @Benchmark
    public double step() {
        return trainer.step();
    }

    public static void main(String[] args) throws Exception {
        BenchmarkMain.run(TrainingStepBenchmark.class, args);
    }

    static Dataset randomMnistShapedData() {
        return new Dataset("random", 10, split("train", 50_000, 1), split("validation", 1_000, 2), split("test", 1_000, 3),
                new DatasetSource("random", "synthetic", "memory", Origin.PATH, List.of(), false, Preprocessing.SCALE_01, 0, 1, 1_000));
    }

    private static Split split(String name, int n, long seed) {
        RandomGenerator r = RandomStreams.of(seed);
        float[] x = new float[n * 784];
        for (int i = 0; i < x.length; i++) x[i] = r.nextFloat();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) y[i] = r.nextInt(10);
        return new Split(name, n, 784, x, y);
    }
}
