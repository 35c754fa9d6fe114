package org.initlab.study;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetCatalogue;

import java.util.Optional;

/**
 * The examples a run trains on: the dataset's training set minus the validation examples held
 * out of its end. A training batch cannot be larger: the trainer would take one short batch per
 * epoch and the batch size the study compares would not be the one that ran.
 *
 * @param why how the size comes about, for messages ("mnist's 60,000 training examples minus 10,000 for validation")
 */
public record TrainingSplit(int size, String why) {
    /** A catalogue dataset's, known before reading it; empty for a path dataset. */
    public static Optional<TrainingSplit> before(StudySpec.DataChoice c) {
        return DatasetCatalogue.find(c.dataset()).map(d -> of(d.name(), d.trainSize(), c.validationSize()));
    }

    /** A loaded dataset's. */
    public static TrainingSplit of(Dataset d) {
        return of(d.name(), d.train().size() + d.validation().size(), d.validation().size());
    }

    private static TrainingSplit of(String name, int training, int validation) {
        return new TrainingSplit(training - validation, name + "'s " + String.format("%,d", training) + " training examples minus "
                + String.format("%,d", validation) + " for validation");
    }

    /** Null when batches of {@code batch} fit, else what is wrong and what would fit. */
    public String tooSmallFor(int batch) {
        return batch <= size ? null : batch + " is more than the " + String.format("%,d", size) + " examples of the training split ("
                + why + "); use at most " + String.format("%,d", size);
    }
}
