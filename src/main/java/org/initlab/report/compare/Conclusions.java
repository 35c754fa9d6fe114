package org.initlab.report.compare;

import org.initlab.report.model.Comparison;
import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.Ranking;
import org.initlab.report.model.StudyDesign;
import org.initlab.report.stats.Proportion;
import org.initlab.report.text.Findings;
import org.initlab.report.text.Values;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which of the two studies' conclusions change, in sentences computed from both: per scenario both
 * rank, whether the best is the same and whether it is significantly ahead of the runner-up in each;
 * per matched configuration, whether it learns (is above chance) and whether it diverges in each;
 * and how many configurations' accuracies differ significantly between the studies. Conclusions
 * that hold in both are summed up in one sentence.
 */
public final class Conclusions {
    private Conclusions() {}

    static List<StudyComparison.Change> of(StudyComparison c) {
        List<StudyComparison.Change> changed = new ArrayList<>();
        List<String> same = new ArrayList<>();
        String a = c.nameA(), b = c.nameB();
        for (StudyComparison.ScenarioPair s : c.scenarios()) {
            String bestA = best(s.a()), bestB = best(s.b());
            if (bestA == null || bestB == null) continue;
            String primary = StudyDesign.words(s.a().scenario().primary());
            String where = "With " + s.title();
            if (!bestA.equals(bestB)) {
                changed.add(new StudyComparison.Change(where + ", the best " + primary + " changes: " + bestA + " in " + a + " (" + claim(s.a()) + "), "
                        + bestB + " in " + b + " (" + claim(s.b()) + ").", true));
            } else if (significant(s.a()) != significant(s.b())) {
                changed.add(new StudyComparison.Change(where + ", " + bestA + " is the best " + primary + " in both, but significantly ahead of the runner-up only in "
                        + (significant(s.a()) ? a : b) + " (" + a + ": " + claim(s.a()) + "; " + b + ": " + claim(s.b()) + ").", true));
            } else {
                same.add(s.title() + ": " + bestA + (significant(s.a()) ? " (significant in both)" : " (not significant in either)"));
            }
        }
        int learnsSame = 0, divergesSame = 0;
        for (ConfigurationDifference d : c.differences()) {
            String config = label(c, d);
            boolean chanceA = Findings.nearChance(c.a(), d.a().finalTestAccuracy()), chanceB = Findings.nearChance(c.b(), d.b().finalTestAccuracy());
            boolean learnsA = !d.a().finalTestAccuracy().isEmpty() && !chanceA, learnsB = !d.b().finalTestAccuracy().isEmpty() && !chanceB;
            if (chanceA && learnsB || chanceB && learnsA) {
                changed.add(new StudyComparison.Change(config + " does not learn in " + (chanceA ? a : b) + " (" + accuracy(chanceA ? d.a() : d.b())
                        + ", near chance) but does in " + (chanceA ? b : a) + " (" + accuracy(chanceA ? d.b() : d.a()) + ").", true));
            } else {
                learnsSame++;
            }
            Proportion da = d.a().divergence(), db = d.b().divergence();
            if ((da.count() > 0) != (db.count() > 0)) {
                changed.add(new StudyComparison.Change(config + " diverges in " + (da.count() > 0 ? a : b) + " (" + Values.proportion(da.count() > 0 ? da : db)
                        + " seeds) but not in " + (da.count() > 0 ? b : a) + " (" + Values.proportion(da.count() > 0 ? db : da) + ").", true));
            } else {
                divergesSame++;
            }
        }
        List<StudyComparison.Change> out = new ArrayList<>(changed);
        long differ = c.differences().stream().filter(ConfigurationDifference::significant).count();
        long tested = c.differences().stream().filter(ConfigurationDifference::tested).count();
        if (tested > 0) {
            List<ConfigurationDifference> largest = c.differences().stream().filter(ConfigurationDifference::significant)
                    .sorted(Comparator.comparingDouble((ConfigurationDifference d) -> -Math.abs(d.mean()))).limit(3).toList();
            String text = "Final test accuracy differs significantly between " + a + " and " + b + " in " + differ + " of " + tested
                    + " matched configurations (Holm-adjusted over all of them, 0.05)";
            if (!largest.isEmpty()) {
                text += "; the largest differences (" + b + " − " + a + "): " + String.join("; ", largest.stream().map(d -> label(c, d) + " "
                        + signed(d.mean()) + " points (95% CI " + Values.fixed(d.low(), 2) + " to " + Values.fixed(d.high(), 2) + ")").toList());
            }
            out.add(new StudyComparison.Change(text + ".", differ > 0));
        }
        if (!same.isEmpty()) {
            out.add(new StudyComparison.Change("Unchanged — the best " + String.join(", ", c.a().design().primaries().stream().map(StudyDesign::words).toList())
                    + " in " + same.size() + " of " + c.scenarios().size() + " scenarios, and whether it is significantly ahead: "
                    + String.join("; ", same) + ".", false));
        }
        if (!c.differences().isEmpty()) {
            out.add(new StudyComparison.Change("Unchanged — whether a configuration learns (above chance) in " + learnsSame + " of " + c.differences().size()
                    + ", and whether it diverges in " + divergesSame + " of " + c.differences().size() + ".", false));
        }
        return out;
    }

    /** The best level of a ranking, or null when no member completed a seed. */
    private static String best(Ranking r) {
        return r.best().completed() ? r.scenario().level(r.best().group()) : null;
    }

    private static boolean significant(Ranking r) {
        Comparison c = r.runnerUp();
        return c != null && c.significant() && r.margin() > 0;
    }

    /** "significantly ahead of xavier, +0.41 points, p = 0.040" and the like. */
    private static String claim(Ranking r) {
        Comparison c = r.runnerUp();
        String other = r.scenario().level(c.other());
        double m = r.margin();
        String how = !c.tested() ? "no test" : Values.p(c.adjustedP());
        if (!(m > 0)) return "behind " + other + " on test by " + Values.points(-m) + " points, " + how;
        return (significant(r) ? "significantly ahead of " : "ahead of ") + other + " by " + Values.points(m) + " points, " + how;
    }

    /** "random with 6 hidden": the configuration by its matching labels. */
    static String label(StudyComparison c, ConfigurationDifference d) {
        Map<String, String> k = d.pair().key();
        List<String> parts = new ArrayList<>();
        String first = null;
        for (Map.Entry<String, String> e : k.entrySet()) {
            if (first == null) first = e.getValue();
            else if (c.a().design().levels().getOrDefault(e.getKey(), List.of()).size() > 1 || c.b().design().levels().getOrDefault(e.getKey(), List.of()).size() > 1) {
                parts.add(e.getValue());
            }
        }
        return first + (parts.isEmpty() ? "" : " with " + String.join(" · ", parts));
    }

    private static String accuracy(ConfigurationSummary s) {
        return Values.accuracy(s.finalTestAccuracy(), s.seeds());
    }

    static String signed(double v) {
        return (v > 0 ? "+" : "") + Values.points(v);
    }
}
