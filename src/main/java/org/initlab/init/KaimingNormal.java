package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * He et al. 2015: N(0, σ²), σ = gain/√n, gain = {@link Gain#of}(nonlinearity, a), n = fan_in or
 * fan_out, untruncated as in the paper, PyTorch {@code kaiming_normal_(a=0, mode='fan_in',
 * nonlinearity='leaky_relu')} and DL4J {@code RELU}. Keras's {@code HeNormal} truncates at ±2σ
 * (same variance 2/fan_in): the preset "keras_he_normal" = variance_scaling(2, fan_in, truncated_normal).
 * Preset of variance_scaling(gain², mode, untruncated_normal).
 *
 * <p>{@code a} is leaky_relu's negative slope; a nonzero {@code a} with another nonlinearity is
 * an error (PyTorch silently ignores it).
 */
public record KaimingNormal(double a, FanMode mode, String nonlinearity) implements Initializer {
    public static final String NAME = "kaiming_normal";

    public KaimingNormal {
        nonlinearity = check(NAME, a, mode, nonlinearity);
    }

    static KaimingNormal from(Params p) {
        double a = p.getDouble("a", 0.0);
        FanMode mode = FanMode.of(p.getChoice("mode", "fan_in", KaimingUniform.MODES));
        String nonlinearity = p.getChoice("nonlinearity", "leaky_relu", Gain.NONLINEARITIES);
        p.done();
        return new KaimingNormal(a, mode, nonlinearity);
    }

    /** Validates the parameters and returns the nonlinearity's canonical (lower-case) spelling. */
    static String check(String name, double a, FanMode mode, String nonlinearity) {
        ParameterCheck.finite(name, "a", a);
        if (mode != FanMode.FAN_IN && mode != FanMode.FAN_OUT) {
            throw new UserError(name + ": mode must be fan_in or fan_out, got " + (mode == null ? "none" : mode.label()));
        }
        Gain.of(nonlinearity, a);
        String canonical = Gain.canonical(nonlinearity);
        if (a != 0.0 && !canonical.equals("leaky_relu")) {
            throw new UserError(name + ": parameter 'a' (the negative slope) applies only to nonlinearity leaky_relu, got a = "
                    + a + " with " + canonical + "; drop 'a' or use leaky_relu");
        }
        return canonical;
    }

    public double gain() { return Gain.of(nonlinearity, a); }

    /** The same init as Keras's general form. */
    public VarianceScaling asVarianceScaling() {
        double gain = gain();
        return new VarianceScaling(gain * gain, mode, VarianceScaling.Distribution.UNTRUNCATED_NORMAL);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("a", a, "mode", mode.label(), "nonlinearity", nonlinearity); }

    @Override public void initialize(Matrix w, RandomGenerator rng) { asVarianceScaling().initialize(w, rng); }

    @Override public String formula() { return "N(0, σ²), σ = gain/√" + mode.label() + ", gain = calculate_gain(nonlinearity, a), untruncated"; }
}
