package org.initlab.report.html;

import org.initlab.io.Escape;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.text.SummaryColumns;
import org.initlab.report.text.Values;

import java.util.List;

/** The summary table: one sortable row per configuration, accuracies as mean ± half-width of their 95% interval, losses as geometric mean (interval). */
final class SummarySection implements Section {
    @Override
    public String id() {
        return "summary";
    }

    @Override
    public String heading(ReportInput in) {
        return "Summary table";
    }

    /** The factors shown as columns: those that vary in the study, or the primary one if none does. */
    static List<String> factorColumns(StudyAggregate agg) {
        List<String> v = agg.design().varying();
        return v.isEmpty() ? List.of(StudyDesign.INITIALIZER) : v;
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        StudyAggregate agg = in.agg();
        SeriesColours colours = in.colours();
        String csvFile = in.csvFile(), markdownFile = in.markdownFile();
        boolean diverged = agg.groups().stream().anyMatch(g -> !g.divergences().isEmpty());
        p.raw("<p class=\"note\">One row per configuration. " + Escape.html(SummaryColumns.INTERVALS)
                + (agg.minSeeds() == 1 ? " With 1 seed there is no interval." : "") + " A run that diverged has no final values: every value is over the seeds"
                + " that completed" + (diverged ? " (\u201c2 of 3 seeds\u201d where some diverged)" : "") + ", and the diverged ones are counted in the last column,"
                + " with the 95% Wilson score interval of the divergence rate (an interval for a proportion that stays within 0–100% and is not empty at 0 of n)."
                + " Epochs to 90% / 97%: the first epoch whose validation accuracy reaches it, as the median over seeds (a seed that never reached it counts as"
                + " later than any) and the range over those that did; — where validation is measured only at the end. Click a column to sort. Also as ")
                .raw("<a href=\"" + Escape.html(csvFile) + "\">").text(csvFile).raw("</a> and ")
                .raw("<a href=\"" + Escape.html(markdownFile) + "\">").text(markdownFile).raw("</a>.</p>\n");
        List<String> factors = factorColumns(agg);
        boolean experiments = agg.design().experiments().size() > 1;
        // the factor columns stay in view while the numbers scroll sideways inside the table's frame
        p.raw("<div class=\"table-wrap\"><table class=\"sortable fixed-columns\" id=\"summary-table\">\n<thead><tr>");
        for (String f : factors) p.element("th", "class=\"text fixed\"", f.replace('_', ' '));
        if (experiments) p.element("th", "class=\"text\"", "experiments");
        for (String h : SummaryColumns.HEADINGS) p.element("th", "", h);
        p.raw("</tr></thead>\n<tbody>\n");
        String primary = agg.design().experiments().isEmpty() ? StudyDesign.INITIALIZER : agg.design().experiments().getFirst().primary();
        for (RunGroup g : agg.groups()) {
            ConfigurationSummary s = agg.summary(g);
            int n = g.seeds();
            p.raw("<tr>");
            for (String f : factors) {
                String level = g.configuration().get(f);
                p.raw("<td class=\"text fixed\" " + Page.attr("data-sort", String.format("%06d", Math.min(999999, agg.design().levelIndex(f, level)))) + ">");
                if (f.equals(primary) && level != null) p.raw("<span class=\"swatch\" style=\"background:" + colours.colour(f, level).hex() + "\"></span>");
                p.text(level == null ? Values.NONE : level).raw("</td>");
            }
            if (experiments) p.element("td", "class=\"text\"", String.join(", ", g.experiments()));
            cell(p, n, Integer.toString(n));
            cell(p, s.finalTestAccuracy().mean(), Values.accuracy(s.finalTestAccuracy(), n));
            cell(p, s.bestTestAccuracy().mean(), Values.accuracy(s.bestTestAccuracy(), n));
            cell(p, s.finalValidationAccuracy().mean(), Values.accuracy(s.finalValidationAccuracy(), n));
            cell(p, s.finalTrainLoss().mean(), Values.geometric(s.finalTrainLoss(), n));
            cell(p, s.finalValidationLoss().mean(), Values.geometric(s.finalValidationLoss(), n));
            cell(p, s.finalTestLoss().mean(), Values.geometric(s.finalTestLoss(), n));
            cell(p, s.epochsTo90().never() ? Double.POSITIVE_INFINITY : s.epochsTo90().median(), Values.epochs(s.epochsTo90()));
            cell(p, s.epochsTo97().never() ? Double.POSITIVE_INFINITY : s.epochsTo97().median(), Values.epochs(s.epochsTo97()));
            cell(p, s.divergence().rate(), Values.proportion(s.divergence()) + where(g));
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n");
    }

    /** "; epoch 1" or "; epochs 1, 3": where the seeds of a configuration diverged. */
    static String where(RunGroup g) {
        List<Integer> epochs = g.divergences().values().stream().map(org.initlab.report.model.Divergence::epoch).distinct().sorted().toList();
        if (epochs.isEmpty()) return "";
        return (epochs.size() == 1 ? ", in epoch " : ", in epochs ") + String.join(", ", epochs.stream().map(String::valueOf).toList());
    }

    /** A numeric cell: sorted by {@code key} (empty when NaN; "Infinity" after every number). */
    static void cell(Page p, double key, String text) {
        String sort = Double.isNaN(key) ? "" : Double.isInfinite(key) ? "1e308" : Double.toString(key);
        p.raw("<td " + Page.attr("data-sort", sort) + ">").text(text).raw("</td>");
    }
}
