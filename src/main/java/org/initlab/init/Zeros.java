package org.initlab.init;

import org.initlab.catalog.Params;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Every value 0 (PyTorch {@code zeros_}, Keras {@code Zeros}, DL4J {@code ZERO}). For weights
 * it makes all units of a layer identical, so gradient descent can never tell them apart: the
 * symmetry-breaking failure the study shows.
 */
public record Zeros() implements ElementwiseInitializer {
    public static final String NAME = "zeros";

    static Zeros from(Params p) {
        p.done();
        return new Zeros();
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return Map.of(); }

    @Override public void fill(float[] values, Fans fans, RandomGenerator rng) { Arrays.fill(values, 0f); }

    @Override public String formula() { return "0"; }
}
