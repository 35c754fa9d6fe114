package org.initlab.report.model;

import java.util.Arrays;

/**
 * How soon a threshold was reached, over the seeds that followed it (completed runs with the
 * metric measured every epoch): the first epoch at or above it per seed, NaN for a seed that never
 * did. A count of epochs is small, discrete and often censored (a seed that never gets there), so
 * it is summarised by its median and range, not a mean and t interval: the median counts a seed
 * that never reached it as later than any that did (it is ∞ when half or more never did), the range
 * is over the seeds that reached it.
 *
 * @param first per followed seed, the first epoch reaching the threshold (NaN: never)
 */
public record Reach(double[] first) {
    public Reach {
        first = first.clone();
    }

    public static final Reach NOT_FOLLOWED = new Reach(new double[0]);

    /** Seeds that followed the metric per epoch. */
    public int seeds() {
        return first.length;
    }

    /** Seeds that reached the threshold. */
    public int reached() {
        return (int) Arrays.stream(first).filter(Double::isFinite).count();
    }

    public boolean never() {
        return reached() == 0;
    }

    /** The median first epoch, a seed that never reached it counting as ∞: NaN when not followed, ∞ when half or more never did. */
    public double median() {
        int n = first.length;
        if (n == 0) return Double.NaN;
        double[] v = Arrays.stream(first).map(x -> Double.isFinite(x) ? x : Double.POSITIVE_INFINITY).sorted().toArray();
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    /** The earliest first epoch of the seeds that reached it (NaN if none). */
    public double min() {
        return Arrays.stream(first).filter(Double::isFinite).min().orElse(Double.NaN);
    }

    /** The latest first epoch of the seeds that reached it (NaN if none). */
    public double max() {
        return Arrays.stream(first).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reach r && Arrays.equals(first, r.first);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(first);
    }

    @Override
    public String toString() {
        return "Reach" + Arrays.toString(first);
    }
}
