package org.initlab.train;

/**
 * How a run is evaluated.
 *
 * @param validationEachEpoch evaluate the validation split after every epoch (and at init)
 * @param testEachEpoch       evaluate the test split after every epoch (and at init); when false
 *                            the test split is evaluated once, after training
 * @param batchSize           rows per evaluation batch, or {@link #TRAINING_BATCH} for "the run's
 *                            training batch size" until {@link #forTrainingBatch} resolves it
 * @param aggregation         how per-batch losses become one number
 */
public record Evaluation(boolean validationEachEpoch, boolean testEachEpoch, int batchSize, Aggregation aggregation) {
    /** Evaluate in batches of the training batch size (the original notebook's loaders). */
    public static final int TRAINING_BATCH = 0;

    public Evaluation {
        if (batchSize < 0) throw new IllegalArgumentException("evaluation batch size must be positive");
    }

    /** This evaluation for a run trained in batches of {@code trainingBatch}. */
    public Evaluation forTrainingBatch(int trainingBatch) {
        return batchSize == TRAINING_BATCH ? new Evaluation(validationEachEpoch, testEachEpoch, trainingBatch, aggregation) : this;
    }

    /** Validation and test after every epoch, the exact mean over examples. */
    public static Evaluation standard() {
        return new Evaluation(true, true, 1000, Aggregation.EXAMPLE_MEAN);
    }

    public enum Aggregation {
        /** Σ per-example losses / n: the loss of the whole split. */
        EXAMPLE_MEAN,
        /** Mean over batches of each batch's mean loss, as the original notebook computed it
         *  (differs from the example mean when the last batch is smaller). */
        BATCH_MEAN
    }
}
