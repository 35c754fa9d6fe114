package org.initlab.cli;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.data.DatasetShape;
import org.initlab.study.PlannedRun;
import org.initlab.study.TrainingSplit;
import org.initlab.UserError;
import org.initlab.study.DatasetProvider;
import org.initlab.study.StudySpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The datasets the command line trains on: each loaded once (from --data-dir, the cache, system
 * folders or a download), with a line saying what was loaded, and recorded with where its files
 * came from. Before any run of a dataset trains, it checks what only the loaded data tells for a
 * path dataset: that every batch fits its training split, and that the runs fit in memory beside it.
 */
final class LoadedDatasets implements DatasetProvider {
    private final DatasetLoader loader = new DatasetLoader();
    private final Path dataDir;
    private final boolean verify;
    private final PrintStream out;
    private final List<PlannedRun> runs;
    private final int jobs;
    private final Map<StudySpec.DataChoice, Dataset> loaded = new HashMap<>();

    /**
     * @param dataDir where the dataset files are (null: look in the usual places)
     * @param verify  check the files' checksums against the catalogue
     */
    LoadedDatasets(Path dataDir, boolean verify, PrintStream out) {
        this(dataDir, verify, out, List.of(), 1);
    }

    /** The same, checking {@code runs} (trained {@code jobs} at a time) against each dataset once it is loaded. */
    LoadedDatasets(Path dataDir, boolean verify, PrintStream out, List<PlannedRun> runs, int jobs) {
        this.dataDir = dataDir;
        this.verify = verify;
        this.out = out;
        this.runs = List.copyOf(runs);
        this.jobs = jobs;
    }

    @Override
    public synchronized Dataset load(StudySpec.DataChoice c) {
        Dataset d = loaded.get(c);
        if (d != null) return d;
        long t0 = System.nanoTime();
        d = loader.load(c.dataset(), DataOptionsFor.of(dataDir, c).withVerify(verify));
        out.println(TerminalText.safe(String.format(Locale.ROOT, "Data: %s — %d train / %d validation / %d test, %s, %.0f MB, loaded in %.1f s",
                d.name(), d.train().size(), d.validation().size(), d.test().size(), c.preprocessing(),
                d.footprintBytes() / 1e6, (System.nanoTime() - t0) / 1e9)));
        List<PlannedRun> on = runs.stream().filter(r -> r.spec().dataChoice().equals(c)).toList();
        TrainingSplit split = TrainingSplit.of(d);
        for (PlannedRun r : on) {
            String tooLarge = split.tooSmallFor(r.spec().batchSize());
            if (tooLarge != null) throw new UserError("batch_size " + tooLarge);
        }
        MemoryBudget.of(on, DatasetShape.of(d), jobs).require();
        loaded.put(c, d);
        return d;
    }

    @Override
    public Map<String, Object> provenance(Dataset d) {
        return DataOptionsFor.provenance(d);
    }
}
