package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * He et al. 2015: U(−b, b), b = gain·√(3/n), variance gain²/n, gain = {@link Gain#of}(nonlinearity, a),
 * n = fan_in or fan_out. PyTorch {@code kaiming_uniform_(a=0, mode='fan_in', nonlinearity='leaky_relu')}
 * (so by default gain √2 and b = √(6/fan_in)), Keras {@code HeUniform}, DL4J {@code RELU_UNIFORM}.
 * Preset of variance_scaling(gain², mode, uniform).
 *
 * <p>{@code a} is leaky_relu's negative slope; PyTorch ignores it for other nonlinearities, and
 * here a nonzero {@code a} with another nonlinearity is an error, so that one init has one spelling.
 */
public record KaimingUniform(double a, FanMode mode, String nonlinearity) implements Initializer {
    public static final String NAME = "kaiming_uniform";
    static final List<String> MODES = List.of("fan_in", "fan_out");

    public KaimingUniform {
        nonlinearity = KaimingNormal.check(NAME, a, mode, nonlinearity);
    }

    static KaimingUniform from(Params p) {
        double a = p.getDouble("a", 0.0);
        FanMode mode = FanMode.of(p.getChoice("mode", "fan_in", MODES));
        String nonlinearity = p.getChoice("nonlinearity", "leaky_relu", Gain.NONLINEARITIES);
        p.done();
        return new KaimingUniform(a, mode, nonlinearity);
    }

    public double gain() { return Gain.of(nonlinearity, a); }

    /** The same init as Keras's general form. */
    public VarianceScaling asVarianceScaling() {
        double gain = gain();
        return new VarianceScaling(gain * gain, mode, VarianceScaling.Distribution.UNIFORM);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("a", a, "mode", mode.label(), "nonlinearity", nonlinearity); }

    @Override public void initialize(Matrix w, RandomGenerator rng) { asVarianceScaling().initialize(w, rng); }

    @Override public String formula() { return "U(-b, b), b = gain·√(3/" + mode.label() + "), gain = calculate_gain(nonlinearity, a)"; }
}
