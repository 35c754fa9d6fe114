package org.initlab.data;

import static org.initlab.math.ArrayBytes.floats;
import static org.initlab.math.ArrayBytes.ints;

/**
 * What a dataset holds and the heap it takes, for estimates of time and memory before a study
 * starts: exact for a catalogue dataset (its sizes are in the catalogue) and for a loaded one;
 * for a path dataset not yet read, the bytes come from its files' sizes and the shape is assumed
 * to be MNIST's ({@link #exact} false).
 *
 * @param features     values per example
 * @param classes      the output layer's width
 * @param training     examples of the training set (the train and validation splits together)
 * @param test         examples of the test set
 * @param bytes        heap the loaded splits hold while the study runs
 * @param loadingBytes heap the files' contents take while they are read, on top of {@code bytes}
 *                     and dropped once the splits are built
 */
public record DatasetShape(int features, int classes, int training, int test, long bytes, long loadingBytes, boolean exact) {
    /** A catalogue dataset's, from the catalogue alone. */
    public static DatasetShape catalogue(String name) {
        DatasetSpec d = DatasetLoader.catalogueSpec(name);
        int f = DatasetCatalogue.FEATURES;
        long examples = (long) d.trainSize() + d.testSize();
        // IDX: a byte per pixel and per label; the pickle: float32 pixels and int64 labels
        long contents = d.format() == Format.PICKLE ? examples * (4L * f + 8) : examples * (f + 1L);
        return new DatasetShape(f, d.classes(), d.trainSize(), d.testSize(), splitBytes(d.trainSize(), d.testSize(), f), contents, true);
    }

    /** A loaded dataset's. */
    public static DatasetShape of(Dataset d) {
        return new DatasetShape(d.features(), d.classes(), d.train().size() + d.validation().size(), d.test().size(),
                footprint(d.train()) + footprint(d.validation()) + footprint(d.test()), 0, true);
    }

    /**
     * A path dataset not yet read, from the decompressed sizes of its files: IDX holds a byte per
     * pixel, which becomes a float; a CSV line holds at least two characters ("0,") per value;
     * the pickle holds float32 pixels already. Its shape is taken as MNIST's (784 features,
     * {@code classes} or 10 classes, 60,000 + 10,000 examples) until it is read.
     */
    static DatasetShape files(Format format, long contentBytes, Integer classes) {
        long held = switch (format) {
            case IDX -> 4 * contentBytes;
            case CSV -> 2 * contentBytes;
            case PICKLE -> contentBytes;
        };
        // reading a CSV file holds its text, then its pixels as bytes (twice, while they are copied out)
        long loading = format == Format.CSV ? 2 * contentBytes : contentBytes;
        return new DatasetShape(DatasetCatalogue.FEATURES, classes != null ? classes : 10, 60_000, 10_000, held, loading, false);
    }

    private static long splitBytes(int training, int test, int features) {
        // train and validation split the training set: two array headers more than one split
        return floats((long) training * features) + ints(training) + floats(0) + ints(0) + floats((long) test * features) + ints(test);
    }

    private static long footprint(Split s) {
        return floats(s.x().length) + ints(s.y().length);
    }
}
