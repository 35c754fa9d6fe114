package org.initlab.init;

import org.initlab.catalog.Params;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Every value 1 (PyTorch {@code ones_}, Keras {@code Ones}, DL4J {@code ONES}). */
public record Ones() implements ElementwiseInitializer {
    public static final String NAME = "ones";

    static Ones from(Params p) {
        p.done();
        return new Ones();
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return Map.of(); }

    @Override public void fill(float[] values, Fans fans, RandomGenerator rng) { Arrays.fill(values, 1f); }

    @Override public String formula() { return "1"; }
}
