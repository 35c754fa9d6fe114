package org.initlab.study;

/** Hears a study's progress (the command line draws it). Calls may come from several threads. */
public interface StudyProgress {
    /** {@code total} runs in the grid, {@code done} of them already finished in the folder. */
    default void started(int total, int done, int jobs) {}

    default void runStarted(PlannedRun run) {}

    /** Within a run: epoch (1-based) of epochs, and the fraction of the whole study's work done. */
    default void runProgress(PlannedRun run, int epoch, int epochs, double studyFraction) {}

    default void runFinished(PlannedRun run, RunRecord record, double studyFraction) {}

    default void runFailed(PlannedRun run, Throwable error) {}

    default void finished(StudyRunner.Outcome outcome) {}

    StudyProgress SILENT = new StudyProgress() {};
}
