package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Glorot &amp; Bengio 2010 ("normalized initialization"): U(−a, a), a = gain·√(6/(fan_in+fan_out)),
 * variance gain²·2/(fan_in+fan_out). PyTorch {@code xavier_uniform_(gain=1)}, Keras
 * {@code GlorotUniform}, DL4J {@code XAVIER_UNIFORM}; DL4J's {@code SIGMOID_UNIFORM} is gain 4
 * (Glorot's suggestion for the logistic sigmoid). Preset of variance_scaling(gain², fan_avg, uniform).
 */
public record XavierUniform(double gain) implements Initializer {
    public static final String NAME = "xavier_uniform";

    public XavierUniform {
        ParameterCheck.positive(NAME, "gain", gain);
    }

    static XavierUniform from(Params p) {
        double gain = p.getDouble("gain", 1.0);
        p.done();
        return new XavierUniform(gain);
    }

    /** The same init as Keras's general form. */
    public VarianceScaling asVarianceScaling() {
        return new VarianceScaling(gain * gain, FanMode.FAN_AVG, VarianceScaling.Distribution.UNIFORM);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("gain", gain); }

    @Override public void initialize(Matrix w, RandomGenerator rng) { asVarianceScaling().initialize(w, rng); }

    @Override public String formula() { return "U(-a, a), a = gain·√(6/(fan_in+fan_out))"; }
}
