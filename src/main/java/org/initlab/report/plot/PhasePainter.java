package org.initlab.report.plot;

import java.util.Map;

/** Draws a {@link PhasePanel}: the cells as a heatmap (rows bottom to top), grid labels, the curves clipped to the cells, the cells' labels over them, a colour bar. */
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
        Rgb[][] colours = new Rgb[rows][cols];
        for (int i = 0; i < rows; i++) {
            double y = top + h - (i + 1) * ch;
            for (int j = 0; j < cols; j++) {
                double v = p.values()[i][j];
                double t = p.max() > p.min() ? (v - p.min()) / (p.max() - p.min()) : 0.5;
                colours[i][j] = ColourScale.viridis(Double.isFinite(v) ? Math.max(0, Math.min(1, t)) : Double.NaN);
                c.beginGroup("cell", Map.of(), p.tips() == null ? null : p.tips()[i][j]);
                c.rect(left + j * cw, y, cw, ch, Fill.of(colours[i][j]), Stroke.solid(Rgb.WHITE, 1));
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
        labels(c, p, colours, left, top, h, cw, ch);
        HeatmapPainter.colourBar(c, left + w + 10, top, h, p.maxLabel(), p.minLabel());
    }

    /**
     * The cells' labels, drawn after the curves with a halo of the cell's colour (an outline under
     * the glyphs, as maps set names over roads): where a curve passes a label it stops short of the
     * glyphs, so every number stays readable and the curve stays visible around it. Lines of a
     * label ("\n") are centred in the cell as a block; those that do not fit its height are left out
     * (the cell's hover text has them).
     */
    private static void labels(Canvas c, PhasePanel p, Rgb[][] colours, double left, double top, double h, double cw, double ch) {
        if (p.texts() == null) return;
        double size = Math.max(PrintScale.MIN_TEXT_PX, Math.min(10.5, ch * 0.45)), lead = size * 1.1;
        int fit = Math.max(1, (int) Math.floor((ch - 2) / lead));
        c.beginGroup("cell-labels", Map.of(), null);
        for (int i = 0; i < p.ys().length; i++) {
            double y = top + h - (i + 1) * ch;
            for (int j = 0; j < p.xs().length; j++) {
                String text = p.texts()[i][j];
                if (text == null || text.isEmpty()) continue;
                String[] lines = text.split("\n");
                int n = Math.min(lines.length, fit);
                double first = y + ch / 2 - (n - 1) * lead / 2 + size * 0.35, room = cw - 2 - HALO;
                for (int k = 0; k < n; k++) {
                    // a line too wide for the cell is set smaller, down to the smallest print size, before it is shortened
                    double fits = Math.max(PrintScale.MIN_TEXT_PX, Math.min(size, size * room / TextMetrics.width(lines[k], size, false)));
                    TextStyle style = TextStyle.of(fits, TextStyle.Anchor.MIDDLE).colour(colours[i][j].readableText()).halo(colours[i][j], HALO);
                    c.text(left + (j + 0.5) * cw, first + k * lead, TextMetrics.fit(lines[k], fits, false, room), style);
                }
            }
        }
        c.endGroup();
    }

    /** A label's halo: stroke width in px (half of it beyond the glyphs), wider than the widest curve's ink is from its centre. */
    static final double HALO = 4;

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
