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
     * The factors that tell this scenario apart from its siblings: those its experiments vary,
     * other than the primary, in factor order (not the settings that merely differ between
     * experiments, such as a protocol's batch sizes).
     */
    public List<String> keys(StudyDesign design) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (String name : experiments) {
            StudyDesign.Experiment e = design.experiment(name);
            if (e != null) for (String k : e.varying()) if (!k.equals(primary)) keys.add(k);
        }
        return design.factors().stream().filter(k -> keys.contains(k) && fixed.containsKey(k)).toList();
    }

    /** A short title: "relu · sgd"; the experiment's name when it varies nothing but the primary factor. */
    public String title(StudyDesign design) {
        List<String> keys = keys(design);
        if (keys.isEmpty()) return String.join(", ", experiments);
        return String.join(" · ", keys.stream().map(fixed::get).toList());
    }

    /** The same with factor names: "activation relu, optimizer sgd". */
    public String description(StudyDesign design) {
        List<String> keys = keys(design);
        if (keys.isEmpty()) return "experiment " + String.join(", ", experiments);
        return String.join(", ", keys.stream().map(k -> k.replace('_', ' ') + " " + fixed.get(k)).toList());
    }

    /**
     * The scenarios of a study: per experiment (in order), its groups split by the levels of the
     * factors it varies other than the primary one. Factors that follow the primary level (a bias
     * initializer that comes with an initializer, as in the notebook protocol) do not split a
     * scenario. One with the same members as an earlier one is not repeated; its experiments are
     * listed together.
     */
    public static List<Scenario> of(StudyDesign design, List<RunGroup> groups) {
        Map<List<Configuration>, Scenario> byMembers = new LinkedHashMap<>();
        for (StudyDesign.Experiment e : design.experiments()) {
            Map<Map<String, String>, List<RunGroup>> split = new LinkedHashMap<>();
            for (RunGroup g : groups) {
                if (!g.experiments().contains(e.name())) continue;
                Map<String, String> key = new LinkedHashMap<>();
                for (String k : e.varying()) if (!k.equals(e.primary())) key.put(k, g.configuration().get(k));
                split.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
            }
            for (List<RunGroup> members : split.values()) {
                List<Configuration> id = members.stream().map(RunGroup::configuration).toList();
                Scenario old = byMembers.get(id);
                if (old == null) {
                    byMembers.put(id, new Scenario(e.primary(), shared(members, e.primary()), List.of(e.name()), members));
                } else {
                    List<String> exps = new ArrayList<>(old.experiments());
                    exps.add(e.name());
                    byMembers.put(id, new Scenario(old.primary(), old.fixed(), exps, old.members()));
                }
            }
        }
        return new ArrayList<>(byMembers.values());
    }

    /** The labels all members share, but the primary factor's. */
    private static Map<String, String> shared(List<RunGroup> members, String primary) {
        Map<String, String> out = new LinkedHashMap<>(members.getFirst().configuration().without(primary));
        for (RunGroup g : members) out.entrySet().removeIf(en -> !en.getValue().equals(g.configuration().get(en.getKey())));
        return out;
    }
}
