package org.initlab.init;

import org.initlab.catalog.Params;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The bias half of the mean-field parameterization (Poole et al. 2016; Schoenholz et al. 2017):
 * b ~ N(0, σ_b²), independent of the fans. Pairs with {@link CriticalGaussian}.
 */
public record CriticalBias(double sigmaB) implements BiasInitializer {
    public static final String NAME = "critical";
    /** The bias scale's parameter name. */
    public static final String SIGMA_B = "sigma_b";

    public CriticalBias {
        ParameterCheck.nonNegative(NAME, SIGMA_B, sigmaB);
    }

    static CriticalBias from(Params p) {
        double sigmaB = p.getDouble(SIGMA_B, 0.0);
        p.done();
        return new CriticalBias(sigmaB);
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of(SIGMA_B, sigmaB); }

    @Override
    public void initialize(float[] b, int fanIn, int fanOut, RandomGenerator rng) {
        Normal.fill(b, 0.0, sigmaB, rng);
    }

    @Override public String formula() { return "N(0, σ_b²)"; }
}
