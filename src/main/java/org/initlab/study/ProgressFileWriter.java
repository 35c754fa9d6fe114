package org.initlab.study;

import org.initlab.io.Disk;
import org.initlab.train.EpochRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Writes the {@link ProgressFiles} of every run a study trains: its start, each epoch record as
 * it is made, a heartbeat, a failure; removes them once the run's result is stored or when it
 * was abandoned. For the process that holds the study folder's lock ({@link StudyStore#lock}), or
 * its shard's ({@link StudyStore#lockShard}): progress it finds at the start of its runs belongs
 * to no one and is removed.
 *
 * <p>Progress is a view, never a reason for a run to fail: a write that fails (a full disk) is
 * reported once through {@code warning} and training goes on. The warning waits until a result
 * has been saved after it (or the study ends with its results saved): only then is it true that
 * results are not affected. When results cannot be saved either, the study's stop line says why
 * and this warning would only repeat it. Every file goes through the store's {@link Disk}.
 */
public final class ProgressFileWriter implements StudyProgress {
    private final StudyStore store;
    private final Disk disk;
    private final Consumer<String> warning;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** The first failure's message, until a saved result makes it safe to say that training goes on. */
    private final AtomicReference<String> pending = new AtomicReference<>();
    private final Map<String, Training> training = new ConcurrentHashMap<>();
    /** The runs this process trains, whose leftovers are its to remove; null: every run of the folder. */
    private final java.util.Set<String> own;

    /** A run in training: its start (as written) and clocks. */
    private static final class Training {
        final ProgressFiles.RunStart start;
        final long t0 = System.nanoTime();
        long lastWrite = t0;

        Training(ProgressFiles.RunStart start) {
            this.start = start;
        }
    }

    public ProgressFileWriter(StudyStore store, Consumer<String> warning) {
        this(store, warning, null);
    }

    /**
     * For a shard ({@link StudyStore#lockShard}) that shares its folder: {@code own} are its runs,
     * the only ones whose leftovers it removes (the other shards' runs' progress is theirs, live).
     */
    public ProgressFileWriter(StudyStore store, Consumer<String> warning, java.util.Set<String> own) {
        this.store = store;
        this.disk = store.disk();
        this.warning = warning;
        this.own = own == null ? null : java.util.Set.copyOf(own);
    }

    /** Removes the leftover progress of every run this process may train: no other process trains them. */
    @Override
    public void started(int total, int done, int again, int jobs) {
        Path runs = store.dir().resolve("runs");
        if (!Files.isDirectory(runs)) return;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runs)) {
            for (Path d : dirs) {
                if (own != null && !own.contains(d.getFileName().toString())) continue;
                if (Files.isDirectory(d, java.nio.file.LinkOption.NOFOLLOW_LINKS)) ProgressFiles.removeLeftovers(disk, d);
            }
        } catch (IOException | UncheckedIOException e) {
            warn(e);
        }
    }

    @Override
    public void runStarted(PlannedRun run) {
        String now = Instant.now().toString();
        Training t = new Training(new ProgressFiles.RunStart(run.id(), run.spec(), run.probes(), run.labels(), run.experiments(),
                now, run.spec().epochs(), now));
        training.put(run.id(), t);
        synchronized (t) {
            try {
                Path dir = store.runDir(run.id());
                ProgressFiles.removeLeftovers(disk, dir);
                ProgressFiles.writeStart(disk, dir, t.start);
            } catch (IOException | UncheckedIOException e) {
                warn(e);
            }
        }
    }

    @Override
    public void epochRecorded(PlannedRun run, EpochRecord record) {
        Training t = training.get(run.id());
        if (t == null) return;
        synchronized (t) {
            long now = System.nanoTime();
            t.lastWrite = now;
            try {
                ProgressFiles.writeEpoch(disk, store.runDir(run.id()),
                        new ProgressFiles.EpochProgress(record.epoch(), t.start.epochs(), (now - t.t0) / 1e9, record));
            } catch (IOException | UncheckedIOException e) {
                warn(e);
            }
        }
    }

    /** The heartbeat: the start file again when nothing was written for {@link ProgressFiles#HEARTBEAT_SECONDS}. */
    @Override
    public void runProgress(PlannedRun run, int epoch, int epochs, double studyFraction) {
        Training t = training.get(run.id());
        if (t == null) return;
        synchronized (t) {
            long now = System.nanoTime();
            if (now - t.lastWrite < ProgressFiles.HEARTBEAT_SECONDS * 1_000_000_000L) return;
            t.lastWrite = now;
            ProgressFiles.RunStart s = t.start;
            try {
                ProgressFiles.writeStart(disk, store.runDir(run.id()), new ProgressFiles.RunStart(s.id(), s.spec(), s.probeSettings(), s.labels(),
                        s.experiments(), s.started(), s.epochs(), Instant.now().toString()));
            } catch (IOException | UncheckedIOException e) {
                warn(e);
            }
        }
    }

    @Override
    public void runFinished(PlannedRun run, RunRecord record, double studyFraction) {
        end(run);
        tellPending();
    }

    @Override
    public void runReprobed(PlannedRun run, RunRecord record, List<String> probes, boolean reproduced, double studyFraction) {
        end(run);
        tellPending();
    }

    @Override
    public void runFailed(PlannedRun run, Throwable error) {
        Training t = training.remove(run.id());
        if (t == null) return;
        synchronized (t) {
            String message = error.getMessage() == null || error.getMessage().isBlank() ? error.getClass().getSimpleName() : error.getMessage();
            try {
                ProgressFiles.writeFailure(disk, store.runDir(run.id()), new ProgressFiles.Failure(message, Instant.now().toString()));
            } catch (IOException | UncheckedIOException e) {
                warn(e);
            }
        }
    }

    /** Runs still in training when the study ends were abandoned (Ctrl-C): they are to do again, not in training. */
    @Override
    public void finished(StudyRunner.Outcome outcome) {
        for (String id : List.copyOf(training.keySet())) {
            Training t = training.remove(id);
            if (t == null) continue;
            synchronized (t) {
                remove(id);
            }
        }
        if (outcome.saveFailure() == null) tellPending();
    }

    /** The result is stored (written before this is called): the progress has served. */
    private void end(PlannedRun run) {
        Training t = training.remove(run.id());
        if (t == null) return;
        synchronized (t) {
            remove(run.id());
        }
    }

    private void remove(String id) {
        try {
            ProgressFiles.remove(disk, store.runDir(id));
        } catch (IOException | UncheckedIOException e) {
            warn(e);
        }
    }

    private void warn(Exception e) {
        if (warned.compareAndSet(false, true)) {
            pending.set("cannot write the live view's progress files in " + store.dir() + " (" + e.getMessage()
                    + "); training goes on, results are not affected");
        }
    }

    private void tellPending() {
        String message = pending.getAndSet(null);
        if (message != null) warning.accept(message);
    }
}
