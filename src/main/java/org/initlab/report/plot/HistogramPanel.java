package org.initlab.report.plot;

import java.util.List;

/**
 * Histograms on shared bins, overlaid (e.g. a layer's weights at initialisation and after
 * training): heights are fractions of each histogram's total, drawn as steps.
 *
 * @param tip hover text for the panel (summary statistics), or null
 */
public record HistogramPanel(String title, Axis x, Axis y, List<Bars> bars, String tip) implements Panel {
    public HistogramPanel {
        bars = List.copyOf(bars);
    }

    /**
     * One histogram: {@code heights[i]} over [edges[i], edges[i+1]).
     *
     * @param filled a filled area (else an outline)
     */
    public record Bars(String key, String label, Rgb colour, double[] edges, double[] heights, boolean filled) {
        public Bars {
            if (edges.length != heights.length + 1) throw new IllegalArgumentException("histogram " + label + ": edges must be one more than heights");
        }

        public double maxHeight() {
            double m = 0;
            for (double h : heights) m = Math.max(m, h);
            return m;
        }

        /**
         * The largest height outside the bin that starts at 0, unless that bin is all there is: a
         * rectifier's exact zeros would otherwise flatten the rest of its distribution.
         */
        public double maxHeightAwayFromZero() {
            double m = 0;
            for (int i = 0; i < heights.length; i++) if (edges[i] != 0) m = Math.max(m, heights[i]);
            return m > 0 ? m : maxHeight();
        }
    }
}
