package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.Histogram;
import org.initlab.train.LayerRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.Summary;
import org.initlab.train.probe.ActivationStatistics;
import org.initlab.train.probe.DeadUnits;
import org.initlab.train.probe.GradientNorms;
import org.initlab.train.probe.Saturation;
import org.initlab.train.probe.UpdateRatio;
import org.initlab.train.probe.WeightStatistics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A configuration's layers seen through its seeds: any per-layer probe value, by name — summed
 * histograms, numbers and summary statistics at initialisation, at the end or at an epoch, and per
 * epoch as curves. A value a run does not hold (it lacks the probe, or the probe recorded nothing
 * for that layer or epoch) is missing: left out of sums and estimates, never an error.
 */
public final class LayerView {
    private final List<RunRecord> runs;

    public LayerView(RunGroup group) {
        this.runs = group.runs();
    }

    /** Layer names of the first run ("dense1", …). */
    public List<String> layers() {
        EpochRecord first = runs.getFirst().result().epochs().getFirst();
        return first.layers().stream().map(LayerRecord::layer).toList();
    }

    /** "784→128": inputs and outputs of layer l ("" for a net without hidden layers). */
    public String shape(int l) {
        List<LayerRecord> layers = runs.getFirst().result().epochs().getFirst().layers();
        if (runs.getFirst().spec().hidden().isEmpty() || l >= layers.size()) return "";
        return layers.get(l).in() + "→" + layers.get(l).out();
    }

    // ---- any value, by name ------------------------------------------------------------------

    /** The histogram {@code name} of layer l summed over all seeds, at initialisation (epoch 0) or at each run's last epoch. */
    public HistogramSum histogram(int l, String name, boolean atEnd) {
        List<Histogram> hs = new ArrayList<>();
        for (RunRecord r : runs) {
            NamedValues v = values(epoch(r, atEnd), l);
            if (v != null) hs.add(v.histogram(name));
        }
        return HistogramSum.of(hs);
    }

    /** The number {@code name} of layer l over seeds, at initialisation or at each run's last epoch. */
    public Estimate number(int l, String name, boolean atEnd) {
        return over(r -> values(epoch(r, atEnd), l), v -> v.number(name));
    }

    /** The number {@code name} of layer l over seeds, at one epoch. */
    public Estimate number(int l, String name, int epoch) {
        return over(r -> values(epoch(r, epoch), l), v -> v.number(name));
    }

    /** A statistic ({@code stat}, e.g. {@link Summary#std}) of the summary {@code name} of layer l over seeds. */
    public Estimate summary(int l, String name, Function<Summary, Double> stat, boolean atEnd) {
        return over(r -> values(epoch(r, atEnd), l), v -> {
            Summary s = v.summary(name);
            return s == null ? null : stat.apply(s);
        });
    }

    /** The number {@code name} of layer l per epoch where some seed has it, over seeds: arithmetic or geometric means. */
    public Curve curve(int l, String name, boolean geometric) {
        return Curve.perEpoch(null, runs, e -> {
            NamedValues v = values(e, l);
            Double x = v == null ? null : v.number(name);
            return x == null ? Double.NaN : x;
        }, geometric);
    }

    /** Seeds with values after training: those that completed (a diverged run has none, {@link Divergence}). */
    public int completed() {
        return (int) runs.stream().filter(r -> !r.result().diverged()).count();
    }

    private double[] numbers(int l, String name, int epoch) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            NamedValues nv = values(epoch(runs.get(i), epoch), l);
            Double x = nv == null ? null : nv.number(name);
            v[i] = x == null ? Double.NaN : x;
        }
        return v;
    }

    private static EpochRecord epoch(RunRecord r, boolean atEnd) {
        List<EpochRecord> es = r.result().epochs();
        return atEnd ? es.getLast() : es.getFirst();
    }

    private static EpochRecord epoch(RunRecord r, int epoch) {
        for (EpochRecord e : r.result().epochs()) if (e.epoch() == epoch) return e;
        return null;
    }

    private static NamedValues values(EpochRecord e, int l) {
        return e == null || l >= e.layers().size() ? null : e.layers().get(l).values();
    }

    private Estimate over(Function<RunRecord, NamedValues> pick, Function<NamedValues, Double> read) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            NamedValues nv = pick.apply(runs.get(i));
            Double x = nv == null ? null : read.apply(nv);
            v[i] = x == null || !Double.isFinite(x) ? Double.NaN : x;
        }
        return Estimate.of(v);
    }

    // ---- the values today's figures draw -----------------------------------------------------

    /** Which histogram. */
    public enum Kind {
        WEIGHTS(WeightStatistics.WEIGHT_HISTOGRAM.name()),
        PRE_ACTIVATIONS(ActivationStatistics.PREACT_HISTOGRAM.name()),
        ACTIVATIONS(ActivationStatistics.ACT_HISTOGRAM.name());

        private final String value;

        Kind(String value) {
            this.value = value;
        }
    }

    public HistogramSum histogram(int l, Kind kind, boolean atEnd) {
        return histogram(l, kind.value, atEnd);
    }

    public Estimate deadFraction(int l, boolean atEnd) {
        return number(l, DeadUnits.DEAD.name(), atEnd);
    }

    public Estimate saturatedFraction(int l, boolean atEnd) {
        return number(l, Saturation.SATURATED.name(), atEnd);
    }

    public Estimate weightStd(int l, boolean atEnd) {
        return summary(l, WeightStatistics.WEIGHT.name(), Summary::std, atEnd);
    }

    public Estimate activationStd(int l, boolean atEnd) {
        return summary(l, ActivationStatistics.ACT.name(), Summary::std, atEnd);
    }

    /** Which gradient statistic. */
    public enum Gradient {
        FIRST_STEP_NORM(GradientNorms.FIRST_STEP.name()),
        MEAN_NORM(GradientNorms.MEAN.name()),
        UPDATE_RATIO(UpdateRatio.RATIO.name());

        private final String value;

        Gradient(String value) {
            this.value = value;
        }
    }

    /** A gradient statistic of layer l per epoch (1…), over seeds: geometric means ({@link Estimate#ofLog}), as they are drawn on log axes. */
    public Curve gradientCurve(int l, Gradient which) {
        return curve(l, which.value, true);
    }

    /** A gradient statistic of layer l in one epoch, over seeds (geometric mean, as drawn on a log axis). */
    public Estimate gradient(int l, int epoch, Gradient which) {
        return Estimate.ofLog(numbers(l, which.value, epoch));
    }
}
