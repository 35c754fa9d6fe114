package org.initlab.init;

import org.initlab.UserError;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TruncatedNormalTest {
    private static SampleStats sample(Initializer init, int n, long seed) {
        Matrix w = new Matrix(n / 1000, 1000);
        init.initialize(w, RandomStreams.of(seed));
        return SampleStats.of(w.data());
    }

    private static void assertTruncatedMoments(SampleStats s, double mu, double sigma, double a, double b, String what) {
        double[] m = SampleStats.truncatedNormalMoments(mu, sigma, a, b);
        s.assertMoments(m[0], m[1], m[2], what);
        assertTrue(s.min() >= (float) a && s.max() <= (float) b, what + " within [a, b]: " + s);
    }

    /** PyTorch semantics: a, b are absolute; the asymmetric window here cuts at −0.75σ and +1.25σ. */
    @Test
    void asymmetricAbsoluteBoundsGiveTheTruncatedNormalMoments() {
        SampleStats s = sample(new TruncatedNormal(0.5, 2.0, -1.0, 3.0), 1_000_000, 11);
        assertTruncatedMoments(s, 0.5, 2.0, -1.0, 3.0, "N(0.5, 2²) on [-1, 3]");
        assertTrue(s.min() < -1.0 + 1e-4 && s.max() > 3.0 - 1e-4, "both bounds reached: " + s);
    }

    @Test
    void pyTorchDefaultsCutTheUnitNormalAtPlusMinusTwo() {
        SampleStats s = sample(new TruncatedNormal(0, 1, -2, 2), 1_000_000, 12);
        assertTruncatedMoments(s, 0, 1, -2, 2, "trunc_normal defaults");
        assertEquals(VarianceScaling.TRUNCATED_UNIT_STD, Math.sqrt(SampleStats.truncatedNormalMoments(0, 1, -2, 2)[1]), 1e-15);
    }

    /** [8σ, 9σ] above the mean: Φ(8) rounds to 1 − 6·10⁻¹⁶, so only the mirrored lower tail keeps the window. */
    @Test
    void farUpperTailWindowIsSampledThroughItsMirror() {
        SampleStats s = sample(new TruncatedNormal(0, 1, 8, 9), 200_000, 13);
        assertTruncatedMoments(s, 0, 1, 8, 9, "N(0,1) on [8, 9]");
        SampleStats lower = sample(new TruncatedNormal(0, 1, -9, -8), 200_000, 13);
        assertEquals(-s.mean(), lower.mean(), 1e-12, "mirror images");
    }

    /** Keras TruncatedNormal: bounds mean ± 2·std and no rescaling, so its std is 0.8796·std. */
    @Test
    void kerasTruncatedNormalCutsAtTwoStdAroundTheMean() {
        SampleStats s = sample(new KerasTruncatedNormal(1.0, 0.05), 1_000_000, 14);
        assertTruncatedMoments(s, 1.0, 0.05, 0.9, 1.1, "Keras TruncatedNormal(1, 0.05)");
        assertEquals(0.05 * VarianceScaling.TRUNCATED_UNIT_STD, Math.sqrt(SampleStats.truncatedNormalMoments(1, 0.05, 0.9, 1.1)[1]), 1e-12);
    }

    @Test
    void rejectsEmptyOrInvertedWindows() {
        assertThrows(UserError.class, () -> new TruncatedNormal(0, 1, 2, 2));
        assertThrows(UserError.class, () -> new TruncatedNormal(0, 0, -1, 1));
        UserError e = assertThrows(UserError.class, () -> new TruncatedNormal(0, 1, 40, 50));
        assertTrue(e.getMessage().contains("no probability"), e.getMessage());
    }
}
