package org.initlab.report.plot;

import java.util.List;

/**
 * Distributions stacked as ridges (e.g. one ridge per layer): each ridge overlays its histograms,
 * scaled to the ridge's height (leaving out the bin at 0, whose spike of a rectifier's zeros is
 * cut at the top), and shows its label on the left and a note (dead or saturated fractions) on
 * the right.
 */
public record RidgelinePanel(String title, Axis x, List<Ridge> ridges, String tip) implements Panel {
    public RidgelinePanel {
        ridges = List.copyOf(ridges);
    }

    public record Ridge(String label, String note, List<HistogramPanel.Bars> bars) {
        public Ridge {
            bars = List.copyOf(bars);
        }
    }
}
