package org.initlab.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.initlab.data.DataOptions;
import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.EpochRecord;
import org.initlab.train.Evaluation;
import org.initlab.train.ProbeSettings;
import org.initlab.train.RunListener;
import org.initlab.train.RunObserver;
import org.initlab.train.Trainer;
import org.initlab.train.TrainingPlan;
import org.initlab.train.probe.ProbeSet;

/**
 * What evaluation and probes cost beside training, with the default protocol (validation and
 * test after every epoch and at initialisation, the default probes) on real MNIST: runs of the
 * original study's nets are trained on this thread and its CPU time is split, through the
 * listener's calls every 10 steps, into steps and epoch records (evaluation, probes). Each run is
 * trained twice, with the probes and without ({@link RunObserver#NONE}), so that the records'
 * cost divides into evaluation and probes. The first rounds only warm up the JIT.
 *
 * <p>{@code bench/run records DATA_DIR [epochs [rounds]]}: DATA_DIR holds mnist/ (as
 * {@code --data-dir}); defaults 2 epochs, 3 rounds (the first discarded).
 */
public final class RecordCostBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RecordCostBenchmark() {}

    /** Thread CPU time spent in steps and in records, from the listener's calls. */
    private static final class Clock implements RunListener {
        long last = THREADS.getCurrentThreadCpuTime();
        long lastStep;
        long steps, stepNanos, recordNanos;
        double perStep;

        @Override
        public void progress(int epoch, int epochs, long stepInEpoch, long stepsPerEpoch) {
            long now = THREADS.getCurrentThreadCpuTime();
            long taken = stepInEpoch - lastStep;
            stepNanos += now - last;
            steps += taken;
            perStep = stepNanos / (double) steps;
            lastStep = stepInEpoch;
            last = now;
        }

        @Override
        public void epochFinished(EpochRecord record, int epochs) {
            long now = THREADS.getCurrentThreadCpuTime();
            long elapsed = now - last;
            if (record.epoch() > 0) {
                // the steps after the last progress call, at the epoch's mean step cost, then the record
                long tail = Math.round(perStep * (stepsPerEpoch - lastStep));
                stepNanos += tail;
                steps += stepsPerEpoch - lastStep;
                elapsed -= tail;
            }
            recordNanos += elapsed;
            lastStep = 0;
            last = now;
        }

        long stepsPerEpoch;
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args.length > 0 ? args[0] : "data");
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Dataset mnist = new DatasetLoader().load("mnist", DataOptions.defaults().withDataDir(dataDir).withAllowDownload(false));
        String[] activations = {"relu", "tanh", "sigmoid"};
        double[][] sums = new double[2][3]; // [probes?][steps, records, runs]
        String loadBefore = BenchmarkMain.loadAverage();
        for (int round = 0; round < rounds; round++) {
            for (String act : activations) {
                for (int probed = 1; probed >= 0; probed--) {
                    TrainingPlan plan = new TrainingPlan(new int[] {128, 64}, Activations.create(act), false,
                            Initializers.weight("kaiming_uniform", Map.of()), Initializers.bias("zeros", Map.of()),
                            Optimizers.spec("sgd", Map.of("lr", 0.01)), 150, epochs, round,
                            Evaluation.standard());
                    RunObserver observer = probed == 1 ? ProbeSet.of(ProbeSettings.defaults(), mnist) : RunObserver.NONE;
                    Clock clock = new Clock();
                    Trainer trainer = new Trainer(plan, mnist, observer, clock);
                    clock.stepsPerEpoch = (mnist.train().size() + 149) / 150;
                    clock.last = THREADS.getCurrentThreadCpuTime();
                    trainer.run();
                    if (round == 0) continue;
                    sums[probed][0] += clock.stepNanos;
                    sums[probed][1] += clock.recordNanos;
                    sums[probed][2]++;
                    System.out.printf(Locale.ROOT, "%-8s %-9s steps %7.1f ms (%.1f µs/step)  records %6.1f ms = %5.1f %% of the steps%n",
                            act, probed == 1 ? "probes" : "no probes", clock.stepNanos / 1e6, clock.stepNanos / 1e3 / clock.steps,
                            clock.recordNanos / 1e6, 100.0 * clock.recordNanos / clock.stepNanos);
                }
            }
        }
        double stepsP = sums[1][0] / sums[1][2], recP = sums[1][1] / sums[1][2];
        double stepsN = sums[0][0] / sums[0][2], recN = sums[0][1] / sums[0][2];
        System.out.printf(Locale.ROOT, "%s; load average before %s, after %s%n", BenchmarkMain.cpuModel(), loadBefore, BenchmarkMain.loadAverage());
        System.out.printf(Locale.ROOT, "784-128-64-10, batch 150, %d epochs, default protocol; thread CPU per run, mean of %d runs:%n", epochs, (int) sums[1][2]);
        System.out.printf(Locale.ROOT, "  training steps %.1f ms (with probes: %.1f ms, the gradient-norm and update-ratio hooks)%n", stepsN / 1e6, stepsP / 1e6);
        System.out.printf(Locale.ROOT, "  evaluation (records without probes) %.1f ms = %.1f %% of training%n", recN / 1e6, 100 * recN / stepsN);
        System.out.printf(Locale.ROOT, "  probes at records %.1f ms = %.1f %%; in steps %.1f ms = %.1f %%%n", (recP - recN) / 1e6, 100 * (recP - recN) / stepsN,
                (stepsP - stepsN) / 1e6, 100 * (stepsP - stepsN) / stepsN);
        System.out.printf(Locale.ROOT, "  evaluation and probes together: %.1f %% of training%n", 100 * (recP + stepsP - stepsN) / stepsN);
        System.out.println("(" + Arrays.toString(activations) + " × with and without probes; the first round only warms up)");
    }
}
