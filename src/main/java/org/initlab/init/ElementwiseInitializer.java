package org.initlab.init;

import org.initlab.math.Matrix;

import java.util.random.RandomGenerator;

/**
 * An initializer that draws every value independently from one distribution (which may depend
 * on the fans): it serves weights and biases alike.
 */
interface ElementwiseInitializer extends Initializer, BiasInitializer {
    /** Fills {@code values} for a layer with fans {@code fans}. */
    void fill(float[] values, Fans fans, RandomGenerator rng);

    @Override
    default void initialize(Matrix w, RandomGenerator rng) {
        fill(w.data(), Fans.of(w), rng);
    }

    @Override
    default void initialize(float[] b, int fanIn, int fanOut, RandomGenerator rng) {
        fill(b, new Fans(fanIn, fanOut), rng);
    }
}
