package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.TestFolders;
import org.initlab.io.Disk;
import org.initlab.io.FailingDisk;
import org.initlab.io.JsonFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the spirit of SQLite's crash tests: a small study's whole life (run with weights, report,
 * export --csv) is played once for every write it makes, the k-th write failing as a full disk
 * does (a file write stops half-way, or, for even k, its rename fails; a delete or a new folder
 * fails). A failed write fails its command, but for the live view's progress files, which are a
 * view and only warn. After each failure the
 * folder holds only whole, valid runs and nothing that looks finished but is not; the same
 * commands then finish the study, which must equal one that never failed: every result.json
 * (but for its wall-clock fields), every weights file, the spec, the set of files.
 */
class FaultInjectionTest {
    @TempDir
    Path tmp;

    private static List<String[]> life(Path spec, Path dir) {
        return List.of(
                new String[]{"run", spec.toString(), "--out", dir.toString(), "--jobs", "1", "--save-weights", "--no-report"},
                new String[]{"report", dir.toString(), "--no-png", "--max-layer-scenarios", "1"},
                new String[]{"export", dir.toString(), "--csv"});
    }

    @Test
    void everyFailedWriteLeavesAFolderThatFinishesAsTheSameStudy() throws IOException {
        Path spec = TinyStudy.spec(tmp, "faults", 2);
        Path reference = tmp.resolve("reference");
        FailingDisk counting = FailingDisk.counting();
        for (String[] command : life(spec, reference)) {
            StudyRunTest.Outcome o = TinyStudy.cli(counting, command);
            assertEquals(0, o.code(), String.join(" ", command) + ": " + o.err());
        }
        int writes = counting.operations();
        assertTrue(writes > 20, "every write of the study's life goes through the disk: " + writes);
        Snapshot expected = Snapshot.of(reference);
        assertEquals(4, expected.results().size());

        for (int k = 1; k <= writes; k++) {
            Path dir = tmp.resolve("k" + k);
            FailingDisk disk = FailingDisk.failingAt(k, FailingDisk.FULL);
            if (k % 2 == 0) disk = disk.renameFails();
            String failed = null;
            StringBuilder warnings = new StringBuilder();
            for (String[] command : life(spec, dir)) {
                StudyRunTest.Outcome o = TinyStudy.cli(disk, command);
                warnings.append(o.err());
                if (o.code() == 0) continue;
                failed = command[0] + " exited " + o.code() + ": " + o.err();
                String last = o.err().strip().lines().reduce((a, b) -> b).orElse("");
                assertTrue(last.startsWith("initlab: ") && last.contains("no space left on the device"), "k=" + k + ": " + failed);
                assertFalse(o.err().matches("(?s).*[A-Z][A-Za-z]*(Exception|Error)\\b.*"), "no Java names, k=" + k + ": " + failed);
                break;
            }
            assertEquals(1, disk.failures(), "k=" + k + ": the k-th write failed");
            // the live view's progress files are a view: losing one costs no run, so the command goes on
            assertTrue(failed != null || TinyStudy.isProgress(disk.failed().get(0)),
                    "k=" + k + ": a failed write fails its command (" + disk.failed() + ")");
            if (failed == null) assertTrue(warnings.toString().contains("cannot write the live view's progress files"), "k=" + k + ": " + warnings);
            assertOnlyWholeRuns(dir, expected, "k=" + k + " (" + failed + ")");

            for (String[] command : life(spec, dir)) {
                StudyRunTest.Outcome o = TinyStudy.cli(Disk.REAL, command);
                assertEquals(0, o.code(), "k=" + k + ", again: " + String.join(" ", command) + ": " + o.err());
            }
            Snapshot finished = Snapshot.of(dir);
            assertEquals(expected.files(), finished.files(), "k=" + k + ": the same files");
            assertEquals(expected.results(), finished.results(), "k=" + k + ": the same results");
            assertEquals(expected.manifest(), finished.manifest(), "k=" + k);
            assertEquals(expected.spec(), finished.spec(), "k=" + k);
            for (var w : expected.weights().entrySet()) assertArrayEquals(w.getValue(), finished.weights().get(w.getKey()), "k=" + k + ": " + w.getKey());
            delete(dir);
        }
    }

    /**
     * The report's PNGs, drawn on all cores, which the life above skips for time: the k-th PNG
     * write failing (half-written, or for even k its rename) fails the report with one line and
     * leaves no temporary and no PNG that differs from a good one; the report made again is the
     * same files, PNGs byte for byte.
     */
    @Test
    void everyFailedPngOfTheReportLeavesAFolderThatReportsTheSame() throws IOException {
        Path spec = TinyStudy.spec(tmp, "png-faults", 1);
        Path trained = tmp.resolve("trained");
        StudyRunTest.Outcome t = TinyStudy.cli(Disk.REAL, "run", spec.toString(), "--out", trained.toString(), "--jobs", "1", "--no-report");
        assertEquals(0, t.code(), t.err());
        Path reference = tmp.resolve("png-reference");
        TestFolders.copy(trained, reference);
        AtomicInteger pngs = new AtomicInteger();
        StudyRunTest.Outcome r = TinyStudy.cli(FailingDisk.failingWhere((n, p) -> isPng(p) && pngs.incrementAndGet() < 0, FailingDisk.FULL),
                "report", reference.toString(), "--max-layer-scenarios", "1");
        assertEquals(0, r.code(), r.err());
        int written = pngs.get();
        assertTrue(written >= 5, "the report writes its PNGs through the disk: " + written);
        Map<String, byte[]> expected = pngBytes(reference);
        assertEquals(written, expected.size());

        for (int k = 1; k <= written; k++) {
            Path dir = tmp.resolve("png-k" + k);
            TestFolders.copy(trained, dir);
            int kth = k;
            AtomicInteger seen = new AtomicInteger();
            FailingDisk disk = FailingDisk.failingWhere((n, p) -> isPng(p) && seen.incrementAndGet() == kth, FailingDisk.FULL);
            if (k % 2 == 0) disk = disk.renameFails();
            StudyRunTest.Outcome o = TinyStudy.cli(disk, "report", dir.toString(), "--max-layer-scenarios", "1");
            assertEquals(2, o.code(), "k=" + k + ": " + o.err());
            assertTrue(o.err().strip().endsWith("no space left on the device"), "k=" + k + ": " + o.err());
            assertEquals(1, disk.failures(), "k=" + k);
            assertEquals(List.of(), TinyStudy.files(dir).stream().filter(f -> f.endsWith(".tmp")).toList(), "k=" + k);
            for (var png : pngBytes(dir).entrySet()) {
                assertArrayEquals(expected.get(png.getKey()), png.getValue(), "k=" + k + ": a PNG left after the failure is whole: " + png.getKey());
            }
            StudyRunTest.Outcome again = TinyStudy.cli(Disk.REAL, "report", dir.toString(), "--max-layer-scenarios", "1");
            assertEquals(0, again.code(), "k=" + k + ", again: " + again.err());
            assertEquals(TinyStudy.files(reference), TinyStudy.files(dir), "k=" + k + ": the same files");
            Map<String, byte[]> made = pngBytes(dir);
            for (var png : expected.entrySet()) assertArrayEquals(png.getValue(), made.get(png.getKey()), "k=" + k + ": " + png.getKey());
            delete(dir);
        }
    }

    private static boolean isPng(Path p) {
        return p.getFileName().toString().endsWith(".png");
    }

    private static Map<String, byte[]> pngBytes(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        for (String f : TinyStudy.files(dir)) if (f.endsWith(".png")) out.put(f, Files.readAllBytes(dir.resolve(f)));
        return out;
    }

    /** After a failure: every result.json is a finished run equal to the reference's, nothing is half-written or set aside. */
    private static void assertOnlyWholeRuns(Path dir, Snapshot expected, String where) throws IOException {
        if (!Files.exists(dir)) return;
        List<String> files = TinyStudy.files(dir);
        assertEquals(List.of(), files.stream().filter(f -> f.endsWith(".tmp") || f.contains(".broken")).toList(), where);
        StudyStore store = new StudyStore(dir);
        for (var r : TinyStudy.results(dir).entrySet()) {
            assertTrue(store.read(r.getKey()) instanceof StoredResult.Finished, where + ": " + r.getKey());
            assertEquals(expected.results().get(r.getKey()), TinyStudy.withoutWallClock(r.getValue()), where);
        }
        if (Files.exists(dir.resolve(StudyStore.MANIFEST))) assertEquals(expected.manifest(), withoutCreated(store.dir()), where);
    }

    /** What must be equal between two folders of the same study, however they got there. */
    record Snapshot(List<String> files, Map<String, JsonNode> results, Map<String, byte[]> weights, JsonNode manifest, String spec) {
        static Snapshot of(Path dir) throws IOException {
            Map<String, JsonNode> results = new TreeMap<>();
            for (var r : TinyStudy.results(dir).entrySet()) results.put(r.getKey(), TinyStudy.withoutWallClock(r.getValue()));
            Map<String, byte[]> weights = new TreeMap<>();
            for (String f : TinyStudy.files(dir)) if (f.endsWith(".npz")) weights.put(f, Files.readAllBytes(dir.resolve(f)));
            return new Snapshot(TinyStudy.files(dir), results, weights, withoutCreated(dir), Files.readString(dir.resolve(StudyStore.SPEC)));
        }
    }

    /** study.json without the instant the folder was created. */
    private static JsonNode withoutCreated(Path dir) throws IOException {
        ObjectNode m = (ObjectNode) JsonFormat.CANONICAL.readTree(dir.resolve(StudyStore.MANIFEST).toFile());
        m.remove("created");
        return m;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

}
