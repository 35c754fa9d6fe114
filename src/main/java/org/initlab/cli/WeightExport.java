package org.initlab.cli;

import org.initlab.data.Dataset;
import org.initlab.study.WeightFiles;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpecs;
import org.initlab.study.StudySpec;
import org.initlab.study.StudyStore;
import org.initlab.train.RunListener;
import org.initlab.train.RunResult;
import org.initlab.train.Trainer;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weights of finished runs, recovered by training them again: a run's spec determines its bits, so
 * the retrained network is the one the study trained — which this checks by comparing the whole
 * new result (every loss, histogram and statistic; not the timings) with the stored one.
 */
final class WeightExport {
    private WeightExport() {}

    /** Returns 0 when every run reproduced, 1 otherwise. */
    static int export(StudyStore store, List<RunRecord> runs, Path dataDir, PrintStream out) throws IOException {
        RunCommand.LoadedData data = new RunCommand.LoadedData(new org.initlab.data.DatasetLoader(), dataDir, true, out);
        Map<StudySpec.DataChoice, Dataset> loaded = new HashMap<>();
        int differing = 0;
        for (RunRecord r : runs) {
            StudySpec.DataChoice c = r.spec().dataChoice();
            Dataset d = loaded.computeIfAbsent(c, data::load);
            Path dir = store.runDir(r.id());
            Trainer trainer = new Trainer(RunSpecs.plan(r.spec()), d, RunListener.NONE);
            WeightFiles.write(dir.resolve(WeightFiles.INIT), trainer.network());
            RunResult again = trainer.run();
            WeightFiles.write(dir.resolve(WeightFiles.FINAL), trainer.network());
            boolean same = again.withoutTiming().equals(r.result().withoutTiming());
            if (!same) differing++;
            out.println(String.format(Locale.ROOT, "%s: wrote %s/weights-{init,final}.npz (%.1f s); %s", r.id(), dir,
                    again.timing().totalSeconds(), same ? "the retrained run reproduced the stored result bit for bit"
                            : "WARNING: the retrained run differs from the stored result (another initlab version or machine?)"));
        }
        return differing == 0 ? 0 : 1;
    }
}
