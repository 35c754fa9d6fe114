package org.initlab.report;

import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.Curve;
import org.initlab.report.model.Metric;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.SummaryColumns;
import org.initlab.report.text.Values;
import org.initlab.io.Escape;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The summary table states a loss as the figures draw it: the geometric mean over seeds with its
 * multiplicative 95% interval ({@link Metric#estimate}), which cannot reach below 0 — where the
 * symmetric t interval of seeds' losses that differ by orders of magnitude does ("0.853 ± 0.993").
 *
 * <p>he/relu and zero/relu, three seeds; zero's seeds end at 97%, 50% and 6% validation accuracy,
 * so their validation losses are −ln 0.97, −ln 0.5 and −ln 0.06.
 */
class SummaryLossesTest {
    static final double[][] FINAL = {{0.97, 0.5, 0.06}, {0.98, 0.981, 0.979}};

    static List<RunRecord> runs() {
        List<RunRecord> runs = new ArrayList<>();
        List<String> inits = List.of("zero", "he");
        for (int i = 0; i < inits.size(); i++) {
            for (int seed = 0; seed < 3; seed++) {
                double a = FINAL[i][seed];
                runs.add(Fixtures.run(inits.get(i) + seed, Fixtures.labels(inits.get(i), "relu", seed), List.of("grid"),
                        new double[]{0.1, 0.8, a}, new double[]{0.1, 0.8, a}, 0));
            }
        }
        return runs;
    }

    static StudyManifest manifest(List<RunRecord> runs) {
        return Fixtures.manifest("spread", Map.of("grid", Map.of("initializer", List.of("zero", "he"), "activation", List.of("relu"))), runs);
    }

    @Test
    void aLossIsTheGeometricMeanOfTheFiguresWithAnIntervalAboveZero() {
        List<RunRecord> runs = runs();
        StudyAggregate agg = StudyAggregate.of(new StudyData(Path.of("unused"), manifest(runs), "name: spread\n", runs));
        RunGroup zero = agg.groups().stream().filter(g -> g.configuration().get("initializer").equals("zero")).findFirst().orElseThrow();
        double[] losses = {-Math.log(0.97), -Math.log(0.5), -Math.log(0.06)};
        assertTrue(Estimate.of(losses).low() < 0, "the symmetric t interval of these losses reaches below 0: " + Estimate.of(losses));

        ConfigurationSummary s = agg.summary(zero);
        Estimate val = s.finalValidationLoss();
        assertEquals(Estimate.ofLog(losses), val);
        assertEquals(Math.cbrt(losses[0] * losses[1] * losses[2]), val.mean(), 1e-12, "the geometric mean");
        assertTrue(val.low() > 0 && val.low() < val.mean() && val.mean() < val.high(), val.toString());
        Curve drawn = Curve.reported(Metric.VALIDATION_LOSS, zero.runs());
        assertEquals(drawn.values()[drawn.size() - 1], val, "the table's final loss is the figures' last point");
        for (Estimate e : List.of(s.finalTrainLoss(), s.finalTestLoss())) assertTrue(e.low() > 0, e.toString());
        Curve train = Curve.reported(Metric.TRAIN_LOSS, zero.runs());
        assertEquals(train.values()[train.size() - 1], s.finalTrainLoss());
        // accuracies keep the arithmetic mean and its t interval
        assertEquals(Estimate.of(FINAL[0]), s.finalValidationAccuracy());
        assertEquals(Curve.of(Metric.TEST_ACCURACY, zero.runs()).values()[2], Curve.reported(Metric.TEST_ACCURACY, zero.runs()).values()[2]);
    }

    @Test
    void theTablesSayWhatTheIntervalIs(@TempDir Path tmp) throws IOException {
        List<RunRecord> runs = runs();
        Path dir = Fixtures.write(tmp.resolve("s"), manifest(runs), runs, "name: spread\n");
        ReportWriter.write(dir, new ReportWriter.Options(dir, false, 12));
        Estimate val = Estimate.ofLog(new double[]{-Math.log(0.97), -Math.log(0.5), -Math.log(0.06)});

        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains(SummaryColumns.INTERVALS), md);
        String header = md.lines().filter(l -> l.startsWith("| initializer")).findFirst().orElseThrow();
        assertTrue(header.contains("| val. loss, geom. mean (95% CI) |"), header);
        String row = md.lines().filter(l -> l.startsWith("| zero")).findFirst().orElseThrow();
        String[] cells = row.split(" \\| ");
        List<String> heads = List.of(header.split(" \\| "));
        String loss = cells[heads.indexOf("val. loss, geom. mean (95% CI)")];
        assertEquals(Values.geometric(val), loss);
        assertTrue(loss.matches("[0-9.]+ \\([0-9.]+–[0-9.]+\\)"), "geometric mean (low–high), both positive: " + loss);
        assertTrue(cells[heads.indexOf("final test acc.")].contains(" ± "), "accuracies: mean ± half-width");

        List<String> csv = Files.readString(dir.resolve("summary.csv")).lines().toList();
        List<String> cols = List.of(csv.getFirst().split(",", -1));
        assertTrue(cols.containsAll(List.of("final_validation_loss_geomean", "final_train_loss_geomean", "final_test_loss_geomean", "final_test_accuracy_mean")));
        assertFalse(cols.contains("final_validation_loss_mean"), "a loss column says it is a geometric mean");
        String[] values = csv.stream().filter(l -> l.startsWith("zero,")).findFirst().orElseThrow().split(",", -1);
        assertEquals(val.mean(), Double.parseDouble(values[cols.indexOf("final_validation_loss_geomean")]));
        assertEquals(val.low(), Double.parseDouble(values[cols.indexOf("final_validation_loss_ci_low")]));
        assertEquals(val.high(), Double.parseDouble(values[cols.indexOf("final_validation_loss_ci_high")]));

        String html = Files.readString(dir.resolve("report.html"));
        String table = html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("</table>", html.indexOf("<section id=\"summary\">")));
        assertTrue(table.contains(Escape.html(SummaryColumns.INTERVALS)), "the note says what the intervals are");
        assertTrue(table.contains(">val. loss, geom. mean (95% CI)</th>"), table);
        assertTrue(table.contains(">" + Escape.html(Values.geometric(val)) + "</td>"), table);
    }
}
