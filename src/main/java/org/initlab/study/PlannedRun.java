package org.initlab.study;

import org.initlab.train.ProbeSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run of a study's grid: its spec and id, what its probes are set to observe (not part of the
 * spec: changing it changes what is recorded, not the run), the label of each factor's level (for
 * tables, legends and CSV columns; {@code seed} included), and the experiments it belongs to (a
 * run shared by two experiments is trained once, with the first one's probe settings).
 */
public record PlannedRun(String id, RunSpec spec, ProbeSettings probes, Map<String, String> labels, List<String> experiments) {
    public PlannedRun {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        experiments = List.copyOf(experiments);
    }

    /** A finished run as its record describes it: to train it again. */
    public static PlannedRun of(RunRecord r) {
        return new PlannedRun(r.id(), r.spec(), r.probeSettings() != null ? r.probeSettings() : ProbeSettings.defaults(), r.labels(), r.experiments());
    }

    /** "he · relu · sgd · seed 0": the varying labels, for progress lines. */
    public String describe(List<String> keys) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            String v = labels.get(k);
            if (v == null) continue;
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append(k.equals("seed") ? "seed " + v : v);
        }
        return sb.toString();
    }
}
