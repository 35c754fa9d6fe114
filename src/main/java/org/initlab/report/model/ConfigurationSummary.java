package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.Proportion;
import org.initlab.study.RunRecord;
import org.initlab.train.EpochRecord;
import org.initlab.train.RunResult;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One row of the summary table: a configuration's outcome over its seeds. Accuracies are
 * fractions (0–1), their mean over seeds with its t interval; losses are cross-entropies (nats),
 * their geometric mean over seeds with its multiplicative interval, as the figures draw them
 * ({@link Metric#estimate}). Every value but the divergence is over
 * the seeds that completed (a diverged run has no final metrics, {@link Divergence}); each
 * {@link Estimate#n()} says how many that is, and {@code divergence} counts the others.
 *
 * @param bestTestAccuracy the highest test accuracy of any epoch (the final one when the test
 *                         split is measured only at the end)
 * @param divergence       the share of seeds whose run diverged, with its Wilson interval
 * @param computeSeconds   training time summed over the seeds
 */
public record ConfigurationSummary(RunGroup group, Estimate finalTestAccuracy, Estimate bestTestAccuracy,
                                   Estimate finalValidationAccuracy, Estimate finalTrainLoss, Estimate finalValidationLoss,
                                   Estimate finalTestLoss, Reach epochsTo90, Reach epochsTo97, Proportion divergence,
                                   double computeSeconds) {
    public static final double THRESHOLD_90 = 0.90, THRESHOLD_97 = 0.97;

    public static ConfigurationSummary of(RunGroup g) {
        List<RunRecord> runs = g.runs();
        double seconds = 0;
        int diverged = 0;
        for (RunRecord r : runs) {
            if (r.result().timing() != null) seconds += r.result().timing().totalSeconds();
            if (r.result().diverged()) diverged++;
        }
        List<RunRecord> done = g.completed();
        return new ConfigurationSummary(g,
                over(done, Metric.TEST_ACCURACY, r -> finite(r.result().finalMetrics().testAccuracy())),
                over(done, Metric.TEST_ACCURACY, ConfigurationSummary::bestTestAccuracy),
                over(done, Metric.VALIDATION_ACCURACY, r -> finite(r.result().finalMetrics().validationAccuracy())),
                over(done, Metric.TRAIN_LOSS, r -> Metric.TRAIN_LOSS.of(r.result().epochs().getLast())),
                over(done, Metric.VALIDATION_LOSS, r -> finite(r.result().finalMetrics().validationLoss())),
                over(done, Metric.TEST_LOSS, r -> finite(r.result().finalMetrics().testLoss())),
                reach(done, THRESHOLD_90), reach(done, THRESHOLD_97),
                Proportion.of(diverged, runs.size()), seconds);
    }

    public int seeds() {
        return group.seeds();
    }

    static double finite(Double v) {
        return v == null || !Double.isFinite(v) ? Double.NaN : v;
    }

    /** The runs' values of {@code f} as the report states {@code metric} ({@link Metric#estimate}: losses geometric, as the figures draw them). */
    private static Estimate over(List<RunRecord> runs, Metric metric, ToDoubleFunction<RunRecord> f) {
        double[] v = new double[runs.size()];
        for (int i = 0; i < v.length; i++) v[i] = f.applyAsDouble(runs.get(i));
        return metric.estimate(v);
    }

    static double bestTestAccuracy(RunRecord r) {
        double best = finite(r.result().finalMetrics().testAccuracy());
        for (EpochRecord e : r.result().epochs()) {
            double v = Metric.TEST_ACCURACY.of(e);
            if (Double.isFinite(v) && !(v <= best)) best = v;
        }
        return best;
    }

    /**
     * The first epoch whose validation accuracy is ≥ the threshold, per completed seed that
     * followed validation per epoch (NaN where never reached); seeds that measured it only at the
     * end are left out (then {@link Reach#seeds()} is 0).
     */
    static Reach reach(List<RunRecord> runs, double threshold) {
        List<Double> first = new java.util.ArrayList<>();
        for (RunRecord run : runs) {
            RunResult res = run.result();
            long measured = res.epochs().stream().filter(e -> Double.isFinite(Metric.VALIDATION_ACCURACY.of(e))).count();
            if (measured < 2) continue;
            double at = Double.NaN;
            for (EpochRecord e : res.epochs()) {
                if (Metric.VALIDATION_ACCURACY.of(e) >= threshold) {
                    at = e.epoch();
                    break;
                }
            }
            first.add(at);
        }
        return new Reach(first.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** Seeds that completed (have final metrics). */
    public int completed() {
        return seeds() - divergence.count();
    }
}
