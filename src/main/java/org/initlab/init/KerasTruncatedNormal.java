package org.initlab.init;

import org.initlab.catalog.Params;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras {@code TruncatedNormal(mean=0, stddev=0.05)}: N(mean, std²) with values more than two
 * std from the mean redrawn, i.e. restricted to [mean − 2·std, mean + 2·std] (relative bounds,
 * unlike PyTorch's absolute ones) and not rescaled, so its std is 0.87962566·std. Sampled by
 * the same inverse CDF as {@link TruncatedNormal}, which gives the same distribution as
 * redrawing.
 */
public record KerasTruncatedNormal(double mean, double std) implements ElementwiseInitializer {
    public static final String NAME = "keras_truncated_normal";

    public KerasTruncatedNormal {
        ParameterCheck.finite(NAME, "mean", mean);
        ParameterCheck.positive(NAME, "std", std);
    }

    static KerasTruncatedNormal from(Params p) {
        double mean = p.getDouble("mean", 0.0);
        double std = p.getDouble("std", 0.05);
        p.done();
        return new KerasTruncatedNormal(mean, std);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("mean", mean, "std", std); }

    @Override
    public void fill(float[] values, Fans fans, RandomGenerator rng) {
        TruncatedNormal.fill(values, mean, std, mean - 2 * std, mean + 2 * std, rng);
    }

    @Override public String formula() { return "N(mean, std²) restricted to mean ± 2·std, not rescaled"; }
}
