package org.initlab.spark;

import org.initlab.io.JsonFormat;
import org.initlab.study.PlannedRun;

import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * One run of the grid as a task carries it: the planned run (spec, probe settings, labels,
 * experiments) as canonical JSON, whose spec's hash the executor checks against the id, so that it
 * trains exactly the run the driver planned; its estimated cost; and where its data comes from.
 */
public record RunItem(String id, String runJson, double cost, DataShipment data) implements Serializable {

    public static RunItem of(PlannedRun r, double cost, DataShipment data) {
        try {
            return new RunItem(r.id(), JsonFormat.CANONICAL.writeValueAsString(r), cost, data);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
