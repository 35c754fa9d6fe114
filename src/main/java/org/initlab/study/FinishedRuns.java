package org.initlab.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A study's finished runs as {@link StudyStore#readFinished} read them, each once: their records
 * in the manifest's order and under its labels, and the runs whose result.json is there but is not
 * a finished run, which report, show and export go on without.
 *
 * @param planned the runs of the manifest
 */
public record FinishedRuns(List<RunRecord> runs, List<StoredResult.Broken> broken, int planned) {
    public FinishedRuns {
        runs = List.copyOf(runs);
        broken = List.copyOf(broken);
    }

    /**
     * One line per broken result ("skipped run ID: its result.json is empty"), then how many were
     * skipped and how to repair them; nothing when none is broken.
     */
    public List<String> skipped(Path studyDir) {
        if (broken.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>();
        for (StoredResult.Broken b : broken) lines.add(b.skipped());
        boolean one = broken.size() == 1;
        lines.add("skipped " + broken.size() + " of " + planned + " runs (" + (one ? "its" : "their") + " result.json is not a finished run); 'initlab run "
                + studyDir + "' sets " + (one ? "it" : "them") + " aside and trains " + (one ? "it" : "them") + " again");
        return lines;
    }
}
