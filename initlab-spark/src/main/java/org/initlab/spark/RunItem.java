package org.initlab.spark;

import org.initlab.io.JsonFormat;
import org.initlab.study.PlannedRun;
import org.initlab.study.RunSpec;
import org.initlab.train.ProbeSettings;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the grid as a task carries it: the run's spec as canonical JSON (the form its id
 * hashes, so an executor can check that it trains exactly the run the driver planned), its probe
 * settings as JSON, its labels and experiments, its estimated cost, and where its data comes from.
 *
 * @param probesToAdd null for a run to train; for a finished run that lacks probes its spec asks
 *                    for, those probes: it is trained again and its record replaced when the new
 *                    one reproduces it ({@link org.initlab.study.Reproduction}), as {@code initlab run} does
 */
public record RunItem(String id, String specJson, String probesJson, Map<String, String> labels, List<String> experiments,
                      double cost, DataShipment data, List<String> probesToAdd) implements Serializable {

    public static RunItem of(PlannedRun r, double cost, DataShipment data) {
        return of(r, cost, data, null);
    }

    public static RunItem of(PlannedRun r, double cost, DataShipment data, List<String> probesToAdd) {
        try {
            return new RunItem(r.id(), r.spec().canonicalJson(), JsonFormat.CANONICAL.writeValueAsString(r.probes()),
                    new LinkedHashMap<>(r.labels()), new ArrayList<>(r.experiments()), cost, data,
                    probesToAdd == null ? null : new ArrayList<>(probesToAdd));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The planned run again, on an executor; fails when the spec's id is not the driver's (another initlab version). */
    public PlannedRun run() throws IOException {
        RunSpec spec = JsonFormat.CANONICAL.readValue(specJson, RunSpec.class);
        if (!spec.id().equals(id)) {
            throw new IllegalStateException("run " + id + " arrived as a spec whose id is " + spec.id()
                    + ": the driver and this executor run different initlab versions");
        }
        return new PlannedRun(id, spec, JsonFormat.CANONICAL.readValue(probesJson, ProbeSettings.class), labels, experiments);
    }
}
