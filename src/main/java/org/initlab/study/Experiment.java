package org.initlab.study;

import org.initlab.study.factor.Factor;
import org.initlab.study.factor.Level;
import org.initlab.train.Evaluation;
import org.initlab.train.ProbeSettings;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One grid of a study: the settings every run shares, the factors whose levels are crossed (full
 * factorial, in the order given), combinations added ({@code include}) and dropped
 * ({@code exclude}: a run is dropped when it matches every entry of one exclude map), and how
 * its runs are evaluated and probed.
 */
public record Experiment(String name, String description, Map<Factor<?>, Level<?>> settings, Map<Factor<?>, List<Level<?>>> factors,
                         List<Map<Factor<?>, Level<?>>> include, List<Map<Factor<?>, Level<?>>> exclude,
                         Evaluation evaluation, ProbeSettings probes) {
    public Experiment {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        factors = Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** The factors with more than one level: what this experiment compares. */
    public List<Factor<?>> varying() {
        return factors.entrySet().stream().filter(e -> e.getValue().size() > 1).<Factor<?>>map(Map.Entry::getKey).toList();
    }
}
