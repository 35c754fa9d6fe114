package org.initlab.report.plot;

import java.util.Map;

/** Draws a {@link PhasePanel}: the cells as a heatmap (rows bottom to top), grid labels, a colour bar, then the curves, clipped to the cells. */
final class PhasePainter {
    private PhasePainter() {}

    static void paint(Canvas c, PhasePanel p, double px, double py, double pw, double ph) {
        double labelWidth = 0;
        for (String r : p.yLabels()) labelWidth = Math.max(labelWidth, TextMetrics.width(r, PlotArea.TICK_SIZE, false));
        double left = px + 22 + labelWidth + 6, top = py + 22, barWidth = 46;
        double w = pw - (left - px) - barWidth - 6, h = ph - 22 - 36;
        int rows = p.ys().length, cols = p.xs().length;
        double cw = w / Math.max(1, cols), ch = h / Math.max(1, rows);
        PlotArea.title(c, p.title(), left + w / 2, py, pw - 4);
        for (int i = 0; i < rows; i++) {
            double y = top + h - (i + 1) * ch;
            for (int j = 0; j < cols; j++) {
                double v = p.values()[i][j];
                double t = p.max() > p.min() ? (v - p.min()) / (p.max() - p.min()) : 0.5;
                Rgb colour = ColourScale.viridis(Double.isFinite(v) ? Math.max(0, Math.min(1, t)) : Double.NaN);
                c.beginGroup("cell", Map.of(), p.tips() == null ? null : p.tips()[i][j]);
                c.rect(left + j * cw, y, cw, ch, Fill.of(colour), Stroke.solid(Rgb.WHITE, 1));
                String text = p.texts() == null ? null : p.texts()[i][j];
                if (text != null && !text.isEmpty()) {
                    double size = Math.max(PrintScale.MIN_TEXT_PX, Math.min(10.5, ch * 0.45));
                    c.text(left + (j + 0.5) * cw, y + ch / 2 + size * 0.35, TextMetrics.fit(text, size, false, cw - 2),
                            TextStyle.of(size, TextStyle.Anchor.MIDDLE).colour(colour.readableText()));
                }
                c.endGroup();
            }
            c.text(left - 5, y + ch / 2 + 3.5, p.yLabels().get(i), TextStyle.of(PlotArea.TICK_SIZE, TextStyle.Anchor.END).colour(Rgb.MUTED));
        }
        TextStyle tick = TextStyle.of(PlotArea.TICK_SIZE, TextStyle.Anchor.MIDDLE).colour(Rgb.MUTED);
        double lastEnd = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            double x = left + (j + 0.5) * cw;
            String label = p.xLabels().get(j);
            double half = TextMetrics.width(label, PlotArea.TICK_SIZE, false) / 2;
            if (x - half < lastEnd + 3) continue;
            c.text(x, top + h + 13, label, tick);
            lastEnd = x + half;
        }
        TextStyle axis = TextStyle.of(PlotArea.LABEL_SIZE, TextStyle.Anchor.MIDDLE).colour(Rgb.MUTED);
        if (p.xAxis() != null) c.text(left + w / 2, top + h + 29, TextMetrics.fit(p.xAxis(), PlotArea.LABEL_SIZE, false, w), axis);
        if (p.yAxis() != null) c.text(px + 10, top + h / 2, TextMetrics.fit(p.yAxis(), PlotArea.LABEL_SIZE, false, h), axis.rotated(-90));

        c.beginClip(left, top, w, h);
        for (PhasePanel.Curve curve : p.curves()) {
            int n = curve.x().length;
            double[] xs = new double[n], ys = new double[n];
            for (int k = 0; k < n; k++) {
                double gx = position(p.xs(), curve.x()[k]), gy = position(p.ys(), curve.y()[k]);
                xs[k] = Double.isNaN(gx) ? Double.NaN : left + (gx + 0.5) * cw;
                ys[k] = Double.isNaN(gy) ? Double.NaN : top + h - (gy + 0.5) * ch;
            }
            c.beginGroup("series", curve.key() == null ? Map.of() : Map.of("series", curve.key()), null);
            c.polyline(xs, ys, Stroke.solid(Rgb.WHITE, curve.width() + 2.2).withOpacity(0.85));
            c.polyline(xs, ys, new Stroke(curve.colour(), curve.width(), 1, curve.dash()));
            c.endGroup();
        }
        c.endGroup();
        HeatmapPainter.colourBar(c, left + w + 10, top, h, p.maxLabel(), p.minLabel());
    }

    /**
     * Where v falls on a grid drawn with equal cells, in cell units (0 at the first cell's centre):
     * linear between neighbouring grid values and beyond the ends with the end intervals' slopes
     * (the clip cuts what lies outside), held within 50 cells of the grid; NaN for a non-finite v.
     */
    static double position(double[] grid, double v) {
        int n = grid.length;
        if (!Double.isFinite(v) || n == 0) return Double.NaN;
        if (n == 1) return Math.abs(v - grid[0]) < 1e-12 ? 0 : Double.NaN;
        double g;
        if (v <= grid[0]) g = (v - grid[0]) / (grid[1] - grid[0]);
        else if (v >= grid[n - 1]) g = n - 1 + (v - grid[n - 1]) / (grid[n - 1] - grid[n - 2]);
        else {
            int k = 0;
            while (grid[k + 1] < v) k++;
            g = k + (v - grid[k]) / (grid[k + 1] - grid[k]);
        }
        return Math.max(-50, Math.min(n + 50, g));
    }
}
