package org.initlab.init;

import org.initlab.catalog.Params;

import java.util.Arrays;
import java.util.Map;
import java.util.random.RandomGenerator;

/** Every value {@code value} (PyTorch {@code constant_(val)}, Keras {@code Constant(value=0)}). */
public record Constant(double value) implements ElementwiseInitializer {
    public static final String NAME = "constant";

    public Constant {
        ParameterCheck.finite(NAME, "value", value);
    }

    static Constant from(Params p) {
        double value = p.getDouble("value", 0.0);
        p.done();
        return new Constant(value);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("value", value); }

    @Override public void fill(float[] values, Fans fans, RandomGenerator rng) { Arrays.fill(values, (float) value); }

    @Override public String formula() { return "value"; }
}
