package org.initlab.train;

/** Hears how a run is going (for live progress) and may ask it to stop; must not change anything else. */
public interface RunListener {
    /** Called every few steps during an epoch. */
    default void progress(int epoch, int epochs, long stepInEpoch, long stepsPerEpoch) {}

    /** Called after each epoch's record is complete (epoch 0 = initialisation). */
    default void epochFinished(EpochRecord record, int epochs) {}

    /** Asked before every step: true abandons the run (the trainer throws CancellationException). */
    default boolean cancelled() { return false; }

    RunListener NONE = new RunListener() {};
}
