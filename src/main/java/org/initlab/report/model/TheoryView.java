package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.NamedValues;
import org.initlab.train.Value;
import org.initlab.train.probe.DeadUnits;
import org.initlab.train.probe.MeanFieldTheory;
import org.initlab.train.probe.Saturation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A configuration's mean-field predictions beside what was measured, over its seeds, as the
 * theory probe ({@link MeanFieldTheory}) recorded them: per layer at initialisation and at the
 * first step, and for the run. Each quantity pairs a predicted value with the measured one of the
 * same definition; the numbers a sentence about why an initializer works needs (gradient ratio,
 * χ, Jacobian mean square, dead and saturated fractions) are here. Runs without the probe, or
 * where the theory does not apply, give missing predictions and say why ({@link #basis()}).
 */
public final class TheoryView {
    /** A per-layer quantity with its predicted and measured names and the epoch record that holds them. */
    public enum Quantity {
        PREACT_VARIANCE("pre-activation variance", MeanFieldTheory.PREDICTED_VARIANCE.name(), MeanFieldTheory.MEASURED_VARIANCE.name(), 0),
        PREACT_SECOND_MOMENT("pre-activation mean square q^l", MeanFieldTheory.PREDICTED_SECOND_MOMENT.name(),
                MeanFieldTheory.MEASURED_SECOND_MOMENT.name(), 0),
        DEAD_FRACTION("dead units", MeanFieldTheory.PREDICTED_DEAD.name(), DeadUnits.DEAD.name(), 0),
        SATURATED_FRACTION("saturated activations", MeanFieldTheory.PREDICTED_SATURATED.name(), Saturation.SATURATED.name(), 0),
        BACKWARD_SQUARE("‖δ^l‖² relative to the output layer", MeanFieldTheory.PREDICTED_BACKWARD.name(), MeanFieldTheory.MEASURED_BACKWARD.name(), 1),
        GRAD_NORM_RELATIVE("‖∂L/∂W_l‖ relative to the last layer", MeanFieldTheory.PREDICTED_GRADIENT.name(),
                MeanFieldTheory.MEASURED_GRADIENT.name(), 1);

        private final String title;
        private final String predicted;
        private final String measured;
        private final int epoch;

        Quantity(String title, String predicted, String measured, int epoch) {
            this.title = title;
            this.predicted = predicted;
            this.measured = measured;
            this.epoch = epoch;
        }

        public String title() { return title; }

        /** 0: at initialisation; 1: at the first step (recorded with epoch 1). */
        public int epoch() { return epoch; }
    }

    /** A run-level quantity, predicted and measured. */
    public enum RunQuantity {
        JACOBIAN_MEAN_SQUARE("input–output Jacobian mean square ‖J‖²_F/n_out", MeanFieldTheory.PREDICTED_JACOBIAN.name(),
                MeanFieldTheory.MEASURED_JACOBIAN.name(), 0),
        GRAD_NORM_RATIO("first/last gradient-norm ratio at the first step", MeanFieldTheory.PREDICTED_RATIO.name(),
                MeanFieldTheory.MEASURED_RATIO.name(), 1);

        private final String title;
        private final String predicted;
        private final String measured;
        private final int epoch;

        RunQuantity(String title, String predicted, String measured, int epoch) {
            this.title = title;
            this.predicted = predicted;
            this.measured = measured;
            this.epoch = epoch;
        }

        public String title() { return title; }
    }

    private final List<RunRecord> runs;

    public TheoryView(RunGroup group) {
        this.runs = group.runs();
    }

    /** Whether some seed was watched by the theory probe. */
    public boolean recorded() {
        return !bases().isEmpty();
    }

    /** Whether the theory made predictions for some seed (it applies to the configuration). */
    public boolean predicts() {
        return runs.stream().anyMatch(r -> at(r, 0) != null && at(r, 0).values().number(MeanFieldTheory.PREDICTED_JACOBIAN.name()) != null);
    }

    /** What the predictions rest on, or why there are none: the distinct notes of the seeds, in order (empty without the probe). */
    public List<String> bases() {
        Set<String> out = new LinkedHashSet<>();
        for (RunRecord r : runs) {
            EpochRecord e = at(r, 0);
            String b = e == null ? null : e.values().text(MeanFieldTheory.BASIS.name());
            if (b != null) out.add(b);
        }
        return List.copyOf(out);
    }

    /** The first seed's note ("" without the probe). */
    public String basis() {
        List<String> b = bases();
        return b.isEmpty() ? "" : b.getFirst();
    }

    /** Layers of the first run. */
    public int layers() {
        EpochRecord e = at(runs.getFirst(), 0);
        return e == null ? 0 : e.layers().size();
    }

    public Estimate predicted(int layer, Quantity q) {
        return over(r -> layer(r, q.epoch, layer), q.predicted);
    }

    public Estimate measured(int layer, Quantity q) {
        return over(r -> layer(r, q.epoch, layer), q.measured);
    }

    /** χ_l = σ_w²·E[φ′(z^l)²]. */
    public Estimate chi(int layer) {
        return over(r -> layer(r, 0, layer), MeanFieldTheory.CHI.name());
    }

    public Estimate predicted(RunQuantity q) {
        return over(r -> runValues(r, q.epoch), q.predicted);
    }

    public Estimate measured(RunQuantity q) {
        return over(r -> runValues(r, q.epoch), q.measured);
    }

    /** The geometric mean over seeds of a run-level quantity (Jacobian mean squares span decades). */
    public Estimate measuredGeometric(RunQuantity q) {
        return Estimate.ofLog(values(r -> runValues(r, q.epoch), q.measured));
    }

    public Estimate predictedGeometric(RunQuantity q) {
        return Estimate.ofLog(values(r -> runValues(r, q.epoch), q.predicted));
    }

    /** ρ, the output gradients' correlation between examples at the first step. */
    public Estimate outputCorrelation() {
        return over(r -> runValues(r, 1), MeanFieldTheory.OUTPUT_CORRELATION.name());
    }

    /** The input–output Jacobian's singular values at initialisation, every probe input of every seed, in ascending order. */
    public double[] singularValues() {
        List<Double> all = new ArrayList<>();
        for (RunRecord r : runs) {
            NamedValues v = runValues(r, 0);
            Value.Numbers n = v == null ? null : v.numbers(MeanFieldTheory.SINGULAR_VALUES.name());
            if (n == null) continue;
            for (double x : n.values()) if (Double.isFinite(x)) all.add(x);
        }
        double[] out = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(out);
        return out;
    }

    /**
     * The largest relative gap |measured/predicted − 1| of the hidden layers' pre-activation
     * variance (means over seeds); NaN without predictions.
     */
    public double largestVarianceGap() {
        double worst = Double.NaN;
        for (int l = 0; l < layers() - 1; l++) {
            double p = predicted(l, Quantity.PREACT_VARIANCE).mean(), m = measured(l, Quantity.PREACT_VARIANCE).mean();
            if (!(p > 0) || !Double.isFinite(m)) continue;
            double gap = Math.abs(m / p - 1);
            if (!(gap <= worst)) worst = gap;
        }
        return worst;
    }

    private static EpochRecord at(RunRecord r, int epoch) {
        for (EpochRecord e : r.result().epochs()) if (e.epoch() == epoch) return e;
        return null;
    }

    private static NamedValues runValues(RunRecord r, int epoch) {
        EpochRecord e = at(r, epoch);
        return e == null ? null : e.values();
    }

    private static NamedValues layer(RunRecord r, int epoch, int l) {
        EpochRecord e = at(r, epoch);
        return e == null || l >= e.layers().size() ? null : e.layers().get(l).values();
    }

    private Estimate over(Function<RunRecord, NamedValues> pick, String name) {
        return Estimate.of(values(pick, name));
    }

    private double[] values(Function<RunRecord, NamedValues> pick, String name) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) {
            NamedValues nv = pick.apply(runs.get(i));
            Double x = nv == null ? null : nv.number(name);
            v[i] = x == null || !Double.isFinite(x) ? Double.NaN : x;
        }
        return v;
    }
}
