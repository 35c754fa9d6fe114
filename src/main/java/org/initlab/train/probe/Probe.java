package org.initlab.train.probe;

import org.initlab.train.RunView;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Something observed of a run as it trains: it says when it looks ({@link #moments}), what it
 * records and under what names ({@link #outputs}), and it looks through a {@link RunView}. A
 * probe never changes the run. One instance watches one run (it may keep state across steps);
 * {@link Probes} makes them.
 *
 * <p>At {@link Moment#INIT}, {@link Moment#EPOCH} and {@link Moment#END} the probe records values
 * through the {@link Observation} ({@link #observe}); at the step moments it may only update its
 * own state, allocating nothing (buffers belong in {@link #start}).
 */
public interface Probe {
    /** The probe's name in result.json's list of probes (snake_case). */
    String name();

    /** Its settings, recorded with its name: change them and the run's values change. */
    default Map<String, Object> settings() { return Map.of(); }

    /** When it looks. */
    Set<Moment> moments();

    /** What it records; the same whatever its settings. */
    List<Output<?>> outputs();

    /** Once, before anything is observed. */
    default void start(RunView run) {}

    /** At INIT, EPOCH or END ({@code o.moment()}): record values. */
    default void observe(Observation o) {}

    /** At AFTER_LOSS: {@code run.loss()} is the step's minibatch loss. */
    default void afterLoss(RunView run) {}

    /** At BEFORE_UPDATE: {@code run.weightGradients(l)} are the step's. */
    default void beforeUpdate(RunView run) {}

    /** At AFTER_UPDATE: the parameters are updated. */
    default void afterUpdate(RunView run) {}

    default ProbeDescription describe() {
        return new ProbeDescription(name(), settings());
    }
}
