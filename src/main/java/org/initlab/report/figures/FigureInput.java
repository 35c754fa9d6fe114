package org.initlab.report.figures;

import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;

import java.util.List;

/**
 * What figures are drawn from: a study's aggregate, the colour of every level, and how many
 * scenarios get the per-scenario figures (weights, activations, gradients: a page stays small
 * with many scenarios).
 */
public record FigureInput(StudyAggregate agg, SeriesColours colours, int maxLayerScenarios) {
    public FigureInput {
        if (maxLayerScenarios < 0) throw new IllegalArgumentException("maxLayerScenarios must be ≥ 0");
    }

    /** The scenarios that get per-scenario figures: the first {@code maxLayerScenarios}, in the spec's order. */
    public List<Scenario> layerScenarios() {
        return agg.scenarios().subList(0, Math.min(maxLayerScenarios, agg.scenarios().size()));
    }
}
