package org.initlab.study;

import org.initlab.train.ProbeSettings;
import org.initlab.train.RunResult;
import org.initlab.train.probe.ProbeDescription;

import java.util.List;
import java.util.Map;

/**
 * What a finished run's {@code result.json} holds: the spec that made it (and whose hash is its
 * id), what watched it (the probe settings and the probes they gave, with their own settings),
 * the study's labels for it, the outcome, and the provenance of the bits.
 *
 * @param probeSettings the study's probe settings for the run (to train it again as it was)
 * @param probes        the probes that recorded the result's values, with their settings
 * @param initlab       the initlab version that trained it
 * @param started       ISO-8601 instant the run started
 * @param finished      ISO-8601 instant it finished
 * @param machine       Java version, OS, architecture and processor count
 * @param data          where the dataset came from (files and checksums)
 */
public record RunRecord(String id, String initlab, RunSpec spec, ProbeSettings probeSettings, List<ProbeDescription> probes,
                        Map<String, String> labels, List<String> experiments,
                        RunResult result, String started, String finished, Map<String, String> machine,
                        Map<String, Object> data) {
    public RunRecord {
        probes = probes == null ? List.of() : List.copyOf(probes);
    }

    /** This record under other labels and experiments (as the study's manifest names them now). */
    public RunRecord labelled(Map<String, String> labels, List<String> experiments) {
        return new RunRecord(id, initlab, spec, probeSettings, probes, labels, experiments, result, started, finished, machine, data);
    }
}
