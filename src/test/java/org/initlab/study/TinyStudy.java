package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.cli.Main;
import org.initlab.io.Disk;
import org.initlab.io.JsonFormat;
import org.initlab.train.SyntheticData;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A study small enough to train many times in a test (2 activations × a few seeds, 2 epochs of 300
 * synthetic examples: well under a second), and what the tests compare of its folder.
 */
final class TinyStudy {
    private TinyStudy() {}

    /** The fields of a result.json that are wall-clock, not determined by the run: ignored when comparing. */
    static final List<String> WALL_CLOCK = List.of("started", "finished", "machine", "result.timing");

    /** Writes the synthetic data under {@code dir} and a spec of {@code seeds} seeds × relu, tanh; returns the spec file. */
    /** A file or folder of a run's live-view progress ({@link ProgressFiles}), or one being removed. */
    static boolean isProgress(Path p) {
        for (Path part : p) {
            String n = part.toString();
            if (n.equals(ProgressFiles.DIR) || n.startsWith(ProgressFiles.REMOVED_PREFIX)) return true;
        }
        return false;
    }

    static Path spec(Path dir, String name, int seeds) throws IOException {
        Path data = dir.resolve("blobs");
        if (!Files.isDirectory(data)) SyntheticData.writeCsvFolder(data, 300, 100, 16, 3);
        Path spec = dir.resolve(name + ".yaml");
        Files.writeString(spec, """
                name: %s
                dataset: {name: '%s', validation: 100}
                seeds: %d
                settings:
                  architecture: [8]
                  epochs: 2
                  batch_size: 50
                  optimizer: {name: sgd, lr: 0.1}
                  evaluation: {batch_size: 100}
                  probes: {probe_batch: 50}
                factors:
                  activation: [relu, tanh]
                """.formatted(name, data, seeds));
        return spec;
    }

    /** {@code initlab args} in this JVM, writing through {@code disk}: exit code, stdout, stderr. */
    static StudyRunTest.Outcome cli(Disk disk, String... args) {
        synchronized (StudyRunTest.class) {
            PrintStream oldOut = System.out, oldErr = System.err;
            ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                int code = Main.run(disk, args);
                return new StudyRunTest.Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } finally {
                System.setOut(oldOut);
                System.setErr(oldErr);
            }
        }
    }

    /** A result.json without its wall-clock fields: equal for two trainings of the same run. */
    static JsonNode withoutWallClock(String resultJson) throws IOException {
        ObjectNode n = (ObjectNode) JsonFormat.CANONICAL.readTree(resultJson);
        n.remove(List.of("started", "finished", "machine"));
        if (n.get("result") instanceof ObjectNode r) r.remove("timing");
        return n;
    }

    /** Run id → the text of its result.json, for every run folder that has one. */
    static TreeMap<String, String> results(Path study) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        Path runs = study.resolve("runs");
        if (!Files.isDirectory(runs)) return out;
        try (Stream<Path> s = Files.list(runs)) {
            for (Path r : s.toList()) {
                Path f = r.resolve(StudyStore.RESULT);
                if (Files.isRegularFile(f)) out.put(r.getFileName().toString(), Files.readString(f));
            }
        }
        return out;
    }

    /** Every file under {@code dir}, relative, sorted. */
    static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }
}
