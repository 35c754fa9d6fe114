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

    static int[] union(HistogramSum a, HistogramSum b) {
        int[] ra = a.range(), rb = b.range();
        if (ra == null) return rb;
        if (rb == null) return ra;
        return new int[]{Math.min(ra[0], rb[0]), Math.max(ra[1], rb[1])};
    }

}
