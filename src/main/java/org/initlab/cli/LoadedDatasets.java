package org.initlab.cli;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetLoader;
import org.initlab.study.DatasetProvider;
import org.initlab.study.StudySpec;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The datasets the command line trains on: each loaded once (from --data-dir, the cache, system
 * folders or a download), with a line saying what was loaded, and recorded with where its files
 * came from.
 */
final class LoadedDatasets implements DatasetProvider {
    private final DatasetLoader loader = new DatasetLoader();
    private final Path dataDir;
    private final boolean verify;
    private final PrintStream out;
    private final Map<StudySpec.DataChoice, Dataset> loaded = new HashMap<>();

    /**
     * @param dataDir where the dataset files are (null: look in the usual places)
     * @param verify  check the files' checksums against the catalogue
     */
    LoadedDatasets(Path dataDir, boolean verify, PrintStream out) {
        this.dataDir = dataDir;
        this.verify = verify;
        this.out = out;
    }

    @Override
    public synchronized Dataset load(StudySpec.DataChoice c) {
        Dataset d = loaded.get(c);
        if (d != null) return d;
        long t0 = System.nanoTime();
        d = loader.load(c.dataset(), DataOptionsFor.of(dataDir, c).withVerify(verify));
        out.println(String.format(Locale.ROOT, "Data: %s — %d train / %d validation / %d test, %s, %.0f MB, loaded in %.1f s",
                d.name(), d.train().size(), d.validation().size(), d.test().size(), c.preprocessing(),
                d.footprintBytes() / 1e6, (System.nanoTime() - t0) / 1e9));
        loaded.put(c, d);
        return d;
    }

    @Override
    public Map<String, Object> provenance(Dataset d) {
        return DataOptionsFor.provenance(d);
    }
}
