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
     * (…; Holm-adjusted p = 0.010, d_z = 2.1)." The best is chosen on validation accuracy and
     * judged on test accuracy, so it may turn out not to be ahead on test; the sentence then says so.
     */
    public static Finding best(StudyDesign design, Ranking r) {
        Comparison c = r.runnerUp();
        if (c == null) return null;
        Scenario s = r.scenario();
        String where = s.keys(design).isEmpty() ? "In " + s.title(design) : "With " + s.title(design);
        String best = s.level(c.best()), other = s.level(c.other());
        String chosen = r.byValidation() ? " (best on validation)" : "";
        Estimate a = r.order().get(0).accuracy(), b = r.order().get(1).accuracy();
        double margin = r.margin();
        String pair = Values.fixed(a.mean(), 2) + "% vs " + Values.fixed(b.mean(), 2) + "% test accuracy";
        String stats = "paired t-test over " + c.test().pairs() + " seeds, Holm-adjusted " + Values.p(c.adjustedP())
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
            if (byLevel.size() < 2) continue;
            List<String[]> parts = new ArrayList<>();
            String firstBest = null;
            boolean same = true, allSignificant = true, anyTested = false;
            for (Map.Entry<String, Ranking> m : byLevel.entrySet()) {
                Ranking r = m.getValue();
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

    /** Levels of the primary factor that stay near chance, and where. */
    static List<Finding> failures(StudyAggregate agg) {
        int classes = classes(agg);
        if (classes < 2) return List.of();
        double chance = 1.0 / classes;
        Map<String, List<String>> where = new LinkedHashMap<>();
        Map<String, Integer> of = new LinkedHashMap<>();
        Map<String, Double> worst = new LinkedHashMap<>();
        for (Scenario s : agg.scenarios()) {
            for (RunGroup g : s.members()) {
                String level = s.level(g);
                of.merge(level, 1, Integer::sum);
                double acc = agg.summary(g).finalTestAccuracy().mean();
                if (acc < NEAR_CHANCE * chance) {
                    where.computeIfAbsent(level, k -> new ArrayList<>()).add(s.title(agg.design()));
                    worst.merge(level, acc, Math::max);
                }
            }
        }
        List<Finding> out = new ArrayList<>();
        String primaryName = agg.scenarios().isEmpty() ? "initializer" : agg.scenarios().getFirst().primary().replace('_', ' ');
        where.forEach((level, scenarios) -> {
            String at = scenarios.size() == of.get(level) ? (scenarios.size() == 1 ? "" : " in any scenario") : " with " + String.join("; ", scenarios);
            out.add(new Finding(Finding.Kind.FAILURE, "The " + primaryName + " " + level + " does not learn" + at + ": at most "
                    + Values.fixed(100 * worst.get(level), 2) + "% test accuracy, near chance (" + Values.fixed(100 * chance, 0) + "% for "
                    + classes + " classes).", true, false));
        });
        return out;
    }

    /** Per level of the primary factor, the scenarios where its runs diverged and how often. */
    static List<Finding> divergences(StudyAggregate agg) {
        Map<String, List<String>> where = new LinkedHashMap<>();
        for (Scenario sc : agg.scenarios()) {
            for (RunGroup g : sc.members()) {
                ConfigurationSummary s = agg.summary(g);
                if (s.divergence().count() == 0) continue;
                String at = sc.keys(agg.design()).isEmpty() ? "" : " with " + sc.title(agg.design());
                where.computeIfAbsent(sc.level(g), k -> new ArrayList<>()).add(s.divergence().count() + " of " + s.divergence().n() + " seeds" + at);
            }
        }
        List<Finding> out = new ArrayList<>();
        where.forEach((level, cases) -> out.add(new Finding(Finding.Kind.DIVERGENCE, level + " diverged (loss or weights became NaN or infinite) in "
                + String.join("; ", cases) + ".", true, false)));
        return out;
    }

    /** Classes of the task: the output layer's width. */
    static int classes(StudyAggregate agg) {
        RunRecord r = agg.data().runs().getFirst();
        var layers = r.result().epochs().getFirst().layers();
        List<Integer> hidden = r.spec().hidden();
        if (layers.isEmpty() || hidden.isEmpty()) return 0;
        return layers.getLast().out();
    }
}
