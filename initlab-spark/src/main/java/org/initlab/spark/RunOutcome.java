package org.initlab.spark;

import java.io.Serializable;

/**
 * What became of one run in a task.
 *
 * @param executor       the executor that handled it
 * @param fetchedData    this task copied the dataset to its executor (once per executor)
 * @param message        why it failed, for {@link Status#FAILED}; the probes it was trained again for, for
 *                       {@link Status#REPROBED} and {@link Status#KEPT}; else null
 */
public record RunOutcome(String id, Status status, String executor, boolean fetchedData, String message) implements Serializable {
    public enum Status {
        /** trained now and written */
        TRAINED,
        /** trained now; its loss or weights became non-finite (a result like any other) */
        DIVERGED,
        /** its result was already in the folder (an earlier job, or an attempt of this one) */
        FOUND,
        /**
         * finished, but lacking probes the spec asks for: trained again, it reproduced the stored
         * record bit for bit ({@link org.initlab.study.Reproduction}), and its new record, with
         * the probes, replaced it (as {@code initlab run} does)
         */
        REPROBED,
        /** trained again for probes as for {@link #REPROBED}, but it differed from the stored record, which was kept */
        KEPT,
        /** training threw; nothing was written (as {@code initlab run} does, the study goes on) */
        FAILED
    }
}
