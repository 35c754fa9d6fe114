package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.Interactions;
import org.initlab.report.text.Finding;

import java.util.List;

/** Research question 2, how the initialization interacts with the other factors: heatmaps, lines, and whether the best choice depends on them. */
final class InteractionsSection implements Section {
    @Override
    public String id() {
        return "rq2";
    }

    @Override
    public String heading(ReportInput in) {
        return "2. How does it interact with activation, optimizer and depth?";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "2 · Interactions";
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new Interactions());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        FigureHtml.introAndFigures(p, "Final test accuracy of every combination the study ran, as heatmaps and as lines across the other factor's levels.", figures);
        List<Finding> interactions = in.findings(Finding.Kind.INTERACTION);
        if (!interactions.isEmpty()) FindingList.write(p, interactions);
    }
}
