package org.initlab.study;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetShape;
import org.initlab.train.EpochRecord;
import org.initlab.train.RunListener;
import org.initlab.train.probe.ProbeDescription;
import org.initlab.train.probe.Probes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
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
 * finished in the folder are skipped, so running again resumes; a finished run that lacks a
 * probe the spec asks for (a probe added since, or other probe settings) is trained again, and
 * its record replaced when everything both records hold is equal bit for bit.
 */
public final class StudyRunner {
    /** @param saveWeights also write weights-init.npz and weights-final.npz per new run (not for finished runs trained again for probes) */
    public record Options(int jobs, boolean saveWeights) {
        public Options {
            if (jobs < 1) throw new IllegalArgumentException("jobs must be ≥ 1");
        }
    }

    /**
     * How a study run ended: runs in the grid, trained now, found finished and left alone, trained
     * again for probes and replaced ({@code reprobed}) or kept because the retrained run differed
     * ({@code kept}), failed, diverged; wall seconds.
     */
    public record Outcome(int total, int trained, int skipped, int reprobed, int kept, int failed, int diverged,
                          boolean cancelled, double seconds) {}

    private final StudyStore store;
    private final DatasetProvider data;
    private final Options options;
    private final StudyProgress progress;
    private final AtomicInteger trained = new AtomicInteger(), reprobed = new AtomicInteger(), kept = new AtomicInteger(),
            failed = new AtomicInteger(), diverged = new AtomicInteger();
    private final DoubleAdder doneCost = new DoubleAdder();
    private double totalCost;
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
        for (AtomicInteger count : List.of(trained, reprobed, kept, failed, diverged)) count.set(0);
        doneCost.reset();
        totalCost = 0;
        List<PlannedRun> todo = new ArrayList<>();
        Map<String, List<String>> lacking = new HashMap<>(); // finished runs to train again → the probes they lack
        int finished = 0;
        for (PlannedRun r : runs) {
            if (!store.isComplete(r.id())) {
                todo.add(r);
                continue;
            }
            finished++;
            List<ProbeDescription> missing = store.readRecordedProbes(r.id()).lacking(Probes.describe(r.probes()));
            if (!missing.isEmpty()) {
                todo.add(r);
                lacking.put(r.id(), missing.stream().map(ProbeDescription::toString).toList());
            }
        }
        progress.started(runs.size(), finished, lacking.size(), options.jobs());

        Map<StudySpec.DataChoice, Dataset> datasets = new HashMap<>();
        for (PlannedRun r : todo) datasets.computeIfAbsent(r.spec().dataChoice(), data::load);
        Map<String, Double> cost = new HashMap<>();
        for (PlannedRun r : todo) {
            double c = cost(r, datasets.get(r.spec().dataChoice()));
            cost.put(r.id(), c);
            totalCost += c;
        }
        totalCost = Math.max(totalCost, 1e-9);
        todo.sort(Comparator.comparingDouble((PlannedRun r) -> cost.get(r.id())).reversed());

        pool = Executors.newFixedThreadPool(options.jobs(), r -> {
            Thread t = new Thread(r, "initlab-run");
            t.setDaemon(true);
            return t;
        });
        List<Future<?>> futures = new ArrayList<>();
        for (PlannedRun r : todo) {
            Dataset d = datasets.get(r.spec().dataChoice());
            futures.add(pool.submit(() -> train(r, d, cost.get(r.id()), lacking.get(r.id()))));
        }
        pool.shutdown();
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                // reported through progress already
            }
        }
        Outcome outcome = new Outcome(runs.size(), trained.get(), finished - lacking.size(), reprobed.get(), kept.get(),
                failed.get(), diverged.get(), cancelled, (System.nanoTime() - t0) / 1e9);
        progress.finished(outcome);
        return outcome;
    }

    /** Trains one run and stores its record; {@code probesToAdd} non-null: a finished run trained again for them. */
    private void train(PlannedRun r, Dataset d, double runCost, List<String> probesToAdd) {
        if (cancelled) return;
        progress.runStarted(r);
        boolean again = probesToAdd != null;
        try {
            WeightFiles.Sink weights = options.saveWeights() && !again ? WeightFiles.into(store.runDir(r.id())) : WeightFiles.Sink.NONE;
            RunRecord rec = r.train(d, data.provenance(d), new Listener(r, runCost), weights);
            if (again) {
                boolean same = Reproduction.matches(store.readResult(r.id()), rec);
                if (same) store.writeResult(rec);
                (same ? reprobed : kept).incrementAndGet();
                doneCost.add(runCost);
                progress.runReprobed(r, rec, probesToAdd, same, doneCost.sum() / totalCost);
            } else {
                store.writeResult(rec);
                trained.incrementAndGet();
                if (rec.result().diverged()) diverged.incrementAndGet();
                doneCost.add(runCost);
                progress.runFinished(r, rec, doneCost.sum() / totalCost);
            }
        } catch (CancellationException e) {
            // abandoned: nothing was written for this run
        } catch (IOException | RuntimeException | Error e) {
            failed.incrementAndGet();
            doneCost.add(runCost);
            progress.runFailed(r, e);
        }
    }

    /** Turns one run's epochs into the study's progress, and asks it to stop when the study is cancelled. */
    private final class Listener implements RunListener {
        private final PlannedRun run;
        private final double runCost;

        Listener(PlannedRun run, double runCost) {
            this.run = run;
            this.runCost = runCost;
        }

        @Override
        public void progress(int epoch, int epochs, long step, long stepsPerEpoch) {
            double f = (epoch - 1 + (double) step / stepsPerEpoch) / Math.max(1, epochs);
            progress.runProgress(run, epoch, epochs, (doneCost.sum() + f * runCost) / totalCost);
        }

        @Override
        public void epochFinished(EpochRecord record, int epochs) {
            progress.epochRecorded(run, record);
            double f = (double) record.epoch() / Math.max(1, epochs);
            progress.runProgress(run, record.epoch(), epochs, (doneCost.sum() + f * runCost) / totalCost);
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }
    }

    /** Multiply–adds of a run (training steps, evaluations, probes): a proxy for its time. */
    public static double cost(PlannedRun r, Dataset d) {
        return cost(r, d.features(), d.classes(), d.train().size(), d.validation().size(), d.test().size());
    }

    /**
     * The same, from what is known of the dataset before loading it (exact for a catalogue
     * dataset; see {@link DatasetShape}): the same on every machine, as sharding needs.
     */
    public static double cost(PlannedRun r, DatasetShape shape) {
        int validation = r.spec().validationSize();
        int classes = r.spec().classes() != null ? r.spec().classes() : shape.classes();
        return cost(r, shape.features(), classes, Math.max(0, shape.training() - validation), validation, shape.test());
    }

    /** The same, from the dataset's shape alone (for estimates before loading it). */
    public static double cost(PlannedRun r, int features, int classes, int train, int validation, int test) {
        RunSpec s = r.spec();
        double macs = 0;
        int in = features;
        for (int h : s.hidden()) {
            macs += (double) in * h;
            in = h;
        }
        macs += (double) in * classes;
        double trainPasses = 3.0 * train;
        double evalPasses = (s.evaluation().validationEachEpoch() ? validation : 0) + (s.evaluation().testEachEpoch() ? test : 0);
        return macs * (Math.max(1, s.epochs()) * (trainPasses + evalPasses + r.probes().probeBatch()));
    }
}
