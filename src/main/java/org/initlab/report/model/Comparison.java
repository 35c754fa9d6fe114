package org.initlab.report.model;

import org.initlab.report.stats.PairedTTest;

/**
 * The best member of a scenario against another, paired by seed: the difference in final test
 * accuracy (points), its paired t-test, the Holm-adjusted p-value within the scenario, and
 * whether that is significant at {@link Ranking#ALPHA}.
 */
public record Comparison(RunGroup best, RunGroup other, PairedTTest test, double adjustedP) {
    public boolean tested() {
        return test.tested();
    }

    public boolean significant() {
        return tested() && adjustedP <= Ranking.ALPHA;
    }
}
