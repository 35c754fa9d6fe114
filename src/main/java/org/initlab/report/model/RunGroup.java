package org.initlab.report.model;

import org.initlab.study.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The finished runs of one configuration, one per seed, ordered by seed; and the experiments
 * they belong to.
 */
public record RunGroup(Configuration configuration, List<RunRecord> runs, List<String> experiments) {
    public RunGroup {
        runs = List.copyOf(runs);
        experiments = List.copyOf(experiments);
    }

    public int seeds() {
        return runs.size();
    }

    /** The runs that completed (did not diverge): those with final metrics. */
    public List<RunRecord> completed() {
        return runs.stream().filter(r -> !r.result().diverged()).toList();
    }

    /** Where each diverged run diverged, in seed order: seed label → divergence. */
    public Map<String, Divergence> divergences() {
        Map<String, Divergence> m = new java.util.LinkedHashMap<>();
        for (RunRecord r : runs) {
            Divergence d = Divergence.of(r.result());
            if (d != null) m.put(seedOf(r), d);
        }
        return m;
    }

    /** seed label → run, for pairing with another configuration. */
    public Map<String, RunRecord> bySeed() {
        Map<String, RunRecord> m = new TreeMap<>();
        for (RunRecord r : runs) m.put(seedOf(r), r);
        return m;
    }

    public static String seedOf(RunRecord r) {
        String s = r.labels().get(Configuration.SEED);
        return s != null ? s : Long.toString(r.spec().seed());
    }

    /** Groups runs by configuration, in the design's order; runs within a group by seed. */
    public static List<RunGroup> of(StudyDesign design, List<RunRecord> runs) {
        Map<Configuration, List<RunRecord>> groups = new TreeMap<>(design.configurationOrder().thenComparing(Configuration::toString));
        for (RunRecord r : runs) groups.computeIfAbsent(design.configuration(r.labels()), c -> new ArrayList<>()).add(r);
        List<RunGroup> out = new ArrayList<>();
        groups.forEach((c, rs) -> {
            rs.sort((a, b) -> compareSeeds(seedOf(a), seedOf(b)));
            LinkedHashSet<String> exps = new LinkedHashSet<>();
            for (RunRecord r : rs) exps.addAll(r.experiments());
            out.add(new RunGroup(c, rs, new ArrayList<>(exps)));
        });
        return out;
    }

    private static int compareSeeds(String a, String b) {
        try {
            return Long.compare(Long.parseLong(a), Long.parseLong(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
