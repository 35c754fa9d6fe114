package org.initlab.init;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sample moments of a float array, and assertions that they match a distribution's within
 * {@value #Z} standard errors: SE(mean) = σ/√N, SE(variance) = σ²·√((κ − 1)/N), κ = μ₄/σ⁴ the
 * distribution's kurtosis (asymptotic variance of the sample variance).
 */
record SampleStats(int n, double mean, double variance, double min, double max) {
    /** Standard errors allowed: a false alarm per check has probability below 10⁻⁶. */
    static final double Z = 5.0;
    static final double NORMAL_KURTOSIS = 3.0;
    static final double UNIFORM_KURTOSIS = 9.0 / 5.0;

    static SampleStats of(float[] values) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : values) {
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double mean = sum / values.length;
        double squares = 0;
        for (float v : values) squares += (v - mean) * (v - mean);
        return new SampleStats(values.length, mean, squares / values.length, min, max);
    }

    void assertMoments(double expectedMean, double expectedVariance, double kurtosis, String what) {
        double seMean = Math.sqrt(expectedVariance / n);
        double seVariance = expectedVariance * Math.sqrt((kurtosis - 1) / n);
        assertTrue(Math.abs(mean - expectedMean) <= Z * seMean,
                what + ": mean " + mean + " vs " + expectedMean + " (allowed ±" + Z * seMean + ")");
        assertTrue(Math.abs(variance - expectedVariance) <= Z * seVariance,
                what + ": variance " + variance + " vs " + expectedVariance + " (allowed ±" + Z * seVariance + ")");
    }

    /**
     * Mean, variance and kurtosis of N(μ, σ²) restricted to [a, b], from the raw moments of the
     * standard normal restricted to [α, β]: m₀ = 1, m₁ = (φ(α) − φ(β))/Z,
     * mₖ = (k−1)·mₖ₋₂ + (α^(k−1)φ(α) − β^(k−1)φ(β))/Z, Z = Φ(β) − Φ(α) (integration by parts).
     */
    static double[] truncatedNormalMoments(double mu, double sigma, double a, double b) {
        double alpha = (a - mu) / sigma;
        double beta = (b - mu) / sigma;
        double z = TruncatedNormal.mass(mu, sigma, a, b);
        double pa = StandardNormal.density(alpha);
        double pb = StandardNormal.density(beta);
        double[] m = new double[5];
        m[0] = 1;
        m[1] = (pa - pb) / z;
        for (int k = 2; k <= 4; k++) m[k] = (k - 1) * m[k - 2] + (Math.pow(alpha, k - 1) * pa - Math.pow(beta, k - 1) * pb) / z;
        double c2 = m[2] - m[1] * m[1];
        double c4 = m[4] - 4 * m[3] * m[1] + 6 * m[2] * m[1] * m[1] - 3 * Math.pow(m[1], 4);
        return new double[] {mu + sigma * m[1], sigma * sigma * c2, c4 / (c2 * c2)};
    }
}
