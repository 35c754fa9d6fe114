package org.initlab.report.figures;

import org.initlab.report.model.Scenario;
import org.initlab.report.plot.Figure;

import java.util.ArrayList;
import java.util.List;

/** A figure drawn once per scenario, for the scenarios that get them ({@link FigureInput#layerScenarios()}), numbered from 1. */
public interface ScenarioFigure extends FigureSet {
    /** The figure of one scenario; {@code number} is its place among them (in its id). */
    Figure of(FigureInput in, Scenario s, int number);

    @Override
    default List<Figure> figures(FigureInput in) {
        List<Figure> out = new ArrayList<>();
        int n = 0;
        for (Scenario s : in.layerScenarios()) out.add(of(in, s, ++n));
        return out;
    }
}
