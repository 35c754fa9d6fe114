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

/**
 * 'initlab run' ends by writing the report, unless --no-report. The study is trained first (a
 * small one, as the browser test trains it); 'initlab run' then finds every run finished, trains
 * nothing, and goes straight to the report, which is the part under test.
 */
class RunWritesReportTest {
    @Test
    void runWritesTheReportAtTheEndUnlessToldNotTo(@TempDir Path tmp) throws IOException {
        String yaml = SmallStudy.spec("tiny", "", "factors:\n  initializer: [{name: xavier_uniform, label: xavier}, {name: kaiming_uniform, label: he}]\n", 2, 2);
        Path spec = tmp.resolve("tiny.yaml");
        Files.writeString(spec, yaml);
        Path dir = SmallStudy.run(tmp.resolve("study"), yaml);
        assertFalse(Files.exists(dir.resolve("report.html")));

        String quiet = run("run", spec.toString(), "--out", dir.toString(), "--no-report");
        assertFalse(Files.exists(dir.resolve("report.html")), quiet);
        assertFalse(quiet.contains("Report:"), quiet);

        String out = run("run", spec.toString(), "--out", dir.toString());
        assertTrue(out.contains("Training 0 of 4 runs") && out.contains("(4 already finished"), "nothing is retrained: " + out);
        assertTrue(Files.isRegularFile(dir.resolve("report.html")), out);
        assertTrue(Files.isRegularFile(dir.resolve("summary.csv")));
        assertTrue(Files.isRegularFile(dir.resolve("figures/curves-1-tiny.png")));
        assertTrue(out.contains("Report: " + dir.resolve("report.html").toAbsolutePath().normalize()), out);
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
