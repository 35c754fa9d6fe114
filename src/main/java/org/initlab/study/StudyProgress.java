package org.initlab.study;

import org.initlab.train.EpochRecord;

import java.util.List;

/** Hears a study's progress (the command line draws it). Calls may come from several threads. */
public interface StudyProgress {
    /**
     * {@code total} runs in the grid, {@code done} of them already finished in the folder, and
     * {@code again} of those trained again to record probes the spec asks for and they lack.
     */
    default void started(int total, int done, int again, int jobs) {}

    /** A result.json that was not a finished run ({@code broken} says why) was renamed {@code keptAs}; the run is trained again. */
    default void resultSetAside(PlannedRun run, StoredResult.Broken broken, java.nio.file.Path keptAs) {}

    default void runStarted(PlannedRun run) {}

    /** Within a run: epoch (1-based) of epochs, and the fraction of the whole study's work done. */
    default void runProgress(PlannedRun run, int epoch, int epochs, double studyFraction) {}

    /** Each epoch record of a run as soon as it is made (epoch 0 = initialisation): a live view of the study. */
    default void epochRecorded(PlannedRun run, EpochRecord record) {}

    default void runFinished(PlannedRun run, RunRecord record, double studyFraction) {}

    /**
     * A finished run trained again for the probes it lacked ({@code probes}): when
     * {@code reproduced}, everything both records have was equal bit for bit and the new record
     * replaced the stored one; otherwise the stored record was kept.
     */
    default void runReprobed(PlannedRun run, RunRecord record, List<String> probes, boolean reproduced, double studyFraction) {}

    default void runFailed(PlannedRun run, Throwable error) {}

    default void finished(StudyRunner.Outcome outcome) {}

    StudyProgress SILENT = new StudyProgress() {};
}
