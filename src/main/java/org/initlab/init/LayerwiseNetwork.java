package org.initlab.init;

import org.initlab.math.Matrix;

/** What a data-dependent initializer needs of a feed-forward network. */
public interface LayerwiseNetwork {
    /** The number of weight layers. */
    int layerCount();

    /**
     * The live weight of layer {@code layer} (0 = the first hidden layer), fan_in × fan_out:
     * not a copy, since the initializer rescales it in place.
     */
    Matrix weight(int layer);

    /**
     * Runs the network's fixed probe batch forward through layers 0..{@code layer} with the
     * current weights and returns layer {@code layer}'s pre-activation output X·W + b (batch ×
     * fan_out values in any order), before its nonlinearity. Pre-activation is what LSUV
     * normalizes (Mishkin &amp; Matas 2016 scale the output of each convolution / inner-product
     * layer), and it is the quantity the W ← W/√Var step acts on directly.
     */
    float[] forwardTo(int layer);
}
