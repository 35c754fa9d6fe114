package org.initlab.serve;

import org.initlab.study.CombinedProgress;
import org.initlab.study.PlannedRun;
import org.initlab.study.ProgressFileWriter;
import org.initlab.study.ProgressFiles;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyProgress;
import org.initlab.study.StudyRunner;
import org.initlab.study.StudyStore;
import org.initlab.train.EpochRecord;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live view's reading of a study folder while it is written: progress files appearing epoch by
 * epoch, results replacing them, damaged files skipped, leftovers of a killed run never counted
 * as finished, links out of the folder not followed.
 */
class FolderReaderTest {
    @TempDir
    Path tmp;

    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    static EpochRecord epoch(int n, double validationAccuracy) {
        NamedValues layer = new NamedValues(Map.of("grad_norm_mean", new Value.Scalar(0.5 / (n + 1))));
        return new EpochRecord(n, n == 0 ? null : 1.0 / n, n == 0 ? null : 0.5, 1.1 / (n + 1), validationAccuracy, 1.2 / (n + 1),
                validationAccuracy - 0.01, NamedValues.NONE, List.of(new LayerRecord("dense1", 16, 12, layer)));
    }

    private static RunState state(FolderReader r, PlannedRun run) {
        return r.view().byId().get(run.id());
    }

    /** Every run of a study trained by the study runner, read after each epoch as it is written. */
    @Test
    void aStudyInTrainingShowsEachEpochThenItsResult() throws IOException {
        LiveStudy s = LiveStudy.prepared(tmp.resolve("study"), "watched", 2, 3);
        FolderReader reader = new FolderReader(s.dir(), System::currentTimeMillis);
        assertEquals(4, reader.view().runs().size());
        assertTrue(reader.view().runs().stream().allMatch(r -> r.status() == RunStatus.TODO), "nothing trained yet");
        assertNull(reader.view().problem());

        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        StudyProgress check = new StudyProgress() {
            @Override
            public void epochRecorded(PlannedRun run, EpochRecord rec) {
                // the writer (told first) has written this epoch: the reader sees it, and only it is new
                FolderReader.Changes c = reader.refresh(Set.of(run.id()), false);
                RunState st = state(reader, run);
                if (st.status() != RunStatus.RUNNING || !Objects.equals(st.epoch(), rec.epoch()) || !Objects.equals(st.epochs(), 3)
                        || !Objects.equals(st.validationAccuracy(), rec.validationAccuracy())) {
                    problems.add("at epoch " + rec.epoch() + " the reader saw " + st);
                }
                if (c.runs().stream().noneMatch(r -> r.id().equals(run.id()))) problems.add("epoch " + rec.epoch() + " was not a change");
                FolderReader.Live live = reader.view().live().get(run.id());
                if (live == null || !live.epochs().getLast().record().equals(rec)) problems.add("epoch " + rec.epoch() + " read back differs");
                if (live == null || live.start() == null || !live.start().spec().equals(run.spec())) problems.add("no start file with the spec");
            }

            @Override
            public void runFinished(PlannedRun run, RunRecord record, double fraction) {
                reader.refresh(Set.of(run.id()), false);
                RunState st = state(reader, run);
                if (st.status() != RunStatus.DONE || !Objects.equals(st.testAccuracy(), record.result().finalMetrics().testAccuracy())) {
                    problems.add("finished, the reader saw " + st);
                }
                if (Files.exists(ProgressFiles.dir(s.store.runDir(run.id())))) problems.add("the progress of a finished run is still there");
            }
        };
        StudyRunner.Outcome o = s.train(2, new CombinedProgress(new ProgressFileWriter(s.store, warnings::add), check));
        assertEquals(0, o.failed());
        assertEquals(List.of(), problems);
        assertEquals(List.of(), warnings);

        FolderReader.Changes after = reader.refreshAll();
        assertFalse(after.regrid());
        assertTrue(reader.view().runs().stream().allMatch(r -> r.status() == RunStatus.DONE));
        assertEquals(Map.of(), reader.view().live(), "no run in training");
        try (Stream<Path> files = Files.walk(s.dir())) {
            List<String> left = files.map(p -> p.getFileName().toString()).filter(n -> n.equals(ProgressFiles.DIR) || n.endsWith(".tmp")).toList();
            assertEquals(List.of(), left, "no progress folders or temporaries are left");
        }
        // a finished run's page: every epoch, from result.json
        String id = s.runs.getFirst().id();
        Map<String, Object> page = LiveJson.run(reader, id, 0, true);
        assertEquals(4, ((List<?>) page.get("epochs")).size());
        assertEquals(s.runs.getFirst().spec(), page.get("spec"));
        assertEquals(2, ((List<?>) page.get("seeds")).size(), "its two seeds");
        assertEquals(2, ((List<?>) LiveJson.run(reader, id, 2, false).get("epochs")).size(), "from epoch 2 on");
        Map<String, Object> summary = LiveJson.summary(reader.view(), System.currentTimeMillis());
        assertEquals(Boolean.TRUE, summary.get("finished"));
        assertEquals(List.of("activation", "seed"), summary.get("keys"));
    }

    @Test
    void damagedFilesAreSkippedNotFatal() throws IOException {
        LiveStudy s = LiveStudy.prepared(tmp.resolve("damaged"), "damaged", 1, 3);
        PlannedRun a = s.runs.get(0), b = s.runs.get(1);
        FolderReader reader = new FolderReader(s.dir(), System::currentTimeMillis);
        ProgressFileWriter w = new ProgressFileWriter(s.store, warnings::add);
        w.started(2, 0, 0, 1);
        w.runStarted(a);
        w.epochRecorded(a, epoch(0, 0.30));
        w.epochRecorded(a, epoch(1, 0.62));
        reader.refreshAll();
        assertEquals(RunStatus.RUNNING, state(reader, a).status());
        assertEquals(1, state(reader, a).epoch());
        assertEquals(0.62, state(reader, a).validationAccuracy());
        assertEquals(RunStatus.TODO, state(reader, b).status());

        Path progress = ProgressFiles.dir(s.store.runDir(a.id()));
        Files.writeString(progress.resolve(ProgressFiles.epochFileName(2)), "{\"epoch\": 2, \"rec");
        reader.refreshAll();
        assertEquals(1, state(reader, a).epoch(), "a damaged epoch file is left out");
        Files.writeString(progress.resolve(ProgressFiles.START), "not json");
        reader.refreshAll();
        assertEquals(RunStatus.RUNNING, state(reader, a).status());
        assertEquals(3, state(reader, a).epochs(), "the epochs planned, from the epoch files");

        w.runFailed(a, new IllegalStateException("a test's failure"));
        reader.refreshAll();
        assertEquals(RunStatus.FAILED, state(reader, a).status());
        assertEquals("a test's failure", state(reader, a).message());

        // a result.json that does not read: not finished
        Path result = s.store.runDir(b.id()).resolve(StudyStore.RESULT);
        Files.createDirectories(result.getParent());
        Files.writeString(result, "{\"id\": \"" + b.id() + "\", \"result\": {\"status\": ");
        reader.refreshAll();
        assertEquals(RunStatus.BROKEN, state(reader, b).status());
        Map<String, Object> summary = LiveJson.summary(reader.view(), System.currentTimeMillis());
        assertEquals(Map.of("todo", 0, "running", 0, "stalled", 0, "failed", 1, "done", 0, "broken", 1), summary.get("counts"));
        assertEquals(Boolean.FALSE, summary.get("finished"));
        // set aside as the store does with a result that does not read: to do
        Files.move(result, result.resolveSibling(StudyStore.RESULT + ".broken"), StandardCopyOption.REPLACE_EXISTING);
        reader.refreshAll();
        assertEquals(RunStatus.TODO, state(reader, b).status());

        // a manifest being replaced or damaged: the grid known so far stays, and the page says why
        Files.writeString(s.dir().resolve(StudyStore.MANIFEST), "{\"name\": ");
        FolderReader.Changes c = reader.refreshAll();
        assertFalse(c.regrid());
        assertEquals(2, reader.view().runs().size());
        assertTrue(reader.view().problem().contains("does not read"), reader.view().problem());
        assertEquals(List.of(), warnings);
    }

    /** Killed between storing its result and removing its progress: finished; killed in training: never finished, stalled after a while. */
    @Test
    void leftoversOfAKilledRunNeverCountAsFinished() throws IOException {
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        LiveStudy s = LiveStudy.prepared(tmp.resolve("killed"), "killed", 1, 2);
        PlannedRun a = s.runs.get(0), b = s.runs.get(1);
        // b trained for real (its result.json), then a copy of a's progress beside it, as a kill before the clean-up leaves it
        s.train(1, new ProgressFileWriter(s.store, warnings::add));
        RunRecord done = s.store.readResult(b.id());
        FolderReader reader = new FolderReader(s.dir(), clock::get);
        Files.delete(s.store.runDir(a.id()).resolve(StudyStore.RESULT));
        ProgressFileWriter w = new ProgressFileWriter(s.store, warnings::add);
        w.runStarted(a);
        w.epochRecorded(a, epoch(0, 0.3));
        w.runStarted(b);
        w.epochRecorded(b, epoch(0, 0.3));
        reader.refreshAll();
        assertEquals(RunStatus.RUNNING, state(reader, a).status(), "progress only: in training");
        assertEquals(RunStatus.DONE, state(reader, b).status(), "result.json and leftover progress: finished, by its result");
        assertEquals(done.result().finalMetrics().testAccuracy(), state(reader, b).testAccuracy());
        assertNull(reader.view().live().get(b.id()));

        clock.addAndGet((FolderReader.STALE_SECONDS + 10) * 1000L);
        FolderReader.Changes c = reader.refreshAll();
        assertEquals(RunStatus.STALLED, state(reader, a).status(), "no write for long: its process stopped");
        assertTrue(state(reader, a).message().contains("probably stopped"));
        assertTrue(c.runs().stream().anyMatch(r -> r.id().equals(a.id())), "stalling is a change without any file changing");

        // a removal stopped halfway (the progress folder renamed away at once, then deleted) is not read
        Path half = Files.createDirectories(s.store.runDir(b.id()).resolve(".progress-removed-1234"));
        Files.writeString(half.resolve(ProgressFiles.epochFileName(3)), "{}");
        reader.refreshAll();
        assertEquals(RunStatus.DONE, state(reader, b).status());
        // the next 'initlab run' (which holds the folder's lock) clears every leftover
        new ProgressFileWriter(s.store, warnings::add).started(2, 1, 0, 1);
        assertFalse(Files.exists(half));
        assertFalse(Files.exists(ProgressFiles.dir(s.store.runDir(a.id()))));
        assertFalse(Files.exists(ProgressFiles.dir(s.store.runDir(b.id()))));
        reader.refreshAll();
        assertEquals(RunStatus.TODO, state(reader, a).status());
        assertEquals(List.of(), warnings);
    }

    @Test
    void aRunFolderThatLinksOutOfTheStudyIsNotRead() throws IOException {
        LiveStudy s = LiveStudy.prepared(tmp.resolve("linked"), "linked", 1, 2);
        PlannedRun a = s.runs.get(0);
        Path outside = tmp.resolve("elsewhere");
        LiveStudy other = LiveStudy.prepared(outside, "linked", 1, 2);
        new ProgressFileWriter(other.store, warnings::add).runStarted(other.runs.get(0));
        Files.createDirectories(s.dir().resolve("runs"));
        Files.createSymbolicLink(s.store.runDir(a.id()), other.store.runDir(a.id()));
        FolderReader reader = new FolderReader(s.dir(), System::currentTimeMillis);
        assertEquals(RunStatus.BROKEN, state(reader, a).status());
        assertTrue(state(reader, a).message().contains("link out"), state(reader, a).message());
        assertNull(LiveJson.run(reader, a.id(), 0, true).get("spec"), "nothing of it is read");
    }

    @Test
    void aFolderWithoutAStudyYetWaitsForOne() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("empty"));
        FolderReader reader = new FolderReader(dir, System::currentTimeMillis);
        assertTrue(reader.view().problem().contains("no study.json yet"), reader.view().problem());
        assertEquals(0, reader.view().runs().size());
        LiveStudy.prepared(dir, "late", 1, 2);
        FolderReader.Changes c = reader.refreshAll();
        assertTrue(c.regrid());
        assertNull(reader.view().problem());
        assertEquals(2, reader.view().runs().size());
    }

    /** ETA = max(longest time left of a run in training, total time left ÷ runs in training), expectations from finished runs. */
    @Test
    void etaFromFinishedRunsOfTheSameConfiguration() {
        long now = 1_000_000_000L;
        List<String> e = List.of("e");
        RunState x0 = new RunState("x0", Map.of("a", "x", "seed", "0"), e, RunStatus.DONE, 4, 4, 10.0, now, null, null, null, null, false, null);
        RunState x1 = new RunState("x1", Map.of("a", "x", "seed", "1"), e, RunStatus.DONE, 4, 4, 20.0, now, null, null, null, null, false, null);
        RunState x2 = RunState.todo("x2", Map.of("a", "x", "seed", "2"), e);
        // in training: 2 of 4 epochs in 8 s, the last 2 s ago: on course for 16 s, 10 s had, 6 s left
        RunState y0 = new RunState("y0", Map.of("a", "y", "seed", "0"), e, RunStatus.RUNNING, 2, 4, 8.0, now - 2000, null, null, null, null, false, null);
        RunState y1 = RunState.todo("y1", Map.of("a", "y", "seed", "1"), e);
        Eta.Estimate one = Eta.of(List.of(x0, x1, x2, y0, y1), now);
        assertEquals(15 + 6 + 15, one.seconds(), 1e-9, "x2 as x's mean; y1 (no y finished) as its experiment's");
        assertTrue(one.basis().contains("2 finished runs"), one.basis());
        RunState y2 = new RunState("y2", Map.of("a", "y", "seed", "2"), e, RunStatus.RUNNING, 1, 4, 1.0, now, null, null, null, null, false, null);
        assertEquals((15 + 6 + 15 + 3) / 2.0, Eta.of(List.of(x0, x1, x2, y0, y1, y2), now).seconds(), 1e-9, "two runs share the work");
        assertNull(Eta.of(List.of(x0, x1, x2), now).seconds(), "nothing in training: no ETA");
        assertNotNull(Eta.of(List.of(y0, y1), now).seconds(), "no finished run: from the epochs timed");
    }
}
