package org.initlab.optim;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.initlab.optim.OptimizerFixtures.GRADS;
import static org.initlab.optim.OptimizerFixtures.THETA0;
import static org.initlab.optim.OptimizerFixtures.assertClose;
import static org.initlab.optim.OptimizerFixtures.maxDifference;
import static org.initlab.optim.OptimizerFixtures.run;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Adagrad against torch.optim.Adagrad's documented algorithm, worked out in double. */
class AdagradTest {

    static double[] expected(double lr, double lrDecay, double lambda, double s0, double eps) {
        double[] theta = THETA0.clone();
        double[] s = new double[theta.length];
        java.util.Arrays.fill(s, s0);
        for (int t = 1; t <= GRADS.length; t++) {
            double rate = lr / (1 + (t - 1) * lrDecay);
            for (int i = 0; i < theta.length; i++) {
                double g = GRADS[t - 1][i];
                if (lambda != 0) g += lambda * theta[i];
                s[i] += g * g;
                theta[i] -= rate * g / (Math.sqrt(s[i]) + eps);
            }
        }
        return theta;
    }

    @Test
    void firstStepIsLrTimesTheSignOfTheGradient() {
        float[] theta = run(Optimizers.spec("adagrad", Map.of("lr", 0.1)), THETA0, new double[][] {GRADS[0]}, true);
        assertClose(new double[] {0.9, -1.9, 0.4}, theta);
    }

    @Test
    void threeStepsWithDefaults() {
        assertClose(expected(0.01, 0, 0, 0, 1e-10), run("adagrad", Map.of()));
    }

    @Test
    void learningRateDecaysAsLrOverOnePlusStepsTimesDecay() {
        double[] e = expected(0.1, 0.5, 0, 0, 1e-10);
        assertClose(e, run("adagrad", Map.of("lr", 0.1, "lr_decay", 0.5)));
        assertTrue(maxDifference(e, expected(0.1, 0, 0, 0, 1e-10)) > 1e-3);
    }

    @Test
    void initialAccumulatorWeightDecayAndEps() {
        assertClose(expected(0.1, 0.25, 0.05, 0.3, 1e-3),
                run("adagrad", Map.of("lr", 0.1, "lr_decay", 0.25, "weight_decay", 0.05,
                        "initial_accumulator_value", 0.3, "eps", 1e-3)));
    }
}
