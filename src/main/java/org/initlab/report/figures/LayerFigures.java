package org.initlab.report.figures;

import org.initlab.report.model.HistogramSum;
import org.initlab.report.model.LayerView;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.HistogramPanel;
import org.initlab.report.plot.Rgb;
import org.initlab.train.Histogram;

import java.util.List;

/**
 * What the per-layer figures share ({@link WeightFigure}, {@link ActivationFigure},
 * {@link GradientFigure}): layer titles, layout, and histograms of a configuration's seeds summed on
 * the shared bins, on an asinh axis, merged to a drawable number of bars.
 */
final class LayerFigures {
    private LayerFigures() {}

    /** Layers per row of a figure: deeper nets wrap, so figures stay readable at page width. */
    static final int LAYERS_PER_ROW = 4;

    /** Grey for "at initialisation", so the coloured line (after training) stands out. */
    static final Rgb INITIAL = new Rgb(0x9A, 0x9A, 0x9A);

    static String layerTitle(LayerView v, int l) {
        String shape = v.shape(l);
        return "layer " + (l + 1) + (shape.isEmpty() ? "" : " (" + shape + ")");
    }

    static String count(int seeds) {
        return seeds == 1 ? "1 seed" : seeds + " seeds";
    }

    /** "3 seeds", or "3 seeds at initialisation, 1 after training (2 diverged)" when some diverged. */
    static String count(RunGroup g) {
        int done = new LayerView(g).completed();
        return done == g.seeds() ? count(g.seeds()) : count(g.seeds()) + " at initialisation, " + done + " after training (" + (g.seeds() - done) + " diverged)";
    }

    /** " (1 of 3 seeds; 2 diverged)" for a legend entry "after training" when some seeds diverged, else "". */
    static String afterTraining(RunGroup g) {
        int done = new LayerView(g).completed();
        return done == g.seeds() ? "" : " (" + done + " of " + g.seeds() + " seeds; " + (g.seeds() - done) + " diverged)";
    }

    /** " After training: the seeds that completed; a diverged run has no state after training." where some diverged in these scenarios' members, else "". */
    static String divergedNote(Scenario s) {
        for (RunGroup g : s.members()) {
            if (!g.divergences().isEmpty()) return " After training: the seeds that completed, summed; a diverged run has no state after training (legend: how many).";
        }
        return "";
    }

    static int maxLayers(Scenario s) {
        int m = 0;
        for (RunGroup g : s.members()) m = Math.max(m, new LayerView(g).layers().size());
        return m;
    }

    static int finalEpoch(Scenario s) {
        int e = 0;
        for (RunGroup g : s.members()) for (var r : g.runs()) e = Math.max(e, r.result().epochs().getLast().epoch());
        return e;
    }

    /** An asinh axis over the non-empty bins of all these histograms. */
    static Axis histogramAxis(String label, List<HistogramSum> sums) {
        int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
        for (HistogramSum h : sums) {
            int[] r = h.range();
            if (r == null) continue;
            lo = Math.min(lo, r[0]);
            hi = Math.max(hi, r[1]);
        }
        if (lo > hi) return Axis.asinh(label, -0.1, 0.1);
        return Axis.asinh(label, Histogram.edge(lo), Histogram.edge(hi + 1));
    }

    /** At most this many bars per histogram as drawn (the data keep every bin). */
    static final int MAX_DRAWN_BINS = 90;

    static HistogramPanel.Bars bars(String key, String label, Rgb colour, HistogramSum h, boolean filled, int from, int to, double scale) {
        HistogramSum.Binned b = h.coarse(from, to, MAX_DRAWN_BINS);
        double[] shares = b.shares();
        for (int i = 0; i < shares.length; i++) shares[i] *= scale;
        return new HistogramPanel.Bars(key, label, colour, b.edges(), shares, filled);
    }

    /**
     * The value range [low, high] holding all but a share {@code tail} of a histogram on each side
     * (from its bins' edges), or null when it is empty.
     */
    static double[] central(HistogramSum h, double tail) {
        long total = 0;
        for (long c : h.counts()) total += c;
        if (total == 0) return null;
        long cut = (long) Math.floor(tail * total), seen = 0;
        int lo = 0, hi = h.counts().length - 1;
        for (int i = 0; i < h.counts().length; i++) {
            seen += h.counts()[i];
            if (seen > cut) { lo = i; break; }
        }
        seen = 0;
        for (int i = h.counts().length - 1; i >= 0; i--) {
            seen += h.counts()[i];
            if (seen > cut) { hi = i; break; }
        }
        return new double[]{Histogram.edge(lo), Histogram.edge(hi + 1)};
    }

    /**
     * A histogram for a linear axis over [lo, hi]: drawn on the stored bins (adjacent ones summed
     * to bars at least 1/{@link #LINEAR_BARS} of the axis wide), each bar's height its share divided
     * by its width — a density per unit of value, which is what a histogram of unequal bins shows
     * honestly. No count is moved between bins; the stored bins are narrow near 0 and 10% of |x|
     * wide far from it.
     */
    static HistogramPanel.Bars densityBars(String key, String label, Rgb colour, HistogramSum h, boolean filled, double lo, double hi) {
        int from = Math.max(0, Histogram.bin(lo)), to = Math.min(Histogram.BINS - 1, Histogram.bin(hi));
        if (from > to) return new HistogramPanel.Bars(key, label, colour, new double[]{lo, hi}, new double[]{0}, filled);
        // adjacent stored bins summed until a bar is at least 1/LINEAR_BARS of the axis wide: the fine bins near 0 would
        // otherwise hold a few counts each and draw noise; far out a stored bin is wider than that already
        double min = (hi - lo) / LINEAR_BARS;
        double[] fine = h.shares(from, to);
        List<Double> edges = new java.util.ArrayList<>(), heights = new java.util.ArrayList<>();
        double start = Histogram.edge(from), share = 0;
        edges.add(start);
        for (int i = from; i <= to; i++) {
            share += fine[i - from];
            double end = Histogram.edge(i + 1);
            if (end - start >= min || i == to) {
                heights.add(share / (end - start));
                edges.add(end);
                start = end;
                share = 0;
            }
        }
        return new HistogramPanel.Bars(key, label, colour, edges.stream().mapToDouble(Double::doubleValue).toArray(),
                heights.stream().mapToDouble(Double::doubleValue).toArray(), filled);
    }

    /** Bars across a linear axis at least: a bar is at least 1/LINEAR_BARS of the axis wide. */
    static final int LINEAR_BARS = 70;

    static int[] union(HistogramSum a, HistogramSum b) {
        int[] ra = a.range(), rb = b.range();
        if (ra == null) return rb;
        if (rb == null) return ra;
        return new int[]{Math.min(ra[0], rb[0]), Math.max(ra[1], rb[1])};
    }

}
