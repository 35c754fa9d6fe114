package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.Params;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * N(mean, std²) restricted to [a, b], PyTorch {@code trunc_normal_(mean=0, std=1, a=-2, b=2)}
 * semantics: a and b are absolute values, not multiples of std, and the result's std is below
 * {@code std}. Sampled by inverse CDF as PyTorch does: p uniform on [Φ(α), Φ(β)] with
 * α = (a−mean)/std, β = (b−mean)/std, x = mean + std·Φ⁻¹(p), clamped to [a, b]. An interval
 * above the mean is sampled in its mirror image below it, where Φ keeps full relative precision.
 *
 * <p>Keras's TruncatedNormal (bounds mean ± 2·std) is {@link KerasTruncatedNormal}.
 */
public record TruncatedNormal(double mean, double std, double a, double b) implements ElementwiseInitializer {
    public static final String NAME = "trunc_normal";

    public TruncatedNormal {
        ParameterCheck.finite(NAME, "mean", mean);
        ParameterCheck.positive(NAME, "std", std);
        ParameterCheck.finite(NAME, "a", a);
        ParameterCheck.finite(NAME, "b", b);
        if (!(a < b)) throw new UserError(NAME + ": needs a < b, got a = " + a + ", b = " + b);
        if (mass(mean, std, a, b) <= 0) {
            throw new UserError(NAME + ": [a, b] = [" + a + ", " + b + "] lies so far in the tail of N(" + mean + ", " + std
                    + "²) that it holds no probability in double precision; move the bounds toward the mean or raise std");
        }
    }

    static TruncatedNormal from(Params p) {
        double mean = p.getDouble("mean", 0.0);
        double std = p.getDouble("std", 1.0);
        double a = p.getDouble("a", -2.0);
        double b = p.getDouble("b", 2.0);
        p.done();
        return new TruncatedNormal(mean, std, a, b);
    }

    /** Fills {@code values} with N(mean, std²) truncated to [a, b] by inverse CDF. */
    static void fill(float[] values, double mean, double std, double a, double b, RandomGenerator rng) {
        double alpha = (a - mean) / std;
        double beta = (b - mean) / std;
        boolean mirror = alpha + beta > 0;
        double lo = StandardNormal.cdf(mirror ? -beta : alpha);
        double hi = StandardNormal.cdf(mirror ? -alpha : beta);
        double sign = mirror ? -std : std;
        for (int i = 0; i < values.length; i++) {
            double p = lo + (hi - lo) * rng.nextDouble();
            double x = mean + sign * StandardNormal.quantile(p);
            values[i] = (float) Math.min(b, Math.max(a, x));
        }
    }

    /** P(a ≤ X ≤ b) for X ~ N(mean, std²), computed on the side where Φ is precise. */
    static double mass(double mean, double std, double a, double b) {
        double alpha = (a - mean) / std;
        double beta = (b - mean) / std;
        return alpha + beta > 0
                ? StandardNormal.cdf(-alpha) - StandardNormal.cdf(-beta)
                : StandardNormal.cdf(beta) - StandardNormal.cdf(alpha);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("a", a, "b", b, "mean", mean, "std", std); }

    @Override public void fill(float[] values, Fans fans, RandomGenerator rng) { fill(values, mean, std, a, b, rng); }

    @Override public String formula() { return "N(mean, std²) restricted to [a, b] (absolute bounds), by inverse CDF"; }
}
