package org.initlab.report.compare;

import org.initlab.report.model.ConfigurationSummary;
import org.initlab.report.model.RunGroup;
import org.initlab.report.stats.Estimate;
import org.initlab.report.stats.PairedTTest;
import org.initlab.report.stats.WelchTTest;
import org.initlab.study.RunRecord;
import org.initlab.study.RunSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One matched configuration under two studies: each study's final test accuracy (over its seeds
 * that completed), and the difference B − A in points with its 95% interval and test.
 *
 * <p>Paired by seed when the two configurations have the same seeds and their runs see the same
 * data in the same order — the same dataset and training examples (validation size) and the same
 * batch size: a seed then fixes the same minibatches and the same initial draws in both, so the
 * per-seed difference removes what the seed contributes (Student's paired t, over the seeds both
 * completed). Otherwise — other seeds, another dataset, another batch size (the notebook
 * protocol's depth experiment: 128 vs 150) — the two are independent samples: Welch's t interval
 * (which does not assume equal variances). {@link #why()} says which and why.
 *
 * @param a      study A's summary of the configuration
 * @param b      study B's
 * @param mean   B − A in points (percent), NaN when either has no completed seed
 * @param p      the test's p-value (NaN untested); {@code adjustedP} Holm-adjusted over the comparison's configurations
 * @param n      pairs (paired), or the smaller sample (Welch)
 */
public record ConfigurationDifference(Matching.Pair pair, ConfigurationSummary a, ConfigurationSummary b, boolean paired, String why,
                                      double mean, double low, double high, double p, int n, double adjustedP) {

    public boolean tested() {
        return !Double.isNaN(p);
    }

    public boolean significant() {
        return tested() && adjustedP <= org.initlab.report.model.Ranking.ALPHA;
    }

    /** The difference of a matched pair, not yet adjusted (adjustedP = p). */
    static ConfigurationDifference of(Matching.Pair pair, ConfigurationSummary a, ConfigurationSummary b) {
        String why = unpairedBecause(pair.a(), pair.b());
        if (why == null) {
            TreeSet<String> seeds = new TreeSet<>(pair.a().bySeed().keySet());
            PairedTTest t = PairedTTest.of(points(pair.b(), seeds), points(pair.a(), seeds));
            Estimate d = t.difference();
            return new ConfigurationDifference(pair, a, b, true, "paired by seed: the same " + seeds.size()
                    + " seeds see the same minibatches and initial draws in both", d.mean(), d.low(), d.high(), t.p(), t.pairs(), t.p());
        }
        WelchTTest t = WelchTTest.of(points(pair.b(), pair.b().bySeed().keySet()), points(pair.a(), pair.a().bySeed().keySet()));
        return new ConfigurationDifference(pair, a, b, false, "Welch (independent samples): " + why, t.difference(), t.low(), t.high(), t.p(),
                Math.min(t.na(), t.nb()), t.p());
    }

    ConfigurationDifference adjusted(double q) {
        return new ConfigurationDifference(pair, a, b, paired, why, mean, low, high, p, n, q);
    }

    /** Why the two cannot be paired by seed, or null when they can. */
    static String unpairedBecause(RunGroup a, RunGroup b) {
        if (!a.bySeed().keySet().equals(b.bySeed().keySet())) return "the seeds differ";
        RunSpec x = a.runs().getFirst().spec(), y = b.runs().getFirst().spec();
        List<String> differ = new ArrayList<>();
        if (!x.dataset().equals(y.dataset())) differ.add("dataset");
        if (x.validationSize() != y.validationSize()) differ.add("training examples");
        if (x.batchSize() != y.batchSize()) differ.add("batch size " + x.batchSize() + " vs " + y.batchSize());
        return differ.isEmpty() ? null : "a seed gives other minibatches (" + String.join(", ", differ) + ")";
    }

    /** Final test accuracy in points of the runs with these seeds, in order (NaN for a diverged run or a missing seed). */
    static double[] points(RunGroup g, java.util.Collection<String> seeds) {
        Map<String, RunRecord> by = g.bySeed();
        double[] v = new double[seeds.size()];
        int i = 0;
        for (String s : seeds) {
            RunRecord r = by.get(s);
            Double x = r == null ? null : r.result().finalMetrics().testAccuracy();
            v[i++] = x == null || !Double.isFinite(x) ? Double.NaN : 100 * x;
        }
        return v;
    }
}
