package org.initlab.study;

import org.initlab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.initlab.study.StudyRunTest.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The study folder as the commands leave it: a folder with no finished run does not hold a
 * corrected spec back; temporary files of a killed writer are removed by the next command that
 * writes the folder, never under a live run; nothing is left in java.io.tmpdir; and what the
 * store says about a folder it cannot use is one plain line.
 */
class StudyFolderTest {
    @TempDir
    Path tmp;

    /** A misspelt or broken dataset fails the study after study.json is written: the corrected spec needs no --force. */
    @Test
    void aStudyThatFailedBeforeAnyRunFinishedDoesNotBlockTheCorrectedSpec() throws IOException {
        Path spec = TinyStudy.spec(tmp, "first-try", 1);
        Path bad = Files.createDirectories(tmp.resolve("bad"));
        Files.writeString(bad.resolve("train.csv"), "0,1,2\n-3,4,5\n1,2,3\n");
        Files.writeString(bad.resolve("test.csv"), "0,1,2\n1,3,4\n");
        Path wrong = tmp.resolve("wrong.yaml");
        Files.writeString(wrong, Files.readString(spec).replace(tmp.resolve("blobs").toString(), bad.toString()).replace("validation: 100", "validation: 1"));
        Path dir = tmp.resolve("study");
        StudyRunTest.Outcome failed = cli("run", wrong.toString(), "--out", dir.toString(), "--no-report");
        assertEquals(2, failed.code(), failed.err());
        assertTrue(failed.err().contains("label -3 is negative"), failed.err());
        assertTrue(Files.isRegularFile(dir.resolve(StudyStore.MANIFEST)), "the folder was prepared before the data failed");
        assertEquals(0, TinyStudy.results(dir).size());

        StudyRunTest.Outcome corrected = cli("run", spec.toString(), "--out", dir.toString(), "--no-report");
        assertEquals(0, corrected.code(), corrected.err());
        assertTrue(corrected.out().contains("Training 2 of 2 runs"), corrected.out());
        assertEquals(2, TinyStudy.results(dir).size());
        // with finished runs the folder is protected again
        StudyRunTest.Outcome other = cli("run", wrong.toString(), "--out", dir.toString(), "--no-report");
        assertEquals(2, other.code());
        assertTrue(other.err().contains("holds results of a different grid"), other.err());
    }

    /**
     * report and export remove what a killed writer left ({@code .*.tmp}) when they can take the
     * folder's lock; while another command holds it (a live run), they leave its files alone.
     */
    @Test
    void temporariesAreRemovedOnlyWhenNoOtherCommandHoldsTheFolder() throws IOException {
        Path dir = tmp.resolve("temps");
        assertEquals(0, cli("run", TinyStudy.spec(tmp, "temps", 1).toString(), "--out", dir.toString(), "--no-report").code());
        StudyStore store = new StudyStore(dir);
        String id = store.readManifest().runs().getFirst().id();
        Path broken = Files.writeString(store.runDir(id).resolve("result.json.broken"), "{\"id\":");

        List<Path> temps = temporaries(dir, id);
        try (Closeable live = store.lock()) {
            StudyRunTest.Outcome report = cli("report", dir.toString(), "--no-png", "--max-layer-scenarios", "0");
            assertEquals(0, report.code(), report.err());
            StudyRunTest.Outcome export = cli("export", dir.toString(), "--csv");
            assertEquals(0, export.code(), export.err());
            for (Path t : temps) assertTrue(Files.exists(t), "a live run's temporary file is left alone: " + t);
            StudyRunTest.Outcome run = cli("run", dir.toString(), "--no-report");
            assertEquals(2, run.code());
            assertEquals("initlab: another initlab command (run, report or export) is writing into " + dir
                    + " right now; wait for it to finish, or choose another --out folder", run.err().strip());
        }
        StudyRunTest.Outcome report = cli("report", dir.toString(), "--no-png", "--max-layer-scenarios", "0");
        assertEquals(0, report.code(), report.err());
        for (Path t : temps) assertFalse(Files.exists(t), "removed by report: " + t);
        assertTrue(Files.exists(broken), "a set-aside result is the user's");

        temps = temporaries(dir, id);
        StudyRunTest.Outcome export = cli("export", dir.toString(), "--csv");
        assertEquals(0, export.code(), export.err());
        for (Path t : temps) assertFalse(Files.exists(t), "removed by export: " + t);
        assertTrue(Files.exists(broken));
    }

    /** What a killed writer leaves: a temporary file beside each kind of file the commands write. */
    private static List<Path> temporaries(Path dir, String id) throws IOException {
        List<Path> out = new ArrayList<>();
        out.add(Files.writeString(dir.resolve(".study.json-1.tmp"), "{"));
        out.add(Files.writeString(dir.resolve("runs").resolve(id).resolve(".result.json-2.tmp"), "{"));
        out.add(Files.writeString(Files.createDirectories(dir.resolve("figures")).resolve(".curves-1-x.svg-3.tmp"), "<"));
        out.add(Files.writeString(Files.createDirectories(dir.resolve("export")).resolve(".epochs.csv-4.tmp"), "run"));
        return out;
    }

    /** run (with its report, PNGs included) and export write nothing into java.io.tmpdir, which a killed process would leave behind. */
    @Test
    void nothingIsWrittenToTheSystemTemporaryFolder() throws Exception {
        Path spec = TinyStudy.spec(tmp, "tmpdir", 1);
        Path tmpdir = Files.createDirectories(tmp.resolve("java-tmpdir"));
        Path dir = tmp.resolve("tmpdir-study");
        child(tmpdir, "run", spec.toString(), "--out", dir.toString(), "--jobs", "1");
        assertTrue(Files.isRegularFile(dir.resolve("report.html")));
        assertTrue(TinyStudy.files(dir).stream().anyMatch(f -> f.endsWith(".png")), "the PNGs were drawn");
        child(tmpdir, "export", dir.toString(), "--csv");
        assertEquals(List.of(), TinyStudy.files(tmpdir));
    }

    private void child(Path tmpdir, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-XX:-UsePerfData", "-Djava.io.tmpdir=" + tmpdir, "--add-modules", "jdk.incubator.vector",
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Path log = tmp.resolve("child.log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child ends");
        assertEquals(0, p.exitValue(), Files.readString(log));
    }

    @Test
    void aCorruptManifestIsOneLine() throws IOException {
        Path dir = tmp.resolve("corrupt");
        Path spec = TinyStudy.spec(tmp, "corrupt", 1);
        assertEquals(0, cli("run", spec.toString(), "--out", dir.toString(), "--no-report").code());
        Path manifest = dir.resolve(StudyStore.MANIFEST);
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 2));
        for (String command : List.of("report", "export")) {
            StudyRunTest.Outcome o = command.equals("report") ? cli("report", dir.toString(), "--no-png") : cli("export", dir.toString(), "--csv");
            assertEquals(2, o.code(), command);
            assertEquals("initlab: " + manifest + ": not a study manifest (the JSON ends after " + text.length() / 2
                    + " bytes); run 'initlab run SPEC --out " + dir + " --force' to write a new one (the finished runs are kept)", o.err().strip(), command);
        }
        StudyRunTest.Outcome refused = cli("run", spec.toString(), "--out", dir.toString(), "--no-report");
        assertEquals(2, refused.code());
        assertTrue(refused.err().strip().startsWith("initlab: " + manifest + ": not a study manifest"), refused.err());
        StudyRunTest.Outcome forced = cli("run", spec.toString(), "--out", dir.toString(), "--no-report", "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("Training 0 of 2 runs"), "the finished runs are kept: " + forced.out());
    }

    @Test
    void aFolderInTheWayIsOneLine() throws IOException {
        Path dir = tmp.resolve("in-the-way");
        Files.createDirectories(dir.resolve(StudyStore.SPEC).resolve("keep"));
        StudyRunTest.Outcome o = cli("run", TinyStudy.spec(tmp, "in-the-way", 1).toString(), "--out", dir.toString(), "--no-report");
        assertEquals(2, o.code());
        assertEquals("initlab: cannot write the study folder " + dir + ": a folder is in the way: " + dir.resolve(StudyStore.SPEC), o.err().strip());
    }
}
