package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * LeCun et al. 1998 variance with a Gaussian: N(0, 1/fan_in), untruncated, as in Klambauer et
 * al. 2017 (SELU's self-normalizing init), PyTorch's {@code kaiming_normal_(nonlinearity='linear')}
 * and DL4J {@code LECUN_NORMAL} / {@code NORMAL} / {@code XAVIER_FAN_IN}. Keras's {@code LecunNormal}
 * truncates at ±2σ (same variance): the preset "keras_lecun_normal" = variance_scaling(1, fan_in, truncated_normal).
 * Preset of variance_scaling(1, fan_in, untruncated_normal).
 */
public record LecunNormal() implements Initializer {
    public static final String NAME = "lecun_normal";

    static LecunNormal from(Params p) {
        p.done();
        return new LecunNormal();
    }

    /** The same init as Keras's general form. */
    public VarianceScaling asVarianceScaling() {
        return new VarianceScaling(1.0, FanMode.FAN_IN, VarianceScaling.Distribution.UNTRUNCATED_NORMAL);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return Map.of(); }

    @Override public void initialize(Matrix w, RandomGenerator rng) { asVarianceScaling().initialize(w, rng); }

    @Override public String formula() { return "N(0, 1/fan_in), untruncated"; }
}
