package org.initlab.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Draws a {@link LinePanel}: bands, lines, markers and error bars, and the hover target. */
final class LinePainter {
    private LinePainter() {}

    /** Largest gap between point symbols on a line without {@code markers}: about this many symbols per line. */
    static final int SYMBOLS_PER_LINE = 7;

    static void paint(Canvas c, LinePanel p, double px, double py, double pw, double ph) {
        PlotArea a = PlotArea.inside(px, py, pw, ph, p.x(), p.y(), 52, 10);
        PlotArea.title(c, p.title(), a.x() + a.w() / 2, py, pw - 4);
        a.frame(c, true, false);
        int k = p.lines().size();
        double slot = p.x().isCategorical() ? a.w() / Math.max(1, p.x().categories().size()) : 0;
        double spread = Math.min(7, slot * 0.5 / Math.max(1, k));
        boolean log = p.y().scale() == Scale.LOG;
        // data stay inside the plot area (symbols may reach a little beyond); values beyond the axis are drawn on its edge and marked
        c.beginClip(a.x() - 5, a.y() - 5, a.w() + 10, a.h() + 10);
        for (int s = 0; s < k; s++) {
            LinePanel.Line l = p.lines().get(s);
            double dx = p.x().isCategorical() ? (s - (k - 1) / 2.0) * spread : 0;
            c.beginGroup("series", l.key() == null ? Map.of() : Map.of("series", l.key()), null);
            int n = l.x().length;
            if (l.low() != null && !l.markers()) band(c, a, l, log);
            double[] xs = new double[n], ys = new double[n];
            List<Double> below = new ArrayList<>(), above = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                xs[i] = a.px(l.x()[i]) + dx;
                double v = l.y()[i];
                if (!Double.isFinite(v)) ys[i] = Double.NaN;
                else if (log && v <= 0 || v < a.yAxis().min()) {
                    below.add(xs[i]);
                    ys[i] = log && v <= 0 ? Double.NaN : a.bottom();
                } else if (v > a.yAxis().max()) {
                    above.add(xs[i]);
                    ys[i] = a.y();
                } else ys[i] = a.py(v);
            }
            Stroke line = new Stroke(l.colour(), 2, 1, l.dash());
            c.polyline(xs, ys, line);
            if (l.markers()) {
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(ys[i])) continue;
                    if (l.low() != null && Double.isFinite(l.low()[i]) && Double.isFinite(l.high()[i])) {
                        double lo = clampY(a, a.py(log ? Math.max(l.low()[i], a.yAxis().min()) : l.low()[i]));
                        double hi = clampY(a, a.py(l.high()[i]));
                        Stroke bar = Stroke.solid(l.colour(), 1.4);
                        c.line(xs[i], lo, xs[i], hi, bar);
                        c.line(xs[i] - 3, lo, xs[i] + 3, lo, bar);
                        c.line(xs[i] - 3, hi, xs[i] + 3, hi, bar);
                    }
                    symbol(l).draw(c, xs[i], ys[i], 3.4, l.colour());
                }
            } else {
                // a symbol every few points, each series starting at another point, so coinciding lines show every symbol;
                // a point with no finite neighbour draws no line and always gets one
                int every = Math.max(1, (int) Math.ceil(n / (double) SYMBOLS_PER_LINE));
                for (int i = 0; i < n; i++) {
                    if (!Double.isFinite(ys[i])) continue;
                    boolean prev = i > 0 && Double.isFinite(ys[i - 1]), next = i + 1 < n && Double.isFinite(ys[i + 1]);
                    if ((i + s) % every == 0 || !prev && !next) symbol(l).draw(c, xs[i], ys[i], 3, l.colour());
                }
            }
            for (double zx : below) {
                double b = a.bottom();
                c.polygon(new double[]{zx - 4, zx + 4, zx}, new double[]{b - 8, b - 8, b - 1}, Fill.of(l.colour()), null);
            }
            for (double ox : above) {
                double t = a.y();
                c.polygon(new double[]{ox - 4, ox + 4, ox}, new double[]{t + 8, t + 8, t + 1}, Fill.of(l.colour()), Stroke.solid(Rgb.WHITE, 0.6));
            }
            c.endGroup();
        }
        c.endGroup();
        if (p.hoverLabel() != null) hover(c, p, a);
    }

    private static Marker symbol(LinePanel.Line l) {
        return l.marker() == Marker.NONE ? Marker.CIRCLE : l.marker();
    }

    private static double clampY(PlotArea a, double y) {
        return Double.isFinite(y) ? Math.max(a.y(), Math.min(a.bottom(), y)) : y;
    }

    /** The 95% band as one polygon per unbroken stretch of finite bounds. */
    private static void band(Canvas c, PlotArea a, LinePanel.Line l, boolean log) {
        int n = l.x().length, i = 0;
        Fill fill = new Fill(l.colour(), 0.16);
        while (i < n) {
            while (i < n && !bounded(l, i, log)) i++;
            int j = i;
            while (j < n && bounded(l, j, log)) j++;
            if (j - i >= 2) {
                double[] xs = new double[2 * (j - i)], ys = new double[2 * (j - i)];
                for (int m = i; m < j; m++) {
                    xs[m - i] = a.px(l.x()[m]);
                    ys[m - i] = clampY(a, a.py(l.high()[m]));
                    xs[2 * (j - i) - 1 - (m - i)] = a.px(l.x()[m]);
                    double lo = log ? Math.max(l.low()[m], a.yAxis().min()) : l.low()[m];
                    ys[2 * (j - i) - 1 - (m - i)] = clampY(a, a.py(lo));
                }
                c.polygon(xs, ys, fill, null);
            }
            i = Math.max(j, i + 1);
        }
    }

    private static boolean bounded(LinePanel.Line l, int i, boolean log) {
        return Double.isFinite(l.low()[i]) && Double.isFinite(l.high()[i]) && (!log || l.high()[i] > 0);
    }

    /** One hover column per distinct x; each series shows its value text there. */
    private static void hover(Canvas c, LinePanel p, PlotArea a) {
        TreeSet<Double> xsSet = new TreeSet<>();
        for (LinePanel.Line l : p.lines()) for (double v : l.x()) if (Double.isFinite(v)) xsSet.add(v);
        double[] xs = xsSet.stream().mapToDouble(Double::doubleValue).toArray();
        double[] pxs = new double[xs.length];
        String[] titles = new String[xs.length];
        for (int i = 0; i < xs.length; i++) {
            pxs[i] = a.px(xs[i]);
            titles[i] = p.x().isCategorical() ? p.x().categories().get((int) Math.round(xs[i])) : p.hoverLabel() + " " + Numbers.plain(xs[i]);
        }
        List<Canvas.HoverSeries> series = new ArrayList<>();
        for (LinePanel.Line l : p.lines()) {
            String[] values = new String[xs.length];
            for (int i = 0; i < l.x().length; i++) {
                int at = java.util.Arrays.binarySearch(xs, l.x()[i]);
                if (at >= 0 && l.values() != null) values[at] = l.values()[i];
            }
            series.add(new Canvas.HoverSeries(l.key() == null ? "" : l.key(), l.label(), l.colour(), values));
        }
        c.hoverTarget(a.x(), a.y(), a.w(), a.h(), pxs, titles, series.toArray(Canvas.HoverSeries[]::new));
    }
}
