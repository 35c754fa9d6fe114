package org.initlab.report.html;

import org.initlab.report.figures.FigureSet;
import org.initlab.report.figures.ActivationFigure;

import java.util.List;

/** The activations per layer on the probe batch, with dead and saturated units, for the scenarios that get per-scenario figures. */
final class ActivationsSection implements Section {
    @Override
    public String id() {
        return "activations";
    }

    @Override
    public String heading(ReportInput in) {
        return "Activations";
    }

    @Override
    public List<FigureSet> figureSets() {
        return List.of(new ActivationFigure());
    }

    @Override
    public void write(Page p, ReportInput in, List<RenderedFigure> figures) {
        FigureHtml.introAndFigures(p, "Per layer, what the units output on a fixed probe batch at initialisation and after training, with the share of dead or saturated units." + FigureHtml.cappedNote(in), figures);
    }
}
