package org.initlab.study;

import org.initlab.UserError;
import org.initlab.init.EdgeOfChaos;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;

import java.util.Map;

/**
 * {@code critical} with {@code sigma_w: auto}: the σ_w that puts the run's activation at the
 * edge of chaos (χ₁ = 1, Poole et al. 2016; Schoenholz et al. 2017) for its σ_b, found by
 * {@link EdgeOfChaos#criticalPoint}. σ_b is 0 with zero biases, or the critical bias's σ_b.
 */
final class CriticalInit {
    private CriticalInit() {}

    static final String NAME = "critical";
    static final String AUTO = "auto";
    /** σ_w is kept to this many significant digits (the bisection is exact to about 1e-15). */
    static final int SIGNIFICANT_DIGITS = 10;

    static boolean isAuto(Component c) {
        return c.name().equals(NAME) && AUTO.equals(c.params().get("sigma_w"));
    }

    static Component resolve(Component activation, Component bias) {
        double sigmaB;
        if (bias.name().equals("zeros")) sigmaB = 0;
        else if (bias.name().equals(NAME)) sigmaB = ((Number) bias.params().get("sigma_b")).doubleValue();
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
        double sigmaW = new java.math.BigDecimal(p.sigmaW()).round(new java.math.MathContext(SIGNIFICANT_DIGITS)).doubleValue();
        return new Component(NAME, Map.of("sigma_w", sigmaW));
    }
}
