package org.initlab.report;

import org.initlab.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** 'initlab run' ends by writing the report, unless --no-report; on real MNIST (skipped without it), 1,000 training examples. */
class RunWritesReportTest {
    @Test
    void runWritesTheReportAtTheEndUnlessToldNotTo(@TempDir Path tmp) throws IOException {
        Path mnist = SmallStudy.realMnist();
        assumeTrue(mnist != null, "the official MNIST files are not on this machine");
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, """
                name: tiny
                dataset: {name: mnist, validation: 59000}
                seeds: 2
                settings: {architecture: [16], epochs: 2, batch_size: 100, evaluation: {validation: end, test: each_epoch}}
                factors:
                  initializer: [{name: xavier_uniform, label: xavier}, {name: kaiming_uniform, label: he}]
                """);
        String out = run("run", spec.toString(), "--out", tmp.resolve("a").toString(), "--data-dir", mnist.toString(), "--jobs", "2");
        assertTrue(Files.isRegularFile(tmp.resolve("a/report.html")), out);
        assertTrue(Files.isRegularFile(tmp.resolve("a/summary.csv")));
        assertTrue(Files.isRegularFile(tmp.resolve("a/figures/curves-1-tiny.png")));
        assertTrue(out.contains("Report: " + tmp.resolve("a/report.html").toAbsolutePath()), out);

        String quiet = run("run", spec.toString(), "--out", tmp.resolve("b").toString(), "--data-dir", mnist.toString(), "--no-report");
        assertFalse(Files.exists(tmp.resolve("b/report.html")), quiet);
        assertFalse(quiet.contains("Report:"));
    }

    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(0, Main.run(args));
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
