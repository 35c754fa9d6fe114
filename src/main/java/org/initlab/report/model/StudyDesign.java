package org.initlab.report.model;

import org.initlab.study.factor.Factors;
import org.initlab.study.factor.InitializerFactor;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The factors of a study and their levels, in the order the spec gives them: what the report's
 * tables, legends and colours follow. Built from the manifest (levels as declared) and the runs
 * (labels actually present).
 *
 * @param levels factor key → level labels in declared order (seed excluded), factors in
 *               {@link Factors} order
 */
public record StudyDesign(Map<String, List<String>> levels, List<Experiment> experiments) {
    public static final String INITIALIZER = InitializerFactor.KEY;

    /** An experiment, the factors it varies (more than one level) and its primary factor. */
    public record Experiment(String name, String description, List<String> varying, String primary) {}

    public static StudyDesign of(StudyManifest m, List<RunRecord> runs) {
        // levels in the order the experiments meet them: the first experiment's settings (128-64)
        // come before a later experiment's levels (1 hidden, 6 hidden)
        Map<String, Set<String>> seen = new LinkedHashMap<>();
        for (StudyManifest.ExperimentInfo e : m.experiments()) {
            e.factors().forEach((k, ls) -> seen.computeIfAbsent(k, x -> new LinkedHashSet<>()).addAll(ls));
            e.settings().forEach((k, l) -> seen.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(l));
        }
        for (StudyManifest.RunEntry r : m.runs()) addLabels(seen, r.labels());
        for (RunRecord r : runs) addLabels(seen, r.labels());
        seen.remove(Configuration.SEED);
        List<String> keys = new ArrayList<>(seen.keySet());
        List<String> order = Factors.keys();
        keys.sort(Comparator.comparingInt((String k) -> order.contains(k) ? order.indexOf(k) : order.size()).thenComparing(k -> k));
        Map<String, List<String>> levels = new LinkedHashMap<>();
        for (String k : keys) levels.put(k, List.copyOf(seen.get(k)));

        List<Experiment> exps = new ArrayList<>();
        for (StudyManifest.ExperimentInfo e : m.experiments()) {
            List<String> varying = new ArrayList<>();
            for (String k : keys) {
                List<String> ls = e.factors().get(k);
                if (ls != null && ls.size() > 1) varying.add(k);
            }
            String primary = varying.contains(INITIALIZER) || varying.isEmpty() ? INITIALIZER : varying.getFirst();
            exps.add(new Experiment(e.name(), e.description() == null ? "" : e.description(), List.copyOf(varying), primary));
        }
        return new StudyDesign(levels, exps);
    }

    private static void addLabels(Map<String, Set<String>> seen, Map<String, String> labels) {
        labels.forEach((k, v) -> seen.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
    }

    public List<String> factors() {
        return List.copyOf(levels.keySet());
    }

    /** Factors with more than one level anywhere in the study, in factor order. */
    public List<String> varying() {
        return levels.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    /**
     * The position of a level in its factor's declared order (unknown levels last, and no level
     * last of all: a run of an experiment that does not vary a factor the other one does).
     */
    public int levelIndex(String factor, String label) {
        List<String> ls = levels.get(factor);
        int i = ls == null || label == null ? -1 : ls.indexOf(label);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    /** The configuration of a run's labels, keys in factor order. */
    public Configuration configuration(Map<String, String> labels) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : levels.keySet()) if (labels.containsKey(k)) m.put(k, labels.get(k));
        return new Configuration(m);
    }

    /** Orders configurations by their levels' declared positions, factor by factor. */
    public Comparator<Configuration> configurationOrder() {
        return (a, b) -> {
            for (String k : levels.keySet()) {
                int c = Integer.compare(levelIndex(k, a.get(k)), levelIndex(k, b.get(k)));
                if (c != 0) return c;
            }
            return 0;
        };
    }

    public Experiment experiment(String name) {
        return experiments.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }
}
