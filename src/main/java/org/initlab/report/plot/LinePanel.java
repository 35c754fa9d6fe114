package org.initlab.report.plot;

import java.util.List;

/**
 * Lines over a shared x axis, each with an optional 95% band (or error bars on a category axis),
 * e.g. a metric per epoch, one line per initializer.
 *
 * @param hoverLabel how the hover tooltip names an x value ("epoch"); null: no hover
 */
public record LinePanel(String title, Axis x, Axis y, List<Line> lines, String hoverLabel) implements Panel {
    public LinePanel {
        lines = List.copyOf(lines);
    }

    /**
     * One series. {@code low}/{@code high} may be null (no band); entries that are NaN are
     * skipped. On a log axis, values ≤ 0 are marked on the bottom edge (▼) instead of drawn.
     *
     * @param marker   its point symbol: at every point where {@code markers}, else at a few points along the line
     * @param values   hover text per point (null: none)
     * @param markers  a symbol at each point (and error bars instead of a band)
     * @param marks    events on the x axis, drawn as ✕ on the bottom edge in the series' colour (e.g. where seeds diverged)
     */
    public record Line(String key, String label, Rgb colour, double[] dash, Marker marker, double[] x, double[] y, double[] low, double[] high,
                       String[] values, boolean markers, List<Mark> marks) {
        public Line {
            if (x.length != y.length || low != null && low.length != x.length || high != null && high.length != x.length
                    || values != null && values.length != x.length) {
                throw new IllegalArgumentException("series " + key + ": arrays differ in length");
            }
            marks = marks == null ? List.of() : List.copyOf(marks);
        }

        public Line(String key, String label, Rgb colour, double[] dash, Marker marker, double[] x, double[] y, double[] low, double[] high,
                    String[] values, boolean markers) {
            this(key, label, colour, dash, marker, x, y, low, high, values, markers, List.of());
        }

        /** The same series with these marks. */
        public Line withMarks(List<Mark> marks) {
            return new Line(key, label, colour, dash, marker, x, y, low, high, values, markers, marks);
        }
    }

    /**
     * An event at {@code x}: a ✕ on the bottom edge with a short {@code label} beside it where the
     * data leave room ("n = 2": the seeds left), and {@code hover} added to the hover text at x.
     */
    public record Mark(double x, String label, String hover) {}
}
