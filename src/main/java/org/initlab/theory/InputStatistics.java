package org.initlab.theory;

/**
 * The input's statistics that start the mean-field recursion (Poole et al. 2016: q⁰ and c⁰
 * "from the data").
 *
 * <p>Mean-field theory tracks second moments, not variances: for the first layer
 * z_j = Σᵢ xᵢWᵢⱼ + b_j with zero-mean weights of variance σ_w²/n₀, E_W[z_j²] = σ_w²·‖x‖²/n₀ +
 * E[b²] exactly, whatever the mean of x. So the quantity that matters is the input's mean
 * square per feature, q⁰ = (1/(P·n₀))·Σ_p ‖x_p‖² = E[x²] averaged over features (0.109 on
 * 1 000 MNIST validation images scaled to [0, 1]; their per-pixel variance is smaller, since the
 * pixels are not zero-mean). Likewise a pair of distinct inputs enters only through q⁰₁₂ = x·x′/n₀, averaged
 * here over all ordered pairs of distinct examples: (‖Σ_p x_p‖² − Σ_p ‖x_p‖²)/(P(P−1)·n₀).
 * Non-zero-mean data has q⁰₁₂ &gt; 0, i.e. positively correlated inputs (MNIST: c⁰ = 0.40).
 * The measured counterpart of q^l is therefore the mean over examples and units of z², not a
 * per-unit variance, which is smaller by the input correlation (see {@link LayerPrediction}).
 *
 * <p>The network prediction treats every input as having q⁰ and every pair c⁰ = q⁰₁₂/q⁰ (the
 * paper's single-pair picture applied to a typical pair); with ReLU-like φ the second moments
 * are exact regardless (the length map is linear in q), with saturating φ inputs of very
 * different norms make the mean over examples of q^l differ from q^l of the mean.
 *
 * @param secondMoment q⁰, the mean over examples and features of x²
 * @param crossMoment  q⁰₁₂, the mean over pairs of distinct examples of x·x′/n₀
 */
public record InputStatistics(double secondMoment, double crossMoment) {
    public InputStatistics {
        if (!(secondMoment >= 0) || !Double.isFinite(secondMoment)) {
            throw new IllegalArgumentException("input second moment must be finite and ≥ 0, got " + secondMoment);
        }
        if (!Double.isFinite(crossMoment) || Math.abs(crossMoment) > secondMoment * (1 + 1e-12)) {
            throw new IllegalArgumentException("input cross moment must be finite and at most the second moment in size, got "
                    + crossMoment + " with second moment " + secondMoment);
        }
    }

    /** Inputs with mean square q⁰ per feature and correlation c⁰ between distinct inputs. */
    public static InputStatistics of(double q0, double c0) {
        return new InputStatistics(q0, c0 * q0);
    }

    /** The statistics of the first {@code rows} rows of x (rows × features, row-major), summed in double. */
    public static InputStatistics of(float[] x, int rows, int features) {
        if (rows < 1 || features < 1 || x.length < (long) rows * features) {
            throw new IllegalArgumentException("need at least one row of " + features + " features, got " + rows + " rows in "
                    + x.length + " values");
        }
        double[] total = new double[features];
        double squares = 0.0;
        for (int p = 0; p < rows; p++) {
            int row = p * features;
            for (int j = 0; j < features; j++) {
                double v = x[row + j];
                squares += v * v;
                total[j] += v;
            }
        }
        double q0 = squares / ((double) rows * features);
        if (rows == 1) return new InputStatistics(q0, q0);
        double sumSquared = 0.0;
        for (double t : total) sumSquared += t * t;
        double q12 = (sumSquared - squares) / ((double) rows * (rows - 1) * features);
        return new InputStatistics(q0, Math.max(-q0, Math.min(q0, q12)));
    }

    /** c⁰ = q⁰₁₂/q⁰ (1 for all-zero inputs). */
    public double correlation() {
        return secondMoment > 0 ? crossMoment / secondMoment : 1.0;
    }
}
