package org.initlab.study;

import org.initlab.io.FailingDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.initlab.study.StudyRunTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first result that cannot be saved stops the study — every later one would fail too — and
 * one line says how many runs are saved, how many are not, why in words, and that running the
 * same command again resumes; exit code 1. A report that fails after the runs were saved exits 1
 * and says how to make it again. The full disk and the read-only folder are {@link FailingDisk}s
 * (a test runs as root here, which writes anywhere, and cannot mount a small file system).
 */
class SaveFailureTest {
    @TempDir
    Path tmp;

    /** The 4th result.json written onwards fails as a full disk: 3 of 8 runs are saved, and the study stops there. */
    @Test
    void aFullDiskStopsTheStudy() throws IOException {
        Path spec = TinyStudy.spec(tmp, "full", 4);
        Path dir = tmp.resolve("full");
        AtomicInteger results = new AtomicInteger();
        FailingDisk full = FailingDisk.failingWhere((n, p) -> p.getFileName().toString().equals(StudyStore.RESULT) && results.incrementAndGet() >= 4,
                FailingDisk.FULL);
        StudyRunTest.Outcome o = TinyStudy.cli(full, "run", spec.toString(), "--out", dir.toString(), "--jobs", "2");
        assertEquals(1, o.code(), o.err());
        assertEquals("initlab: the study stopped: cannot save results in " + dir.resolve("runs") + ": no space left on the device; "
                + "3 of 8 runs are saved, 5 are not; run the same command again to resume", o.err().strip());
        assertTrue(results.get() <= 5, "no run starts after the failure; the one in flight stops (" + results.get() + " results written)");
        assertFalse(o.out().contains("Done:") || o.out().contains("Results:") || o.out().contains("Report:"), o.out());
        assertFalse(Files.exists(dir.resolve("report.html")), "no report on a full disk");
        assertEquals(3, TinyStudy.results(dir).size());
        for (String id : TinyStudy.results(dir).keySet()) assertTrue(new StudyStore(dir).read(id) instanceof StoredResult.Finished);
        assertEquals(List.of(), TinyStudy.files(dir).stream().filter(f -> f.endsWith(".tmp")).toList());

        StudyRunTest.Outcome resumed = cli("run", spec.toString(), "--out", dir.toString(), "--jobs", "2", "--no-report");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("Training 5 of 8 runs") && resumed.out().contains("(3 already finished"), resumed.out());
        assertEquals(8, TinyStudy.results(dir).size());
    }

    @Test
    void aReadOnlyRunsFolderStopsTheStudyAtItsFirstResult() throws IOException {
        Path spec = TinyStudy.spec(tmp, "read-only", 4);
        Path dir = tmp.resolve("read-only");
        Path runs = dir.resolve("runs").toAbsolutePath();
        FailingDisk readOnly = FailingDisk.failingWhere((n, p) -> p.startsWith(runs) && !p.equals(runs) && !TinyStudy.isProgress(p), FailingDisk.READ_ONLY);
        StudyRunTest.Outcome o = TinyStudy.cli(readOnly, "run", spec.toString(), "--out", dir.toString(), "--jobs", "1", "--save-weights");
        assertEquals(1, o.code(), o.err());
        assertEquals("initlab: the study stopped: cannot save results in " + dir.resolve("runs") + ": permission denied; "
                + "0 of 8 runs are saved, 8 are not; run the same command again to resume", o.err().strip());
        assertEquals(1, readOnly.failures(), "the first run's first file failed, and nothing was tried after it");
        assertEquals(0, TinyStudy.results(dir).size());
    }

    /** A real failure, no seam: a file where a run's folder must go. The runs before it are saved. */
    @Test
    void aFileWhereARunFolderMustGoStopsTheStudy() throws IOException {
        Path spec = TinyStudy.spec(tmp, "in-the-way", 4);
        Path dir = tmp.resolve("in-the-way");
        StudyStore store = new StudyStore(dir);
        List<String> ids = Grid.expand(StudySpecParser.parse(Files.readString(spec), "spec", StudySpecParser.Overrides.NONE))
                .stream().map(PlannedRun::id).toList();
        Files.createDirectories(dir.resolve("runs"));
        Files.writeString(store.runDir(ids.get(2)), "not a folder");
        StudyRunTest.Outcome o = cli("run", spec.toString(), "--out", dir.toString(), "--jobs", "1", "--no-report");
        assertEquals(1, o.code(), o.err());
        assertEquals("initlab: the study stopped: cannot save results in " + dir.resolve("runs") + ": a file is in the way: "
                + store.runDir(ids.get(2)) + "; 2 of 8 runs are saved, 6 are not; run the same command again to resume", o.err().strip());
        assertEquals(2, TinyStudy.results(dir).size());
    }

    /** The report fails on a full disk after every run was saved: exit 1, the runs are safe, and how to make the report again. */
    @Test
    void aReportThatFailsAfterTheRunsWereSavedExitsNonZero() throws IOException {
        Path spec = TinyStudy.spec(tmp, "report", 1);
        Path dir = tmp.resolve("report");
        Path figures = dir.resolve("figures").toAbsolutePath();
        FailingDisk full = FailingDisk.failingWhere((n, p) -> p.startsWith(figures) && !p.equals(figures), FailingDisk.FULL);
        StudyRunTest.Outcome o = TinyStudy.cli(full, "run", spec.toString(), "--out", dir.toString());
        assertEquals(1, o.code(), o.err());
        assertEquals("initlab: the report failed: cannot write the report to " + dir + ": no space left on the device; "
                + "the 2 finished runs are saved and safe: make the report again with 'initlab report " + dir + "'", o.err().strip());
        assertEquals(2, TinyStudy.results(dir).size());
        assertFalse(Files.exists(dir.resolve("report.html")));

        StudyRunTest.Outcome report = TinyStudy.cli(full, "report", dir.toString(), "--no-png");
        assertEquals(2, report.code());
        assertEquals("initlab: cannot write the report to " + dir + ": no space left on the device", report.err().strip());
        StudyRunTest.Outcome again = cli("report", dir.toString(), "--no-png");
        assertEquals(0, again.code(), again.err());
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
    }
}
