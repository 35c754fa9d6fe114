package org.initlab.cli;

import org.initlab.data.DatasetShape;
import org.initlab.math.RandomStreams;
import org.initlab.nn.Mlp;
import org.initlab.nn.Relu;
import org.initlab.nn.SoftmaxCrossEntropy;
import org.initlab.study.Experiment;
import org.initlab.study.PlannedRun;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudySpec;
import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Level;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * {@code initlab run --dry-run}: the grid, its size, a time estimate from a short speed test of
 * this machine, and the memory it needs ({@link MemoryBudget}).
 */
final class DryRun {
    private DryRun() {}

    static void print(PrintStream o, StudySpec spec, List<PlannedRun> runs, int jobs, Path folder, DatasetShape data, MemoryBudget memory) {
        o.println(TerminalText.safe("Study '" + spec.name() + "' — " + spec.protocol() + " protocol, dataset " + spec.data().dataset()
                + " (validation " + spec.data().validationSize() + ", " + spec.data().preprocessing()
                + (spec.data().classes() == null ? "" : ", " + spec.data().classes() + " classes") + "), seeds " + seedText(spec.seeds())));
        if (!spec.description().isBlank()) o.println(TerminalText.safe("  " + spec.description()));
        for (Experiment e : spec.experiments()) {
            long n = runs.stream().filter(r -> r.experiments().contains(e.name())).count();
            o.println();
            o.println(TerminalText.safe("Experiment " + e.name() + ": " + n + " runs" + (e.description().isBlank() ? "" : " — " + e.description())));
            for (Map.Entry<Factor<?>, List<Level<?>>> f : e.factors().entrySet()) {
                o.println(TerminalText.safe("  vary " + f.getKey().key() + ": " + String.join(", ", f.getValue().stream().<String>map(Level::show).toList())));
            }
            for (Map.Entry<Factor<?>, Level<?>> s : e.settings().entrySet()) {
                o.println(TerminalText.safe("  with " + s.getKey().key() + " = " + s.getValue().show()));
            }
            o.println("  evaluation: validation " + (e.evaluation().validationEachEpoch() ? "each epoch" : "at the end")
                    + ", test " + (e.evaluation().testEachEpoch() ? "each epoch" : "at the end")
                    + ", " + e.evaluation().aggregation().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " over batches of " + (e.evaluation().batchSize() == org.initlab.train.Evaluation.TRAINING_BATCH
                    ? "the training batch size" : Integer.toString(e.evaluation().batchSize())));
            if (!e.include().isEmpty()) o.println("  plus " + e.include().size() + " included combination(s)");
            if (!e.exclude().isEmpty()) o.println("  minus " + e.exclude().size() + " excluded pattern(s)");
        }
        double cost = 0;
        for (PlannedRun r : runs) cost += StudyRunner.cost(r, data);
        double rate = measureRate();
        int parallel = Math.min(jobs, runs.size());
        double seconds = cost / (rate * parallel * PARALLEL_EFFICIENCY);
        o.println();
        o.println(String.format(Locale.ROOT, "%d run%s in all; on %d thread%s this machine needs about %s (measured %.1f GMAC/s per thread).",
                runs.size(), runs.size() == 1 ? "" : "s", jobs, jobs == 1 ? "" : "s", RunProgressDisplay.duration(seconds), rate / 1e9));
        o.println(memory.line());
        o.println(TerminalText.safe("Results would go to " + folder + ". Nothing was trained (--dry-run)."));
    }

    /**
     * Two runs on two cores share memory bandwidth and caches: in the seed study each ran at about
     * 0.85 of the speed of a run alone (the design sketch measured 1.1–1.3× one run's throughput for two; docs/design-notes.md).
     */
    private static final double PARALLEL_EFFICIENCY = 0.85;

    private static String seedText(List<Long> seeds) {
        return seeds.size() <= 6 ? seeds.toString() : seeds.size() + " (" + seeds.getFirst() + "…" + seeds.getLast() + ")";
    }

    /**
     * Multiply–adds per second of training steps of a 784-128-64-10 net at batch 150 on this
     * machine: the best 0.25 s window of about 4 s of steps, so that the JIT has compiled the step
     * (the first few hundred steps run far slower and say nothing about a 35-epoch study).
     */
    static double measureRate() {
        int batch = 150;
        int[] widths = {784, 128, 64, 10};
        Mlp net = new Mlp(widths, new Relu(), false, batch);
        RandomGenerator rng = RandomStreams.of(1);
        for (var p : net.parameters()) for (int i = 0; i < p.size(); i++) p.value()[i] = (float) (rng.nextGaussian() * 0.05);
        float[] x = new float[batch * 784];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextFloat();
        int[] y = new int[batch];
        for (int i = 0; i < batch; i++) y[i] = rng.nextInt(10);
        float[] g = new float[batch * 10];
        double macsPerStep = 3.0 * batch * (784 * 128 + 128 * 64 + 64 * 10);
        long start = System.nanoTime(), windowStart = start;
        int windowSteps = 0;
        double best = 0;
        while (System.nanoTime() - start < 4_000_000_000L) {
            float[] out = net.forward(x, batch);
            SoftmaxCrossEntropy.lossAndGradient(out, y, batch, 10, g);
            net.backward(g);
            windowSteps++;
            long now = System.nanoTime();
            if (now - windowStart >= 250_000_000L) {
                best = Math.max(best, macsPerStep * windowSteps / ((now - windowStart) / 1e9));
                windowStart = now;
                windowSteps = 0;
            }
        }
        // the cost model counts the products of training and evaluation; the rest of an epoch (batch
        // gathering, probes, the optimizer, snapshots) made whole 784-128-64-10 epochs run at about
        // 1/1.3 of the bare step's rate (BENCHMARKS.md: 107 GMAC/s in steps, 81 GMAC/s over 0.23 s epochs)
        return best / 1.3;
    }
}
