package org.initlab.train.probe;

import org.initlab.train.Value;

/**
 * A value a probe records: its name (a key of result.json and the stem of its CSV columns),
 * whether it is recorded for the run or for each layer, its kind, and what it means.
 *
 * @param type        {@link Value.Scalar}, {@link Value.Numbers}, {@link org.initlab.train.Summary}
 *                    or {@link org.initlab.train.Histogram}
 * @param description one line for people: what it is and its unit
 */
public record Output<V extends Value>(String name, Scope scope, Class<V> type, String description) {
    public enum Scope { RUN, LAYER }

    public Output {
        if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("an output name is snake_case: " + name);
    }

    /** A value of each layer. */
    public static <V extends Value> Output<V> perLayer(String name, Class<V> type, String description) {
        return new Output<>(name, Scope.LAYER, type, description);
    }

    /** A value of the run as a whole. */
    public static <V extends Value> Output<V> perRun(String name, Class<V> type, String description) {
        return new Output<>(name, Scope.RUN, type, description);
    }
}
