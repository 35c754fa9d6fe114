package org.initlab.report.stats;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;

/**
 * A proportion k/n with its 95% Wilson score interval (Wilson 1927, "Probable inference, the law
 * of succession, and statistical inference"):
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(0.975). Unlike p̂ ± z·√(p̂(1−p̂)/n)
 * it stays inside [0, 1] and is not empty at k = 0 or k = n, which is where divergence rates
 * usually are. Computed by Apache Commons Statistics ({@code BinomialConfidenceInterval.WILSON_SCORE}).
 */
public record Proportion(int count, int n, double low, double high) {
    public static Proportion of(int count, int n) {
        if (n < 0 || count < 0 || count > n) throw new IllegalArgumentException("proportion " + count + "/" + n);
        if (n == 0) return new Proportion(0, 0, Double.NaN, Double.NaN);
        Interval i = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, count, 1 - Estimate.LEVEL);
        // the bounds at k = 0 and k = n are 0 and 1 exactly (the library's may be one ulp inside)
        return new Proportion(count, n, count == 0 ? 0 : i.getLowerBound(), count == n ? 1 : i.getUpperBound());
    }

    public double rate() {
        return n == 0 ? Double.NaN : (double) count / n;
    }
}
