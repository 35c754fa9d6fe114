package org.initlab.report.stats;

/**
 * A proportion k/n with its 95% Wilson score interval (Wilson 1927, "Probable inference, the law
 * of succession, and statistical inference"):
 * (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n), z = Φ⁻¹(0.975). Unlike p̂ ± z·√(p̂(1−p̂)/n)
 * it stays inside [0, 1] and is not empty at k = 0 or k = n, which is where divergence rates
 * usually are.
 */
public record Proportion(int count, int n, double low, double high) {
    /** Φ⁻¹(0.975). */
    public static final double Z = 1.959963984540054;

    public static Proportion of(int count, int n) {
        if (n < 0 || count < 0 || count > n) throw new IllegalArgumentException("proportion " + count + "/" + n);
        if (n == 0) return new Proportion(0, 0, Double.NaN, Double.NaN);
        double p = (double) count / n, z2 = Z * Z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / (1 + z2 / n);
        return new Proportion(count, n, Math.max(0, centre - half), Math.min(1, centre + half));
    }

    public double rate() {
        return n == 0 ? Double.NaN : (double) count / n;
    }
}
