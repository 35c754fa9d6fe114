package org.initlab.report.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A configuration: a run's factor labels without its seed. Runs of one configuration differ only
 * in the seed and are the samples its mean and confidence interval are taken over.
 *
 * @param labels factor key → level label, in the study design's factor order
 */
public record Configuration(Map<String, String> labels) {
    public static final String SEED = "seed";

    public Configuration {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        if (labels.containsKey(SEED)) throw new IllegalArgumentException("a configuration has no seed");
    }

    public String get(String key) {
        return labels.get(key);
    }

    /** The labels without {@code key}: what the members of a scenario share. */
    public Map<String, String> without(String key) {
        Map<String, String> m = new LinkedHashMap<>(labels);
        m.remove(key);
        return m;
    }
}
