package org.initlab.report.html;

import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.Comparison;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.Proportion;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.List;

/**
 * The third research question, which level of the primary factor is best where: per scenario the
 * ranking, the best against each other member with the paired difference's interval and test. The
 * sentences are the findings' (at the top of the page), not repeated here.
 */
final class RankingSection implements Section {
    @Override
    public String id() {
        return "rq3";
    }

    @Override
    public String heading(ReportInput in) {
        List<String> primaries = in.agg().design().primaries();
        String what = primaries.size() == 1 ? "Which " + StudyDesign.words(primaries.getFirst()) : "Which";
        return what + " is best" + (in.agg().rankings().size() > 1 ? " where?" : "?");
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "Best where";
    }

    @Override
    public boolean appliesTo(ReportInput in) {
        return !in.agg().rankings().isEmpty();
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        StudyAggregate agg = in.agg();
        SeriesColours colours = in.colours();
        p.element("p", "", "For each scenario, the configurations ranked by final validation accuracy: the test split is never used to choose."
                + " The chosen best is then compared with each other one on final test accuracy, seed by seed: runs with the same seed share data order"
                + " and random draws, so the difference of each pair is what is compared — its mean with its 95% t interval, and a paired t-test, the"
                + " p-values Holm-corrected within the scenario; d_z is the mean paired difference over its standard deviation (Cohen's paired effect size)."
                + " A configuration with diverged seeds is ranked after those without (a diverged run has no final accuracy; its mean is over the seeds that"
                + " completed, and the tests pair only seeds both completed).");
        boolean experiments = agg.design().experiments().size() > 1;
        p.raw("<div class=\"table-wrap\"><table class=\"sortable fixed-columns\" id=\"ranking-table\">\n<thead><tr>");
        p.element("th", "class=\"text fixed\"", "scenario");
        if (experiments) p.element("th", "class=\"text\"", "experiments");
        p.element("th", "class=\"text\"", "best");
        p.element("th", "", "val. acc.");
        p.element("th", "", "test acc.");
        p.element("th", "class=\"text\"", "runner-up");
        p.element("th", "", "its test acc.");
        p.element("th", "", "paired difference, 95% CI (points)");
        p.element("th", "", "Holm p");
        p.element("th", "", "d_z");
        p.element("th", "class=\"text\"", "verdict");
        p.element("th", "class=\"text\"", "best against every other: paired difference (95% CI), Holm p");
        p.raw("</tr></thead>\n<tbody>\n");
        for (Ranking r : agg.rankings()) {
            Comparison c = r.runnerUp();
            String primary = r.scenario().primary();
            String best = r.scenario().level(r.best().group()), runner = r.scenario().level(c.other());
            Ranking.Standing second = r.order().get(1);
            int n = r.best().group().seeds();
            p.raw("<tr>");
            p.element("td", "class=\"text fixed\"", r.scenario().title(agg.design()));
            if (experiments) p.element("td", "class=\"text\"", String.join(", ", r.scenario().experiments()));
            p.raw("<td class=\"text\"><span class=\"swatch\" style=\"background:" + colours.colour(primary, best).hex() + "\"></span>").text(best + diverged(r.best().divergence())).raw("</td>");
            SummarySection.cell(p, r.best().validation().mean(), Values.accuracy(r.best().validation().scaled(0.01), n));
            SummarySection.cell(p, r.best().accuracy().mean(), Values.accuracy(r.best().accuracy().scaled(0.01), n));
            p.raw("<td class=\"text\"><span class=\"swatch\" style=\"background:" + colours.colour(primary, runner).hex() + "\"></span>").text(runner + diverged(second.divergence())).raw("</td>");
            SummarySection.cell(p, second.accuracy().mean(), Values.accuracy(second.accuracy().scaled(0.01), second.group().seeds()));
            SummarySection.cell(p, c.test().difference().mean(), difference(c.test().difference()));
            SummarySection.cell(p, c.adjustedP(), c.tested() ? Values.p(c.adjustedP()).replace("p = ", "").replace("p ", "") : "no test");
            SummarySection.cell(p, c.test().effectSize(), Values.effect(c.test().effectSize()));
            String verdict = !c.tested() ? "no test (" + c.test().pairs() + " paired seed" + (c.test().pairs() == 1 ? ")" : "s)")
                    : c.significant() ? "significant" : "not significant";
            p.raw("<td class=\"text " + (c.significant() ? "verdict-sig" : "verdict-ns") + "\">").text(verdict).raw("</td>");
            List<String> against = new ArrayList<>();
            for (int i = 0; i < r.comparisons().size(); i++) {
                Comparison o = r.comparisons().get(i);
                against.add(r.scenario().level(o.other()) + diverged(r.order().get(i + 1).divergence()) + " " + difference(o.test().difference()) + ", "
                        + (o.tested() ? Values.p(o.adjustedP()) + (o.significant() ? "" : " (n.s.)") : "no test"));
            }
            p.element("td", "class=\"wrap\"", String.join("; ", against));
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n");
        p.raw("<p class=\"note\">").text("Best and runner-up: the first two by validation accuracy (by test accuracy where a configuration has no validation measurement). "
                + "Paired difference: best minus the other in final test accuracy, seed by seed, averaged over the seeds both completed, with its 95% t interval; "
                + "it is negative when the choice made on validation does not hold on test. The two configurations' own intervals (in the summary table) may overlap "
                + "while the paired difference is significant: pairing removes the variation that the runs of one seed share, so the interval of the differences "
                + "is narrower than either — it is the one that answers \u201cis the best ahead?\u201d. Holm p: the paired test's p-value after Holm's correction for "
                + "the scenario's comparisons; n.s.: not significant at 0.05. " + (agg.maxSeeds() < 2 ? "1 seed: no tests are possible. " : "")
                + "The sentences these numbers support are in the ").raw("<a href=\"#findings\">").text("findings").raw("</a>.</p>\n");
    }

    /** "0.40 (0.21 to 0.59)"; the mean alone without an interval; "—" without pairs. */
    static String difference(Estimate d) {
        if (d.isEmpty()) return Values.NONE;
        return Values.fixed(d.mean(), 2) + (d.hasInterval() ? " (" + Values.fixed(d.low(), 2) + " to " + Values.fixed(d.high(), 2) + ")" : "");
    }

    /** " (1 of 3 diverged)" or "". */
    static String diverged(Proportion d) {
        return d.count() == 0 ? "" : " (" + d.count() + " of " + d.n() + " diverged)";
    }
}
