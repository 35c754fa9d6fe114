package org.initlab.optim;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.initlab.optim.OptimizerFixtures.GRADS;
import static org.initlab.optim.OptimizerFixtures.THETA0;
import static org.initlab.optim.OptimizerFixtures.assertClose;
import static org.initlab.optim.OptimizerFixtures.maxDifference;
import static org.initlab.optim.OptimizerFixtures.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SGD against torch.optim.SGD's documented algorithm, worked out in double. */
class SgdTest {

    /** The documented pseudo-code, in double; {@code firstBufferDamped} is the wrong variant b₁ = (1−τ)g. */
    static double[] expected(double lr, double mu, double tau, double lambda, boolean nesterov, boolean maximize,
                             boolean firstBufferDamped) {
        double[] theta = THETA0.clone();
        double[] b = new double[theta.length];
        for (int t = 1; t <= GRADS.length; t++) {
            for (int i = 0; i < theta.length; i++) {
                double g = maximize ? -GRADS[t - 1][i] : GRADS[t - 1][i];
                if (lambda != 0) g += lambda * theta[i];
                if (mu != 0) {
                    if (t > 1) b[i] = mu * b[i] + (1 - tau) * g;
                    else b[i] = firstBufferDamped ? (1 - tau) * g : g;
                    g = nesterov ? g + mu * b[i] : b[i];
                }
                theta[i] -= lr * g;
            }
        }
        return theta;
    }

    @Test
    void plainSgdSubtractsLrTimesTheSumOfGradients() {
        // Σg = (0, 0.5, 0.6): θ = θ₀ − 0.1·Σg
        assertClose(new double[] {1.0, -2.05, 0.44}, run("sgd", Map.of("lr", 0.1)));
    }

    @Test
    void maximizeAscends() {
        assertClose(new double[] {1.0, -1.95, 0.56}, run("sgd", Map.of("lr", 0.1, "maximize", true)));
    }

    @Test
    void firstMomentumBufferIsTheGradientNotTheDampedGradient() {
        // θ = 0, g = 1 twice, μ = 0.9, τ = 0.5, lr = 1: b₁ = 1, θ₁ = −1; b₂ = 0.9 + 0.5 = 1.4, θ₂ = −2.4
        float[] theta = run(Optimizers.spec("sgd", Map.of("lr", 1, "momentum", 0.9, "dampening", 0.5)),
                new double[] {0}, new double[][] {{1}, {1}}, true);
        assertClose(new double[] {-2.4}, theta);
    }

    @Test
    void momentumWithDampeningAndWeightDecay() {
        double[] e = expected(0.1, 0.9, 0.3, 0.1, false, false, false);
        assertClose(e, run("sgd", Map.of("lr", 0.1, "momentum", 0.9, "dampening", 0.3, "weight_decay", 0.1)));
        assertTrue(maxDifference(e, expected(0.1, 0.9, 0.3, 0.1, false, false, true)) > 1e-3,
                "the fixture must tell the two first-step rules apart");
    }

    @Test
    void nesterovMomentum() {
        double[] e = expected(0.05, 0.9, 0, 0.01, true, false, false);
        assertClose(e, run("sgd", Map.of("lr", 0.05, "momentum", 0.9, "nesterov", true, "weight_decay", 0.01)));
        assertTrue(maxDifference(e, expected(0.05, 0.9, 0, 0.01, false, false, false)) > 1e-3);
    }

    @Test
    void maximizeWithNesterovAndDecay() {
        assertClose(expected(0.05, 0.5, 0, 0.2, true, true, false),
                run("sgd", Map.of("lr", 0.05, "momentum", 0.5, "nesterov", true, "weight_decay", 0.2, "maximize", true)));
    }

    @Test
    void parametersThatDoNotDecayIgnoreWeightDecay() {
        float[] theta = run(Optimizers.spec("sgd", Map.of("lr", 0.1, "momentum", 0.9, "weight_decay", 0.5)),
                THETA0, GRADS, false);
        assertClose(expected(0.1, 0.9, 0, 0, false, false, false), theta);
    }
}
