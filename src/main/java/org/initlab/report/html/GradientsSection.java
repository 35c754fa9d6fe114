package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.GradientFigure;

import java.util.List;

/** Gradient flow per layer and epoch, and through depth, for the scenarios that get per-scenario figures. */
final class GradientsSection implements Section {
    @Override
    public String id() {
        return "gradients";
    }

    @Override
    public String heading(ReportInput in) {
        return "Gradient flow";
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new GradientFigure());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        FigureHtml.introAndFigures(p, "Gradient norms and update:weight ratios per layer and epoch (log scale): where gradients vanish or explode." + FigureHtml.cappedNote(in), figures);
    }
}
