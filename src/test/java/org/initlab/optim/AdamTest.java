package org.initlab.optim;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.initlab.optim.OptimizerFixtures.GRADS;
import static org.initlab.optim.OptimizerFixtures.THETA0;
import static org.initlab.optim.OptimizerFixtures.assertClose;
import static org.initlab.optim.OptimizerFixtures.maxDifference;
import static org.initlab.optim.OptimizerFixtures.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adam and AdamW against torch.optim.Adam / AdamW's documented algorithms, worked out in double. */
class AdamTest {
    enum Max { NONE, RAW_V, BIAS_CORRECTED_V }

    /**
     * The documented pseudo-code in double. {@code Max.RAW_V} is PyTorch's current AMSGrad
     * (vᵐᵃˣ ← max(vᵐᵃˣ, v), then bias-correct); {@code BIAS_CORRECTED_V} is the older documented
     * variant (max of v̂), used only to show the fixture tells them apart.
     */
    static double[] expected(double[][] grads, double lr, double b1, double b2, double eps, double lambda,
                             boolean decoupled, Max max) {
        double[] theta = THETA0.clone();
        int n = theta.length;
        double[] m = new double[n], v = new double[n], vMax = new double[n];
        for (int t = 1; t <= grads.length; t++) {
            for (int i = 0; i < n; i++) {
                double g = grads[t - 1][i];
                if (decoupled) theta[i] -= lr * lambda * theta[i];
                else if (lambda != 0) g += lambda * theta[i];
                m[i] = b1 * m[i] + (1 - b1) * g;
                v[i] = b2 * v[i] + (1 - b2) * g * g;
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = switch (max) {
                    case NONE -> v[i] / (1 - Math.pow(b2, t));
                    case RAW_V -> (vMax[i] = Math.max(vMax[i], v[i])) / (1 - Math.pow(b2, t));
                    case BIAS_CORRECTED_V -> vMax[i] = Math.max(vMax[i], v[i] / (1 - Math.pow(b2, t)));
                };
                theta[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
        }
        return theta;
    }

    @Test
    void firstStepMovesEachCoordinateByLrTimesTheSignOfItsGradient() {
        // m̂₁ = g and v̂₁ = g², so θ₁ = θ₀ − lr·g/(|g| + ε)
        float[] theta = run(Optimizers.spec("adam", Map.of("lr", 0.1)), THETA0, new double[][] {GRADS[0]}, true);
        assertClose(new double[] {0.9, -1.9, 0.4}, theta);
    }

    @Test
    void threeStepsWithDefaultsAndBiasCorrection() {
        assertClose(expected(GRADS, 0.1, 0.9, 0.999, 1e-8, 0, false, Max.NONE), run("adam", Map.of("lr", 0.1)));
    }

    @Test
    void epsIsAddedAfterTheSquareRoot() {
        // a large ε makes its placement visible. Step 1: θ₁ = θ₀ − lr·g/(|g| + ε) = θ₀ − 0.1·(0.5/1, −1/1.5, 2/2.5);
        // with ε inside the root, θ₁ would be θ₀ − 0.1·(0.5/√0.75, ...) = (0.9423, ...)
        float[] one = run(Optimizers.spec("adam", Map.of("lr", 0.1, "eps", 0.5)), THETA0, new double[][] {GRADS[0]}, true);
        assertClose(new double[] {0.95, -2 + 0.1 / 1.5, 0.42}, one);
        assertClose(expected(GRADS, 0.1, 0.9, 0.999, 0.5, 0, false, Max.NONE), run("adam", Map.of("lr", 0.1, "eps", 0.5)));
    }

    @Test
    void l2WeightDecayIsAddedToTheGradient() {
        double[] e = expected(GRADS, 0.1, 0.8, 0.9, 1e-8, 0.3, false, Max.NONE);
        assertClose(e, run("adam", Map.of("lr", 0.1, "betas", List.of(0.8, 0.9), "weight_decay", 0.3)));
    }

    @Test
    void amsgradKeepsTheMaximumOfTheRawSecondMoment() {
        // g shrinks tenfold after step 1, so v falls and the maximum matters
        double[][] grads = {{1.0, -2.0, 0.5}, {0.1, -0.2, 0.05}, {0.1, 0.2, -0.05}};
        double[] e = expected(grads, 0.1, 0.9, 0.9, 1e-8, 0, false, Max.RAW_V);
        float[] theta = run(Optimizers.spec("adam", Map.of("lr", 0.1, "beta2", 0.9, "amsgrad", true)), THETA0, grads, true);
        assertClose(e, theta);
        assertTrue(maxDifference(e, expected(grads, 0.1, 0.9, 0.9, 1e-8, 0, false, Max.NONE)) > 1e-3);
        assertTrue(maxDifference(e, expected(grads, 0.1, 0.9, 0.9, 1e-8, 0, false, Max.BIAS_CORRECTED_V)) > 1e-3);
    }

    @Test
    void adamWShrinksThetaBeforeTheAdamStep() {
        double[] e = expected(GRADS, 0.1, 0.9, 0.999, 1e-8, 0.5, true, Max.NONE);
        assertClose(e, run("adamw", Map.of("lr", 0.1, "weight_decay", 0.5)));
        assertTrue(maxDifference(e, expected(GRADS, 0.1, 0.9, 0.999, 1e-8, 0.5, false, Max.NONE)) > 1e-3,
                "decoupled and L2 decay must differ on this fixture");
    }

    @Test
    void adamWDefaultDecayAndAmsgrad() {
        double[][] grads = {{1.0, -2.0, 0.5}, {0.1, -0.2, 0.05}, {0.1, 0.2, -0.05}};
        assertClose(expected(grads, 0.1, 0.9, 0.95, 1e-8, 1e-2, true, Max.RAW_V),
                run(Optimizers.spec("adamw", Map.of("lr", 0.1, "betas", "0.9, 0.95", "amsgrad", true)), THETA0, grads, true));
    }

    @Test
    void adamWLeavesNonDecayingParametersUnshrunk() {
        float[] theta = run(Optimizers.spec("adamw", Map.of("lr", 0.1, "weight_decay", 0.5)), THETA0, GRADS, false);
        assertClose(expected(GRADS, 0.1, 0.9, 0.999, 1e-8, 0, true, Max.NONE), theta);
    }

    @Test
    void biasCorrectionPowerIsWithinTUlpsOfPowAndRoundsToTheSameFloat() {
        assertEquals(1.0, AdamOptimizer.power(0.9, 0));
        assertEquals(0.0, AdamOptimizer.power(0.0, 3));
        assertEquals(0.729, AdamOptimizer.power(0.9, 3), 1e-15);
        int sameFloat = 0;
        int cases = 0;
        for (double beta : new double[] {0.5, 0.9, 0.95, 0.99, 0.999, 0.9999}) {
            for (long t = 1; t <= 1_000_000; t = t < 100 ? t + 1 : t * 11 / 10) {
                double pow = StrictMath.pow(beta, t);
                double power = AdamOptimizer.power(beta, t);
                assertEquals(pow, power, 2.0 * t * Math.ulp(pow), "beta=" + beta + " t=" + t);
                cases++;
                boolean sameStepSize = (float) (1e-3 / (1 - pow)) == (float) (1e-3 / (1 - power));
                boolean sameRoot = (float) Math.sqrt(1 - pow) == (float) Math.sqrt(1 - power);
                if (sameStepSize && sameRoot) sameFloat++;
            }
        }
        assertTrue(sameFloat >= cases - 2,
                sameFloat + " of " + cases + " step sizes and √(1 − β₂ᵗ) round to the same float as with pow");
    }

    @Test
    void maximizeNegatesTheGradient() {
        double[][] negated = new double[GRADS.length][];
        for (int t = 0; t < GRADS.length; t++) {
            negated[t] = GRADS[t].clone();
            for (int i = 0; i < negated[t].length; i++) negated[t][i] = -negated[t][i];
        }
        assertClose(expected(negated, 0.1, 0.9, 0.999, 1e-8, 0.1, false, Max.NONE),
                run("adam", Map.of("lr", 0.1, "weight_decay", 0.1, "maximize", true)));
    }
}
