package org.initlab.init;

import java.util.Map;
import java.util.random.RandomGenerator;

/** A bias initializer: fills a layer's bias vector, given the layer's fans. Stateless and immutable. */
public interface BiasInitializer {
    /** The canonical catalogue name, whatever alias the user wrote. */
    String name();

    /** Every parameter with its resolved value (defaults included), sorted by name. */
    Map<String, Object> params();

    /** Fills {@code b} (usually of length fanOut), drawing from {@code rng} only. */
    void initialize(float[] b, int fanIn, int fanOut, RandomGenerator rng);

    /** The definition in one line. */
    String formula();
}
