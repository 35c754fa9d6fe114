package org.initlab.report.figures;

import org.initlab.report.model.HistogramSum;
import org.initlab.report.model.LayerView;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.plot.Axis;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.HistogramPanel;
import org.initlab.report.plot.LinePanel;
import org.initlab.report.plot.Rgb;
import org.initlab.report.plot.RidgelinePanel;
import org.initlab.report.stats.Estimate;
import org.initlab.report.text.Values;
import org.initlab.train.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Inside the network, per scenario: weight histograms per layer at initialisation and after
 * training; activation distributions per layer (ridgelines) with dead and saturated fractions;
 * gradient norms and update:weight ratios per layer and epoch, and through depth. Histograms of a
 * configuration's seeds are summed on the shared bins before drawing.
 */
public final class LayerFigures {
    private LayerFigures() {}

    /** Layers per row of a figure: deeper nets wrap, so figures stay readable at page width. */
    static final int LAYERS_PER_ROW = 4;

    /** Grey for "at initialisation", so the coloured line (after training) stands out. */
    static final Rgb INITIAL = new Rgb(0x9A, 0x9A, 0x9A);

    static String layerTitle(LayerView v, int l) {
        String shape = v.shape(l);
        return "layer " + (l + 1) + (shape.isEmpty() ? "" : " (" + shape + ")");
    }

    private static String count(int seeds) {
        return seeds == 1 ? "1 seed" : seeds + " seeds";
    }

    private static int maxLayers(Scenario s) {
        int m = 0;
        for (RunGroup g : s.members()) m = Math.max(m, new LayerView(g).layers().size());
        return m;
    }

    private static int finalEpoch(Scenario s) {
        int e = 0;
        for (RunGroup g : s.members()) for (var r : g.runs()) e = Math.max(e, r.result().epochs().getLast().epoch());
        return e;
    }

    /** An asinh axis over the non-empty bins of all these histograms. */
    private static Axis histogramAxis(String label, List<HistogramSum> sums) {
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

    private static HistogramPanel.Bars bars(String key, String label, Rgb colour, HistogramSum h, boolean filled, int from, int to, double scale) {
        HistogramSum.Binned b = h.coarse(from, to, MAX_DRAWN_BINS);
        double[] shares = b.shares();
        for (int i = 0; i < shares.length; i++) shares[i] *= scale;
        return new HistogramPanel.Bars(key, label, colour, b.edges(), shares, filled);
    }

    private static int[] union(HistogramSum a, HistogramSum b) {
        int[] ra = a.range(), rb = b.range();
        if (ra == null) return rb;
        if (rb == null) return ra;
        return new int[]{Math.min(ra[0], rb[0]), Math.max(ra[1], rb[1])};
    }

    public static Figure weights(StudyAggregate agg, SeriesColours colours, Scenario s, int number) {
        String title = s.title(agg.design());
        int layers = maxLayers(s);
        List<HistogramSum> all = new ArrayList<>();
        List<Figure.Cell> cells = new ArrayList<>();
        List<String> rows = new ArrayList<>();
        int seeds = 0;
        for (RunGroup g : s.members()) {
            LayerView v = new LayerView(g);
            for (int l = 0; l < v.layers().size(); l++) {
                all.add(v.histogram(l, LayerView.Kind.WEIGHTS, false));
                all.add(v.histogram(l, LayerView.Kind.WEIGHTS, true));
            }
        }
        Axis x = histogramAxis("weight value (asinh scale)", all);
        int chunks = (layers + LAYERS_PER_ROW - 1) / LAYERS_PER_ROW;
        for (int i = 0; i < s.members().size(); i++) {
            RunGroup g = s.members().get(i);
            String level = s.level(g);
            seeds = Math.max(seeds, g.seeds());
            for (int c = 0; c < chunks; c++) rows.add(c == 0 ? level : "");
            LayerView v = new LayerView(g);
            for (int l = 0; l < v.layers().size(); l++) {
                HistogramSum init = v.histogram(l, LayerView.Kind.WEIGHTS, false), end = v.histogram(l, LayerView.Kind.WEIGHTS, true);
                int[] r = union(init, end);
                List<HistogramPanel.Bars> bars = new ArrayList<>();
                double top = 1;
                if (r != null) {
                    bars.add(bars(null, "at initialisation", INITIAL, init, true, r[0], r[1], 100));
                    bars.add(bars(SeriesColours.key(level), level, colours.colour(s.primary(), level), end, false, r[0], r[1], 100));
                    top = Math.max(bars.get(0).maxHeight(), bars.get(1).maxHeight());
                }
                String tip = level + ", " + layerTitle(v, l) + ": weight std " + Values.loss(v.weightStd(l, false)) + " at initialisation → "
                        + Values.loss(v.weightStd(l, true)) + " after training (" + count(g.seeds()) + ")";
                cells.add(new Figure.Cell(i * chunks + l / LAYERS_PER_ROW, l % LAYERS_PER_ROW,
                        new HistogramPanel(layerTitle(v, l), x, Axis.linear("share per bin (%)", 0, top, false), bars, tip)));
            }
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        legend.add(new Figure.LegendEntry(null, "at initialisation", INITIAL, Figure.Swatch.BOX, new double[0]));
        for (RunGroup g : s.members()) legend.add(new Figure.LegendEntry(SeriesColours.key(s.level(g)), s.level(g) + " after training",
                colours.colour(s.primary(), s.level(g)), Figure.Swatch.OUTLINE, new double[0]));
        String note = "Histograms of all weights of each layer, summed over " + count(seeds) + " on shared bins; after training = epoch "
                + finalEpoch(s) + ". The x axis is asinh(w/0.01): linear within ±0.01, logarithmic beyond, so narrow and wide initializations share it.";
        return new Figure(Ids.of("weights", number, title), "Weights per layer: at initialisation and after training — " + title,
                s.description(agg.design()), 220, 165, List.of(), rows, cells, legend, note);
    }

    public static Figure activations(StudyAggregate agg, SeriesColours colours, Scenario s, int number) {
        String title = s.title(agg.design());
        List<HistogramSum> all = new ArrayList<>();
        for (RunGroup g : s.members()) {
            LayerView v = new LayerView(g);
            for (int l = 0; l < v.layers().size(); l++) {
                all.add(v.histogram(l, LayerView.Kind.ACTIVATIONS, false));
                all.add(v.histogram(l, LayerView.Kind.ACTIVATIONS, true));
            }
        }
        Axis x = histogramAxis("activation value (asinh scale)", all);
        List<Figure.Cell> cells = new ArrayList<>();
        int perRow = Math.min(4, s.members().size());
        int seeds = 0, layers = maxLayers(s);
        for (int i = 0; i < s.members().size(); i++) {
            RunGroup g = s.members().get(i);
            String level = s.level(g);
            seeds = Math.max(seeds, g.seeds());
            LayerView v = new LayerView(g);
            List<RidgelinePanel.Ridge> ridges = new ArrayList<>();
            StringBuilder tip = new StringBuilder(level + " (" + count(g.seeds()) + "):");
            for (int l = 0; l < v.layers().size(); l++) {
                HistogramSum init = v.histogram(l, LayerView.Kind.ACTIVATIONS, false), end = v.histogram(l, LayerView.Kind.ACTIVATIONS, true);
                int[] r = union(init, end);
                List<HistogramPanel.Bars> bars = new ArrayList<>();
                if (r != null) {
                    bars.add(bars(null, "at initialisation", INITIAL, init, true, r[0], r[1], 1));
                    bars.add(bars(SeriesColours.key(level), level, colours.colour(s.primary(), level), end, false, r[0], r[1], 1));
                }
                String note = fractionNote(v, l);
                ridges.add(new RidgelinePanel.Ridge("layer " + (l + 1), note, bars));
                tip.append(" layer ").append(l + 1).append(": activation std ").append(Values.loss(v.activationStd(l, false))).append(" → ")
                        .append(Values.loss(v.activationStd(l, true))).append(note.isEmpty() ? "" : ", " + note).append(';');
            }
            cells.add(new Figure.Cell(i / perRow, i % perRow, new RidgelinePanel(level, x, ridges, tip.toString())));
        }
        List<Figure.LegendEntry> legend = new ArrayList<>();
        legend.add(new Figure.LegendEntry(null, "at initialisation", INITIAL, Figure.Swatch.BOX, new double[0]));
        for (RunGroup g : s.members()) legend.add(new Figure.LegendEntry(SeriesColours.key(s.level(g)), s.level(g) + " after training",
                colours.colour(s.primary(), s.level(g)), Figure.Swatch.OUTLINE, new double[0]));
        String note = "Each ridge: the distribution of a layer's outputs on the fixed probe batch, summed over " + count(seeds)
                + ", scaled to its own height; after training = epoch " + finalEpoch(s) + ". Right: units that are dead (ReLU family: never active on the probe batch)"
                + " or saturated (sigmoid, tanh: |φ′| below 10% of its maximum), at initialisation → after training.";
        return new Figure(Ids.of("activations", number, title), "Activations per layer: at initialisation and after training — " + title,
                s.description(agg.design()), 340, 60 + 44.0 * Math.max(3, layers), List.of(), List.of(), cells, legend, note);
    }

    /** "dead 0% → 12%", "saturated 3% → 40%", or "" where neither applies. */
    static String fractionNote(LayerView v, int l) {
        Estimate d0 = v.deadFraction(l, false), d1 = v.deadFraction(l, true);
        if (!d0.isEmpty() || !d1.isEmpty()) return "dead " + percent(d0) + " → " + percent(d1);
        Estimate s0 = v.saturatedFraction(l, false), s1 = v.saturatedFraction(l, true);
        if (!s0.isEmpty() || !s1.isEmpty()) return "saturated " + percent(s0) + " → " + percent(s1);
        return "";
    }

    private static String percent(Estimate e) {
        if (e.isEmpty()) return Values.NONE;
        double p = 100 * e.mean();
        return Values.fixed(p, p > 0 && p < 1 ? 1 : 0) + "%";
    }

    public static Figure gradients(StudyAggregate agg, SeriesColours colours, Scenario s, int number) {
        String title = s.title(agg.design());
        int layers = maxLayers(s);
        List<Figure.Cell> cells = new ArrayList<>();
        int seeds = 0;
        double[] normRange = null, ratioRange = null, depthRange = null;
        List<LayerView> views = s.members().stream().map(LayerView::new).toList();
        for (LayerView v : views) {
            for (int l = 0; l < v.layers().size(); l++) {
                Estimate[] mean = v.gradientCurve(l, LayerView.Gradient.MEAN_NORM).values();
                normRange = widen(normRange, mean);
                depthRange = widen(widen(depthRange, mean), v.gradientCurve(l, LayerView.Gradient.FIRST_STEP_NORM).values());
                ratioRange = widen(ratioRange, v.gradientCurve(l, LayerView.Gradient.UPDATE_RATIO).values());
            }
        }
        int epochs = finalEpoch(s);
        int chunks = (layers + LAYERS_PER_ROW - 1) / LAYERS_PER_ROW;
        Axis epochAxis = Axis.counts("epoch", 1, Math.max(2, epochs));
        Axis normAxis = Axis.log("‖∂L/∂W‖ (log)", range(normRange)[0], range(normRange)[1]);
        Axis ratioAxis = Axis.log("‖ΔW‖ / ‖W‖ (log)", range(ratioRange)[0], range(ratioRange)[1]);
        Axis depthAxis = Axis.log("‖∂L/∂W‖ (log)", range(depthRange)[0], range(depthRange)[1]);
        for (int l = 0; l < layers; l++) {
            List<LinePanel.Line> norms = new ArrayList<>(), ratios = new ArrayList<>();
            String layerTitle = null;
            for (int i = 0; i < views.size(); i++) {
                LayerView v = views.get(i);
                if (l >= v.layers().size()) continue;
                RunGroup g = s.members().get(i);
                String level = s.level(g);
                seeds = Math.max(seeds, g.seeds());
                if (layerTitle == null) layerTitle = layerTitle(v, l);
                norms.add(line(v.gradientCurve(l, LayerView.Gradient.MEAN_NORM), level, colours, s.primary(), g.seeds()));
                ratios.add(line(v.gradientCurve(l, LayerView.Gradient.UPDATE_RATIO), level, colours, s.primary(), g.seeds()));
            }
            cells.add(new Figure.Cell(l / LAYERS_PER_ROW, l % LAYERS_PER_ROW, new LinePanel(layerTitle, epochAxis, normAxis, norms, "epoch")));
            cells.add(new Figure.Cell(chunks + l / LAYERS_PER_ROW, l % LAYERS_PER_ROW, new LinePanel(layerTitle, epochAxis, ratioAxis, ratios, "epoch")));
        }
        List<String> layerNames = new ArrayList<>();
        for (int l = 0; l < layers; l++) layerNames.add(Integer.toString(l + 1));
        Axis depth = Axis.categories("layer (input → output)", layerNames);
        int last = 2 * chunks;
        cells.add(new Figure.Cell(last, 0, depthPanel("gradient norm, first step", views, s, colours, depth, depthAxis, LayerView.Gradient.FIRST_STEP_NORM, 1)));
        cells.add(new Figure.Cell(last, 1, depthPanel("gradient norm, last epoch", views, s, colours, depth, depthAxis, LayerView.Gradient.MEAN_NORM, epochs)));
        cells.add(new Figure.Cell(last, 2, depthPanel("update / weight, last epoch", views, s, colours, depth, ratioAxis, LayerView.Gradient.UPDATE_RATIO, epochs)));
        List<String> rowHeaders = new ArrayList<>();
        for (int c = 0; c < chunks; c++) rowHeaders.add(c == 0 ? "gradient norm" : "");
        for (int c = 0; c < chunks; c++) rowHeaders.add(c == 0 ? "update / weight" : "");
        rowHeaders.add("through depth");
        List<Figure.LegendEntry> legend = new ArrayList<>();
        for (RunGroup g : s.members()) legend.add(colours.legend(s.primary(), s.level(g)));
        String note = "Per layer and epoch: the mean over the epoch's steps of the weight gradient's norm ‖∂L/∂W‖, and of the optimizer step's size relative to the "
                + "weights ‖ΔW‖/‖W‖ (sampled every 25 steps). Bottom row: the same through depth, input to output — norms falling towards the input mean "
                + "vanishing gradients, rising mean exploding. "
                + (seeds > 1 ? "Geometric mean over " + seeds + " seeds; bands and bars: its multiplicative 95% interval. " : "1 seed: no confidence interval. ")
                + "▼ on the bottom edge: exactly 0 (e.g. zero initialization), which a log axis cannot show.";
        return new Figure(Ids.of("gradients", number, title), "Gradient flow per layer — " + title, s.description(agg.design()), 230, 185,
                List.of(), rowHeaders, cells, legend, note);
    }

    private static LinePanel depthPanel(String title, List<LayerView> views, Scenario s, SeriesColours colours, Axis depth, Axis y,
                                        LayerView.Gradient which, int epoch) {
        List<LinePanel.Line> lines = new ArrayList<>();
        for (int i = 0; i < views.size(); i++) {
            LayerView v = views.get(i);
            RunGroup g = s.members().get(i);
            String level = s.level(g);
            int at = which == LayerView.Gradient.FIRST_STEP_NORM ? 1 : Math.min(epoch, v.lastCommonEpoch());
            int n = v.layers().size();
            double[] x = new double[n], m = new double[n], lo = new double[n], hi = new double[n];
            String[] text = new String[n];
            for (int l = 0; l < n; l++) {
                Estimate e = v.gradient(l, at, which);
                x[l] = l;
                m[l] = e.mean();
                lo[l] = e.low();
                hi[l] = e.high();
                text[l] = e.isEmpty() ? null : Values.geometric(e);
            }
            lines.add(new LinePanel.Line(SeriesColours.key(level), level, colours.colour(s.primary(), level), colours.dash(s.primary(), level),
                    x, m, lo, hi, text, true));
        }
        return new LinePanel(title, depth, y, lines, "layer");
    }

    private static LinePanel.Line line(org.initlab.report.model.Curve c, String level, SeriesColours colours, String primary, int seeds) {
        int n = c.size();
        double[] y = new double[n], lo = new double[n], hi = new double[n];
        String[] text = new String[n];
        for (int t = 0; t < n; t++) {
            Estimate e = c.values()[t];
            y[t] = e.mean();
            lo[t] = e.low();
            hi[t] = e.high();
            text[t] = Values.geometric(e) + (e.n() < seeds ? " (" + e.n() + " of " + seeds + " seeds)" : "");
        }
        return new LinePanel.Line(SeriesColours.key(level), level, colours.colour(primary, level), colours.dash(primary, level),
                c.epochs().clone(), y, lo, hi, text, false);
    }

    private static double[] widen(double[] r, Estimate[] es) {
        for (Estimate e : es) {
            for (double v : new double[]{e.mean(), e.low(), e.high()}) {
                if (!(v > 0) || !Double.isFinite(v)) continue;
                if (r == null) r = new double[]{v, v};
                r[0] = Math.min(r[0], v);
                r[1] = Math.max(r[1], v);
            }
        }
        return r;
    }

    private static double[] range(double[] r) {
        return r == null ? new double[]{1e-3, 1} : r;
    }
}
