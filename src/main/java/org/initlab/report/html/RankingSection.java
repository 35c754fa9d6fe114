package org.initlab.report.html;

import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.Comparison;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.text.Finding;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.List;

/** Research question 3: per scenario the ranking, the best against each other member with its paired test, and the sentences. */
final class RankingSection implements Section {
    @Override
    public String id() {
        return "rq3";
    }

    @Override
    public String heading(ReportInput in) {
        return "3. Which is best where?";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "3 · Best where";
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        StudyAggregate agg = in.agg();
        SeriesColours colours = in.colours();
        p.element("p", "", "For each scenario, the configurations ranked by final validation accuracy: the test split is never used to choose."
                + " The chosen best is then compared with each other one on final test accuracy by a paired t-test"
                + " across seeds (runs with the same seed share data order and random draws), the p-values Holm-corrected within the scenario;"
                + " d_z is the mean paired difference over its standard deviation (Cohen's paired effect size).");
        if (agg.rankings().isEmpty()) {
            p.element("p", "class=\"note\"", "No scenario has more than one configuration to compare.");
            return;
        }
        boolean experiments = agg.design().experiments().size() > 1;
        p.raw("<div class=\"table-wrap\"><table class=\"sortable\" id=\"ranking-table\">\n<thead><tr>");
        p.element("th", "class=\"text\"", "scenario");
        if (experiments) p.element("th", "class=\"text\"", "experiments");
        for (String h : List.of("best", "val. acc.", "test acc.", "runner-up", "margin (points)", "Holm p", "d_z")) p.element("th", h.equals("best") || h.equals("runner-up") ? "class=\"text\"" : "", h);
        p.element("th", "class=\"text\"", "verdict");
        p.element("th", "class=\"text\"", "best against every other");
        p.raw("</tr></thead>\n<tbody>\n");
        for (Ranking r : agg.rankings()) {
            Comparison c = r.runnerUp();
            String primary = r.scenario().primary();
            String best = r.scenario().level(r.best().group()), runner = r.scenario().level(c.other());
            double margin = r.margin();
            p.raw("<tr>");
            p.element("td", "class=\"text\"", r.scenario().title(agg.design()));
            if (experiments) p.element("td", "class=\"text\"", String.join(", ", r.scenario().experiments()));
            p.raw("<td class=\"text\"><span class=\"swatch\" style=\"background:" + colours.colour(primary, best).hex() + "\"></span>").text(best).raw("</td>");
            SummarySection.cell(p, r.best().validation().mean(), Values.accuracy(r.best().validation().scaled(0.01)));
            SummarySection.cell(p, r.best().accuracy().mean(), Values.accuracy(r.best().accuracy().scaled(0.01)));
            p.raw("<td class=\"text\"><span class=\"swatch\" style=\"background:" + colours.colour(primary, runner).hex() + "\"></span>").text(runner).raw("</td>");
            SummarySection.cell(p, margin, Values.points(margin));
            SummarySection.cell(p, c.adjustedP(), c.tested() ? Values.p(c.adjustedP()).replace("p = ", "").replace("p ", "") : "no test");
            SummarySection.cell(p, c.test().effectSize(), Values.effect(c.test().effectSize()));
            String verdict = !c.tested() ? "no test (" + c.test().pairs() + " paired seed" + (c.test().pairs() == 1 ? ")" : "s)")
                    : c.significant() ? "significant" : "not significant";
            p.raw("<td class=\"text " + (c.significant() ? "verdict-sig" : "verdict-ns") + "\">").text(verdict).raw("</td>");
            List<String> against = new ArrayList<>();
            for (Comparison o : r.comparisons()) {
                against.add(r.scenario().level(o.other()) + " " + Values.fixed(o.test().difference().mean(), 2) + " pts ("
                        + (o.tested() ? Values.p(o.adjustedP()) + (o.significant() ? "" : ", n.s.") : "no test") + ")");
            }
            p.element("td", "class=\"wrap\"", String.join("; ", against));
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n");
        p.element("p", "class=\"note\"", "Best and runner-up: the first two by validation accuracy (by test accuracy where a configuration has no validation measurement). "
                + "Margin: best minus runner-up in final test accuracy, the mean paired difference over the seeds both have; negative when the choice made on validation does not hold on test. Holm p: the paired test's p-value after Holm's correction; "
                + "n.s.: not significant at 0.05. " + (agg.maxSeeds() < 2 ? "1 seed: no tests are possible." : ""));
        List<Finding> best = in.findings(Finding.Kind.BEST);
        if (!best.isEmpty()) FindingList.write(p, best);
    }
}
