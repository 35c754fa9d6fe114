package org.initlab.cli;

import org.initlab.data.Dataset;
import org.initlab.study.PlannedRun;
import org.initlab.study.Reproduction;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyStore;
import org.initlab.study.WeightFiles;
import org.initlab.train.RunListener;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Weights of finished runs, recovered by training them again: a run's spec determines its bits, so
 * the retrained network is the one the study trained — which this checks by comparing the new
 * result with the stored one (every metric, loss, histogram and statistic; not the timings).
 */
final class WeightExport {
    private WeightExport() {}

    /** Returns 0 when every run reproduced, 1 otherwise. */
    static int export(StudyStore store, List<RunRecord> runs, Path dataDir, PrintStream out) throws IOException {
        LoadedDatasets data = new LoadedDatasets(dataDir, true, out);
        int differing = 0;
        for (RunRecord r : runs) {
            Dataset d = data.load(r.spec().dataChoice());
            Path dir = store.runDir(r.id());
            RunRecord again = PlannedRun.of(r).train(d, data.provenance(d), RunListener.NONE, WeightFiles.into(dir));
            boolean same = Reproduction.matches(r, again);
            if (!same) differing++;
            out.println(String.format(Locale.ROOT, "%s: wrote %s/weights-{init,final}.npz (%.1f s); %s", r.id(), dir,
                    again.result().timing().totalSeconds(), same ? "the retrained run reproduced the stored result bit for bit"
                            : "WARNING: the retrained run differs from the stored result (another initlab version or machine?)"));
        }
        return differing == 0 ? 0 : 1;
    }
}
