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
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small real study with critical weights over σ_w × depth, an identity initializer and claims:
 * its report has the theory beside measurement (saying why identity gets no prediction), the
 * phase diagram with the depth scales, and the claims with their verdicts; the CSV export has the
 * theory's columns.
 */
class TheoryReportTest {
    static final String FACTORS = """
            factors:
              initializer:
                - {name: critical, sigma_w: 0.5, label: ordered}
                - {name: critical, sigma_w: 1.4, label: critical}
                - {name: identity, label: identity}
              architecture: [{hidden: [24], label: "1"}, {hidden: [24, 24, 24, 24], label: "4"}]
              activation: [tanh]
            claims:
              - {text: "critical beats ordered", better: critical, than: ordered}
              - {text: "identity trains", level: identity, at_least: 0.5, where: {architecture: "1"}}
              - {text: "no such runs", better: critical, than: ordered, where: {architecture: "4"}, metric: dead_fraction}
            """;

    @Test
    void theoryPhaseDiagramAndClaimsOnASmallStudy(@TempDir Path tmp) throws IOException {
        Path dir = SmallStudy.run(tmp.resolve("s"), SmallStudy.spec("theory-small", "theory on a small study", FACTORS, 2, 1));
        ReportWriter.Written w = ReportWriter.write(dir, ReportWriter.Options.defaults(dir));
        String html = Files.readString(w.html());
        for (String section : List.of("theory", "edge-of-chaos", "claims")) assertTrue(html.contains("<section id=\"" + section + "\">"), section);
        assertTrue(html.contains("id=\"theory-table\""));
        assertTrue(html.contains("not applicable: weights identity"), "identity gets no prediction, and the report says why");
        assertTrue(html.contains("the initializers&#39;") || html.contains("the initializers' laws"), "the basis of a prediction");
        List<String> figures;
        try (var files = Files.list(dir.resolve("figures"))) {
            figures = files.map(p -> p.getFileName().toString()).toList();
        }
        assertTrue(figures.contains("phase-1-tanh-b-0.svg"), "the phase diagram is drawn: " + figures);
        assertTrue(figures.stream().anyMatch(f -> f.startsWith("theory-1")), "theory figures: " + figures);
        assertTrue(html.contains("critical beats ordered"));
        assertTrue(html.contains("not evaluable"), "the dead-fraction claim has no rectifier layers to read");
        assertTrue(html.contains("ξ_c"));

        assertEquals(0, cli("export", dir.toString(), "--csv"));
        String layers = Files.readAllLines(dir.resolve("export/layers.csv")).getFirst();
        for (String column : List.of("predicted_preact_variance", "measured_preact_variance", "predicted_chi", "predicted_saturated_fraction",
                "measured_backward_square", "predicted_grad_norm_relative")) {
            assertTrue(layers.contains(column), column + " in " + layers);
        }
        // the answers and the claims, as the report states them
        List<String> claims = Files.readAllLines(dir.resolve("export/claims.csv"));
        assertTrue(claims.getFirst().startsWith("claim,metric,claim_verdict,better,than,bound"), claims.getFirst());
        assertTrue(claims.stream().anyMatch(l -> l.startsWith("critical beats ordered,test_accuracy,")), String.join("\n", claims));
        assertTrue(claims.stream().anyMatch(l -> l.startsWith("no such runs,dead_fraction,not evaluable,")), String.join("\n", claims));
        var agg = org.initlab.report.model.StudyAggregate.of(org.initlab.report.model.StudyData.load(dir));
        List<String> answers = Files.readAllLines(dir.resolve("export/answers.csv"));
        assertEquals("experiment,scenario,best,runner_up,best_test_accuracy,by_validation,difference_points,ci_low,ci_high,pairs,p,holm_p,significant,why",
                answers.getFirst());
        assertEquals(1 + agg.rankings().size(), answers.size(), "one row per ranked scenario (one experiment): " + answers);
        String epochs = Files.readAllLines(dir.resolve("export/epochs.csv")).getFirst();
        for (String column : List.of("theory_basis", "jacobian_singular_values", "predicted_jacobian_mean_square", "measured_grad_norm_ratio")) {
            assertTrue(epochs.contains(column), column + " in " + epochs);
        }
    }

    static synchronized int cli(String... args) {
        PrintStream oldOut = System.out, oldErr = System.err;
        try {
            System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
            return Main.run(args);
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }
}
