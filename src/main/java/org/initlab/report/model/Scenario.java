package org.initlab.report.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario: everything fixed but the primary factor (the initializer, when the experiment
 * varies it), e.g. activation = relu in the activations experiment. Its members — one
 * configuration per level of the primary factor — are compared pairwise across seeds.
 * A scenario met in several experiments (the same runs) is listed once, with all of them.
 *
 * @param fixed   the labels every member shares (all factors but the primary)
 * @param members one group per primary level, in declared order
 */
public record Scenario(String primary, Map<String, String> fixed, List<String> experiments, List<RunGroup> members) {
    public Scenario {
        fixed = Collections.unmodifiableMap(new LinkedHashMap<>(fixed));
        experiments = List.copyOf(experiments);
        members = List.copyOf(members);
    }

    /** The primary factor's level of a member. */
    public String level(RunGroup g) {
        return g.configuration().get(primary);
    }

    /**
     * A short title from the levels of the factors that vary in the study (other than the
     * primary): "relu · sgd · 128-64"; "all runs" when nothing else varies.
     */
    public String title(StudyDesign design) {
        List<String> parts = new ArrayList<>();
        for (String k : design.varying()) if (!k.equals(primary) && fixed.containsKey(k)) parts.add(fixed.get(k));
        return parts.isEmpty() ? "all runs" : String.join(" · ", parts);
    }

    /** The same with factor names: "activation relu, optimizer sgd". */
    public String description(StudyDesign design) {
        List<String> parts = new ArrayList<>();
        for (String k : design.varying()) if (!k.equals(primary) && fixed.containsKey(k)) parts.add(k.replace('_', ' ') + " " + fixed.get(k));
        return parts.isEmpty() ? "all runs" : String.join(", ", parts);
    }

    /**
     * The scenarios of a study: per experiment (in order), the groups of that experiment split by
     * everything but its primary factor; one listed in an earlier experiment is not repeated.
     */
    public static List<Scenario> of(StudyDesign design, List<RunGroup> groups) {
        Map<String, Scenario> byKey = new LinkedHashMap<>();
        for (StudyDesign.Experiment e : design.experiments()) {
            Map<Map<String, String>, List<RunGroup>> split = new LinkedHashMap<>();
            for (RunGroup g : groups) {
                if (!g.experiments().contains(e.name())) continue;
                split.computeIfAbsent(g.configuration().without(e.primary()), k -> new ArrayList<>()).add(g);
            }
            for (Map.Entry<Map<String, String>, List<RunGroup>> s : split.entrySet()) {
                String key = e.primary() + "|" + s.getKey();
                Scenario old = byKey.get(key);
                if (old == null) {
                    byKey.put(key, new Scenario(e.primary(), s.getKey(), List.of(e.name()), s.getValue()));
                } else {
                    List<String> exps = new ArrayList<>(old.experiments());
                    exps.add(e.name());
                    byKey.put(key, new Scenario(old.primary(), old.fixed(), exps, old.members()));
                }
            }
        }
        return new ArrayList<>(byKey.values());
    }
}
