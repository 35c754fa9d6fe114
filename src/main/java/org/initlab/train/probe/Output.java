package org.initlab.train.probe;

import org.initlab.train.Value;

/**
 * A value a probe records: its name (a key of result.json and the stem of its CSV columns),
 * whether it is recorded for the run or for each layer, its kind, what it means, and when it was
 * measured.
 *
 * @param type        {@link Value.Scalar}, {@link Value.Numbers}, {@link org.initlab.train.Summary}
 *                    or {@link org.initlab.train.Histogram}
 * @param description one line for people: what it is and its unit
 * @param measured    when it was measured, relative to the record that holds it
 */
public record Output<V extends Value>(String name, Scope scope, Class<V> type, String description, Measured measured) {
    public enum Scope { RUN, LAYER }

    /**
     * When a value was measured. Epoch E's record is made at the end of E, but a value in it may
     * have been measured at an earlier step; whether it was decides what a run that diverged in E
     * keeps of that record (a value measured before the divergent step is valid; one that
     * summarises the epoch or its end is not: {@code report.model.Divergence}).
     */
    public enum Measured {
        /** At the record's own moment: at initialisation (epoch 0), or over the epoch's steps and at its end. */
        WITH_RECORD,
        /**
         * At the run's first step (step 1), from the initial weights before any update; held by
         * epoch 1's record, which {@link Observation} enforces.
         */
        FIRST_STEP
    }

    public Output {
        if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("an output name is snake_case: " + name);
        if (measured == null) throw new IllegalArgumentException(name + ": say when it is measured");
    }

    /** A value of each layer, measured at the record's moment. */
    public static <V extends Value> Output<V> perLayer(String name, Class<V> type, String description) {
        return new Output<>(name, Scope.LAYER, type, description, Measured.WITH_RECORD);
    }

    /** A value of the run as a whole, measured at the record's moment. */
    public static <V extends Value> Output<V> perRun(String name, Class<V> type, String description) {
        return new Output<>(name, Scope.RUN, type, description, Measured.WITH_RECORD);
    }

    /** The same value, measured at the run's first step (and recorded with epoch 1). */
    public Output<V> atFirstStep() {
        return new Output<>(name, scope, type, description, Measured.FIRST_STEP);
    }
}
