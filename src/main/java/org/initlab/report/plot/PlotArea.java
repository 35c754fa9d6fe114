package org.initlab.report.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * The rectangle a panel plots into and the mapping of its axes onto it, plus the frame around it
 * (title, grid lines, ticks, axis labels) that every Cartesian panel shares.
 */
record PlotArea(double x, double y, double w, double h, Axis xAxis, Axis yAxis) {
    static final double TICK_SIZE = 10;
    static final double LABEL_SIZE = 10.5;
    static final double TITLE_SIZE = 11.5;

    /** The plot rectangle inside a panel's box, leaving room for title, ticks and labels. */
    static PlotArea inside(double px, double py, double pw, double ph, Axis xAxis, Axis yAxis, double left, double right) {
        double top = 22, bottom = xAxis.label() == null || xAxis.label().isEmpty() ? 22 : 36;
        return new PlotArea(px + left, py + top, pw - left - right, ph - top - bottom, xAxis, yAxis);
    }

    double px(double v) {
        return x + xAxis.fraction(v) * w;
    }

    double py(double v) {
        return y + h - yAxis.fraction(v) * h;
    }

    double bottom() { return y + h; }

    double right() { return x + w; }

    /** The panel title centred over the plot, shortened to the panel's width. */
    static void title(Canvas c, String title, double centre, double top, double maxWidth) {
        if (title == null || title.isEmpty()) return;
        TextStyle s = TextStyle.of(TITLE_SIZE, TextStyle.Anchor.MIDDLE).asBold();
        c.text(centre, top + 13, TextMetrics.fit(title, TITLE_SIZE, true, maxWidth), s);
    }

    /**
     * Where the x tick labels ({x, half width} each) would touch, every k-th is labelled, the
     * smallest k at which none touches, counted from 0 where 0 is a tick: the labels stay evenly
     * spaced (dropping single labels where they collide leaves uneven gaps).
     */
    static int labelEvery(List<double[]> labelled, int anchor) {
        for (int every = 1; every < Math.max(2, labelled.size()); every++) {
            double lastEnd = Double.NEGATIVE_INFINITY;
            boolean fits = true;
            for (int i = 0; i < labelled.size() && fits; i++) {
                if (Math.floorMod(i - anchor, every) != 0) continue;
                double[] l = labelled.get(i);
                fits = l[0] - l[1] >= lastEnd + 3;
                lastEnd = l[0] + l[1];
            }
            if (fits) return every;
        }
        return Math.max(1, labelled.size());
    }

    /** Grid lines at the y ticks, both axes' ticks and labels. */
    void frame(Canvas c, boolean yGrid, boolean xGrid) {
        Stroke grid = Stroke.solid(Rgb.GRID, 0.8);
        Stroke axis = Stroke.solid(Rgb.AXIS, 1);
        TextStyle tickRight = TextStyle.of(TICK_SIZE, TextStyle.Anchor.END).colour(Rgb.MUTED);
        TextStyle tickCentre = TextStyle.of(TICK_SIZE, TextStyle.Anchor.MIDDLE).colour(Rgb.MUTED);
        for (Axis.Tick t : yAxis.ticks()) {
            double yy = py(t.value());
            if (!Double.isFinite(yy) || yy < y - 0.5 || yy > bottom() + 0.5) continue;
            if (yGrid) c.line(x, yy, right(), yy, t.label().isEmpty() ? grid.withOpacity(0.5) : grid);
            c.line(x - (t.label().isEmpty() ? 2 : 3), yy, x, yy, axis);
            if (!t.label().isEmpty()) c.text(x - 5, yy + 3.5, t.label(), tickRight);
        }
        List<double[]> labelled = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int anchor = 0;
        for (Axis.Tick t : xAxis.ticks()) {
            double xx = px(t.value());
            if (!Double.isFinite(xx) || xx < x - 0.5 || xx > right() + 0.5) continue;
            if (xGrid) c.line(xx, y, xx, bottom(), grid);
            c.line(xx, bottom(), xx, bottom() + 3, axis);
            if (t.label().isEmpty()) continue;
            double slot = xAxis.isCategorical() ? w / xAxis.categories().size() - 2 : 60;
            String label = TextMetrics.fit(t.label(), TICK_SIZE, false, slot);
            if (t.value() == 0) anchor = labels.size();
            labelled.add(new double[]{xx, TextMetrics.width(label, TICK_SIZE, false) / 2});
            labels.add(label);
        }
        int every = labelEvery(labelled, anchor);
        for (int i = 0; i < labels.size(); i++) {
            if (Math.floorMod(i - anchor, every) == 0) c.text(labelled.get(i)[0], bottom() + 13, labels.get(i), tickCentre);
        }
        c.line(x, y, x, bottom(), axis);
        c.line(x, bottom(), right(), bottom(), axis);
        TextStyle label = TextStyle.of(LABEL_SIZE, TextStyle.Anchor.MIDDLE).colour(Rgb.MUTED);
        if (xAxis.label() != null && !xAxis.label().isEmpty()) {
            c.text(x + w / 2, bottom() + 29, TextMetrics.fit(xAxis.label(), LABEL_SIZE, false, w), label);
        }
        if (yAxis.label() != null && !yAxis.label().isEmpty()) {
            c.text(x - 38, y + h / 2, TextMetrics.fit(yAxis.label(), LABEL_SIZE, false, h), label.rotated(-90));
        }
    }
}
