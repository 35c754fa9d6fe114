package org.initlab.study;

import org.initlab.train.EpochRecord;

import java.util.List;

/** Several listeners of a study's progress told in turn, in the order given (e.g. the progress files, then the terminal). */
public final class CombinedProgress implements StudyProgress {
    private final List<StudyProgress> all;

    public CombinedProgress(StudyProgress... all) {
        this.all = List.of(all);
    }

    @Override
    public void started(int total, int done, int again, int jobs) {
        for (StudyProgress p : all) p.started(total, done, again, jobs);
    }

    @Override
    public void resultSetAside(PlannedRun run, StoredResult.Broken broken, java.nio.file.Path keptAs) {
        for (StudyProgress p : all) p.resultSetAside(run, broken, keptAs);
    }

    @Override
    public void runStarted(PlannedRun run) {
        for (StudyProgress p : all) p.runStarted(run);
    }

    @Override
    public void runProgress(PlannedRun run, int epoch, int epochs, double studyFraction) {
        for (StudyProgress p : all) p.runProgress(run, epoch, epochs, studyFraction);
    }

    @Override
    public void epochRecorded(PlannedRun run, EpochRecord record) {
        for (StudyProgress p : all) p.epochRecorded(run, record);
    }

    @Override
    public void runFinished(PlannedRun run, RunRecord record, double studyFraction) {
        for (StudyProgress p : all) p.runFinished(run, record, studyFraction);
    }

    @Override
    public void runReprobed(PlannedRun run, RunRecord record, List<String> probes, boolean reproduced, double studyFraction) {
        for (StudyProgress p : all) p.runReprobed(run, record, probes, reproduced, studyFraction);
    }

    @Override
    public void runFailed(PlannedRun run, Throwable error) {
        for (StudyProgress p : all) p.runFailed(run, error);
    }

    @Override
    public void finished(StudyRunner.Outcome outcome) {
        for (StudyProgress p : all) p.finished(outcome);
    }
}
