package org.initlab.report.html;

import org.initlab.io.Escape;
import org.initlab.report.compare.ConfigurationDifference;
import org.initlab.report.compare.Matching;
import org.initlab.report.compare.StudyComparison;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.text.Values;

import java.util.List;

/**
 * The matched configurations side by side: each study's final test accuracy, the difference with
 * its interval, how it was tested (paired by seed or Welch, and why), and the settings in which the
 * two runs differ beyond what the studies differ in everywhere.
 */
final class SideBySideSection implements ComparisonSection {
    @Override
    public String id() {
        return "side-by-side";
    }

    @Override
    public String heading(ComparisonInput in) {
        return "Each configuration in both studies";
    }

    @Override
    public String tocEntry(ComparisonInput in) {
        return "Side by side";
    }

    @Override
    public void write(Page p, ComparisonInput in, List<RenderedFigure> figures) {
        p.raw("<p class=\"note\">").text("One row per configuration both studies ran (matched on the factors their experiments vary). Final test accuracy:"
                + " mean over the seeds that completed ± the half-width of its 95% t interval (a diverged run has no final accuracy; \u201c2 of 3 seeds\u201d"
                + " where some diverged). Difference: the second study minus the first, in points, with its 95% interval — paired by seed where both ran"
                + " the same seeds on the same data in the same order (same training examples and batch size: a seed then gives both the same minibatches"
                + " and initial draws, and the per-seed difference removes what they share), else Welch's interval for two independent samples. Holm p:"
                + " the test's p-value adjusted over all the rows. Also as ").raw("<a href=\"" + Escape.html(in.csvFile()) + "\">").text(in.csvFile())
                .raw("</a>.</p>\n");
        for (int i = 0; i < in.comparisons().size(); i++) {
            ComparisonPage.pairHeading(p, in, i);
            table(p, in.comparisons().get(i), i);
        }
    }

    private static void table(Page p, StudyComparison c, int index) {
        Matching m = c.matching();
        if (m.pairs().isEmpty()) return;
        List<Matching.Setting> common = m.common();
        if (!common.isEmpty()) {
            p.element("p", "", "In every matched configuration, " + c.nameA() + " → " + c.nameB() + ": "
                    + String.join("; ", common.stream().map(Matching.Setting::toString).toList()) + ".");
        }
        List<String> keys = m.keys();
        List<List<Matching.Setting>> sets = m.particularSets();
        boolean particular = !sets.isEmpty();
        if (particular) {
            p.raw("<p>").text("Besides, in some configurations (column \u201cother settings\u201d):").raw("</p>\n<ol class=\"settings\">\n");
            for (List<Matching.Setting> set : sets) {
                long rows = m.pairs().stream().filter(pr -> m.particular(pr).equals(set)).count();
                p.element("li", "", String.join("; ", set.stream().map(Matching.Setting::toString).toList()) + " (" + rows + " configurations)");
            }
            p.raw("</ol>\n");
        }
        p.raw("<div class=\"table-wrap\"><table class=\"sortable fixed-columns\" id=\"side-by-side-" + (index + 1) + "\">\n<thead><tr>");
        for (String k : keys) p.element("th", "class=\"text fixed\"", StudyDesign.words(k));
        p.element("th", "", c.nameA() + ": final test acc.");
        p.element("th", "", c.nameB() + ": final test acc.");
        p.element("th", "", "difference, 95% CI (points)");
        p.element("th", "class=\"text\"", "test");
        p.element("th", "", "Holm p");
        p.element("th", "class=\"text\"", "verdict");
        if (particular) p.element("th", "class=\"text\"", "other settings");
        p.raw("</tr></thead>\n<tbody>\n");
        for (ConfigurationDifference d : c.differences()) {
            p.raw("<tr>");
            for (String k : keys) p.element("td", "class=\"text fixed\"", d.pair().key().get(k).isEmpty() ? Values.NONE : d.pair().key().get(k));
            SummarySection.cell(p, d.a().finalTestAccuracy().mean(), Values.accuracy(d.a().finalTestAccuracy(), d.a().seeds()) + diverged(d.a().divergence()));
            SummarySection.cell(p, d.b().finalTestAccuracy().mean(), Values.accuracy(d.b().finalTestAccuracy(), d.b().seeds()) + diverged(d.b().divergence()));
            SummarySection.cell(p, d.mean(), Double.isNaN(d.mean()) ? Values.NONE : signed(d.mean())
                    + (Double.isFinite(d.low()) ? " (" + Values.fixed(d.low(), 2) + " to " + Values.fixed(d.high(), 2) + ")" : ""));
            p.raw("<td class=\"text\" " + Page.attr("title", d.why()) + ">").text(d.paired() ? "paired, " + d.n() + " seeds" : "Welch").raw("</td>");
            SummarySection.cell(p, d.adjustedP(), d.tested() ? Values.p(d.adjustedP()).replace("p = ", "").replace("p ", "") : "no test");
            String verdict = !d.tested() ? "no test" : d.significant() ? "differs" : "no significant difference";
            p.raw("<td class=\"text " + (d.significant() ? "verdict-sig" : "verdict-ns") + "\">").text(verdict).raw("</td>");
            if (particular) {
                List<Matching.Setting> own = m.particular(d.pair());
                p.raw("<td class=\"text\" " + Page.attr("title", String.join("; ", own.stream().map(Matching.Setting::toString).toList())) + ">")
                        .text(own.isEmpty() ? Values.NONE : "(" + (sets.indexOf(own) + 1) + ")").raw("</td>");
            }
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n");
        long paired = c.differences().stream().filter(ConfigurationDifference::paired).count();
        p.element("p", "class=\"note\"", paired == c.differences().size() ? "Every row is paired by seed: " + c.differences().getFirst().why() + "."
                : paired == 0 ? "No row is paired: " + c.differences().getFirst().why() + "."
                : paired + " rows are paired by seed, " + (c.differences().size() - paired) + " are not (hover over \u201cWelch\u201d for why: "
                        + c.differences().stream().filter(d -> !d.paired()).findFirst().orElseThrow().why() + ").");
        if (!m.onlyA().isEmpty() || !m.onlyB().isEmpty()) {
            p.element("p", "class=\"note\"", "Not matched: " + m.onlyA().size() + " configurations only in " + c.nameA() + ", " + m.onlyB().size()
                    + " only in " + c.nameB() + " (listed under \u201cThe studies\u201d).");
        }
    }

    static String signed(double v) {
        return (v > 0 ? "+" : "") + Values.points(v);
    }

    private static String diverged(org.initlab.report.stats.Proportion d) {
        return d.count() == 0 ? "" : "; " + d.count() + " of " + d.n() + " diverged";
    }
}
