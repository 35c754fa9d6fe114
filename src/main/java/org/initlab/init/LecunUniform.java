package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * LeCun et al. 1998 ("Efficient BackProp") variance 1/fan_in with a uniform: U(−a, a),
 * a = √(3/fan_in), as Keras {@code LecunUniform}. DL4J's {@code LECUN_UNIFORM} uses
 * a = 3/√fan_in (variance 3/fan_in, three times larger, apparently a slip); here the name
 * follows Keras, and DL4J's behaviour is the preset "dl4j_lecun_uniform" = variance_scaling(3, fan_in, uniform).
 * Preset of variance_scaling(1, fan_in, uniform).
 */
public record LecunUniform() implements Initializer {
    public static final String NAME = "lecun_uniform";

    static LecunUniform from(Params p) {
        p.done();
        return new LecunUniform();
    }

    /** The same init as Keras's general form. */
    public VarianceScaling asVarianceScaling() {
        return new VarianceScaling(1.0, FanMode.FAN_IN, VarianceScaling.Distribution.UNIFORM);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return Map.of(); }

    @Override public void initialize(Matrix w, RandomGenerator rng) { asVarianceScaling().initialize(w, rng); }

    @Override public String formula() { return "U(-a, a), a = √(3/fan_in)"; }
}
