package org.initlab.report.plot;

/** One plot in a figure's grid. */
public sealed interface Panel permits LinePanel, HeatmapPanel, HistogramPanel, RidgelinePanel, ChoicePanel, PhasePanel {
    String title();
}
