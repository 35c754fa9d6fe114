package org.initlab.init;

import org.initlab.catalog.Params;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * N(mean, std²), untruncated. PyTorch {@code normal_(mean=0, std=1)}; Keras
 * {@code RandomNormal(0, 0.05)} is the preset "random_normal". Deviates come from the
 * generator's {@code nextGaussian()} (the JDK's modified ziggurat).
 */
public record Normal(double mean, double std) implements ElementwiseInitializer {
    public static final String NAME = "normal";

    public Normal {
        ParameterCheck.finite(NAME, "mean", mean);
        ParameterCheck.nonNegative(NAME, "std", std);
    }

    static Normal from(Params p) {
        double mean = p.getDouble("mean", 0.0);
        double std = p.getDouble("std", 1.0);
        p.done();
        return new Normal(mean, std);
    }

    static void fill(float[] values, double mean, double std, RandomGenerator rng) {
        for (int i = 0; i < values.length; i++) values[i] = (float) (mean + std * rng.nextGaussian());
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("mean", mean, "std", std); }

    @Override public void fill(float[] values, Fans fans, RandomGenerator rng) { fill(values, mean, std, rng); }

    @Override public String formula() { return "N(mean, std²)"; }
}
