package org.initlab.report.model;

import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.Holm;
import org.initlab.report.stats.PairedTTest;
import org.initlab.study.RunRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Which member of a scenario is best: members ordered by mean final test accuracy, and the best
 * compared with each other one by a paired t-test over the seeds both have (the seed fixes the
 * data order and the random draws, so runs with the same seed are pairs). The k − 1 p-values
 * of a scenario are Holm-adjusted together: "the best beats X" is claimed at family-wise level
 * {@link #ALPHA} within the scenario.
 *
 * @param order       members with their mean final test accuracy (points), best first
 * @param comparisons best vs each other member, in {@code order}
 */
public record Ranking(Scenario scenario, List<Standing> order, List<Comparison> comparisons) {
    public static final double ALPHA = 0.05;

    public record Standing(RunGroup group, Estimate accuracy) {}

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
        for (RunGroup g : s.members()) order.add(new Standing(g, Estimate.of(points(g, seeds(g)))));
        order.sort(Comparator.comparingDouble((Standing st) -> Double.isNaN(st.accuracy().mean()) ? Double.NEGATIVE_INFINITY : -st.accuracy().mean())
                .thenComparingInt(st -> design.levelIndex(s.primary(), s.level(st.group()))));
        List<PairedTTest> tests = new ArrayList<>();
        RunGroup best = order.getFirst().group();
        for (int i = 1; i < order.size(); i++) {
            RunGroup other = order.get(i).group();
            TreeSet<String> common = new TreeSet<>(best.bySeed().keySet());
            common.retainAll(other.bySeed().keySet());
            tests.add(PairedTTest.of(points(best, common), points(other, common)));
        }
        double[] p = new double[tests.size()];
        for (int i = 0; i < p.length; i++) p[i] = tests.get(i).p();
        double[] adjusted = Holm.adjust(p);
        List<Comparison> comparisons = new ArrayList<>();
        for (int i = 0; i < tests.size(); i++) comparisons.add(new Comparison(best, order.get(i + 1).group(), tests.get(i), adjusted[i]));
        return new Ranking(s, order, comparisons);
    }

    private static java.util.Collection<String> seeds(RunGroup g) {
        return g.bySeed().keySet();
    }

    /** Final test accuracy in points (percent) of the runs with these seeds, in seed order. */
    static double[] points(RunGroup g, java.util.Collection<String> seeds) {
        Map<String, RunRecord> by = g.bySeed();
        double[] v = new double[seeds.size()];
        int i = 0;
        for (String seed : seeds) {
            Double a = by.get(seed).result().finalMetrics().testAccuracy();
            v[i++] = a == null || !Double.isFinite(a) ? Double.NaN : 100 * a;
        }
        return v;
    }
}
