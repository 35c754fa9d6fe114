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
        List<double[][]> drawn = new ArrayList<>();
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
            drawn.add(new double[][]{xs, ys});
        }
        marks(c, p, a, drawn);
        c.endGroup();
        if (p.hoverLabel() != null) hover(c, p, a);
    }

    /** Mark labels' size: the smallest panel text. */
    static final double MARK_TEXT = PrintScale.MIN_TEXT_PX;

    /**
     * Each series' marks: a ✕ on the bottom edge (stacked upwards where several fall on one x) and
     * its label beside it, at the lowest height where no drawn line crosses the label; none is
     * drawn where every height is taken.
     */
    private static void marks(Canvas c, LinePanel p, PlotArea a, List<double[][]> drawn) {
        Map<Long, Integer> stacked = new java.util.HashMap<>();
        List<double[]> taken = new ArrayList<>();
        for (LinePanel.Line l : p.lines()) {
            if (l.marks().isEmpty()) continue;
            c.beginGroup("series", l.key() == null ? Map.of() : Map.of("series", l.key()), null);
            Stroke cross = Stroke.solid(l.colour(), 1.6);
            for (LinePanel.Mark m : l.marks()) {
                if (!(m.x() >= p.x().min() && m.x() <= p.x().max())) continue;
                double x = a.px(m.x());
                int slot = stacked.merge(Math.round(x), 1, Integer::sum) - 1;
                double y = a.bottom() - 5 - 9 * slot;
                c.line(x - 3.2, y - 3.2, x + 3.2, y + 3.2, cross);
                c.line(x - 3.2, y + 3.2, x + 3.2, y - 3.2, cross);
                if (m.label() == null || m.label().isEmpty()) continue;
                double w = TextMetrics.width(m.label(), MARK_TEXT, false);
                for (double dy = 0; y - dy - MARK_TEXT > a.y(); dy += 6) {
                    boolean placed = false;
                    for (int side : new int[]{1, -1}) {
                        double x0 = side > 0 ? x + 5 : x - 5 - w, base = y + 3 - dy;
                        double[] box = {x0 - 1, base - MARK_TEXT * 0.8, x0 + w + 1, base + MARK_TEXT * 0.25};
                        if (box[0] < a.x() || box[2] > a.x() + a.w() || crosses(box, drawn) || overlaps(box, taken)) continue;
                        c.text(x0, base, m.label(), TextStyle.of(MARK_TEXT, TextStyle.Anchor.START).colour(l.colour()));
                        taken.add(box);
                        placed = true;
                        break;
                    }
                    if (placed) break;
                }
            }
            c.endGroup();
        }
    }

    /** Whether a drawn line passes through the box [x0, y0, x1, y1] (checked along each segment, a pixel at a time). */
    static boolean crosses(double[] box, List<double[][]> lines) {
        for (double[][] line : lines) {
            double[] xs = line[0], ys = line[1];
            for (int i = 1; i < xs.length; i++) {
                double x1 = xs[i - 1], y1 = ys[i - 1], x2 = xs[i], y2 = ys[i];
                if (!Double.isFinite(x1 + y1 + x2 + y2)) continue;
                int n = (int) Math.ceil(Math.hypot(x2 - x1, y2 - y1)) + 1;
                for (int k = 0; k <= n; k++) {
                    double x = x1 + (x2 - x1) * k / n, y = y1 + (y2 - y1) * k / n;
                    if (x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3]) return true;
                }
            }
        }
        return false;
    }

    private static boolean overlaps(double[] box, List<double[]> others) {
        for (double[] o : others) if (box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) return true;
        return false;
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
        for (LinePanel.Line l : p.lines()) {
            for (double v : l.x()) if (Double.isFinite(v)) xsSet.add(v);
            for (LinePanel.Mark m : l.marks()) if (m.hover() != null && m.x() >= p.x().min() && m.x() <= p.x().max()) xsSet.add(m.x());
        }
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
            for (LinePanel.Mark m : l.marks()) {
                int at = java.util.Arrays.binarySearch(xs, m.x());
                if (at < 0 || m.hover() == null) continue;
                values[at] = values[at] == null ? m.hover() : values[at] + "; " + m.hover();
            }
            series.add(new Canvas.HoverSeries(l.key() == null ? "" : l.key(), l.label(), l.colour(), values));
        }
        c.hoverTarget(a.x(), a.y(), a.w(), a.h(), pxs, titles, series.toArray(Canvas.HoverSeries[]::new));
    }
}
