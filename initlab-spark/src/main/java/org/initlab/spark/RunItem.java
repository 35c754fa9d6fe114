package org.initlab.spark;

import org.initlab.io.JsonFormat;
import org.initlab.study.PlannedRun;

import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the grid as a task carries it: the run's spec as canonical JSON (the form its id
 * hashes, so an executor can check that it trains exactly the run the driver planned), its
 * labels and experiments, its estimated cost, and where its data comes from.
 */
public record RunItem(String id, String specJson, Map<String, String> labels, List<String> experiments, double cost,
                      DataShipment data) implements Serializable {

    public static RunItem of(PlannedRun r, double cost, DataShipment data) {
        try {
            return new RunItem(r.id(), JsonFormat.CANONICAL.writeValueAsString(r.spec()), new LinkedHashMap<>(r.labels()),
                    new ArrayList<>(r.experiments()), cost, data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
