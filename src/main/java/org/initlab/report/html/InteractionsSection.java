package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.Interactions;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.text.Finding;

import java.util.List;

/**
 * The second research question, how the primary factor interacts with the others the study varies:
 * heatmaps and lines. Left out when no experiment varies a second factor.
 */
final class InteractionsSection implements Section {
    @Override
    public String id() {
        return "rq2";
    }

    @Override
    public String heading(ReportInput in) {
        StudyDesign d = in.agg().design();
        List<String> primaries = d.primaries();
        String subject = primaries.size() == 1 ? "the " + StudyDesign.words(primaries.getFirst()) : "it";
        return "How does " + subject + " interact with " + StudyDesign.list(d.secondary().stream().map(StudyDesign::words).toList()) + "?";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "Interactions";
    }

    @Override
    public boolean appliesTo(ReportInput in) {
        return !in.agg().design().secondary().isEmpty();
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new Interactions());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        boolean diverged = TrainingSection.diverged(in);
        FigureHtml.introAndFigures(p, "Final test accuracy of every combination the study ran, as heatmaps and as lines across the other factor's levels"
                + (diverged ? "; each over the seeds that completed (a cell says how many where some diverged)" : "") + ".", figures);
        if (!in.findings(Finding.Kind.INTERACTION).isEmpty()) {
            p.raw("<p class=\"note\">").text("Whether the best choice depends on these factors is stated in the ").raw("<a href=\"#findings\">").text("findings")
                    .raw("</a>").text(".").raw("</p>\n");
        }
    }
}
