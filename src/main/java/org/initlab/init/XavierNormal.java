package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Glorot &amp; Bengio 2010 variance with a Gaussian: N(0, σ²), σ = gain·√(2/(fan_in+fan_out)),
 * untruncated as PyTorch {@code xavier_normal_(gain=1)} and DL4J {@code XAVIER}. Keras's
 * {@code GlorotNormal} truncates at ±2σ (same variance, no tails): that is the preset
 * "keras_glorot_normal" = variance_scaling(1, fan_avg, truncated_normal). DL4J's
 * {@code XAVIER_LEGACY}, N(0, 1/(fan_in+fan_out)), is gain √½.
 * Preset of variance_scaling(gain², fan_avg, untruncated_normal).
 */
public record XavierNormal(double gain) implements Initializer {
    public static final String NAME = "xavier_normal";

    public XavierNormal {
        ParameterCheck.positive(NAME, "gain", gain);
    }

    static XavierNormal from(Params p) {
        double gain = p.getDouble("gain", 1.0);
        p.done();
        return new XavierNormal(gain);
    }

    /** The same init as Keras's general form. */
    public VarianceScaling asVarianceScaling() {
        return new VarianceScaling(gain * gain, FanMode.FAN_AVG, VarianceScaling.Distribution.UNTRUNCATED_NORMAL);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("gain", gain); }

    @Override public void initialize(Matrix w, RandomGenerator rng) { asVarianceScaling().initialize(w, rng); }

    @Override public String formula() { return "N(0, σ²), σ = gain·√(2/(fan_in+fan_out)), untruncated"; }
}
