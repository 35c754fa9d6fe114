package org.initlab.train;

import java.util.Arrays;
import java.util.List;

/**
 * The outcome of one training run. Everything but {@link #timing} is determined by the run's
 * spec and its probes' settings: the same ones give equal results bit for bit.
 *
 * @param status          "complete" or "diverged"
 * @param divergedEpoch   the epoch in which loss or weights became NaN or infinite, else null
 * @param divergence      what diverged and at which step, else null
 * @param steps           optimizer steps taken
 * @param epochs          epoch 0 (initialisation) to the last epoch run, with what the probes recorded
 * @param finalMetrics    validation and test metrics of the final network
 */
public record RunResult(String status, Integer divergedEpoch, String divergence, long steps,
                        List<EpochRecord> epochs, Metrics finalMetrics, Timing timing) {
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
        return new RunResult(status, divergedEpoch, divergence, steps, epochs, finalMetrics, null);
    }

    @Override
    public String toString() {
        return "RunResult[" + status + ", " + steps + " steps, " + epochs.size() + " epoch records, final " + finalMetrics + "]";
    }
}
