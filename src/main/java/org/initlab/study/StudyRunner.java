package org.initlab.study;

import org.initlab.Version;
import org.initlab.data.Dataset;
import org.initlab.train.EpochRecord;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;
import org.initlab.train.Trainer;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Runs a study's grid: one run per worker thread (parallelising across runs beats splitting each
 * product across cores, and keeps every run's arithmetic identical whatever the job count),
 * longest runs first, each result written atomically as soon as it is done. Runs already
 * finished in the folder are skipped, so running again resumes.
 */
public final class StudyRunner {
    /** @param saveWeights also write weights-init.npz and weights-final.npz per run */
    public record Options(int jobs, boolean saveWeights) {
        public Options {
            if (jobs < 1) throw new IllegalArgumentException("jobs must be ≥ 1");
        }
    }

    /** How a study run ended: runs trained now, found finished, failed, diverged; wall seconds. */
    public record Outcome(int total, int trained, int skipped, int failed, int diverged, boolean cancelled, double seconds) {}

    private final StudyStore store;
    private final DatasetProvider data;
    private final Options options;
    private final StudyProgress progress;
    private volatile ExecutorService pool;
    private volatile boolean cancelled;

    public StudyRunner(StudyStore store, DatasetProvider data, Options options, StudyProgress progress) {
        this.store = store;
        this.data = data;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Stops the study: runs not started are skipped, runs in training stop at their next step
     * and are abandoned (nothing partial is written); a run that has finished training still
     * writes its result. Cooperative, not by interrupt: an interrupt would also abort a result
     * file being written.
     */
    public void cancel() {
        cancelled = true;
    }

    /** Waits up to {@code seconds} for the workers to stop after {@link #cancel()}. */
    public void awaitStop(double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (pool == null && System.nanoTime() < deadline) Thread.sleep(10);
        ExecutorService p = pool;
        if (p != null) p.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    public Outcome run(List<PlannedRun> runs) {
        long t0 = System.nanoTime();
        List<PlannedRun> todo = new ArrayList<>();
        for (PlannedRun r : runs) if (!store.isComplete(r.id())) todo.add(r);
        int skipped = runs.size() - todo.size();
        progress.started(runs.size(), skipped, options.jobs());

        Map<StudySpec.DataChoice, Dataset> datasets = new HashMap<>();
        for (PlannedRun r : todo) {
            StudySpec.DataChoice c = r.spec().dataChoice();
            datasets.computeIfAbsent(c, data::load);
        }

        Map<String, Double> cost = new HashMap<>();
        double totalCost = 0;
        for (PlannedRun r : todo) {
            Dataset d = datasets.get(r.spec().dataChoice());
            double c = cost(r.spec(), d);
            cost.put(r.id(), c);
            totalCost += c;
        }
        todo.sort(Comparator.comparingDouble((PlannedRun r) -> cost.get(r.id())).reversed());

        DoubleAdder doneCost = new DoubleAdder();
        AtomicInteger trained = new AtomicInteger(), failed = new AtomicInteger(), diverged = new AtomicInteger();
        final double total = Math.max(totalCost, 1e-9);
        pool = Executors.newFixedThreadPool(options.jobs(), r -> {
            Thread t = new Thread(r, "initlab-run");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (PlannedRun r : todo) {
            futures.add(pool.submit(() -> {
                if (cancelled) return;
                Dataset d = datasets.get(r.spec().dataChoice());
                double runCost = cost.get(r.id());
                progress.runStarted(r);
                String started = Instant.now().toString();
                try {
                    double[] partial = {0};
                    Trainer trainer = new Trainer(RunSpecs.plan(r.spec()), d, new RunListener() {
                        @Override
                        public void progress(int epoch, int epochs, long step, long stepsPerEpoch) {
                            double f = (epoch - 1 + (double) step / stepsPerEpoch) / Math.max(1, epochs);
                            partial[0] = f * runCost;
                            progress.runProgress(r, epoch, epochs, (doneCost.sum() + partial[0]) / total);
                        }

                        @Override
                        public boolean cancelled() {
                            return cancelled;
                        }

                        @Override
                        public void epochFinished(EpochRecord record, int epochs) {
                            partial[0] = (double) record.epoch() / Math.max(1, epochs) * runCost;
                            progress.runProgress(r, record.epoch(), epochs, (doneCost.sum() + partial[0]) / total);
                        }
                    });
                    if (options.saveWeights()) WeightFiles.write(store.runDir(r.id()).resolve(WeightFiles.INIT), trainer.network());
                    RunResult result = trainer.run();
                    if (options.saveWeights()) WeightFiles.write(store.runDir(r.id()).resolve(WeightFiles.FINAL), trainer.network());
                    RunRecord rec = new RunRecord(r.id(), Version.current(), r.spec(), r.labels(), r.experiments(), result,
                            started, Instant.now().toString(), machine(), data.provenance(d));
                    store.writeResult(rec);
                    doneCost.add(runCost);
                    trained.incrementAndGet();
                    if (result.diverged()) diverged.incrementAndGet();
                    progress.runFinished(r, rec, doneCost.sum() / total);
                } catch (CancellationException e) {
                    // abandoned: nothing was written for this run
                } catch (IOException | RuntimeException | Error e) {
                    failed.incrementAndGet();
                    doneCost.add(runCost);
                    progress.runFailed(r, e);
                }
            }));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                // reported through progress already
            }
        }
        Outcome outcome = new Outcome(runs.size(), trained.get(), skipped, failed.get(), diverged.get(), cancelled,
                (System.nanoTime() - t0) / 1e9);
        progress.finished(outcome);
        return outcome;
    }

    /** Multiply–adds of a run (training steps, evaluations, probes): a proxy for its time. */
    public static double cost(RunSpec s, Dataset d) {
        return cost(s, d.features(), d.classes(), d.train().size(), d.validation().size(), d.test().size());
    }

    /** The same, from the dataset's shape alone (for estimates before loading it). */
    public static double cost(RunSpec s, int features, int classes, int train, int validation, int test) {
        double macs = 0;
        int in = features;
        for (int h : s.hidden()) {
            macs += (double) in * h;
            in = h;
        }
        macs += (double) in * classes;
        double trainPasses = 3.0 * train;
        double evalPasses = (s.evaluation().validationEachEpoch() ? validation : 0) + (s.evaluation().testEachEpoch() ? test : 0);
        return macs * (Math.max(1, s.epochs()) * (trainPasses + evalPasses + s.probes().probeBatch()));
    }

    static Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("processors", Integer.toString(Runtime.getRuntime().availableProcessors()));
        m.put("vector_bits", Integer.toString(jdk.incubator.vector.FloatVector.SPECIES_PREFERRED.vectorBitSize()));
        return m;
    }
}
