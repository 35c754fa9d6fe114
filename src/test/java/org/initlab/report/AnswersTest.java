package org.initlab.report;

import org.initlab.report.model.Comparison;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.model.TheoryView;
import org.initlab.report.text.Answers;
import org.initlab.report.text.Values;
import org.initlab.study.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The answers at the top of the report: one per research question and scenario, with the paired
 * difference to the runner-up and its 95% interval (checked against a hand computation from the
 * runs), and a "why" from the theory probe's numbers (checked on a small real study, where N(0, 1)
 * weights saturate most tanh units as predicted).
 */
class AnswersTest {
    /** Student's t quantile t_{0.975} for 4 degrees of freedom. */
    static final double T4 = 2.7764451051977987;

    @Test
    void pairedDifferenceAndIntervalAgainstAHandComputation() {
        StudyAggregate agg = Fixtures.initializerByActivation();
        List<Answers.Question> questions = Answers.of(agg);
        assertEquals(List.of("activations", "relu-only"), questions.stream().map(Answers.Question::experiment).toList());
        assertEquals(2, questions.getFirst().answers().size(), "one answer per scenario (relu, tanh)");
        for (Ranking r : agg.rankings()) {
            Comparison c = r.runnerUp();
            // per seed, best − runner-up in points; mean and t interval over the 5 seeds by hand
            double[] d = new double[5];
            int n = 0;
            for (String seed : c.best().bySeed().keySet()) {
                RunRecord a = c.best().bySeed().get(seed), b = c.other().bySeed().get(seed);
                if (b == null) continue;
                Double x = a.result().finalMetrics().testAccuracy(), y = b.result().finalMetrics().testAccuracy();
                if (x == null || y == null || !Double.isFinite(x) || !Double.isFinite(y)) continue;
                d[n++] = 100 * (x - y);
            }
            assertEquals(5, n, "five paired seeds in " + r.scenario().fixed());
            double mean = 0, ss = 0;
            for (double v : d) mean += v / n;
            for (double v : d) ss += (v - mean) * (v - mean);
            double half = T4 * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
            Answers.Answer a = Answers.answer(agg.design(), r);
            String expected = Values.points(mean) + " points of test accuracy above " + r.scenario().level(c.other()) + ", the runner-up (95% CI "
                    + Values.points(mean - half) + " to " + Values.points(mean + half) + ", paired over 5 seeds; Holm-adjusted " + Values.p(c.adjustedP());
            assertTrue(a.verdict().contains(expected), a.verdict() + "\n expected: " + expected);
            assertTrue(a.verdict().startsWith(r.scenario().level(r.best().group()) + " is best on validation"), a.verdict());
            assertEquals(c.significant(), a.significant());
            assertEquals("", a.why(), "no theory probe in these fixtures, so no why");
        }
        Answers.Answer he = Answers.answer(agg.design(), agg.rankings().getFirst());
        assertEquals("he", he.best());
        assertTrue(he.significant(), "he beats xavier with relu in every seed: " + he.verdict());
    }

    static final String FACTORS = """
            factors:
              initializer:
                - {name: xavier_uniform, label: xavier}
                - {name: kaiming_normal, label: he}
                - {name: normal, mean: 0, std: 1, label: random}
              architecture: [{hidden: [64, 64, 64], label: 3x64}]
              activation: [tanh, relu]
            """;

    @Test
    void whyFromTheTheoryProbeOnASmallRealStudy(@TempDir Path tmp) throws IOException {
        Path dir = SmallStudy.run(tmp.resolve("s"), SmallStudy.spec("answers-small", "answers on a small study", FACTORS, 2, 1));
        StudyAggregate agg = StudyAggregate.of(StudyData.load(dir));
        List<Answers.Question> questions = Answers.of(agg);
        assertEquals(1, questions.size());
        assertEquals(2, questions.getFirst().answers().size(), "tanh and relu");
        for (Ranking r : agg.rankings()) {
            Answers.Answer a = Answers.answer(agg.design(), r);
            String activation = r.scenario().fixed().get("activation");
            assertTrue(a.why().startsWith("at initialisation, "), a.why());
            for (Ranking.Standing st : r.order()) assertTrue(a.why().contains(r.scenario().level(st.group()) + ": q¹ = "), a.why());
            RunGroup random = r.order().stream().map(Ranking.Standing::group).filter(g -> r.scenario().level(g).equals("random")).findFirst().orElseThrow();
            TheoryView v = new TheoryView(random);
            String facts = a.why().substring(a.why().indexOf("random: "));
            if (activation.equals("tanh")) {
                // N(0, 1) weights: σ_w² = fan_in, q¹ ≫ 1, most tanh units saturated — measured, and as predicted
                Matcher m = Pattern.compile("(\\d+)% of layer-(\\d) activations saturated \\(predicted (\\d+)%\\)").matcher(facts);
                assertTrue(m.find(), facts);
                int measured = Integer.parseInt(m.group(1)), predicted = Integer.parseInt(m.group(3)), layer = Integer.parseInt(m.group(2));
                assertTrue(measured > 60, "N(0, 1)/tanh saturates most units: " + facts);
                assertEquals(predicted, measured, 5, facts);
                assertEquals(Math.round(100 * v.measured(layer - 1, TheoryView.Quantity.SATURATED_FRACTION).mean()), measured);
                assertTrue(facts.contains("chaotic: gradients grow backwards"), facts);
                double q1 = v.measured(0, TheoryView.Quantity.PREACT_SECOND_MOMENT).mean();
                assertTrue(q1 > 20, "q¹ ≫ 1: " + q1);
                assertTrue(facts.contains("q¹ = " + Values.significant(q1) + " (predicted "), facts);
            } else {
                assertTrue(Pattern.compile("\\d+(\\.\\d)?% of layer-\\d units dead \\(predicted ").matcher(facts).find(), facts);
                Answers.Answer answer = a;
                String he = answer.why().substring(answer.why().indexOf("he: "));
                assertTrue(he.startsWith("he: q¹ = ") && he.contains("χ ≈ 1.00 per layer (near critical)"), "He/ReLU is critical: χ = 1 exactly: " + he);
            }
            assertTrue(a.why().contains("the gradient of layer 1's weights is "), a.why());
        }

        ReportWriter.Written w = ReportWriter.write(dir, ReportWriter.Options.defaults(dir));
        String html = Files.readString(w.html());
        int answers = html.indexOf("<section id=\"answers\">"), findings = html.indexOf("<section id=\"findings\">");
        assertTrue(answers > 0 && answers < findings, "the answers come first");
        assertTrue(html.substring(answers, findings).contains("Why: at initialisation"));
        assertFalse(html.substring(answers, findings).contains("No run has the theory probe"));
    }
}
