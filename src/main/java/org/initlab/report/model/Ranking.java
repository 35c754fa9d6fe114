package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.Holm;
import org.initlab.report.stats.PairedTTest;
import org.initlab.report.stats.Proportion;
import org.initlab.study.RunRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which member of a scenario is best: members ordered by mean final <em>validation</em> accuracy
 * (the test split is never used for choosing; only when a member has no validation measurement
 * does the order fall back to test accuracy), and the chosen best then compared with each other
 * one on final <em>test</em> accuracy by a paired t-test over the seeds both have (the seed fixes
 * the data order and the random draws, so runs with the same seed are pairs). The k − 1 p-values
 * of a scenario are Holm-adjusted together: "the best beats X" is claimed at family-wise level
 * {@link #ALPHA} within the scenario. Choosing on one split and testing on another keeps the
 * test honest: choosing the winner on the numbers it is then tested on would overstate it.
 *
 * <p>Diverged runs have no final accuracy ({@link Divergence}): a member's accuracies are over its
 * seeds that completed, and its diverged seeds are counted apart ({@link Standing#divergence()},
 * with a Wilson interval). A member that diverged in any seed is ranked after every member that
 * never did (among themselves: fewer diverged seeds first, then by accuracy; all seeds diverged:
 * last), so the best is never a configuration that blows up in some seeds, however well its other
 * seeds did. The paired tests use the seeds both members completed.
 *
 * @param order        members with their mean final test and validation accuracy (points), best first
 * @param comparisons  best vs each other member, in {@code order}
 * @param byValidation whether the order is by validation accuracy (else by test accuracy)
 */
public record Ranking(Scenario scenario, List<Standing> order, List<Comparison> comparisons, boolean byValidation) {
    public static final double ALPHA = 0.05;

    /**
     * @param accuracy   final test accuracy (points) over the seeds that completed
     * @param validation final validation accuracy (points) over the same seeds
     * @param divergence the seeds that diverged, of all
     */
    public record Standing(RunGroup group, Estimate accuracy, Estimate validation, Proportion divergence) {
        /** Whether some seed completed: there is an accuracy to rank by. */
        public boolean completed() {
            return divergence.count() < divergence.n();
        }
    }

    public Standing best() { return order.getFirst(); }

    /**
     * How far the best is ahead of the runner-up, in points: the mean paired difference over the
     * seeds both have (what the test tests), or the difference of the means when they share none.
     */
    public double margin() {
        Comparison c = runnerUp();
        if (c == null) return Double.NaN;
        if (c.test().pairs() > 0) return c.test().difference().mean();
        return order.get(0).accuracy().mean() - order.get(1).accuracy().mean();
    }

    /** The comparison with the runner-up, or null with a single member. */
    public Comparison runnerUp() {
        return comparisons.isEmpty() ? null : comparisons.getFirst();
    }

    public static Ranking of(Scenario s, StudyDesign design) {
        List<Standing> order = new ArrayList<>();
        for (RunGroup g : s.members()) {
            order.add(new Standing(g, Estimate.of(points(g, seeds(g), false)), Estimate.of(points(g, seeds(g), true)),
                    Proportion.of(g.divergences().size(), g.seeds())));
        }
        boolean byValidation = order.stream().filter(Standing::completed).allMatch(st -> Double.isFinite(st.validation().mean()));
        order.sort(Comparator.comparingInt((Standing st) -> st.divergence().count() == 0 ? 0 : st.completed() ? 1 : 2)
                .thenComparingDouble(st -> st.divergence().rate())
                .thenComparingDouble((Standing st) -> {
                    double v = byValidation ? st.validation().mean() : st.accuracy().mean();
                    return Double.isNaN(v) ? Double.POSITIVE_INFINITY : -v;
                })
                .thenComparingInt(st -> design.levelIndex(s.primary(), s.level(st.group()))));
        List<PairedTTest> tests = new ArrayList<>();
        RunGroup best = order.getFirst().group();
        for (int i = 1; i < order.size(); i++) {
            RunGroup other = order.get(i).group();
            TreeSet<String> common = new TreeSet<>(best.bySeed().keySet());
            common.retainAll(other.bySeed().keySet());
            tests.add(PairedTTest.of(points(best, common, false), points(other, common, false)));
        }
        double[] p = new double[tests.size()];
        for (int i = 0; i < p.length; i++) p[i] = tests.get(i).p();
        double[] adjusted = Holm.adjust(p);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) comparisons.add(new Comparison(best, order.get(i + 1).group(), tests.get(i), adjusted[i]));
        return new Ranking(s, order, comparisons, byValidation);
    }

    private static java.util.Collection<String> seeds(RunGroup g) {
        return g.bySeed().keySet();
    }

    /** Final test (or validation) accuracy in points (percent) of the runs with these seeds, in seed order (NaN for a diverged run). */
    static double[] points(RunGroup g, java.util.Collection<String> seeds, boolean validation) {
        Map<String, RunRecord> by = g.bySeed();
        double[] v = new double[seeds.size()];
        int i = 0;
        for (String seed : seeds) {
            var m = by.get(seed).result().finalMetrics();
            Double a = validation ? m.validationAccuracy() : m.testAccuracy();
            v[i++] = a == null || !Double.isFinite(a) ? Double.NaN : 100 * a;
        }
        return v;
    }
}
