package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The mean-field ("edge of chaos") parameterization of Poole et al. 2016 and Schoenholz et al.
 * 2017: W ~ N(0, σ_w²/fan_in), paired with biases N(0, σ_b²) ({@link CriticalBias}). The
 * network is critical when χ₁ = 1; {@link EdgeOfChaos#criticalPoint} finds the σ_w that makes
 * it so for an activation and σ_b (ReLU: √2 at σ_b = 0; tanh: 1 at σ_b = 0).
 * Preset of variance_scaling(σ_w², fan_in, untruncated_normal).
 */
public record CriticalGaussian(double sigmaW) implements Initializer {
    public static final String NAME = "critical";
    /** The weight scale's parameter name. */
    public static final String SIGMA_W = "sigma_w";

    public CriticalGaussian {
        ParameterCheck.positive(NAME, SIGMA_W, sigmaW);
    }

    static CriticalGaussian from(Params p) {
        double sigmaW = p.getDouble(SIGMA_W, 1.0);
        p.done();
        return new CriticalGaussian(sigmaW);
    }

    /** The same init as Keras's general form. */
    public VarianceScaling asVarianceScaling() {
        return new VarianceScaling(sigmaW * sigmaW, FanMode.FAN_IN, VarianceScaling.Distribution.UNTRUNCATED_NORMAL);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of(SIGMA_W, sigmaW); }

    @Override public void initialize(Matrix w, RandomGenerator rng) { asVarianceScaling().initialize(w, rng); }

    @Override public String formula() { return "N(0, σ_w²/fan_in)"; }
}
