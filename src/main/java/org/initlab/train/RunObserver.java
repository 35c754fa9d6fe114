package org.initlab.train;

import java.util.List;

/**
 * Watches a run as the trainer trains it, through a {@link RunView}, and says what to record.
 * The trainer calls it at fixed points of its loop and knows nothing else about it; the probes
 * ({@code org.initlab.train.probe.ProbeSet}) are the observer of a study's runs. An observer must
 * not change the run: it reads the view, and the step hooks allocate nothing.
 */
public interface RunObserver {
    /** The largest batch the observer runs forward at once: the network is sized for it. */
    default int forwardRows() { return 0; }

    /** Once, after initialisation, before anything else: allocate what the step hooks need. */
    default void start(RunView run) {}

    /** Every step, right after the minibatch loss (which may not be finite: the run then ends). */
    default void afterLoss(RunView run) {}

    /** Every step with a finite loss, after backward: the gradients are this step's, the parameters not yet updated. */
    default void beforeUpdate(RunView run) {}

    /** Every step with a finite loss, after the optimizer's update. */
    default void afterUpdate(RunView run) {}

    /**
     * At every epoch record: at initialisation (epoch 0) and after each epoch. {@code last}: the
     * run's last record (after its last epoch, or where it diverged).
     */
    default Observations observe(RunView run, boolean last) { return Observations.NONE; }

    RunObserver NONE = new RunObserver() {};

    /** What an observer recorded at an epoch record: run-level values, and values per layer (by index). */
    record Observations(NamedValues run, List<NamedValues> layers) {
        public static final Observations NONE = new Observations(NamedValues.NONE, List.of());

        public Observations {
            layers = List.copyOf(layers);
        }

        public NamedValues layer(int l) {
            return l < layers.size() ? layers.get(l) : NamedValues.NONE;
        }
    }
}
