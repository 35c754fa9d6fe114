package org.initlab.data;

import java.util.Objects;

/**
 * A loaded dataset: the training split a model learns from, the validation split used for every
 * choice made during a study (epochs, hyper-parameters, ranking), and the test split, reported
 * once and never used for selection. Loaded once and shared read-only by concurrent runs.
 *
 * @param classes labels lie in 0..classes-1
 * @param source  where it came from and how it was prepared, as a run records it
 */
public record Dataset(String name, int classes, Split train, Split validation, Split test, DatasetSource source) {
    public Dataset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(validation, "validation");
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(source, "source");
        if (train.features() != test.features() || validation.features() != train.features()) {
            throw new IllegalArgumentException("splits of " + name + " have different feature counts");
        }
    }

    /** Features per example (784 for 28×28 images, flattened). */
    public int features() {
        return train.features();
    }

    /** Bytes held by all three splits. */
    public long footprintBytes() {
        return train.footprintBytes() + validation.footprintBytes() + test.footprintBytes();
    }
}
