package org.initlab.cli;

import org.initlab.train.SyntheticData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A finished study folder for the command-line tests, trained once per test JVM in a few seconds:
 * 300 + 90 examples of 16 features in 3 classes; 4 initializers (the short names xavier, he,
 * random, and a level labelled by its parameters, with a comma) × 2 seeds in two experiments
 * that share their relu × sgd runs (16 + 16 runs, 8 shared: 24 to train); the architecture
 * labelled "small"; the optimizer's own lr, no learning_rate factor.
 */
final class TinyStudy {
    private TinyStudy() {}

    static final String SPEC = """
            name: tiny
            dataset: {name: %s, validation: 60}
            seeds: 2
            settings:
              architecture: {hidden: [8, 4], label: small}
              activation: relu
              epochs: 2
              batch_size: 20
              optimizer: {name: sgd, lr: 0.05}
              evaluation: {batch_size: 60}
              probes: {probe_batch: 30}
            factors:
              initializer: [xavier, he, random, {name: uniform, a: -0.5, b: 0.5}]
            experiments:
              acts:
                factors:
                  activation: [relu, tanh]
              opts:
                factors:
                  optimizer: [{name: sgd, lr: 0.05, label: sgd}, {name: adam, lr: 0.01, label: adam}]
            """;

    private static Path folder;

    /** The spec file, beside its data. */
    static synchronized Path spec() {
        folder();
        return root().resolve("tiny.yaml");
    }

    /** The finished study folder; copy it before changing it. */
    static synchronized Path folder() {
        if (folder != null) return folder;
        try {
            Path root = root();
            Path data = SyntheticData.writeCsvFolder(root.resolve("data"), 300, 90, 16, 3);
            Path spec = root.resolve("tiny.yaml");
            Files.writeString(spec, SPEC.formatted(data));
            Path dir = root.resolve("study");
            BadInputTest.Outcome o = BadInputTest.cli("run", spec.toString(), "--out", dir.toString(), "--no-report", "--jobs", "2");
            if (o.code() != 0) throw new IllegalStateException("the tiny study failed: " + o.err() + o.out());
            folder = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path root;

    private static Path root() {
        try {
            if (root == null) {
                Path made = Files.createTempDirectory("initlab-tiny");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made)));
                root = made;
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up
        }
    }

    /** A copy of the finished folder to change. */
    static Path copy(Path to) throws IOException {
        Path from = folder();
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(q);
                else Files.copy(p, q);
            }
        }
        return to;
    }
}
