package org.initlab.optim;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.initlab.optim.OptimizerFixtures.GRADS;
import static org.initlab.optim.OptimizerFixtures.THETA0;
import static org.initlab.optim.OptimizerFixtures.assertClose;
import static org.initlab.optim.OptimizerFixtures.maxDifference;
import static org.initlab.optim.OptimizerFixtures.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RMSprop against torch.optim.RMSprop's documented algorithm, worked out in double. */
class RmsPropTest {

    static double[] expected(double lr, double alpha, double eps, double lambda, double mu, boolean centered) {
        double[] theta = THETA0.clone();
        int n = theta.length;
        double[] v = new double[n], gAvg = new double[n], b = new double[n];
        for (int t = 1; t <= GRADS.length; t++) {
            for (int i = 0; i < n; i++) {
                double g = GRADS[t - 1][i];
                if (lambda != 0) g += lambda * theta[i];
                v[i] = alpha * v[i] + (1 - alpha) * g * g;
                double vTilde = v[i];
                if (centered) {
                    gAvg[i] = alpha * gAvg[i] + (1 - alpha) * g;
                    vTilde -= gAvg[i] * gAvg[i];
                }
                if (mu > 0) {
                    b[i] = mu * b[i] + g / (Math.sqrt(vTilde) + eps);
                    theta[i] -= lr * b[i];
                } else {
                    theta[i] -= lr * g / (Math.sqrt(vTilde) + eps);
                }
            }
        }
        return theta;
    }

    @Test
    void firstStepDividesByTheRootOfOneMinusAlphaTimesGSquared() {
        // v₁ = 0.01·g², so θ₁ = θ₀ − 0.01·g/(0.1·|g| + ε) = θ₀ − 0.1·sign(g)
        float[] theta = run(Optimizers.spec("rmsprop", Map.of()), THETA0, new double[][] {GRADS[0]}, true);
        assertClose(new double[] {0.9, -1.9, 0.4}, theta);
    }

    @Test
    void threeStepsWithDefaults() {
        assertClose(expected(0.01, 0.99, 1e-8, 0, 0, false), run("rmsprop", Map.of()));
    }

    @Test
    void centeredSubtractsTheSquaredMeanGradient() {
        double[] e = expected(0.01, 0.9, 1e-8, 0, 0, true);
        assertClose(e, run("rmsprop", Map.of("alpha", 0.9, "centered", true)));
        assertTrue(maxDifference(e, expected(0.01, 0.9, 1e-8, 0, 0, false)) > 1e-3);
    }

    @Test
    void momentumBufferStartsAtZeroAndAccumulatesScaledGradients() {
        assertClose(expected(0.01, 0.9, 1e-8, 0.1, 0.9, false),
                run("rmsprop", Map.of("alpha", 0.9, "weight_decay", 0.1, "momentum", 0.9)));
    }

    @Test
    void centeredWithMomentumAndWeightDecay() {
        assertClose(expected(0.02, 0.8, 1e-3, 0.05, 0.5, true),
                run("rmsprop", Map.of("lr", 0.02, "alpha", 0.8, "eps", 1e-3, "weight_decay", 0.05, "momentum", 0.5,
                        "centered", true)));
    }
}
