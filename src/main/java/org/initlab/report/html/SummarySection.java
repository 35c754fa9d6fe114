package org.initlab.report.html;

import org.initlab.io.Escape;
import org.initlab.report.figures.SeriesColours;
import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.text.Values;

import java.util.List;

/** The summary table: one sortable row per configuration, every metric as mean ± half-width of its 95% interval. */
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
        p.raw("<p class=\"note\">One row per configuration; values are the mean over seeds ± the half-width of its 95% confidence interval (t distribution)"
                + (agg.minSeeds() == 1 ? "; with 1 seed there is no interval" : "") + ". Epochs to 90% / 97%: the first epoch whose validation accuracy"
                + " reaches it, over the seeds that do; — where validation is measured only at the end. Click a column to sort. Also as ")
                .raw("<a href=\"" + Escape.html(csvFile) + "\">").text(csvFile).raw("</a> and ")
                .raw("<a href=\"" + Escape.html(markdownFile) + "\">").text(markdownFile).raw("</a>.</p>\n");
        List<String> factors = factorColumns(agg);
        boolean experiments = agg.design().experiments().size() > 1;
        p.raw("<div class=\"table-wrap\"><table class=\"sortable\" id=\"summary-table\">\n<thead><tr>");
        for (String f : factors) p.element("th", "class=\"text\"", f.replace('_', ' '));
        if (experiments) p.element("th", "class=\"text\"", "experiments");
        for (String h : List.of("seeds", "final test acc.", "best test acc.", "final val. acc.", "train loss", "val. loss", "test loss",
                "epochs to 90% val.", "epochs to 97% val.", "diverged (95% CI)")) {
            p.element("th", "", h);
        }
        p.raw("</tr></thead>\n<tbody>\n");
        String primary = agg.design().experiments().isEmpty() ? StudyDesign.INITIALIZER : agg.design().experiments().getFirst().primary();
        for (RunGroup g : agg.groups()) {
            ConfigurationSummary s = agg.summary(g);
            p.raw("<tr>");
            for (String f : factors) {
                String level = g.configuration().get(f);
                p.raw("<td class=\"text\" " + Page.attr("data-sort", String.format("%06d", Math.min(999999, agg.design().levelIndex(f, level)))) + ">");
                if (f.equals(primary) && level != null) p.raw("<span class=\"swatch\" style=\"background:" + colours.colour(f, level).hex() + "\"></span>");
                p.text(level == null ? Values.NONE : level).raw("</td>");
            }
            if (experiments) p.element("td", "class=\"text\"", String.join(", ", g.experiments()));
            cell(p, g.seeds(), Integer.toString(g.seeds()));
            cell(p, s.finalTestAccuracy().mean(), Values.accuracy(s.finalTestAccuracy()));
            cell(p, s.bestTestAccuracy().mean(), Values.accuracy(s.bestTestAccuracy()));
            cell(p, s.finalValidationAccuracy().mean(), Values.accuracy(s.finalValidationAccuracy()));
            cell(p, s.finalTrainLoss().mean(), Values.loss(s.finalTrainLoss()));
            cell(p, s.finalValidationLoss().mean(), Values.loss(s.finalValidationLoss()));
            cell(p, s.finalTestLoss().mean(), Values.loss(s.finalTestLoss()));
            cell(p, s.epochsTo90().never() ? Double.POSITIVE_INFINITY : s.epochsTo90().epochs().mean(), Values.epochs(s.epochsTo90()));
            cell(p, s.epochsTo97().never() ? Double.POSITIVE_INFINITY : s.epochsTo97().epochs().mean(), Values.epochs(s.epochsTo97()));
            cell(p, s.divergence().rate(), Values.proportion(s.divergence()));
            p.raw("</tr>\n");
        }
        p.raw("</tbody></table></div>\n");
    }

    /** A numeric cell: sorted by {@code key} (empty when NaN; "Infinity" after every number). */
    static void cell(Page p, double key, String text) {
        String sort = Double.isNaN(key) ? "" : Double.isInfinite(key) ? "1e308" : Double.toString(key);
        p.raw("<td " + Page.attr("data-sort", sort) + ">").text(text).raw("</td>");
    }
}
