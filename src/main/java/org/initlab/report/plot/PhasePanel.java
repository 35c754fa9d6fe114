package org.initlab.report.plot;

import java.util.List;

/**
 * A heatmap over two ordered grids with curves drawn over it in the grids' own units: a phase
 * diagram (e.g. test accuracy over σ_w × depth with the theory's depth scales). Columns are the
 * x grid left to right, rows the y grid bottom to top, each cell equally wide and tall; a curve
 * point (x, y) is placed by linear interpolation between the neighbouring cell centres (half a
 * cell beyond the outer centres at most), so a curve crosses a cell where its value lies between
 * that cell's grid values. Points beyond the grid are clipped.
 *
 * @param xs     the column grid values, ascending
 * @param ys     the row grid values, ascending (drawn bottom to top)
 * @param values [row][column], coloured on the viridis scale between {@code min} and {@code max}
 * @param texts  a label in each cell (null entries: none)
 * @param tips   hover text per cell (null: none)
 */
public record PhasePanel(String title, String xAxis, String yAxis, double[] xs, double[] ys, List<String> xLabels, List<String> yLabels,
                         double[][] values, String[][] texts, String[][] tips, double min, double max, String minLabel, String maxLabel,
                         List<Curve> curves) implements Panel {
    public PhasePanel {
        xs = xs.clone();
        ys = ys.clone();
        xLabels = List.copyOf(xLabels);
        yLabels = List.copyOf(yLabels);
        curves = List.copyOf(curves);
        if (values.length != ys.length || xLabels.size() != xs.length || yLabels.size() != ys.length) {
            throw new IllegalArgumentException("phase diagram grid and labels differ in size");
        }
    }

    /** A curve over the grid in its units; NaN or infinite y breaks it. */
    public record Curve(String key, String label, Rgb colour, double[] dash, double width, double[] x, double[] y) {
        public Curve {
            if (x.length != y.length) throw new IllegalArgumentException("curve " + label + ": x and y differ in length");
            dash = dash.clone();
        }
    }
}
