package org.initlab.train.probe;

import org.initlab.data.Dataset;
import org.initlab.data.Split;

import java.util.Arrays;

/**
 * The fixed probe batch: the first {@code size} examples of the validation split (of the training
 * split when there is none), the same at every epoch record and in every run of a dataset, so that
 * what layers compute on it compares across epochs, seeds and initializers. Probes get it from
 * {@link Observation#probeBatch()}, which runs it forward at most once per record. Read only:
 * runs on one dataset may share it.
 */
public final class ProbeBatch {
    private final float[] x;
    private final int rows;

    private ProbeBatch(float[] x, int rows) {
        this.x = x;
        this.rows = rows;
    }

    public static ProbeBatch of(Dataset data, int size) {
        Split source = data.validation().size() > 0 ? data.validation() : data.train();
        int rows = Math.min(size, source.size());
        return new ProbeBatch(Arrays.copyOf(source.x(), rows * source.features()), rows);
    }

    /** Examples in the batch. */
    public int rows() { return rows; }

    /** The batch's inputs, rows × features: read only. */
    public float[] inputs() { return x; }
}
