package org.initlab.study;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.io.JsonFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.initlab.study.StudyRunTest.cli;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run is finished only when its result.json parses completely, holds a complete result and is
 * the result of the run its folder names. Anything else — cut short, empty, {@code {}}, copied from
 * another run, a spec that is another run's, epochs missing — is skipped by report, show and
 * export with one line each, and set aside as result.json.broken and trained again by run.
 */
class BrokenResultTest {
    @TempDir
    Path tmp;

    @Test
    void brokenResultsAreSkippedThenSetAsideAndTrainedAgain() throws IOException {
        Path dir = tmp.resolve("study");
        StudyRunTest.Outcome first = cli("run", TinyStudy.spec(tmp, "fragile", 4).toString(), "--out", dir.toString(), "--no-report", "--jobs", "1");
        assertEquals(0, first.code(), first.err());
        StudyStore store = new StudyStore(dir);
        List<String> ids = store.readManifest().runs().stream().map(StudyManifest.RunEntry::id).toList();
        assertEquals(8, ids.size());
        Map<String, String> original = TinyStudy.results(dir);

        Map<String, byte[]> broken = new LinkedHashMap<>(); // run id → what its result.json now holds
        byte[] whole = bytes(original.get(ids.get(0)));
        broken.put(ids.get(0), Arrays.copyOf(whole, whole.length / 2));
        broken.put(ids.get(1), new byte[0]);
        broken.put(ids.get(2), bytes("{}"));
        broken.put(ids.get(3), bytes(original.get(ids.get(4))));
        ObjectNode otherSpec = (ObjectNode) JsonFormat.CANONICAL.readTree(original.get(ids.get(5)));
        otherSpec.set("spec", JsonFormat.CANONICAL.readTree(original.get(ids.get(6))).get("spec"));
        broken.put(ids.get(5), JsonFormat.CANONICAL.writeValueAsBytes(otherSpec));
        ObjectNode shortened = (ObjectNode) JsonFormat.CANONICAL.readTree(original.get(ids.get(6)));
        ((ArrayNode) shortened.get("result").get("epochs")).remove(2);
        broken.put(ids.get(6), JsonFormat.CANONICAL.writeValueAsBytes(shortened));
        for (var e : broken.entrySet()) Files.write(store.runDir(e.getKey()).resolve(StudyStore.RESULT), e.getValue());

        Map<String, String> why = new LinkedHashMap<>();
        why.put(ids.get(0), "its result.json is cut short: the JSON ends after " + whole.length / 2 + " bytes");
        why.put(ids.get(1), "its result.json is empty");
        why.put(ids.get(2), "its result.json is incomplete: no 'id'");
        why.put(ids.get(3), "its result.json holds run " + ids.get(4) + ", not this run (a file copied from another run?)");
        why.put(ids.get(5), "its result.json holds the spec of run " + ids.get(6) + ", not of this run");
        why.put(ids.get(6), "its result.json is incomplete: 2 of 3 epoch records");
        String summary = "initlab: skipped 6 of 8 runs (their result.json is not a finished run); 'initlab run " + dir
                + "' sets them aside and trains them again";

        StudyRunTest.Outcome report = cli("report", dir.toString(), "--no-png", "--max-layer-scenarios", "0");
        assertEquals(0, report.code(), report.err());
        assertSkipped(report.err(), why, summary);
        assertTrue(report.out().contains("MB; 2 runs in "), report.out());

        StudyRunTest.Outcome export = cli("export", dir.toString(), "--csv");
        assertEquals(0, export.code(), export.err());
        assertSkipped(export.err(), why, summary);
        assertEquals(1 + 2 * 3, Files.readAllLines(dir.resolve("export/epochs.csv")).size(), "the two finished runs × epochs 0..2");
        assertTrue(export.out().contains("(2 of 8 runs finished)"), export.out());

        StudyRunTest.Outcome show = cli("show", store.runDir(ids.get(2)).toString());
        assertEquals(2, show.code(), show.err());
        assertEquals("initlab: run " + ids.get(2) + " has no finished result: its result.json is incomplete: no 'id'; 'initlab run "
                + dir + "' sets it aside and trains it again", show.err().strip());
        for (var e : why.entrySet()) { // named by its id, a broken run is refused with the same reason as report and export give
            StudyRunTest.Outcome byId = cli("show", dir.toString(), e.getKey());
            assertEquals(2, byId.code(), byId.err());
            assertEquals("initlab: run " + e.getKey() + " has no finished result: " + e.getValue() + "; 'initlab run "
                    + dir + "' sets it aside and trains it again", byId.err().strip());
        }
        StudyRunTest.Outcome shown = cli("show", ids.get(7), "--study", dir.toString());
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.out().contains(" epoch  train loss"), shown.out());

        StudyRunTest.Outcome again = cli("run", dir.toString(), "--no-report", "--jobs", "1");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Training 6 of 8 runs on 1 thread (2 already finished in this folder)."), again.out());
        for (var e : why.entrySet()) {
            Path kept = store.runDir(e.getKey()).resolve("result.json.broken");
            String line = "Run " + e.getKey() + ": " + e.getValue() + "; kept as " + kept + ", and the run is trained again.";
            assertEquals(1, again.out().lines().filter(line::equals).count(), line + " in:\n" + again.out());
            assertArrayEquals(broken.get(e.getKey()), Files.readAllBytes(kept), "the broken bytes are kept for the user");
        }
        Map<String, String> now = TinyStudy.results(dir);
        assertEquals(original.keySet(), now.keySet());
        for (String id : ids) {
            assertEquals(TinyStudy.withoutWallClock(original.get(id)), TinyStudy.withoutWallClock(now.get(id)), "run " + id + " trained again");
        }
        StudyRunTest.Outcome clean = cli("report", dir.toString(), "--no-png", "--max-layer-scenarios", "0");
        assertEquals(0, clean.code(), clean.err());
        assertEquals("", clean.err());
        assertTrue(clean.out().contains("MB; 8 runs in 2 configurations"), clean.out());
    }

    /** A study whose only result is broken has nothing to report: one line says why, and no NullPointerException. */
    @Test
    void aStudyOfBrokenResultsHasNoFinishedRuns() throws IOException {
        Path dir = tmp.resolve("empty-results");
        assertEquals(0, cli("run", TinyStudy.spec(tmp, "one", 1).toString(), "--out", dir.toString(), "--no-report").code());
        StudyStore store = new StudyStore(dir);
        for (String id : TinyStudy.results(dir).keySet()) Files.writeString(store.runDir(id).resolve(StudyStore.RESULT), "{}");
        StudyRunTest.Outcome report = cli("report", dir.toString(), "--no-png");
        assertEquals(2, report.code());
        assertFalse(report.err().contains("Exception"), report.err());
        assertTrue(report.err().strip().endsWith("initlab: " + dir + " has no finished runs yet (2 planned): run 'initlab run' on it first"), report.err());
        StudyRunTest.Outcome again = cli("run", dir.toString(), "--no-report");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Training 2 of 2 runs"), again.out());
    }

    private static void assertSkipped(String err, Map<String, String> why, String summary) {
        List<String> lines = err.strip().lines().toList();
        assertEquals(why.size() + 1, lines.size(), err);
        for (var e : why.entrySet()) {
            String line = "initlab: skipped run " + e.getKey() + ": " + e.getValue();
            assertTrue(lines.contains(line), line + " in:\n" + err);
        }
        assertEquals(summary, lines.getLast());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
