package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.Params;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * U(a, b): values drawn independently and uniformly from [a, b], mean (a+b)/2, variance
 * (b−a)²/12. PyTorch {@code uniform_(a=0, b=1)}; Keras {@code RandomUniform(-0.05, 0.05)} is
 * the preset "random_uniform".
 */
public record Uniform(double a, double b) implements ElementwiseInitializer {
    public static final String NAME = "uniform";

    public Uniform {
        ParameterCheck.finite(NAME, "a", a);
        ParameterCheck.finite(NAME, "b", b);
        if (a > b) throw new UserError(NAME + ": needs a ≤ b, got a = " + a + ", b = " + b);
    }

    static Uniform from(Params p) {
        double a = p.getDouble("a", 0.0);
        double b = p.getDouble("b", 1.0);
        p.done();
        return new Uniform(a, b);
    }

    /** lo + (hi − lo)·u with u uniform on [0, 1), rounded to float and kept within [lo, hi]. */
    static void fill(float[] values, double lo, double hi, RandomGenerator rng) {
        double width = hi - lo;
        for (int i = 0; i < values.length; i++) values[i] = (float) Math.min(hi, lo + width * rng.nextDouble());
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("a", a, "b", b); }

    @Override public void fill(float[] values, Fans fans, RandomGenerator rng) { fill(values, a, b, rng); }

    @Override public String formula() { return "U(a, b)"; }
}
