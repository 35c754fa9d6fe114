package org.initlab.study.factor;

import org.initlab.UserError;
import org.initlab.catalog.Component;
import org.initlab.init.CriticalBias;
import org.initlab.init.CriticalGaussian;
import org.initlab.init.EdgeOfChaos;
import org.initlab.init.Zeros;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code critical} with {@code sigma_w: auto}: the σ_w that puts the run's activation at the
 * edge of chaos (χ₁ = 1, Poole et al. 2016; Schoenholz et al. 2017) for its σ_b, found by
 * {@link EdgeOfChaos#criticalPoint}. σ_b is 0 with zero biases, or the critical bias's σ_b.
 * One instance per grid expansion solves each (activation, bias) once.
 */
public final class CriticalInit {
    /** The value of {@code sigma_w} that asks for this. */
    public static final String AUTO = "auto";
    /** σ_w is kept to this many significant digits (the bisection is exact to about 1e-15). */
    static final int SIGNIFICANT_DIGITS = 10;

    private final Map<List<Component>, Component> solved = new HashMap<>();

    /** The initializer as a level holds it before its activation is known. */
    static Component auto() {
        return new Component(CriticalGaussian.NAME, Map.of(CriticalGaussian.SIGMA_W, AUTO));
    }

    static boolean isAuto(Component c) {
        return c.name().equals(CriticalGaussian.NAME) && AUTO.equals(c.params().get(CriticalGaussian.SIGMA_W));
    }

    /** critical(sigma_w = the critical σ_w of {@code activation} with {@code bias}). */
    Component resolve(Component activation, Component bias) {
        return solved.computeIfAbsent(List.of(activation, bias), k -> solve(activation, bias));
    }

    private static Component solve(Component activation, Component bias) {
        double sigmaB;
        if (bias.name().equals(Zeros.NAME)) sigmaB = 0;
        else if (bias.name().equals(CriticalBias.NAME)) sigmaB = ((Number) bias.params().get(CriticalBias.SIGMA_B)).doubleValue();
        else throw new UserError("critical(sigma_w=auto) needs zero biases or critical(sigma_b) biases, not " + bias);
        Activation a = Activations.create(activation.name(), activation.params());
        EdgeOfChaos.CriticalPoint p;
        try {
            p = EdgeOfChaos.criticalPoint(a::value, a::derivative, sigmaB);
        } catch (RuntimeException e) {
            throw new UserError("critical(sigma_w=auto): " + a.name() + " has no edge of chaos at sigma_b=" + sigmaB
                    + " (" + e.getMessage() + "); give sigma_w a number");
        }
        // rounded so that the run id does not hang on the solver's last bit
        double sigmaW = new BigDecimal(p.sigmaW()).round(new MathContext(SIGNIFICANT_DIGITS)).doubleValue();
        return new Component(CriticalGaussian.NAME, Map.of(CriticalGaussian.SIGMA_W, sigmaW));
    }
}
