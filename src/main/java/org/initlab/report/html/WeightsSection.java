package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.WeightFigure;

import java.util.List;

/** The weights per layer, at initialisation and after training, for the scenarios that get per-scenario figures. */
final class WeightsSection implements Section {
    @Override
    public String id() {
        return "weights";
    }

    @Override
    public String heading(ReportInput in) {
        return "Weights";
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new WeightFigure());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        FigureHtml.introAndFigures(p, "Per layer, the distribution of the weights at initialisation (grey) and after training (colour), seeds summed." + FigureHtml.cappedNote(in), figures);
    }
}
