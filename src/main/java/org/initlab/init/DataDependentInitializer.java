package org.initlab.init;

/**
 * A data-dependent initializer (LSUV): {@link #initialize} gives every layer its base
 * initialization first; once the whole network is built, {@link #refine} adjusts the weights
 * using the network's probe batch.
 */
public interface DataDependentInitializer extends Initializer {
    /** Rescales the network's weights in place, layer by layer from the input side. */
    void refine(LayerwiseNetwork net);
}
