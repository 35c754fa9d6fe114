package org.initlab.train;

/** Hears how a run is going (for live progress); must not change anything. */
public interface RunListener {
    /** Called every few steps during an epoch. */
    default void progress(int epoch, int epochs, long stepInEpoch, long stepsPerEpoch) {}

    /** Called after each epoch's record is complete (epoch 0 = initialisation). */
    default void epochFinished(EpochRecord record, int epochs) {}

    RunListener NONE = new RunListener() {};
}
