package org.initlab.theory;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JacobiansTest {
    private static float[] row(MeasuredNetwork m, int p) {
        return Arrays.copyOfRange(m.x, p * m.widths[0], (p + 1) * m.widths[0]);
    }

    /**
     * Linear layers with orthogonal weights of gain g are exact isometries up to the gain: every
     * singular value of the hidden-to-hidden Jacobian (square layers) is g^(L−2), and so is every
     * one of the input-to-output Jacobian when widths shrink (a product of matrices with
     * orthonormal rows has orthonormal rows). Float weights: 10⁻⁵.
     */
    @Test
    void orthogonalLinearNetworksAreIsometriesTimesTheGains() {
        double g = 1.3;
        MeasuredNetwork square = new MeasuredNetwork(new int[] {48, 64, 64, 64, 64, 10}, "identity", "orthogonal", Map.of("gain", g),
                "critical", Map.of("sigma_b", 0.5), 2, 1);
        for (double s : Jacobians.hiddenToHidden(square.net, row(square, 0)).singularValues()) assertEquals(g * g * g, s, 1e-5);
        MeasuredNetwork shrinking = new MeasuredNetwork(new int[] {128, 96, 64, 32, 10}, "identity", "orthogonal", Map.of("gain", g),
                "zeros", Map.of(), 2, 1);
        JacobianSpectrum io = Jacobians.inputToOutput(shrinking.net, row(shrinking, 1));
        assertEquals(10, io.singularValues().length);
        for (double s : io.singularValues()) assertEquals(Math.pow(g, 4), s, 1e-5 * Math.pow(g, 4));
        assertEquals(1.0, io.conditionNumber(), 1e-5);
    }

    /**
     * Gaussian weights spread the spectrum with depth while orthogonal ones keep it a point: the
     * linear hidden Jacobian's condition number and its spread Var(λ)/E[λ]² grow from 2 to 8 layers
     * for N(0, 1/n) weights (the spread is L for a product of L square Ginibre matrices, the
     * Fuss–Catalan moments) and stay at 1 and 0 for orthogonal ones.
     */
    @Test
    void gaussianSpectraSpreadWithDepthWhileOrthogonalOnesDoNot() {
        double previousCondition = 0;
        double previousSpread = 0;
        for (int depth : new int[] {2, 4, 8}) {
            int[] widths = new int[depth + 3];
            Arrays.fill(widths, 128);
            widths[widths.length - 1] = 10;
            MeasuredNetwork gaussian = new MeasuredNetwork(widths, "identity", "lecun_normal", Map.of(), "zeros", Map.of(), 1, depth);
            JacobianSpectrum spectrum = Jacobians.hiddenToHidden(gaussian.net, row(gaussian, 0));
            assertTrue(spectrum.conditionNumber() > previousCondition, depth + " layers: " + spectrum.conditionNumber());
            assertTrue(spectrum.spread() > previousSpread, depth + " layers: spread " + spectrum.spread());
            Prediction p = SignalPropagation.predict(gaussian.spec(), gaussian.inputStatistics(), 1, 0.1);
            assertEquals(depth, p.hiddenJacobianSpread(), 1e-9);
            assertEquals(depth, spectrum.spread(), 0.35 * depth, "Fuss–Catalan spread at " + depth + " layers");
            previousCondition = spectrum.conditionNumber();
            previousSpread = spectrum.spread();
            MeasuredNetwork orthogonal = new MeasuredNetwork(widths, "identity", "orthogonal", Map.of(), "zeros", Map.of(), 1, depth);
            JacobianSpectrum isometry = Jacobians.hiddenToHidden(orthogonal.net, row(orthogonal, 0));
            assertEquals(1.0, isometry.conditionNumber(), 1e-4);
            assertEquals(0.0, isometry.spread(), 1e-8);
        }
    }

    /**
     * Nonlinear networks of four 256-wide hidden-to-hidden layers, averaged over 3 inputs: the
     * spread of the hidden Jacobian's spectrum against Σ(μ₂/μ₁² − 1 − s₁) within 15 % (found:
     * within 4 %), and the mean squared singular value against Π χ_l within 25 % (found: within
     * 20 %; one network's Π_l (1/n)Σφ′² fluctuates by about √(μ₂/μ₁² − 1)/√n ≈ 7 % per layer in the
     * chaotic tanh case, and the input–output Jacobian has only 10 rows), for ReLU with Gaussian
     * weights (spread 2 per layer), tanh with orthogonal weights near criticality (spread near 0:
     * dynamical isometry) and tanh with Gaussian weights deep in the chaotic phase.
     */
    @Test
    void nonlinearSpectraMatchFreeProbability() {
        int[] widths = {256, 256, 256, 256, 256, 256, 10};
        Object[][] cases = {
                {"relu", "kaiming_normal", Map.of(), "zeros", Map.of()},
                {"tanh", "orthogonal", Map.of("gain", 1.05), "critical", Map.of("sigma_b", 0.05)},
                {"tanh", "critical", Map.of("sigma_w", 2.0), "critical", Map.of("sigma_b", 0.3)},
        };
        int inputs = 3;
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            MeasuredNetwork m = new MeasuredNetwork(widths, (String) c[0], (String) c[1], (Map<String, ?>) c[2], (String) c[3],
                    (Map<String, ?>) c[4], inputs, 5);
            Prediction p = SignalPropagation.predict(m.spec(), m.inputStatistics(), inputs, 0.1);
            double io = 0, hidden = 0, spread = 0;
            for (int i = 0; i < inputs; i++) {
                io += Jacobians.inputToOutput(m.net, row(m, i)).meanSquare() / inputs;
                JacobianSpectrum h = Jacobians.hiddenToHidden(m.net, row(m, i));
                hidden += h.meanSquare() / inputs;
                spread += h.spread() / inputs;
            }
            String where = c[0] + " " + c[1] + " " + c[2];
            assertEquals(1.0, spread / p.hiddenJacobianSpread(), 0.15, where + ": spread " + spread + " vs " + p.hiddenJacobianSpread());
            assertEquals(1.0, io / p.inputOutputJacobianMeanSquare(), 0.25, where + ": input–output mean square " + io);
            assertEquals(1.0, hidden / p.hiddenJacobianMeanSquare(), 0.25, where + ": hidden mean square " + hidden);
        }
    }

    @Test
    void oneHiddenLayerHasTheIdentityAsHiddenJacobian() {
        MeasuredNetwork m = new MeasuredNetwork(new int[] {20, 30, 5}, "tanh", "xavier_normal", Map.of(), "zeros", Map.of(), 1, 3);
        JacobianSpectrum j = Jacobians.hiddenToHidden(m.net, row(m, 0));
        assertEquals(30, j.singularValues().length);
        assertEquals(1.0, j.meanSquare(), 0);
        assertEquals(1.0, SignalPropagation.predict(m.spec(), m.inputStatistics(), 1, 0.1).hiddenJacobianMeanSquare(), 0);
    }
}
