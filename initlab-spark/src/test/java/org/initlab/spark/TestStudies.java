package org.initlab.spark;

import org.initlab.cli.Main;
import org.initlab.io.JsonFormat;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.initlab.study.StudyStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small real study on made-up data, trained locally by the core for reference, and the comparison of two study folders. */
final class TestStudies {
    private TestStudies() {}

    /**
     * Twelve runs (three initializers × two activations × two seeds) on Gaussian blobs: one
     * prototype image per class, pixels 0..255.
     */
    static Path writeStudy(Path dir, int trainExamples, int epochs) throws IOException {
        Path data = dir.resolve("blobs");
        Files.createDirectories(data);
        writeCsv(data.resolve("train.csv"), trainExamples, 36, 4, 1);
        writeCsv(data.resolve("test.csv"), 200, 36, 4, 2);
        Path yaml = dir.resolve("small.yaml");
        Files.writeString(yaml, """
                name: spark-small
                dataset: {name: %s, validation: 100}
                seeds: 2
                settings:
                  architecture: [24, 12]
                  epochs: %d
                  batch_size: 40
                  optimizer: {name: adam, lr: 0.01}
                  probes: {probe_batch: 60, loss_every: 3, ratio_every: 4}
                factors:
                  initializer:
                    - {name: xavier_uniform, label: xavier}
                    - {name: kaiming_normal, nonlinearity: relu, label: he}
                    - {name: lsuv, label: lsuv}
                  activation: [relu, tanh]
                """.formatted(data, epochs));
        return yaml;
    }

    private static void writeCsv(Path file, int n, int features, int classes, long seed) throws IOException {
        Random protoRng = new Random(1234);
        double[][] proto = new double[classes][features];
        for (double[] p : proto) for (int j = 0; j < features; j++) p[j] = protoRng.nextDouble() * 255;
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            sb.append(c);
            for (int j = 0; j < features; j++) sb.append(',').append((int) Math.max(0, Math.min(255, Math.round(proto[c][j] + r.nextGaussian() * 60))));
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }

    /** {@code initlab run} of the core, in this JVM. */
    static void runLocally(Path yaml, Path out, String... options) {
        PrintStream oldOut = System.out, oldErr = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            List<String> args = new ArrayList<>(List.of("run", yaml.toString(), "--out", out.toString(), "--jobs", "2", "--no-report"));
            args.addAll(List.of(options));
            code = Main.run(args.toArray(String[]::new));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    }

    /**
     * Both folders hold the same grid, every run finished, with the same bits: spec, labels,
     * experiments, data provenance and the whole result (every metric and probe value, as
     * canonical JSON, which prints each double exactly). Only when and where a run was trained
     * (started, finished, machine) may differ.
     */
    static void assertSameStudy(Path expected, Path actual) throws IOException {
        StudyStore a = new StudyStore(expected), b = new StudyStore(actual);
        StudyManifest ma = a.readManifest(), mb = b.readManifest();
        assertEquals(ma.fingerprint(), mb.fingerprint(), "grid");
        assertEquals(json(ma.runs()), json(mb.runs()), "manifest runs");
        // the same but for the folder named in the "# run with:" line of a study run with options
        assertEquals(Files.readString(expected.resolve(StudyStore.SPEC)).replace(expected.toString(), "DIR"),
                Files.readString(actual.resolve(StudyStore.SPEC)).replace(actual.toString(), "DIR"),
                "study.yaml");
        List<RunRecord> ra = a.readResults(ma), rb = b.readResults(mb);
        assertEquals(ma.runs().size(), ra.size(), "runs finished locally");
        assertEquals(ra.size(), rb.size(), "runs finished");
        for (int i = 0; i < ra.size(); i++) {
            RunRecord x = ra.get(i), y = rb.get(i);
            assertEquals(x.id(), y.id());
            assertEquals(json(x.spec()), json(y.spec()), x.id() + " spec");
            assertEquals(json(x.labels()), json(y.labels()), x.id() + " labels");
            assertEquals(json(x.data()), json(y.data()), x.id() + " data");
            String diff = firstDifference("", withoutTiming(x.result()), withoutTiming(y.result()));
            assertNull(diff, x.id() + " result differs at " + diff);
            assertEquals(x.initlab(), y.initlab());
        }
    }

    /** Files whose names say "unfinished" (a writer's temporary), anywhere under {@code dir}. */
    static List<Path> temporaries(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.filter(p -> p.getFileName().toString().endsWith(".tmp") || p.getFileName().toString().endsWith(".crc")).forEach(out::add);
        }
        return out;
    }

    static int finishedRuns(Path dir) throws IOException {
        Path runs = dir.resolve("runs");
        if (!Files.isDirectory(runs)) return 0;
        try (Stream<Path> s = Files.list(runs)) {
            return (int) s.filter(r -> Files.isRegularFile(r.resolve(StudyStore.RESULT))).count();
        }
    }

    /** The result without its wall-clock timing (seconds, examples per second), which no two runs share. */
    private static JsonNode withoutTiming(Object result) {
        ObjectNode n = JsonFormat.CANONICAL.valueToTree(result);
        n.remove("timing");
        return n;
    }

    /** The JSON path of the first value that differs (doubles compared as exact text), or null. */
    static String firstDifference(String path, JsonNode a, JsonNode b) {
        if (a.isContainerNode() && b.isContainerNode() && a.getNodeType() == b.getNodeType()) {
            if (a.size() != b.size()) return path + " (size " + a.size() + " vs " + b.size() + ")";
            if (a.isArray()) {
                for (int i = 0; i < a.size(); i++) {
                    String d = firstDifference(path + "[" + i + "]", a.get(i), b.get(i));
                    if (d != null) return d;
                }
            } else {
                for (var it = a.fieldNames(); it.hasNext(); ) {
                    String f = it.next();
                    if (!b.has(f)) return path + "." + f + " (missing)";
                    String d = firstDifference(path + "." + f, a.get(f), b.get(f));
                    if (d != null) return d;
                }
            }
            return null;
        }
        return a.toString().equals(b.toString()) ? null : path + ": " + a + " vs " + b;
    }

    private static String json(Object o) throws IOException {
        return JsonFormat.CANONICAL.writeValueAsString(o);
    }

    static void assertNoTemporaries(Path dir) throws IOException {
        List<Path> t = temporaries(dir);
        assertTrue(t.isEmpty(), "left behind: " + t);
    }
}
