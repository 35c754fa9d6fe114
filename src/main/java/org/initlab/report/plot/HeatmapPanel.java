package org.initlab.report.plot;

import java.util.List;

/**
 * A grid of coloured cells (e.g. final test accuracy, initializer × activation): colour on the
 * viridis scale between {@code min} and {@code max}, each cell labelled with its text. The
 * colour bar is labelled {@code minLabel} and {@code maxLabel} at its ends (the values may be a
 * transform of what the texts show).
 *
 * @param rowKeys series keys of the rows (the legend toggles them), or null
 * @param rowColours a swatch beside each row label (the row's series colour), or null
 */
public record HeatmapPanel(String title, String rowAxis, String columnAxis, List<String> rowLabels, List<String> rowKeys,
                           List<Rgb> rowColours, List<String> columnLabels, double[][] values, String[][] texts, String[][] tips,
                           double min, double max, String minLabel, String maxLabel) implements Panel {
    public HeatmapPanel {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        if (values.length != rowLabels.size()) throw new IllegalArgumentException("heatmap rows differ");
    }
}
