package org.initlab.theory;

/**
 * What mean-field theory needs to know of an initialized weight matrix or bias vector: the mean
 * and variance of one entry (drawn at a uniformly chosen position, over the initializer's
 * randomness, before rounding to float) and how the entries hang together.
 *
 * <p>For a weight of fan_in rows, σ_w² = fan_in·variance is the paper's weight scale
 * (W ~ N(0, σ_w²/fan_in) in Poole et al. 2016); the pre-activation second moment then obeys
 * q^l = σ_w²·E[φ(z^(l−1))²] + σ_b² whenever the mean is 0 and the structure is
 * {@link Structure#INDEPENDENT} or {@link Structure#ORTHOGONAL}: see {@link #meanFieldApplies()}.
 *
 * @param mean      E[entry]
 * @param variance  Var[entry]
 * @param structure how the entries depend on each other
 * @param note      what the theory can and cannot say for this initializer (empty when nothing to add)
 */
public record EntryDistribution(double mean, double variance, Structure structure, String note) {
    /** How the entries of one matrix depend on each other. */
    public enum Structure {
        /** Independent entries of one law (normal, uniform, truncated normal, sparse): Marchenko–Pastur spectra. */
        INDEPENDENT,
        /** gain·Q, Q Haar-distributed with orthonormal rows or columns: every singular value is the gain. */
        ORTHOGONAL,
        /** Every entry the same constant (zeros, ones, constant): no randomness at all. */
        CONSTANT,
        /** gain·I, rectangular allowed: each unit copies one input. */
        IDENTITY,
        /** Set from the data at init (LSUV): the scale is known only after refinement. */
        DATA_DEPENDENT,
        /** An initializer this class has no formula for. */
        UNKNOWN
    }

    public EntryDistribution {
        if (structure == null) throw new IllegalArgumentException("structure is required");
        note = note == null ? "" : note;
    }

    /** σ_w² = fan_in·Var(W): the mean-field weight scale of a layer with {@code fanIn} inputs. */
    public double sigmaW2(int fanIn) {
        return fanIn * variance;
    }

    /**
     * Whether the Gaussian mean-field recursion holds for weights drawn this way: zero mean, a
     * known variance, and either independent entries or a Haar-orthogonal matrix (whose
     * pre-activations are Gaussian in the wide limit with the same σ_w², Pennington et al. 2017
     * §2). All-zero weights qualify (the recursion then gives the bias variance, exactly).
     * Biases need only a finite mean and variance: every unit gets its own independent draw.
     */
    public boolean meanFieldApplies() {
        boolean knownScale = Double.isFinite(variance) && Double.isFinite(mean);
        return switch (structure) {
            case INDEPENDENT, ORTHOGONAL -> knownScale && mean == 0.0;
            case CONSTANT -> mean == 0.0;
            case IDENTITY, DATA_DEPENDENT, UNKNOWN -> false;
        };
    }

    /** Mean and variance of measured values (two passes in double), for weights whose law is known only after the fact (LSUV). */
    public static EntryDistribution measured(float[] values, Structure structure) {
        if (values.length == 0) return new EntryDistribution(0.0, 0.0, structure, "measured on no values");
        double sum = 0.0;
        for (float v : values) sum += v;
        double mean = sum / values.length;
        double squares = 0.0;
        for (float v : values) squares += (v - mean) * (v - mean);
        return new EntryDistribution(mean, squares / values.length, structure, "measured on the initialized values");
    }
}
