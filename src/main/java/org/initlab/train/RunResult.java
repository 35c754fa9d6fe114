package org.initlab.train;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one training run. Everything but {@link #timing} is determined by the run's
 * spec: the same spec gives equal results bit for bit.
 *
 * @param status          "complete" or "diverged"
 * @param divergedEpoch   the epoch in which loss or weights became NaN or infinite, else null
 * @param divergence      what diverged and at which step, else null
 * @param steps           optimizer steps taken
 * @param lossSteps       steps at which the minibatch loss was recorded
 * @param losses          those minibatch losses (null where not finite)
 * @param epochs          epoch 0 (initialisation) to the last epoch run
 * @param finalMetrics    validation and test metrics of the final network
 */
public record RunResult(String status, Integer divergedEpoch, String divergence, long steps,
                        long[] lossSteps, Double[] losses, List<EpochRecord> epochs,
                        Metrics finalMetrics, Timing timing) {
    public static final String COMPLETE = "complete";
    public static final String DIVERGED = "diverged";

    public RunResult {
        epochs = List.copyOf(epochs);
    }

    public boolean diverged() { return DIVERGED.equals(status); }

    /** Loss and accuracy on the validation and test splits. */
    public record Metrics(Double validationLoss, Double validationAccuracy, Double testLoss, Double testAccuracy) {}

    /** Wall-clock times (the only part of a result that differs between runs of the same spec). */
    public record Timing(double[] epochSeconds, double totalSeconds, double examplesPerSecond) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Timing t && Arrays.equals(epochSeconds, t.epochSeconds) && totalSeconds == t.totalSeconds
                    && examplesPerSecond == t.examplesPerSecond;
        }

        @Override
        public int hashCode() { return Arrays.hashCode(epochSeconds); }

        @Override
        public String toString() { return "Timing[" + totalSeconds + " s]"; }
    }

    /** This result without its timing: what must be identical for equal specs. */
    public RunResult withoutTiming() {
        return new RunResult(status, divergedEpoch, divergence, steps, lossSteps, losses, epochs, finalMetrics, null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunResult r && status.equals(r.status) && Objects.equals(divergedEpoch, r.divergedEpoch)
                && Objects.equals(divergence, r.divergence) && steps == r.steps && Arrays.equals(lossSteps, r.lossSteps)
                && Arrays.equals(losses, r.losses) && epochs.equals(r.epochs) && Objects.equals(finalMetrics, r.finalMetrics)
                && Objects.equals(timing, r.timing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, steps, epochs);
    }

    @Override
    public String toString() {
        return "RunResult[" + status + ", " + steps + " steps, " + epochs.size() + " epoch records, final " + finalMetrics + "]";
    }
}
