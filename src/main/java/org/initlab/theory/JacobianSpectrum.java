package org.initlab.theory;

import java.util.Arrays;

/**
 * The singular values of a Jacobian at one input, largest first, with the summaries the theory
 * predicts: the mean squared singular value normalised as ‖J‖²_F/n_out (the mean of the
 * eigenvalues λ of JJᵀ, n_out of them) and the spread of λ. Pennington, Schoenholz &amp; Ganguli
 * 2017 call a network dynamically isometric when all singular values are near 1.
 *
 * @param singularValues σ₁ ≥ σ₂ ≥ … ≥ 0, min(n_in, n_out) of them
 * @param outputs        n_out, the number of rows of J (the normaliser of the mean square)
 */
public record JacobianSpectrum(double[] singularValues, int outputs) {
    public JacobianSpectrum {
        singularValues = singularValues.clone();
        Arrays.sort(singularValues);
        for (int i = 0, j = singularValues.length - 1; i < j; i++, j--) {
            double t = singularValues[i];
            singularValues[i] = singularValues[j];
            singularValues[j] = t;
        }
    }

    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /** ‖J‖²_F/n_out = Σσ²/n_out: what {@link Prediction#inputOutputJacobianMeanSquare()} predicts. */
    public double meanSquare() {
        double sum = 0.0;
        for (double s : singularValues) sum += s * s;
        return sum / outputs;
    }

    /** σ_max/σ_min (+∞ when σ_min = 0): 1 for an isometry. */
    public double conditionNumber() {
        double min = singularValues[singularValues.length - 1];
        return min == 0 ? Double.POSITIVE_INFINITY : singularValues[0] / min;
    }

    /**
     * The variance of λ = σ² over its squared mean (over the min(n_in, n_out) singular values):
     * what {@link Prediction#hiddenJacobianSpread()} predicts for a square J.
     */
    public double spread() {
        double m1 = 0.0;
        double m2 = 0.0;
        for (double s : singularValues) {
            double lambda = s * s;
            m1 += lambda;
            m2 += lambda * lambda;
        }
        m1 /= singularValues.length;
        m2 /= singularValues.length;
        return m1 == 0 ? 0.0 : m2 / (m1 * m1) - 1;
    }

    /** The σ below which a fraction {@code p} of the singular values lie (nearest rank). */
    public double quantile(double p) {
        int n = singularValues.length;
        int rank = (int) Math.ceil(p * n); // 1-based rank from the smallest
        rank = Math.max(1, Math.min(n, rank));
        return singularValues[n - rank];
    }
}
