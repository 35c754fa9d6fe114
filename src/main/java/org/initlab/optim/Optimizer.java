package org.initlab.optim;

/**
 * An optimizer bound to its parameters (see {@link OptimizerSpec#bind}). It holds the state
 * buffers (momentum, moment estimates, accumulators) and is not thread-safe: one run, one thread.
 */
public interface Optimizer {
    /** Updates every bound parameter's values from its current gradient; allocates nothing. */
    void step();

    /** How many times {@link #step()} has run (PyTorch's {@code state['step']}). */
    long steps();
}
