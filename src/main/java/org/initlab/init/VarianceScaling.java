package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Keras {@code VarianceScaling(scale=1, mode='fan_in', distribution='truncated_normal')}: values
 * with variance scale/n, n = max(1, fan) for the chosen fan mode (fan_avg = (fan_in+fan_out)/2).
 * <ul>
 *   <li>truncated_normal: N(0, σ²) restricted to ±2σ, σ = √(scale/n) / 0.87962566103423978. The
 *       constant is the std of a unit normal truncated to (−2, 2), so the variance after
 *       truncation is exactly scale/n;</li>
 *   <li>untruncated_normal: N(0, scale/n);</li>
 *   <li>uniform: U(−limit, limit), limit = √(3·scale/n).</li>
 * </ul>
 * Source: keras/src/initializers/random_initializers.py. Keras silently reads 'normal' as
 * truncated_normal; here 'normal' is not accepted, since it is ambiguous. Every fan-scaled named initializer
 * (Xavier/Glorot, Kaiming/He, LeCun, critical) is a preset of this one and samples through it.
 *
 * <p>DL4J's VAR_SCALING_NORMAL_* draw untruncated normals (its source says "needs to be
 * truncated normal to match keras") and its VAR_SCALING_UNIFORM_* use limit 3/√n, i.e. scale 3;
 * here the names follow Keras, and DL4J's behaviour is kept as the dl4j_var_scaling_* presets.
 */
public record VarianceScaling(double scale, FanMode mode, Distribution distribution) implements Initializer {
    public static final String NAME = "variance_scaling";
    /** std of N(0, 1) truncated to (−2, 2): √(1 − 4φ(2)/(2Φ(2) − 1)), as scipy.stats.truncnorm.std(−2, 2). */
    public static final double TRUNCATED_UNIT_STD = 0.87962566103423978;

    /** How values are drawn. */
    public enum Distribution {
        TRUNCATED_NORMAL("truncated_normal"), UNTRUNCATED_NORMAL("untruncated_normal"), UNIFORM("uniform");

        public static final List<String> LABELS = List.of("truncated_normal", "untruncated_normal", "uniform");
        private final String label;

        Distribution(String label) { this.label = label; }

        public String label() { return label; }

        static Distribution of(String label) {
            return org.initlab.catalog.Spelling.choose("distribution", label, List.of(values()), Distribution::label);
        }
    }

    public VarianceScaling {
        ParameterCheck.positive(NAME, "scale", scale);
        if (mode == null || distribution == null) throw new IllegalArgumentException("mode and distribution are required");
    }

    static VarianceScaling from(Params p) {
        double scale = p.getDouble("scale", 1.0);
        FanMode mode = FanMode.of(p.getChoice("mode", "fan_in", FanMode.LABELS));
        Distribution distribution = Distribution.of(p.getChoice("distribution", "truncated_normal", Distribution.LABELS));
        p.done();
        return new VarianceScaling(scale, mode, distribution);
    }

    /** The variance of the values drawn for a layer with these fans (after truncation): scale/n. */
    public double variance(Fans fans) {
        return scale / fans.of(mode);
    }

    /** The standard deviation of the values drawn for a layer with these fans (after truncation). */
    public double std(Fans fans) {
        return Math.sqrt(variance(fans));
    }

    @Override
    public void initialize(Matrix w, RandomGenerator rng) {
        double variance = variance(Fans.of(w));
        float[] values = w.data();
        switch (distribution) {
            case TRUNCATED_NORMAL -> {
                double sigma = Math.sqrt(variance) / TRUNCATED_UNIT_STD;
                TruncatedNormal.fill(values, 0.0, sigma, -2 * sigma, 2 * sigma, rng);
            }
            case UNTRUNCATED_NORMAL -> Normal.fill(values, 0.0, Math.sqrt(variance), rng);
            case UNIFORM -> {
                double limit = Math.sqrt(3 * variance);
                Uniform.fill(values, -limit, limit, rng);
            }
        }
    }

    @Override public String name() { return NAME; }

    @Override
    public Map<String, Object> params() {
        return CanonicalParams.of("distribution", distribution.label(), "mode", mode.label(), "scale", scale);
    }

    @Override
    public String formula() {
        return switch (distribution) {
            case TRUNCATED_NORMAL -> "N(0, σ²) on ±2σ, σ = √(scale/n)/0.87962566 (variance scale/n), n = " + mode.label();
            case UNTRUNCATED_NORMAL -> "N(0, scale/n), n = " + mode.label();
            case UNIFORM -> "U(-a, a), a = √(3·scale/n), n = " + mode.label();
        };
    }
}
