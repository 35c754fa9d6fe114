package org.initlab.study;

import org.initlab.cli.Main;
import org.initlab.io.AtomicFile;
import org.initlab.train.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whole studies through the command line: results, resume after a crash, determinism across job counts. */
class StudyRunTest {
    @TempDir
    static Path tmp;
    static Path spec;

    @BeforeAll
    static void data() throws IOException {
        Path data = SyntheticData.writeCsvFolder(tmp.resolve("blobs"), 900, 300, 49, 5);
        spec = tmp.resolve("study.yaml");
        Files.writeString(spec, """
                name: resumable
                dataset: {name: %s, validation: 300}
                seeds: 3
                settings:
                  architecture: [32, 16]
                  epochs: 6
                  batch_size: 30
                  optimizer: {name: sgd, lr: 0.05}
                  evaluation: {batch_size: 100}
                  probes: {probe_batch: 100}
                factors:
                  initializer: [xavier_uniform, {name: kaiming_uniform, label: he}]
                  activation: [relu, tanh]
                """.formatted(data));
    }

    record Outcome(int code, String out, String err) {}

    static synchronized Outcome cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = Main.run(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    static Map<String, String> results(Path study) throws IOException {
        return TinyStudy.results(study);
    }

    @Test
    void sameResultsWithOneOrTwoJobs() throws IOException {
        Outcome one = cli("run", spec.toString(), "--out", tmp.resolve("j1").toString(), "--jobs", "1", "--no-report");
        Outcome two = cli("run", spec.toString(), "--out", tmp.resolve("j2").toString(), "--jobs", "2", "--no-report");
        assertEquals(0, one.code(), one.err());
        assertEquals(0, two.code(), two.err());
        StudyStore a = new StudyStore(tmp.resolve("j1")), b = new StudyStore(tmp.resolve("j2"));
        StudyManifest m = a.readManifest();
        assertEquals(12, m.runs().size());
        for (StudyManifest.RunEntry r : m.runs()) {
            RunRecord x = a.readResult(r.id()), y = b.readResult(r.id());
            assertEquals(x.result().withoutTiming(), y.result().withoutTiming(), "run " + r.id() + " " + r.labels());
            assertEquals(x.spec(), y.spec());
        }
        // running again finds everything done
        Outcome again = cli("run", spec.toString(), "--out", tmp.resolve("j1").toString(), "--no-report");
        assertEquals(0, again.code());
        assertTrue(again.out().contains("Training 0 of 12 runs"), again.out());
    }

    /** A small study on real MNIST, through run, show and export, as a user would. */
    @Test
    void smallRealStudyEndToEnd() throws IOException {
        Path mnist = org.initlab.RealMnist.dir();
        Path yaml = tmp.resolve("real.yaml");
        Files.writeString(yaml, """
                name: real-small
                dataset: {name: mnist, validation: 50000}
                seeds: 1
                settings:
                  architecture: [64]
                  epochs: 2
                  optimizer: {name: sgd, lr: 0.1}
                factors:
                  initializer: [{name: zeros, label: zero}, {name: xavier_uniform, label: xavier}]
                """);
        Path dir = tmp.resolve("real");
        Outcome run = cli("run", yaml.toString(), "--out", dir.toString(), "--data-dir", mnist.toString(), "--no-report");
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().contains("Data: mnist — 10000 train / 50000 validation / 10000 test"), run.out());
        StudyStore store = new StudyStore(dir);
        StudyManifest m = store.readManifest();
        RunRecord zero = null, xavier = null;
        for (RunRecord r : store.readResults(m)) {
            if (r.labels().get("initializer").equals("zero")) zero = r;
            else xavier = r;
        }
        assertTrue(xavier.result().finalMetrics().testAccuracy() > 0.85, "xavier learns: " + xavier.result().finalMetrics());
        assertTrue(zero.result().finalMetrics().testAccuracy() < 0.3, "zero init cannot break symmetry: " + zero.result().finalMetrics());
        assertEquals(Boolean.TRUE, xavier.data().get("verified"), "the official files verify");
        Outcome show = cli("show", xavier.id().substring(0, 6), "--study", dir.toString());
        assertEquals(0, show.code(), show.err());
        assertTrue(show.out().contains("initializer xavier") && show.out().contains(" epoch  train loss"), show.out());
        Outcome export = cli("export", dir.toString(), "--csv");
        assertEquals(0, export.code(), export.err());
        List<String> rows = Files.readAllLines(dir.resolve("export/epochs.csv"));
        assertEquals(1 + 2 * 3, rows.size(), "header + 2 runs × epochs 0..2");
        assertTrue(rows.getFirst().startsWith("run,experiments,initializer,"), rows.getFirst());
    }

    /** Weights not saved during the study are recovered by training again, and the rerun matches bit for bit. */
    @Test
    void weightsAreRecoveredByRetraining() throws IOException {
        Path dir = tmp.resolve("weights");
        assertEquals(0, cli("run", spec.toString(), "--out", dir.toString(), "--seeds", "1", "--epochs", "2", "--no-report").code());
        String id = new StudyStore(dir).readManifest().runs().get(1).id();
        Outcome export = cli("export", dir.toString(), "--weights", "--run", id.substring(0, 5));
        assertEquals(0, export.code(), export.err());
        assertTrue(export.out().contains("reproduced the stored result bit for bit"), export.out());
        assertTrue(Files.size(dir.resolve("runs/" + id + "/weights-init.npz")) > 49 * 32 * 4);
        assertTrue(Files.size(dir.resolve("runs/" + id + "/weights-final.npz")) > 49 * 32 * 4);
        Outcome none = cli("export", dir.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().contains("--csv, --weights"), none.err());
    }

    @Test
    void aChangedSpecIsRefusedUnlessForced() throws IOException {
        Path dir = tmp.resolve("changed");
        assertEquals(0, cli("run", spec.toString(), "--out", dir.toString(), "--seeds", "1", "--epochs", "1", "--no-report").code());
        Outcome refused = cli("run", spec.toString(), "--out", dir.toString(), "--seeds", "2", "--epochs", "1", "--no-report");
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("holds results of a different grid") && refused.err().contains("--force"), refused.err());
        assertEquals(1, refused.err().strip().lines().count(), "one line: " + refused.err());
        Outcome forced = cli("run", spec.toString(), "--out", dir.toString(), "--seeds", "2", "--epochs", "1", "--force", "--no-report");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(forced.out().contains("Training 4 of 8 runs") && forced.out().contains("(4 already finished"), forced.out());
        // the folder remembers the options it was run with: running the folder itself resumes the same grid
        assertTrue(Files.readString(dir.resolve("study.yaml")).startsWith("# run with: --seeds 2 --epochs 1"));
        Outcome again = cli("run", dir.toString(), "--no-report");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("Training 0 of 8 runs"), again.out());
    }

    @Test
    void killMinus9LosesOnlyTheRunInFlight() throws Exception {
        interruptedStudyResumes("KILL");
    }

    @Test
    void ctrlCLosesOnlyTheRunInFlight() throws Exception {
        interruptedStudyResumes("INT");
    }

    private void interruptedStudyResumes(String signal) throws Exception {
        Path dir = tmp.resolve("crash-" + signal);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        // a shell that starts a job in the background (CI scripts do) makes it ignore SIGINT, and the JVM then
        // never installs its Ctrl-C handler; coreutils' env gives the child the default disposition back
        if (signal.equals("INT") && Files.isExecutable(Path.of("/usr/bin/env"))) command.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        command.addAll(List.of(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", spec.toString(), "--out", dir.toString(), "--jobs", "1", "--epochs", "25", "--no-report"));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + signal + ".log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (results(dir).size() < 2 && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(20);
        assertTrue(p.isAlive(), "the study should still be running: " + Files.readString(tmp.resolve("child-" + signal + ".log")));
        new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the child ends after SIG" + signal);
        Map<String, String> before = results(dir);
        assertTrue(before.size() >= 2 && before.size() < 12, "some runs finished, not all: " + before.size() + "; the child's output:\n"
                + Files.readString(tmp.resolve("child-" + signal + ".log")));
        StudyStore store = new StudyStore(dir);
        for (String id : before.keySet()) store.readResult(id); // every finished result is whole

        Outcome resumed = cli("run", spec.toString(), "--out", dir.toString(), "--jobs", "2", "--epochs", "25", "--no-report");
        assertEquals(0, resumed.code(), resumed.err());
        assertTrue(resumed.out().contains("Training " + (12 - before.size()) + " of 12 runs")
                && resumed.out().contains("(" + before.size() + " already finished"), resumed.out());
        Map<String, String> after = results(dir);
        assertEquals(12, after.size());
        for (var e : before.entrySet()) assertEquals(e.getValue(), after.get(e.getKey()), "finished results are left untouched");
        try (Stream<Path> files = Files.walk(dir)) {
            List<Path> temps = files.filter(f -> f.getFileName().toString().endsWith(AtomicFile.TEMP_SUFFIX)).toList();
            assertEquals(List.of(), temps, "no temporary files left");
        }
    }
}
