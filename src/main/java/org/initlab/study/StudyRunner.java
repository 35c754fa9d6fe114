package org.initlab.study;

import org.initlab.data.Dataset;
import org.initlab.io.FileProblem;
import org.initlab.data.DatasetShape;
import org.initlab.train.EpochRecord;
import org.initlab.train.RunListener;
import org.initlab.train.probe.ProbeDescription;

import java.io.IOException;
import java.nio.file.Path;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * Runs a study's grid: one run per worker thread (parallelising across runs beats splitting each
 * product across cores, and keeps every run's arithmetic identical whatever the job count),
 * longest runs first, each result written atomically as soon as it is done. Runs already
 * finished in the folder are skipped, so running again resumes; a finished run that lacks a
 * probe the spec asks for (a probe added since, or other probe settings) is trained again, and
 * its record replaced when everything both records hold is equal bit for bit. A result.json that
 * is not a finished run is set aside and its run trained again; the first failure to write a
 * result stops the study, since every later one would fail too (a full disk, a read-only folder).
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
     * ({@code kept}), failed, diverged; whether it was cancelled; wall seconds; results found
     * broken and set aside (their runs trained again); runs whose result is in the folder at the
     * end ({@code saved}); and the failure to save that stopped the study, if one did.
     */
    public record Outcome(int total, int trained, int skipped, int reprobed, int kept, int failed, int diverged,
                          boolean cancelled, double seconds, int setAside, int saved, SaveFailure saveFailure) {}

    /**
     * The first result, weights file or set-aside rename that could not be written: it stopped the
     * study (nothing more started, runs in flight were abandoned at their next step).
     *
     * @param folder where it could not write (the study's runs folder)
     * @param why    in words: "no space left on the device", "permission denied"
     */
    public record SaveFailure(String run, Path folder, String why) {}

    private final StudyStore store;
    private final DatasetProvider data;
    private final Options options;
    private final StudyProgress progress;
    private final AtomicInteger trained = new AtomicInteger(), reprobed = new AtomicInteger(), kept = new AtomicInteger(),
            failed = new AtomicInteger(), diverged = new AtomicInteger(), setAside = new AtomicInteger();
    private final DoubleAdder doneCost = new DoubleAdder();
    private final AtomicReference<SaveFailure> saveFailure = new AtomicReference<>();
    private final CostInFlight inFlight = new CostInFlight();
    private double totalCost;
    private volatile ExecutorService pool;
    /** Set by {@link #cancel} and by a failure to save: no run starts, runs in training stop. */
    private volatile boolean stopping;
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
        stopping = true;
    }

    /** Waits up to {@code seconds} for the workers to stop after {@link #cancel()}. */
    public void awaitStop(double seconds) throws InterruptedException {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (pool == null && System.nanoTime() < deadline) Thread.sleep(10);
        ExecutorService p = pool;
        if (p != null) p.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /**
     * Trains the runs that are not finished in the folder, reading each result.json once: a
     * finished run is skipped (or trained again for probes it lacks, its record kept to compare),
     * a broken one is set aside ({@link StudyStore#setAside}) and its run trained again. The first
     * failure to write stops the study ({@link Outcome#saveFailure}).
     */
    public Outcome run(List<PlannedRun> runs) {
        long t0 = System.nanoTime();
        for (AtomicInteger count : List.of(trained, reprobed, kept, failed, diverged, setAside)) count.set(0);
        doneCost.reset();
        saveFailure.set(null);
        inFlight.clear();
        totalCost = 0;
        List<PlannedRun> todo = new ArrayList<>();
        Map<String, RunRecord> stored = new HashMap<>(); // finished runs to train again → their record
        Map<String, List<String>> lacking = new HashMap<>(); // ... → the probes they lack
        int finished = 0;
        for (PlannedRun r : runs) {
            switch (store.read(r.id())) {
                case StoredResult.None n -> todo.add(r);
                case StoredResult.Broken b -> {
                    setAside(r, b);
                    todo.add(r);
                }
                case StoredResult.Finished f -> {
                    finished++;
                    List<ProbeDescription> missing = r.probesLackedBy(f.record());
                    if (!missing.isEmpty()) {
                        todo.add(r);
                        stored.put(r.id(), f.record());
                        lacking.put(r.id(), missing.stream().map(ProbeDescription::toString).toList());
                    }
                }
            }
        }
        progress.started(runs.size(), finished, lacking.size(), options.jobs());

        Map<StudySpec.DataChoice, Dataset> datasets = new HashMap<>();
        if (stopping) todo.clear();
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
            futures.add(pool.submit(() -> train(r, d, cost.get(r.id()), lacking.get(r.id()), stored.get(r.id()))));
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
                failed.get(), diverged.get(), cancelled, (System.nanoTime() - t0) / 1e9, setAside.get(), finished + trained.get(),
                saveFailure.get());
        progress.finished(outcome);
        return outcome;
    }

    /** Renames a broken result aside so that its run is trained again; a failure to rename stops the study. */
    private void setAside(PlannedRun r, StoredResult.Broken b) {
        if (stopping) return;
        try {
            Path kept = store.setAside(r.id());
            setAside.incrementAndGet();
            progress.resultSetAside(r, b, kept);
        } catch (IOException e) {
            saveFailed(r, e);
        }
    }

    /** The first failure to write stops the study: nothing more starts, runs in training stop at their next step. */
    private void saveFailed(PlannedRun r, IOException e) {
        saveFailure.compareAndSet(null, new SaveFailure(r.id(), store.dir().resolve("runs"), FileProblem.why(e)));
        stopping = true;
    }

    /**
     * Trains one run and stores its record; {@code probesToAdd} non-null: a finished run trained
     * again for them, {@code stored} its record.
     */
    private void train(PlannedRun r, Dataset d, double runCost, List<String> probesToAdd, RunRecord stored) {
        if (stopping) return;
        progress.runStarted(r);
        boolean again = probesToAdd != null;
        try {
            WeightFiles.Sink weights = options.saveWeights() && !again ? store.weights(r.id()) : WeightFiles.Sink.NONE;
            RunRecord rec;
            try {
                rec = r.train(d, data.provenance(d), new Listener(r, runCost), weights);
            } finally {
                inFlight.left(r.id());
            }
            if (again) {
                boolean same = Reproduction.matches(stored, rec);
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
        } catch (IOException e) {
            // its weights or its result could not be written: the next run's would not either
            saveFailed(r, e);
        } catch (RuntimeException | Error e) {
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
            progress.runProgress(run, epoch, epochs, Math.min(1, (inFlight.update(run.id(), f * runCost) + doneCost.sum()) / totalCost));
        }

        @Override
        public void epochFinished(EpochRecord record, int epochs) {
            progress.epochRecorded(run, record);
            double f = (double) record.epoch() / Math.max(1, epochs);
            progress.runProgress(run, record.epoch(), epochs, Math.min(1, (inFlight.update(run.id(), f * runCost) + doneCost.sum()) / totalCost));
        }

        @Override
        public boolean cancelled() {
            return stopping;
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
