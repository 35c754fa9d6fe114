package org.initlab.report.text;

import org.initlab.report.model.Comparison;
import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.RunGroup;
import org.initlab.report.model.Scenario;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.stats.Estimate;
import org.initlab.study.RunRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's sentences. Every one is filled in from the aggregated results and their tests —
 * none is written by hand — and a claim whose test is not significant says so.
 */
public final class Findings {
    private Findings() {}

    /** "Near chance": a mean final test accuracy below 1.5 × the chance rate 1/classes. */
    static final double NEAR_CHANCE = 1.5;

    public static List<Finding> all(StudyAggregate agg) {
        List<Finding> out = new ArrayList<>();
        for (Ranking r : agg.rankings()) {
            Finding f = best(agg.design(), r);
            if (f != null) out.add(f);
        }
        out.addAll(interactions(agg));
        out.addAll(failures(agg));
        out.addAll(divergences(agg));
        return out;
    }

    /**
     * "With relu · sgd · 128-64, he (best on validation) beats xavier by 0.40 points of test accuracy
     * (…; paired difference 95% CI 0.21 to 0.59; Holm-adjusted p = 0.010, d_z = 2.1)." The best is
     * chosen on validation accuracy and judged on test accuracy, so it may turn out not to be ahead
     * on test; the sentence then says so. Members' means are over the seeds that completed; where
     * some diverged the sentence says how many, and the test pairs only the seeds both completed.
     */
    public static Finding best(StudyDesign design, Ranking r) {
        Comparison c = r.runnerUp();
        if (c == null) return null;
        Scenario s = r.scenario();
        String where = s.keys(design).isEmpty() ? "In " + s.title(design) : "With " + s.title(design);
        Ranking.Standing first = r.order().get(0), second = r.order().get(1);
        String best = s.level(c.best()), other = s.level(c.other());
        if (!first.completed()) {
            return new Finding(Finding.Kind.BEST, where + ", every seed of every " + s.primary().replace('_', ' ') + " diverged: nothing to rank.", false, false);
        }
        String chosen = r.byValidation() ? " (best on validation)" : "";
        Estimate a = first.accuracy(), b = second.accuracy();
        double margin = r.margin();
        String diverged = divergedNote(s, List.of(first, second));
        if (!second.completed()) {
            return new Finding(Finding.Kind.BEST, where + ", " + best + chosen + " is ranked first at " + Values.fixed(a.mean(), 2)
                    + "% mean test accuracy: the others diverged in every seed" + diverged + ".", false, false);
        }
        String pair = Values.fixed(a.mean(), 2) + "% vs " + Values.fixed(b.mean(), 2) + "% mean test accuracy" + diverged;
        Estimate d = c.test().difference();
        String interval = d.hasInterval() ? "paired difference 95% CI " + Values.fixed(d.low(), 2) + " to " + Values.fixed(d.high(), 2) + " points; " : "";
        String stats = interval + "paired t-test over " + c.test().pairs() + " seeds, Holm-adjusted " + Values.p(c.adjustedP())
                + ", d_z = " + Values.effect(c.test().effectSize());
        if (!(margin > 0)) {
            String how = c.tested() ? stats : c.test().pairs() + " paired seed" + (c.test().pairs() == 1 ? "" : "s") + ", no test";
            return new Finding(Finding.Kind.BEST, where + ", " + best + " is best on validation but not on test: " + other + " is ahead by "
                    + Values.points(-margin) + " points (" + pair + "; " + how + "); no claim.", false, c.tested());
        }
        if (!c.tested()) {
            return new Finding(Finding.Kind.BEST, where + ", " + best + chosen + " is " + Values.points(margin)
                    + " points of test accuracy above " + other + " (" + pair + "); " + c.test().pairs() + " paired seed"
                    + (c.test().pairs() == 1 ? "" : "s") + ": no test, so this is not a claim.", false, false);
        }
        if (c.significant()) {
            String rest = "";
            long beaten = r.comparisons().stream().filter(Comparison::significant).count();
            if (r.comparisons().size() > 1) {
                rest = beaten == r.comparisons().size() ? " It is significantly better than all " + r.comparisons().size() + " others."
                        : " It is significantly better than " + beaten + " of the " + r.comparisons().size() + " others.";
            }
            return new Finding(Finding.Kind.BEST, where + ", " + best + chosen + " beats " + other + " by " + Values.points(margin)
                    + " points of test accuracy (" + pair + "; " + stats + ")." + rest, true, true);
        }
        return new Finding(Finding.Kind.BEST, where + ", " + best + chosen + " is ahead of " + other + " by " + Values.points(margin)
                + " points of test accuracy (" + pair + "), but the difference is not significant (" + stats + ").",
                false, true);
    }

    /** "; xavier diverged in 1 of 3 seeds, its mean is over the other 2" for the members with diverged seeds, else "". */
    static String divergedNote(Scenario s, List<Ranking.Standing> members) {
        List<String> parts = new ArrayList<>();
        for (Ranking.Standing st : members) {
            int k = st.divergence().count(), n = st.divergence().n();
            if (k == 0) continue;
            parts.add(s.level(st.group()) + " diverged in " + k + " of " + n + " seeds" + (k < n ? ", its mean is over the other " + (n - k) : ""));
        }
        return parts.isEmpty() ? "" : "; " + String.join("; ", parts);
    }

    /**
     * One sentence for many scenarios whose best is not significantly ahead (or untested): "In 12
     * of 20 scenarios the best initializer is not significantly ahead of the runner-up."
     */
    public static Finding unclaimed(List<Finding> best, String primary) {
        long untested = best.stream().filter(f -> !f.tested()).count();
        long ns = best.stream().filter(f -> f.tested() && !f.significant()).count();
        List<String> parts = new ArrayList<>();
        if (ns > 0) parts.add("in " + ns + " the best " + primary + " is not significantly ahead of the runner-up");
        if (untested > 0) parts.add("in " + untested + " there are too few paired seeds for a test");
        return new Finding(Finding.Kind.BEST, "Of " + best.size() + " scenarios, " + String.join("; ", parts) + ".", false, ns > 0);
    }

    /**
     * Per experiment and other factor X: whether the best level of the primary factor changes
     * with X — "In activations, the best initializer depends on the activation: he with relu …".
     */
    static List<Finding> interactions(StudyAggregate agg) {
        List<Finding> out = new ArrayList<>();
        for (StudyDesign.Experiment e : agg.design().experiments()) {
            if (e.varying().size() != 2) continue; // one other factor: the statement is unambiguous
            String x = e.varying().get(0).equals(e.primary()) ? e.varying().get(1) : e.varying().get(0);
            Map<String, Ranking> byLevel = new LinkedHashMap<>();
            for (String level : agg.design().levels().getOrDefault(x, List.of())) {
                for (Ranking r : agg.rankings()) {
                    if (r.scenario().experiments().contains(e.name()) && level.equals(r.scenario().fixed().get(x))) byLevel.put(level, r);
                }
            }
            if (byLevel.values().stream().filter(r -> r.best().completed()).count() < 2) continue;
            List<String[]> parts = new ArrayList<>();
            String firstBest = null;
            boolean same = true, allSignificant = true, anyTested = false;
            for (Map.Entry<String, Ranking> m : byLevel.entrySet()) {
                Ranking r = m.getValue();
                if (!r.best().completed()) continue; // every seed of every member diverged: no best to name
                String best = r.scenario().level(r.best().group());
                if (firstBest == null) firstBest = best;
                same &= best.equals(firstBest);
                boolean tested = r.runnerUp() != null && r.runnerUp().tested();
                boolean sig = tested && r.runnerUp().significant();
                anyTested |= tested;
                allSignificant &= sig;
                parts.add(new String[]{best, m.getKey(), Values.fixed(r.best().accuracy().mean(), 2) + "%" + (sig || !tested ? "" : ", not significantly ahead")});
            }
            String primary = e.primary().replace('_', ' '), factor = x.replace('_', ' ');
            String text = same
                    ? "In " + e.name() + ", " + firstBest + " is the best " + primary + " with every " + factor + " ("
                            + String.join("; ", parts.stream().map(q -> q[1] + " " + q[2]).toList()) + ")."
                    : "In " + e.name() + ", the best " + primary + " depends on the " + factor + ": "
                            + String.join("; ", parts.stream().map(q -> q[0] + " with " + q[1] + " (" + q[2] + ")").toList()) + ".";
            if (!anyTested) text += " With one seed none of this is tested.";
            out.add(new Finding(Finding.Kind.INTERACTION, text, allSignificant && anyTested, anyTested));
        }
        return out;
    }

    /**
     * Levels of the primary factor that stay near chance, and where: "The initializer random does
     * not learn with 6 hidden: mean final test accuracy 10.99% over 3 seeds (11.35%, 11.82%,
     * 9.80%), near chance (10% for 10 classes)." Means are over the seeds that completed (a
     * diverged run has no final accuracy: those are the divergence finding's), the seeds' own
     * values listed so the reader sees what the mean is of.
     */
    static List<Finding> failures(StudyAggregate agg) {
        int classes = classes(agg);
        if (classes < 2) return List.of();
        double chance = 1.0 / classes;
        Map<String, List<String[]>> where = new LinkedHashMap<>();
        Map<String, Integer> of = new LinkedHashMap<>();
        for (Scenario s : agg.scenarios()) {
            for (RunGroup g : s.members()) {
                String level = s.level(g);
                of.merge(level, 1, Integer::sum);
                Estimate acc = agg.summary(g).finalTestAccuracy();
                if (acc.isEmpty() || acc.mean() >= NEAR_CHANCE * chance) continue;
                String at = s.keys(agg.design()).isEmpty() ? String.join(", ", s.experiments()) : s.title(agg.design());
                where.computeIfAbsent(level, k -> new ArrayList<>()).add(new String[]{at, meanOfSeeds(g, acc)});
            }
        }
        List<Finding> out = new ArrayList<>();
        String primaryName = agg.scenarios().isEmpty() ? "initializer" : agg.scenarios().getFirst().primary().replace('_', ' ');
        String chanceText = "near chance (" + Values.fixed(100 * chance, 0) + "% for " + classes + " classes)";
        where.forEach((level, cases) -> {
            String text;
            if (cases.size() == 1) {
                String[] c = cases.getFirst();
                text = "The " + primaryName + " " + level + " does not learn" + (c[0].isEmpty() ? "" : " with " + c[0]) + ": mean final test accuracy "
                        + c[1] + ", " + chanceText + ".";
            } else {
                boolean all = cases.size() == of.get(level);
                boolean same = cases.stream().map(c -> c[1]).distinct().count() == 1;
                text = "The " + primaryName + " " + level + " does not learn" + (all ? " in any scenario" : " in " + cases.size() + " scenarios")
                        + ", " + chanceText + ": mean final test accuracy "
                        + (same ? cases.getFirst()[1] + " in each (" + String.join(", ", cases.stream().map(c -> c[0]).toList()) + ")"
                                : String.join("; ", cases.stream().map(c -> c[1] + " with " + c[0]).toList())) + ".";
            }
            out.add(new Finding(Finding.Kind.FAILURE, text, true, false));
        });
        return out;
    }

    /**
     * "10.99% over 3 seeds (11.35%, 11.82%, 9.80%)", "11.35% in all 3 seeds", "11.35% over 1 of 3
     * seeds (the others diverged)"; the seeds' values listed up to five.
     */
    static String meanOfSeeds(RunGroup g, Estimate acc) {
        List<String> each = new ArrayList<>();
        for (RunRecord r : g.completed()) {
            Double a = r.result().finalMetrics().testAccuracy();
            if (a != null && Double.isFinite(a)) each.add(Values.fixed(100 * a, 2) + "%");
        }
        String mean = Values.fixed(100 * acc.mean(), 2) + "%";
        String diverged = acc.n() < g.seeds() ? " (the others diverged)" : "";
        if (acc.n() > 1 && each.stream().distinct().count() == 1) {
            return mean + (acc.n() < g.seeds() ? " in each of the " + acc.n() + " of " + g.seeds() + " seeds that completed" : " in all " + acc.n() + " seeds");
        }
        String over = " over " + (acc.n() < g.seeds() ? acc.n() + " of " + g.seeds() : Integer.toString(acc.n())) + " seed" + (g.seeds() == 1 ? "" : "s");
        String list = acc.n() > 1 && each.size() <= 5 ? " (" + String.join(", ", each) + ")" : "";
        return mean + over + list + diverged;
    }

    /**
     * Per level of the primary factor, where its runs diverged, how often (with the rate's 95%
     * Wilson interval) and when: "random diverged (…) with 6 hidden in 2 of 3 seeds (95% Wilson CI
     * 21–94%), in epoch 1 at step 3 (seeds 1, 2)."
     */
    static List<Finding> divergences(StudyAggregate agg) {
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Scenario sc : agg.scenarios()) {
            for (RunGroup g : sc.members()) {
                ConfigurationSummary s = agg.summary(g);
                if (s.divergence().count() == 0) continue;
                String at = sc.keys(agg.design()).isEmpty() ? "" : "with " + sc.title(agg.design()) + " ";
                String rate = s.divergence().n() > 1 ? " (95% Wilson CI " + Values.fixed(100 * s.divergence().low(), 0) + "–"
                        + Values.fixed(100 * s.divergence().high(), 0) + "%)" : "";
                Map<String, List<String>> when = new LinkedHashMap<>();
                g.divergences().forEach((seed, d) -> when.computeIfAbsent(d.where(), k -> new ArrayList<>()).add(seed));
                List<String> whens = new ArrayList<>();
                when.forEach((w, seeds) -> whens.add(w + " (seed" + (seeds.size() == 1 ? " " : "s ") + String.join(", ", seeds) + ")"));
                where.computeIfAbsent(sc.level(g), k -> new ArrayList<>()).add(at + "in " + s.divergence().count() + " of " + s.divergence().n()
                        + " seeds" + rate + ", " + String.join(", ", whens));
            }
        }
        List<Finding> out = new ArrayList<>();
        where.forEach((level, cases) -> out.add(new Finding(Finding.Kind.DIVERGENCE, level + " diverged (loss or weights became NaN or infinite) "
                + String.join("; ", cases) + ". A diverged run has no final accuracy: it is left out of means and tests and counted here.", true, false)));
        return out;
    }

    /** Whether a mean final test accuracy (a fraction) is near chance for this study's task ({@link #NEAR_CHANCE} × 1/classes). */
    public static boolean nearChance(StudyAggregate agg, Estimate accuracy) {
        int classes = classes(agg);
        return classes >= 2 && !accuracy.isEmpty() && accuracy.mean() < NEAR_CHANCE / classes;
    }

    /** Classes of the task: the output layer's width. */
    public static int classes(StudyAggregate agg) {
        RunRecord r = agg.data().runs().getFirst();
        var layers = r.result().epochs().getFirst().layers();
        List<Integer> hidden = r.spec().hidden();
        if (layers.isEmpty() || hidden.isEmpty()) return 0;
        return layers.getLast().out();
    }
}
