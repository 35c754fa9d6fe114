package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.TrainingCurves;

import java.util.List;

/** Research question 1, how each initialization trains: the training curves. */
final class TrainingSection implements Section {
    @Override
    public String id() {
        return "rq1";
    }

    @Override
    public String heading(ReportInput in) {
        return "1. How does each initialization train?";
    }

    @Override
    public String tocEntry(ReportInput in) {
        return "1 · Training";
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new TrainingCurves());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        FigureHtml.introAndFigures(p, "Training loss, held-out loss and accuracy per epoch, one row per scenario. Each initializer keeps its colour throughout the report. "
                + "Hover over a panel to read the values; click a legend entry to hide or show a series.", figures);
    }
}
