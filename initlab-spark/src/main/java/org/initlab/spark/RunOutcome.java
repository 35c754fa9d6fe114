package org.initlab.spark;

import java.io.Serializable;

/**
 * What became of one run in a task.
 *
 * @param executor       the executor that handled it
 * @param fetchedData    this task copied the dataset to its executor (once per executor)
 * @param message        why it failed, for {@link Status#FAILED}; else null
 */
public record RunOutcome(String id, Status status, String executor, boolean fetchedData, String message) implements Serializable {
    public enum Status {
        /** trained now and written */
        TRAINED,
        /** trained now; its loss or weights became non-finite (a result like any other) */
        DIVERGED,
        /** its result was already in the folder (an earlier job, or an attempt of this one) */
        FOUND,
        /** training threw; nothing was written (as {@code initlab run} does, the study goes on) */
        FAILED
    }
}
