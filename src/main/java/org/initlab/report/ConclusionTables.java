package org.initlab.report;

import org.initlab.io.Csv;
import org.initlab.report.model.ClaimResult;
import org.initlab.report.model.Comparison;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Answers;

import java.util.ArrayList;
import java.util.List;

/**
 * The report's conclusions as tidy CSV for a user's own analysis: the answers (per experiment and
 * scenario, the best against the runner-up: paired difference in test-accuracy points, its 95%
 * interval, n, p and Holm p, and the "why" sentence) and the claims (one row per tested part,
 * with the same statistics and the verdict). Numbers are written in full precision; empty cells
 * where there is no value.
 */
public final class ConclusionTables {
    private ConclusionTables() {}

    public static final String ANSWERS = "answers.csv", CLAIMS = "claims.csv";

    /** One row per experiment × ranked scenario. */
    public static String answers(StudyAggregate agg) {
        StringBuilder sb = new StringBuilder();
        Csv.row(sb, List.of("experiment", "scenario", "best", "runner_up", "best_test_accuracy", "by_validation", "difference_points",
                "ci_low", "ci_high", "pairs", "p", "holm_p", "significant", "why"));
        StudyDesign design = agg.design();
        for (StudyDesign.Experiment e : design.experiments()) {
            for (Ranking r : agg.rankings()) {
                if (!r.scenario().experiments().contains(e.name())) continue;
                Answers.Answer a = Answers.answer(design, r);
                Comparison c = r.runnerUp();
                Estimate d = c == null ? Estimate.EMPTY : c.test().difference();
                List<String> row = new ArrayList<>(List.of(e.name(), a.scenario(), a.best(), c == null ? "" : r.scenario().level(c.other()),
                        n(r.best().accuracy().mean()), Boolean.toString(r.byValidation()), n(d.mean()), n(d.low()), n(d.high()),
                        c == null ? "0" : Integer.toString(c.test().pairs()), c == null ? "" : n(c.test().p()), c == null ? "" : n(c.adjustedP()),
                        Boolean.toString(a.significant()), a.why()));
                Csv.row(sb, row);
            }
        }
        return sb.toString();
    }

    /** One row per claim part (a claim without parts: one row saying why). */
    public static String claims(StudyAggregate agg) {
        StringBuilder sb = new StringBuilder();
        Csv.row(sb, List.of("claim", "metric", "claim_verdict", "better", "than", "bound", "at_most", "configurations", "pairs",
                "difference", "ci_low", "ci_high", "p", "holm_p", "verdict", "note"));
        for (ClaimResult r : ClaimResult.of(agg)) {
            if (r.parts().isEmpty()) {
                Csv.row(sb, List.of(r.claim().text(), r.claim().metric(), r.verdict().word(), "", "", "", "", "0", "0", "", "", "", "", "",
                        r.verdict().word(), r.metric() == null ? "unknown metric" : "nothing to test"));
                continue;
            }
            for (ClaimResult.Part p : r.parts()) {
                Estimate d = p.test().difference();
                Csv.row(sb, List.of(r.claim().text(), r.claim().metric(), r.verdict().word(), p.better(), p.than() == null ? "" : p.than(),
                        n(p.bound()), p.than() == null ? Boolean.toString(p.atMost()) : "", Integer.toString(p.configurations()),
                        Integer.toString(p.test().pairs()), n(d.mean()), n(d.low()), n(d.high()), n(p.test().p()), n(p.adjustedP()),
                        p.verdict().word(), p.note()));
            }
        }
        return sb.toString();
    }

    private static String n(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }
}
