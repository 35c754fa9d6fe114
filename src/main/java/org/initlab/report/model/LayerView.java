package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.Histogram;
import org.initlab.train.LayerGradients;
import org.initlab.train.LayerSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A configuration's layers seen through its seeds: summed histograms at initialisation and at
 * the end, dead and saturated fractions, and gradient statistics per epoch.
 */
public final class LayerView {
    private final List<RunRecord> runs;

    public LayerView(RunGroup group) {
        this.runs = group.runs();
    }

    /** Layer names of the first run ("dense1", …). */
    public List<String> layers() {
        EpochRecord first = runs.getFirst().result().epochs().getFirst();
        return first.layers().stream().map(LayerSnapshot::layer).toList();
    }

    /** "784→128": inputs and outputs of layer l, from the hidden widths and the weight counts ("" for a net without hidden layers). */
    public String shape(int l) {
        List<LayerSnapshot> layers = runs.getFirst().result().epochs().getFirst().layers();
        List<Integer> hidden = runs.getFirst().spec().hidden();
        if (hidden.isEmpty() || l >= layers.size()) return "";
        long[] widths = new long[layers.size() + 1];
        widths[1] = hidden.getFirst();
        widths[0] = layers.getFirst().weights().count() / widths[1];
        for (int i = 1; i < layers.size(); i++) {
            widths[i + 1] = i < hidden.size() ? hidden.get(i) : layers.get(i).weights().count() / Math.max(1, widths[i]);
        }
        return widths[l] + "→" + widths[l + 1];
    }

    public enum Kind {
        WEIGHTS(LayerSnapshot::weightHistogram),
        PRE_ACTIVATIONS(LayerSnapshot::preActivationHistogram),
        ACTIVATIONS(LayerSnapshot::activationHistogram);

        private final Function<LayerSnapshot, Histogram> read;

        Kind(Function<LayerSnapshot, Histogram> read) {
            this.read = read;
        }
    }

    /** The histogram of layer l over all seeds, at initialisation (epoch 0) or at each run's last epoch. */
    public HistogramSum histogram(int l, Kind kind, boolean atEnd) {
        List<Histogram> hs = new ArrayList<>();
        for (RunRecord r : runs) {
            LayerSnapshot s = snapshot(r, l, atEnd);
            if (s != null) hs.add(kind.read.apply(s));
        }
        return HistogramSum.of(hs);
    }

    private static LayerSnapshot snapshot(RunRecord r, int l, boolean atEnd) {
        List<EpochRecord> es = r.result().epochs();
        EpochRecord e = atEnd ? es.getLast() : es.getFirst();
        return l < e.layers().size() ? e.layers().get(l) : null;
    }

    public Estimate deadFraction(int l, boolean atEnd) {
        return over(r -> snapshot(r, l, atEnd), s -> s.deadFraction());
    }

    public Estimate saturatedFraction(int l, boolean atEnd) {
        return over(r -> snapshot(r, l, atEnd), s -> s.saturatedFraction());
    }

    public Estimate weightStd(int l, boolean atEnd) {
        return over(r -> snapshot(r, l, atEnd), s -> s.weights().std());
    }

    public Estimate activationStd(int l, boolean atEnd) {
        return over(r -> snapshot(r, l, atEnd), s -> s.activations().std());
    }

    private Estimate over(Function<RunRecord, LayerSnapshot> pick, Function<LayerSnapshot, Double> read) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            LayerSnapshot s = pick.apply(runs.get(i));
            Double x = s == null ? null : read.apply(s);
            v[i] = x == null || !Double.isFinite(x) ? Double.NaN : x;
        }
        return Estimate.of(v);
    }

    /** Which gradient statistic. */
    public enum Gradient { FIRST_STEP_NORM, MEAN_NORM, UPDATE_RATIO }

    /** A gradient statistic of layer l per epoch (1…), over seeds: geometric means ({@link Estimate#ofLog}), as they are drawn on log axes. */
    public Curve gradientCurve(int l, Gradient which) {
        int last = 0;
        for (RunRecord r : runs) last = Math.max(last, r.result().epochs().getLast().epoch());
        List<Double> xs = new ArrayList<>();
        List<Estimate> es = new ArrayList<>();
        for (int epoch = 1; epoch <= last; epoch++) {
            double[] v = new double[runs.size()];
            boolean any = false;
            for (int i = 0; i < runs.size(); i++) {
                v[i] = gradient(runs.get(i), epoch, l, which);
                any |= Double.isFinite(v[i]);
            }
            if (!any) continue;
            xs.add((double) epoch);
            es.add(Estimate.ofLog(v));
        }
        return new Curve(null, xs.stream().mapToDouble(Double::doubleValue).toArray(), es.toArray(Estimate[]::new));
    }

    /** A gradient statistic of layer l in one epoch, over seeds (geometric mean, as drawn on a log axis). */
    public Estimate gradient(int l, int epoch, Gradient which) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < runs.size(); i++) v[i] = gradient(runs.get(i), epoch, l, which);
        return Estimate.ofLog(v);
    }

    /** The last epoch every seed trained through (the end, unless some diverged). */
    public int lastCommonEpoch() {
        int last = Integer.MAX_VALUE;
        for (RunRecord r : runs) last = Math.min(last, r.result().epochs().getLast().epoch());
        return last;
    }

    private static double gradient(RunRecord r, int epoch, int l, Gradient which) {
        for (EpochRecord e : r.result().epochs()) {
            if (e.epoch() != epoch) continue;
            if (l >= e.gradients().size()) return Double.NaN;
            LayerGradients g = e.gradients().get(l);
            Double x = switch (which) {
                case FIRST_STEP_NORM -> g.firstStepNorm();
                case MEAN_NORM -> g.meanNorm();
                case UPDATE_RATIO -> g.updateRatio();
            };
            return x == null || !Double.isFinite(x) ? Double.NaN : x;
        }
        return Double.NaN;
    }
}
