package org.initlab.report.compare;

import org.initlab.report.model.Configuration;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.study.RunSpec;
import org.initlab.train.Evaluation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Which configurations of two studies are "the same": those with equal labels for the factors the
 * studies' experiments vary (initializer, activation, optimizer, architecture for the built-in
 * ones) — the questions both studies ask. What a protocol or dataset changes by design (the
 * preprocessing, the output activation, the bias initializer, a batch size, the dataset itself) is
 * not part of the match: it is what the comparison is about, and it is listed, per matched pair,
 * as the settings in which the two runs differ. A configuration of either study with no partner
 * is listed as unmatched.
 *
 * @param keys  the factors a match is on, in factor order
 * @param pairs matched configurations, in the first study's order
 */
public record Matching(List<String> keys, List<Pair> pairs, List<RunGroup> onlyA, List<RunGroup> onlyB) {

    /** Two configurations, one per study, with equal labels for the keys; and how their runs' settings differ. */
    public record Pair(Map<String, String> key, RunGroup a, RunGroup b, List<Setting> differences) {}

    /** A setting in which two matched runs differ: its name and each study's value. */
    public record Setting(String name, String a, String b) {
        @Override
        public String toString() {
            return name + " " + a + " → " + b;
        }
    }

    public static Matching of(StudyAggregate a, StudyAggregate b) {
        List<String> keys = keys(a.design(), b.design());
        Map<Map<String, String>, RunGroup> inB = new LinkedHashMap<>();
        for (RunGroup g : b.groups()) inB.putIfAbsent(key(g.configuration(), keys), g);
        List<Pair> pairs = new ArrayList<>();
        List<RunGroup> onlyA = new ArrayList<>();
        Set<RunGroup> matched = new java.util.HashSet<>();
        Set<Map<String, String>> seen = new java.util.HashSet<>();
        for (RunGroup g : a.groups()) {
            Map<String, String> k = key(g.configuration(), keys);
            RunGroup partner = inB.get(k);
            if (partner == null || !seen.add(k)) {
                onlyA.add(g);
                continue;
            }
            matched.add(partner);
            pairs.add(new Pair(k, g, partner, differences(g, partner)));
        }
        List<RunGroup> onlyB = b.groups().stream().filter(g -> !matched.contains(g)).toList();
        return new Matching(keys, pairs, onlyA, onlyB);
    }

    /** The factors either study's experiments vary, in the first study's factor order, then the second's. */
    static List<String> keys(StudyDesign a, StudyDesign b) {
        Set<String> varied = new LinkedHashSet<>();
        for (StudyDesign d : List.of(a, b)) for (StudyDesign.Experiment e : d.experiments()) varied.addAll(e.varying());
        List<String> order = new ArrayList<>(a.factors());
        for (String f : b.factors()) if (!order.contains(f)) order.add(f);
        return order.stream().filter(varied::contains).toList();
    }

    static Map<String, String> key(Configuration c, List<String> keys) {
        Map<String, String> k = new LinkedHashMap<>();
        for (String f : keys) k.put(f, c.labels().getOrDefault(f, ""));
        return k;
    }

    /** The settings of the two configurations' runs that differ (from their first runs' specs; a configuration's runs differ only in the seed). */
    static List<Setting> differences(RunGroup a, RunGroup b) {
        RunSpec x = a.runs().getFirst().spec(), y = b.runs().getFirst().spec();
        List<Setting> out = new ArrayList<>();
        add(out, "dataset", x, y, RunSpec::dataset);
        add(out, "validation examples", x, y, s -> String.format(java.util.Locale.ROOT, "%,d", s.validationSize()));
        add(out, "preprocessing", x, y, RunSpec::preprocessing);
        add(out, "hidden layers", x, y, RunSpec::architectureLabel);
        add(out, "activation", x, y, s -> s.activation().toString());
        add(out, "output layer", x, y, s -> s.outputActivation() ? "activated" : "linear");
        add(out, "weights", x, y, s -> s.initializer().toString());
        add(out, "biases", x, y, s -> s.biasInitializer().toString());
        add(out, "optimizer", x, y, s -> s.optimizer().toString());
        add(out, "batch size", x, y, s -> Integer.toString(s.batchSize()));
        add(out, "epochs", x, y, s -> Integer.toString(s.epochs()));
        add(out, "evaluation", x, y, s -> evaluation(s.evaluation()));
        return out;
    }

    private static void add(List<Setting> out, String name, RunSpec x, RunSpec y, Function<RunSpec, String> f) {
        String a = f.apply(x), b = f.apply(y);
        if (!Objects.equals(a, b)) out.add(new Setting(name, a, b));
    }

    /** "validation and test each epoch", "validation at the end, test each epoch". */
    static String evaluation(Evaluation e) {
        String v = e.validationEachEpoch() ? "each epoch" : "at the end", t = e.testEachEpoch() ? "each epoch" : "at the end";
        String when = v.equals(t) ? "validation and test " + v : "validation " + v + ", test " + t;
        return when + (e.aggregation() == Evaluation.Aggregation.BATCH_MEAN ? ", batch-mean loss" : "");
    }

    /** The settings every pair differs in alike (what the studies differ in by design), in order. */
    public List<Setting> common() {
        if (pairs.isEmpty()) return List.of();
        List<Setting> out = new ArrayList<>(pairs.getFirst().differences());
        for (Pair p : pairs) out.retainAll(p.differences());
        return out;
    }

    /**
     * The distinct sets of particular differences ({@link #particular}), in the order the pairs
     * first have them: rows that share one (an experiment's settings) refer to it by number.
     */
    public List<List<Setting>> particularSets() {
        List<List<Setting>> out = new ArrayList<>();
        for (Pair p : pairs) {
            List<Setting> s = particular(p);
            if (!s.isEmpty() && !out.contains(s)) out.add(s);
        }
        return out;
    }

    /** A pair's differences beyond the common ones. */
    public List<Setting> particular(Pair p) {
        List<Setting> out = new ArrayList<>(p.differences());
        out.removeAll(common());
        return out;
    }
}
