package org.initlab.report.compare;

import org.initlab.report.model.Ranking;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.stats.Holm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two studies side by side where their configurations match ({@link Matching}): per matched
 * configuration both results and their difference ({@link ConfigurationDifference}, the p-values
 * Holm-adjusted over all matched configurations, as "differs" is claimed for each of them), the
 * scenarios both rank, and which of A's conclusions change in B ({@link Conclusions}).
 *
 * @param nameA what the page calls study A (the reference), {@code nameB} study B
 */
public record StudyComparison(StudyAggregate a, StudyAggregate b, String nameA, String nameB, Matching matching,
                              List<ConfigurationDifference> differences, List<ScenarioPair> scenarios, List<Change> changes) {

    /** A scenario both studies rank (the same levels of the matching factors but the primary one), with each study's ranking. */
    public record ScenarioPair(String title, Ranking a, Ranking b) {}

    /** A statement about A's and B's conclusions; {@code changed}: the conclusion differs between them. */
    public record Change(String text, boolean changed) {}

    public static StudyComparison of(StudyAggregate a, StudyAggregate b, String nameA, String nameB) {
        Matching m = Matching.of(a, b);
        List<ConfigurationDifference> raw = new ArrayList<>();
        for (Matching.Pair p : m.pairs()) raw.add(ConfigurationDifference.of(p, a.summary(p.a()), b.summary(p.b())));
        double[] ps = raw.stream().mapToDouble(ConfigurationDifference::p).toArray();
        double[] q = Holm.adjust(ps);
        List<ConfigurationDifference> diffs = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) diffs.add(raw.get(i).adjusted(q[i]));
        List<ScenarioPair> scenarios = scenarios(a, b, m.keys());
        StudyComparison partial = new StudyComparison(a, b, nameA, nameB, m, diffs, scenarios, List.of());
        return new StudyComparison(a, b, nameA, nameB, m, diffs, scenarios, Conclusions.of(partial));
    }

    /** Rankings of A with a partner in B: the same primary factor and the same levels of the other matching factors. */
    static List<ScenarioPair> scenarios(StudyAggregate a, StudyAggregate b, List<String> keys) {
        Map<Map<String, String>, Ranking> inB = new LinkedHashMap<>();
        for (Ranking r : b.rankings()) inB.putIfAbsent(key(r, keys), r);
        List<ScenarioPair> out = new ArrayList<>();
        for (Ranking r : a.rankings()) {
            Ranking partner = inB.get(key(r, keys));
            if (partner != null) out.add(new ScenarioPair(r.scenario().title(a.design()), r, partner));
        }
        return out;
    }

    private static Map<String, String> key(Ranking r, List<String> keys) {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("", r.scenario().primary());
        for (String f : keys) if (!f.equals(r.scenario().primary())) k.put(f, r.scenario().fixed().getOrDefault(f, ""));
        return k;
    }

    /**
     * What the page calls each study: its name; where names are equal, the name with the protocol or
     * dataset that tells them apart ("seed (notebook)"); else its folder's name.
     */
    public static List<String> names(List<StudyAggregate> studies) {
        List<String> names = studies.stream().map(s -> s.data().manifest().name()).toList();
        if (distinct(names)) return names;
        List<String> byProtocol = studies.stream().map(s -> s.data().manifest().name() + " (" + s.data().manifest().protocol() + ")").toList();
        if (distinct(byProtocol)) return byProtocol;
        List<String> byData = studies.stream().map(s -> s.data().manifest().name() + " (" + (s.data().manifest().data() == null ? "?"
                : s.data().manifest().data().dataset()) + ")").toList();
        if (distinct(byData)) return byData;
        List<String> byFolder = studies.stream().map(s -> s.data().dir().toAbsolutePath().normalize().getFileName().toString()).toList();
        if (distinct(byFolder)) return byFolder;
        List<String> numbered = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) numbered.add(names.get(i) + " (" + (i + 1) + ")");
        return numbered;
    }

    private static boolean distinct(List<String> v) {
        return v.stream().distinct().count() == v.size();
    }
}
