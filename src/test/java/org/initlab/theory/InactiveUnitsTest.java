package org.initlab.theory;

import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InactiveUnitsTest {
    /** The closed-form thresholds invert φ′: |φ′(a)| = t·max|φ′|, and agree with the numeric inverse. */
    @Test
    void closedFormThresholdsInvertTheDerivative() {
        for (String name : new String[] {"tanh", "sigmoid", "softsign"}) {
            Activation phi = Activations.create(name);
            for (double t : new double[] {0.01, 0.1, 0.5, 0.9}) {
                double a = InactiveUnits.saturationThreshold(phi, t);
                assertEquals(t * phi.maxDerivative(), phi.derivative(a), 1e-12, name + " at t = " + t);
                assertEquals(t * phi.maxDerivative(), phi.derivative(-a), 1e-12, name + " at t = " + t);
                assertEquals(a, InactiveUnits.numericThreshold(phi, t), 1e-9 * Math.max(1, a), name + " numeric at t = " + t);
            }
        }
        assertEquals(Math.log(1 / Math.sqrt(0.1) + Math.sqrt(1 / 0.1 - 1)), InactiveUnits.saturationThreshold(Activations.create("tanh"), 0.1), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> InactiveUnits.numericThreshold(Activations.create("relu"), 0.1));
    }

    /** P(|φ′(z)| < t·max|φ′|) for z ~ N(β, v) against Simpson integration of the indicator's defining set, sample by sample. */
    @Test
    void saturatedFractionMatchesBruteForce() {
        for (String name : new String[] {"tanh", "sigmoid", "softsign"}) {
            Activation phi = Activations.create(name);
            for (double[] mv : new double[][] {{0, 0.1}, {0, 1}, {0.5, 2}, {-1, 30}, {0, 500}}) {
                double mean = mv[0], sd = Math.sqrt(mv[1]);
                double limit = 0.1 * phi.maxDerivative();
                // Simpson on the indicator converges slowly; 2·10⁶ intervals on ±12 sd resolve it to about 10⁻⁶.
                double brute = NormalQuadratureTest.simpson(u -> Math.abs(phi.derivative(u)) < limit ? 1 : 0, mean, sd);
                assertEquals(brute, InactiveUnits.saturatedFraction(phi, mean, mv[1], 0.1), 2e-5, name + " at N(" + mean + ", " + mv[1] + ")");
            }
        }
    }

    /**
     * The dead fraction against a Monte Carlo of the process it describes: P examples whose
     * pre-activations are equicorrelated Gaussians; 200 000 units each.
     */
    @Test
    void deadFractionMatchesMonteCarloOfEquicorrelatedUnits() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] cases = {{0, 1, 0.3, 10}, {0, 2, 0.8, 100}, {0.2, 1, 0.6, 1000}, {-0.3, 0.5, 0.95, 64}};
        for (double[] c : cases) {
            double mean = c[0], variance = c[1], corr = c[2];
            int probes = (int) c[3];
            int units = 200_000, dead = 0;
            double sd = Math.sqrt(variance);
            for (int u = 0; u < units; u++) {
                double common = rng.nextGaussian();
                boolean alive = false;
                for (int p = 0; p < probes && !alive; p++) {
                    alive = mean + sd * (Math.sqrt(corr) * common + Math.sqrt(1 - corr) * rng.nextGaussian()) > 0;
                }
                if (!alive) dead++;
            }
            double measured = (double) dead / units;
            double predicted = InactiveUnits.deadFraction(mean, variance, corr, probes);
            double se = Math.sqrt(predicted * (1 - predicted) / units);
            assertEquals(predicted, measured, 5 * se + 1e-6, "β = " + mean + ", v = " + variance + ", c = " + corr + ", P = " + probes);
        }
    }

    /** Limits: one example gives Φ(−β/√v); c = 0 gives Φ(−β/√v)^P; c → 1 gives Φ(−β/√v); ½^P at β = 0, c = 0. */
    @Test
    void deadFractionHasTheRightLimits() {
        assertEquals(NormalDistribution.cdf(-0.3), InactiveUnits.deadFraction(0.3, 1, 0.5, 1), 1e-9);
        assertEquals(Math.pow(0.5, 20), InactiveUnits.deadFraction(0, 4, 0, 20), 1e-18);
        assertEquals(Math.pow(0.5, 20), InactiveUnits.deadFraction(0, 4, -0.2, 20), 1e-18);
        assertEquals(0.5, InactiveUnits.deadFraction(0, 4, 1, 1000), 1e-15);
        assertEquals(0.5, InactiveUnits.deadFraction(0, 4, 1 - 1e-9, 1000), 1e-3);
        assertEquals(1.0, InactiveUnits.deadFraction(0, 0, 0.5, 10), 0);
        assertEquals(0.0, InactiveUnits.deadFraction(0.1, 0, 0.5, 10), 0);
        double previous = 0;
        for (double c = 0.05; c < 1; c += 0.1) {
            double d = InactiveUnits.deadFraction(0, 1, c, 1000);
            assertTrue(d > previous, "dead fraction grows with the correlation: " + d + " at c = " + c);
            previous = d;
        }
    }
}
