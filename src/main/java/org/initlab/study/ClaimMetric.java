package org.initlab.study;

import org.initlab.train.EpochRecord;
import org.initlab.train.LayerRecord;
import org.initlab.train.RunResult;
import org.initlab.train.probe.DeadUnits;
import org.initlab.train.probe.MeanFieldTheory;
import org.initlab.train.probe.Saturation;

import java.util.List;
import java.util.Locale;

/**
 * What a {@link Claim} is judged on: one number per finished run, and which way is better.
 * Accuracies and losses are the run's final metrics; the others are read from the probes'
 * records, so that claims about gradient flow and inactive units are tested on what was measured.
 */
public enum ClaimMetric {
    TEST_ACCURACY("final test accuracy", true, r -> metrics(r).testAccuracy()),
    VALIDATION_ACCURACY("final validation accuracy", true, r -> metrics(r).validationAccuracy()),
    TEST_LOSS("final test loss (cross-entropy)", false, r -> metrics(r).testLoss()),
    VALIDATION_LOSS("final validation loss (cross-entropy)", false, r -> metrics(r).validationLoss()),
    /**
     * |log₁₀(‖δ¹‖/‖δ^L‖)| at the first step, δ^l = ∂L/∂z^l summed in square over the minibatch:
     * 0 when the backward signal reaches the first layer as strong as it leaves the output, 1
     * when it arrives ten times weaker or stronger — vanishing or exploding gradients (Glorot &amp;
     * Bengio 2010 §4.2; Schoenholz et al. 2017 §4, whose χ sets it). Not the weight gradients'
     * ratio, which also carries each layer's input norm (784 pixels against a hidden layer).
     * Recorded by the theory probe; absent in runs without it.
     */
    GRADIENT_FLOW("|log₁₀ of the backward signal ‖∂L/∂z‖ at the first layer over the output layer's| at the first step (0: undiminished)", false,
            ClaimMetric::gradientFlow),
    /** The fraction of dead units (z ≤ 0 on every probe example), averaged over rectifier layers, after the last epoch. */
    DEAD_FRACTION("fraction of dead units in rectifier layers, after the last epoch", false,
            r -> meanOverLayers(r, DeadUnits.DEAD.name())),
    /** The fraction of saturated activations, averaged over squashing layers, after the last epoch. */
    SATURATED_FRACTION("fraction of saturated activations in squashing layers, after the last epoch", false,
            r -> meanOverLayers(r, Saturation.SATURATED.name()));

    /** The metric a claim without {@code metric:} is judged on. */
    public static final ClaimMetric DEFAULT = TEST_ACCURACY;

    private final String description;
    private final boolean higherIsBetter;
    private final java.util.function.Function<RunRecord, Double> read;

    ClaimMetric(String description, boolean higherIsBetter, java.util.function.Function<RunRecord, Double> read) {
        this.description = description;
        this.higherIsBetter = higherIsBetter;
        this.read = read;
    }

    /** Its name in specs: "test_accuracy". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether it is a fraction shown in percent (accuracies, dead and saturated fractions). */
    public boolean isFraction() {
        return this != TEST_LOSS && this != VALIDATION_LOSS && this != GRADIENT_FLOW;
    }

    /** The run's value; NaN where the run does not have it (a probe missing, not finite, no such layer). */
    public double of(RunRecord r) {
        Double v = read.apply(r);
        return v == null || !Double.isFinite(v) ? Double.NaN : v;
    }

    public static List<String> keys() {
        return java.util.Arrays.stream(values()).map(ClaimMetric::key).toList();
    }

    /** The metric {@code key} names, or null. */
    public static ClaimMetric find(String key) {
        for (ClaimMetric m : values()) if (org.initlab.catalog.Spelling.same(m.key(), key)) return m;
        return null;
    }

    private static RunResult.Metrics metrics(RunRecord r) {
        return r.result().finalMetrics();
    }

    private static Double gradientFlow(RunRecord r) {
        for (EpochRecord e : r.result().epochs()) {
            if (e.epoch() != 1 || e.layers().isEmpty()) continue;
            Double square = e.layers().getFirst().values().number(MeanFieldTheory.MEASURED_BACKWARD.name());
            return square == null || !(square > 0) ? null : Math.abs(Math.log10(square)) / 2;
        }
        return null;
    }

    /** The layers' values of {@code name} after the last epoch, averaged over the layers that have one (the probe records only the layers it applies to). */
    private static Double meanOverLayers(RunRecord r, String name) {
        List<EpochRecord> epochs = r.result().epochs();
        if (epochs.isEmpty()) return null;
        double sum = 0;
        int n = 0;
        for (LayerRecord l : epochs.getLast().layers()) {
            Double v = l.values().number(name);
            if (v == null) continue;
            sum += v;
            n++;
        }
        return n == 0 ? null : sum / n;
    }
}
