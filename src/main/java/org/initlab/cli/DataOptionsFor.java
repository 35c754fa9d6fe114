package org.initlab.cli;

import org.initlab.data.DataOptions;
import org.initlab.data.Dataset;
import org.initlab.data.Preprocessing;
import org.initlab.io.JsonFormat;
import org.initlab.study.StudySpec;

import java.nio.file.Path;
import java.util.Map;

/**
 * The data options for a study's data choice, and the provenance a run records. Public for the
 * cluster jobs (initlab-spark), whose executors load and record data as {@code initlab run} does.
 */
public final class DataOptionsFor {
    private DataOptionsFor() {}

    public static DataOptions of(Path dataDir, StudySpec.DataChoice c) {
        return DataOptions.defaults().withDataDir(dataDir).withValidationSize(c.validationSize())
                .withPreprocessing(Preprocessing.parse(c.preprocessing())).withClasses(c.classes())
                .withProgress(new DataCommand.ConsoleProgress(new java.io.PrintWriter(System.err, true), RunProgressDisplay.isTerminal()));
    }

    /** The dataset's {@code DatasetSource} as a run records it, with where it was found and its preprocessing in the user's words. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> provenance(Dataset d) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(JsonFormat.CANONICAL.convertValue(d.source(), Map.class));
        m.put("origin", d.source().origin().label());
        m.put("preprocessing", d.source().preprocessing().label());
        return m;
    }
}
