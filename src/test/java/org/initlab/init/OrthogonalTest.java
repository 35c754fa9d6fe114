package org.initlab.init;

import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OrthogonalTest {
    /**
     * Rounding each entry of gain·Q to float moves it by at most 2⁻²⁴ relative, so by
     * Cauchy–Schwarz an entry of WᵀW moves by at most gain²·2⁻²³; the double-precision QR adds
     * ~10⁻¹³.
     */
    private static double tolerance(double gain) {
        return gain * gain * (Math.scalb(1.0, -23) + 1e-12);
    }

    /** max |(AᵀA) − gain²·I| over the columns of a (or rows, if {@code rows}). */
    private static double gramError(Matrix w, boolean ofRows, double gain) {
        int count = ofRows ? w.rows() : w.cols();
        int length = ofRows ? w.cols() : w.rows();
        double worst = 0;
        for (int i = 0; i < count; i++) {
            for (int j = 0; j < count; j++) {
                double dot = 0;
                for (int k = 0; k < length; k++) {
                    double a = ofRows ? w.get(i, k) : w.get(k, i);
                    double b = ofRows ? w.get(j, k) : w.get(k, j);
                    dot += a * b;
                }
                worst = Math.max(worst, Math.abs(dot - (i == j ? gain * gain : 0)));
            }
        }
        return worst;
    }

    private static Matrix draw(int rows, int cols, double gain, long seed) {
        Matrix w = new Matrix(rows, cols);
        new Orthogonal(gain).initialize(w, RandomStreams.of(seed));
        return w;
    }

    @Test
    void tallWeightHasOrthonormalColumnsTimesGain() {
        double gain = 1.7;
        assertTrue(gramError(draw(300, 120, gain, 60), false, gain) <= tolerance(gain));
    }

    @Test
    void wideWeightHasOrthonormalRowsTimesGain() {
        double gain = 0.8;
        assertTrue(gramError(draw(120, 300, gain, 61), true, gain) <= tolerance(gain));
    }

    @Test
    void squareWeightIsOrthogonalBothWays() {
        Matrix w = draw(200, 200, 1.0, 62);
        assertTrue(gramError(w, false, 1.0) <= tolerance(1.0));
        assertTrue(gramError(w, true, 1.0) <= tolerance(1.0));
    }

    @Test
    void vectorsAreUnitLength() {
        assertTrue(gramError(draw(1, 9, 2.0, 63), true, 2.0) <= tolerance(2.0));
        assertTrue(gramError(draw(9, 1, 2.0, 63), false, 2.0) <= tolerance(2.0));
    }

    /**
     * Haar measure: every entry of a 3 × 3 Q is symmetric about 0 with E[q²] = 1/3. Without
     * Mezzadri's sign fix, Householder QR gives Q₁₁ = −|a₁₁|/‖a₁‖ &lt; 0 always, so the mean
     * of the diagonal would be far from 0. 20 000 draws: SE(mean) = √(1/3/20000) ≈ 0.004.
     */
    @Test
    void signFixMakesTheDistributionHaar() {
        int draws = 20_000;
        RandomGenerator rng = RandomStreams.of(64);
        double[] diagonalSum = new double[3];
        double squareSum = 0;
        double q0 = 0;
        for (int t = 0; t < draws; t++) {
            Matrix w = new Matrix(3, 3);
            new Orthogonal(1.0).initialize(w, rng);
            for (int i = 0; i < 3; i++) diagonalSum[i] += w.get(i, i);
            squareSum += w.get(0, 0) * w.get(0, 0);
            q0 += w.get(2, 0);
        }
        double se = Math.sqrt(1.0 / 3 / draws);
        for (int i = 0; i < 3; i++) assertEquals(0.0, diagonalSum[i] / draws, SampleStats.Z * se, "E[Q_" + i + i + "]");
        assertEquals(0.0, q0 / draws, SampleStats.Z * se, "E[Q_20]");
        // E[q²] = 1/3; q² ∈ [0, 1] has variance E[q⁴] − 1/9 = 1/5 − 1/9 (entries of a Haar 3 × 3 matrix).
        assertEquals(1.0 / 3, squareSum / draws, SampleStats.Z * Math.sqrt((1.0 / 5 - 1.0 / 9) / draws), "E[Q_00²]");
    }
}
