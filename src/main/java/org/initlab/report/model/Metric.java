package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.train.EpochRecord;

import java.util.function.Function;

/** A per-epoch quantity of a run, as the curves and the summary table show it. */
public enum Metric {
    TRAIN_LOSS("training loss", "loss", false, EpochRecord::trainLoss),
    VALIDATION_LOSS("validation loss", "loss", false, EpochRecord::validationLoss),
    TEST_LOSS("test loss", "loss", false, EpochRecord::testLoss),
    TRAIN_ACCURACY("training accuracy", "accuracy (%)", true, EpochRecord::trainAccuracy),
    VALIDATION_ACCURACY("validation accuracy", "accuracy (%)", true, EpochRecord::validationAccuracy),
    TEST_ACCURACY("test accuracy", "accuracy (%)", true, EpochRecord::testAccuracy);

    private final String title;
    private final String unit;
    private final boolean accuracy;
    private final Function<EpochRecord, Double> read;

    Metric(String title, String unit, boolean accuracy, Function<EpochRecord, Double> read) {
        this.title = title;
        this.unit = unit;
        this.accuracy = accuracy;
        this.read = read;
    }

    public String title() { return title; }

    /** The axis label: "loss" (cross-entropy, nats) or "accuracy (%)". */
    public String unit() { return unit; }

    public boolean isAccuracy() { return accuracy; }

    /**
     * Its values over seeds as the report states them, in figures and tables alike: an accuracy
     * as the mean with its t interval ({@link Estimate#of}); a loss — positive, spanning decades
     * between seeds that learn and seeds that barely do — as the geometric mean with its
     * multiplicative interval ({@link Estimate#ofLog}), which stays above 0 where a symmetric
     * interval would reach below it.
     */
    public Estimate estimate(double[] values) {
        return geometric() ? Estimate.ofLog(values) : Estimate.of(values);
    }

    /** Whether {@link #estimate} is a geometric mean (a loss) rather than an arithmetic one (an accuracy). */
    public boolean geometric() {
        return !accuracy;
    }

    /** The value in an epoch record, NaN when not measured or not finite. */
    public double of(EpochRecord e) {
        Double v = read.apply(e);
        return v == null || !Double.isFinite(v) ? Double.NaN : v;
    }
}
