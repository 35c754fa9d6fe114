package org.initlab.data;

import java.util.Objects;

/**
 * One part of a dataset (train, validation or test): {@code size} examples of {@code features}
 * values each, stored row-major in {@code x}, with their class labels in {@code y}.
 *
 * <p>The arrays are shared by every run that uses the dataset: read-only by convention, never
 * written to.
 */
public record Split(String name, int size, int features, float[] x, int[] y) {
    public Split {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        if (size < 0 || features <= 0) throw new IllegalArgumentException("bad split shape " + size + "×" + features);
        if ((long) size * features != x.length) {
            throw new IllegalArgumentException(name + ": x has " + x.length + " values, expected " + size + "×" + features);
        }
        if (y.length != size) throw new IllegalArgumentException(name + ": y has " + y.length + " labels, expected " + size);
    }

    /** How many examples of each class 0..classes-1 this split holds. */
    public int[] classCounts(int classes) {
        int[] counts = new int[classes];
        for (int label : y) counts[label]++;
        return counts;
    }

    /** Bytes held by the two arrays. */
    public long footprintBytes() {
        return 4L * x.length + 4L * y.length;
    }
}
