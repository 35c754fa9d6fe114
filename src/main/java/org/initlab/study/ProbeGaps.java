package org.initlab.study;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finished runs that lack probes this initlab records (trained before the probe existed): what
 * {@code report}, {@code show} and {@code export} say about them, once, in one line, before
 * treating their values as missing.
 */
public final class ProbeGaps {
    private ProbeGaps() {}

    /** Run ids named in the line before "and N more". */
    private static final int IDS_SHOWN = 4;

    /** Probe name → the runs that lack it, in the order of the probes and of the runs. */
    public static Map<String, List<String>> of(List<RecordedProbes> runs) {
        Map<String, List<String>> lacking = new LinkedHashMap<>();
        for (RecordedProbes r : runs) {
            for (String name : r.missingNames()) lacking.computeIfAbsent(name, k -> new ArrayList<>()).add(r.id());
        }
        return lacking;
    }

    /**
     * "3 of 12 runs lack probe 'x' (id1, id2, id3): its values are missing here; 'initlab run DIR'
     * records them" ("run ID lacks probe 'x': ..." for one run), or null when no run lacks a probe.
     */
    public static String note(List<RecordedProbes> runs, Path studyDir) {
        Map<String, List<String>> lacking = of(runs);
        if (lacking.isEmpty()) return null;
        List<String> parts = new ArrayList<>();
        lacking.forEach((name, ids) -> parts.add(runs.size() == 1 ? "run " + ids.getFirst() + " lacks probe '" + name + "'"
                : ids.size() + " of " + runs.size() + " runs lack probe '" + name + "' (" + ids(ids) + ")"));
        return String.join("; ", parts) + ": " + (lacking.size() == 1 ? "its" : "their") + " values are missing here; 'initlab run "
                + studyDir + "' records them";
    }

    private static String ids(List<String> ids) {
        List<String> shown = ids.subList(0, Math.min(IDS_SHOWN, ids.size()));
        return String.join(", ", shown) + (ids.size() > shown.size() ? " and " + (ids.size() - shown.size()) + " more" : "");
    }
}
