package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * A metric per epoch over a configuration's seeds: mean and 95% interval at each epoch where at
 * least one seed measured it. A seed that diverged stops contributing after it diverged, which
 * {@link Estimate#n()} shows.
 */
public record Curve(Metric metric, double[] epochs, Estimate[] values) {
    /** Arithmetic means with t intervals. */
    public static Curve of(Metric metric, List<RunRecord> runs) {
        return of(metric, runs, false);
    }

    /** Geometric means with multiplicative intervals ({@link Estimate#ofLog}), for log axes. */
    public static Curve geometric(Metric metric, List<RunRecord> runs) {
        return of(metric, runs, true);
    }

    /** As the report draws it: the metric's own estimate over seeds ({@link Metric#estimate}; geometric for losses). */
    public static Curve reported(Metric metric, List<RunRecord> runs) {
        return perEpoch(metric, runs, metric::of, metric::estimate);
    }

    private static Curve of(Metric metric, List<RunRecord> runs, boolean log) {
        return perEpoch(metric, runs, metric::of, log);
    }

    /**
     * Any per-epoch quantity ({@code value}: NaN where a record lacks it) over the runs, at each
     * epoch where at least one run has it; {@code metric} labels the curve (null for probe values).
     */
    static Curve perEpoch(Metric metric, List<RunRecord> runs, ToDoubleFunction<EpochRecord> value, boolean log) {
        return perEpoch(metric, runs, value, log ? Estimate::ofLog : Estimate::of);
    }

    private static Curve perEpoch(Metric metric, List<RunRecord> runs, ToDoubleFunction<EpochRecord> value, Function<double[], Estimate> estimate) {
        int last = 0;
        for (RunRecord r : runs) for (EpochRecord e : r.result().epochs()) last = Math.max(last, e.epoch());
        List<Double> xs = new ArrayList<>();
        List<Estimate> es = new ArrayList<>();
        for (int epoch = 0; epoch <= last; epoch++) {
            double[] v = new double[runs.size()];
            boolean any = false;
            for (int i = 0; i < runs.size(); i++) {
                v[i] = Double.NaN;
                for (EpochRecord e : runs.get(i).result().epochs()) {
                    if (e.epoch() == epoch) {
                        v[i] = value.applyAsDouble(e);
                        any |= Double.isFinite(v[i]);
                        break;
                    }
                }
            }
            if (!any) continue;
            xs.add((double) epoch);
            es.add(estimate.apply(v));
        }
        return new Curve(metric, xs.stream().mapToDouble(Double::doubleValue).toArray(), es.toArray(Estimate[]::new));
    }

    public int size() {
        return epochs.length;
    }

    /** Whether the metric was followed over training (two or more epochs), not just measured once. */
    public boolean perEpoch() {
        return epochs.length >= 2;
    }
}
