package org.initlab.report.plot;

import java.util.Map;

/** Draws {@link HistogramPanel}s and the ridges of {@link RidgelinePanel}s as step outlines or filled steps. */
final class HistogramPainter {
    private HistogramPainter() {}

    static void paint(Canvas c, HistogramPanel p, double px, double py, double pw, double ph) {
        PlotArea a = PlotArea.inside(px, py, pw, ph, p.x(), p.y(), 52, 10);
        c.beginGroup("panel", Map.of(), p.tip());
        PlotArea.title(c, p.title(), a.x() + a.w() / 2, py, pw - 4);
        a.frame(c, true, false);
        c.beginClip(a.x(), a.y() - 2, a.w(), a.h() + 2);
        for (HistogramPanel.Bars b : p.bars()) {
            c.beginGroup("series", b.key() == null ? Map.of() : Map.of("series", b.key()), null);
            steps(c, a, b, a.bottom(), v -> a.py(v));
            c.endGroup();
        }
        c.endGroup();
        c.endGroup();
    }

    /** The step outline of a histogram from baseline {@code base}; {@code toY} maps a height to a y. */
    static void steps(Canvas c, PlotArea a, HistogramPanel.Bars b, double base, java.util.function.DoubleUnaryOperator toY) {
        int n = b.heights().length;
        if (n == 0) return;
        int first = 0, last = n - 1;
        while (first < n && b.heights()[first] == 0) first++;
        while (last >= first && b.heights()[last] == 0) last--;
        if (first > last) return;
        int m = last - first + 1;
        double[] xs = new double[2 * m + 2], ys = new double[2 * m + 2];
        xs[0] = a.px(b.edges()[first]);
        ys[0] = base;
        for (int i = 0; i < m; i++) {
            double y = toY.applyAsDouble(b.heights()[first + i]);
            xs[1 + 2 * i] = a.px(b.edges()[first + i]);
            ys[1 + 2 * i] = y;
            xs[2 + 2 * i] = a.px(b.edges()[first + i + 1]);
            ys[2 + 2 * i] = y;
        }
        xs[2 * m + 1] = a.px(b.edges()[last + 1]);
        ys[2 * m + 1] = base;
        if (b.filled()) c.polygon(xs, ys, new Fill(b.colour(), 0.28), Stroke.solid(b.colour(), 0.9).withOpacity(0.6));
        else c.polyline(xs, ys, Stroke.solid(b.colour(), 1.6));
    }

    static void paint(Canvas c, RidgelinePanel p, double px, double py, double pw, double ph) {
        double labelWidth = 0, noteWidth = 0;
        for (RidgelinePanel.Ridge r : p.ridges()) {
            labelWidth = Math.max(labelWidth, TextMetrics.width(r.label(), PlotArea.TICK_SIZE, false));
            if (r.note() != null) noteWidth = Math.max(noteWidth, TextMetrics.width(r.note(), PlotArea.TICK_SIZE, false));
        }
        labelWidth = Math.min(labelWidth, 70);
        noteWidth = Math.min(noteWidth, 140);
        PlotArea a = PlotArea.inside(px, py, pw, ph, p.x(), new Axis("", Scale.LINEAR, 0, 1, java.util.List.of(), java.util.List.of(), false),
                labelWidth + 10, noteWidth + 10);
        c.beginGroup("panel", Map.of(), p.tip());
        PlotArea.title(c, p.title(), a.x() + a.w() / 2, py, pw - 4);
        a.frame(c, false, true);
        int k = p.ridges().size();
        double rh = a.h() / Math.max(1, k);
        TextStyle left = TextStyle.of(PlotArea.TICK_SIZE, TextStyle.Anchor.END);
        TextStyle right = TextStyle.of(PlotArea.TICK_SIZE, TextStyle.Anchor.START).colour(Rgb.MUTED);
        for (int i = 0; i < k; i++) {
            RidgelinePanel.Ridge r = p.ridges().get(i);
            double base = a.y() + (i + 1) * rh - 2;
            // a ridge may rise into the one above it, never above the plot area (where the panel's title is)
            double top = Math.max(a.y(), base - rh * 1.25 + 2);
            double max = 0;
            for (HistogramPanel.Bars b : r.bars()) max = Math.max(max, b.maxHeightAwayFromZero());
            double scale = max > 0 ? (base - top) / max : 0;
            c.line(a.x(), base, a.right(), base, Stroke.solid(Rgb.GRID, 0.8));
            c.beginClip(a.x(), top - 1, a.w(), base - top + 1);
            for (HistogramPanel.Bars b : r.bars()) {
                c.beginGroup("series", b.key() == null ? Map.of() : Map.of("series", b.key()), null);
                steps(c, a, b, base, v -> base - v * scale);
                c.endGroup();
            }
            c.endGroup();
            c.text(a.x() - 6, base - 2, TextMetrics.fit(r.label(), PlotArea.TICK_SIZE, false, labelWidth), left);
            if (r.note() != null) c.text(a.right() + 6, base - 2, TextMetrics.fit(r.note(), PlotArea.TICK_SIZE, false, noteWidth), right);
        }
        c.endGroup();
    }
}
