package org.initlab.init;

import org.initlab.UserError;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElementwiseInitializersTest {
    private static Matrix filled(Initializer init, int rows, int cols, long seed) {
        Matrix w = new Matrix(rows, cols);
        java.util.Arrays.fill(w.data(), Float.NaN);
        init.initialize(w, RandomStreams.of(seed));
        return w;
    }

    @Test
    void constantsFillEveryValue() {
        for (float v : filled(new Zeros(), 7, 5, 1).data()) assertEquals(0f, v);
        for (float v : filled(new Ones(), 7, 5, 1).data()) assertEquals(1f, v);
        for (float v : filled(new Constant(-0.25), 7, 5, 1).data()) assertEquals(-0.25f, v);
    }

    @Test
    void normalHasTheRequestedMeanAndVariance() {
        SampleStats s = SampleStats.of(filled(new Normal(0.3, 0.7), 1000, 1000, 2).data());
        s.assertMoments(0.3, 0.49, SampleStats.NORMAL_KURTOSIS, "N(0.3, 0.7²)");
        assertTrue(s.min() < 0.3 - 4 * 0.7 && s.max() > 0.3 + 4 * 0.7, "10⁶ untruncated draws pass ±4σ: " + s);
    }

    /** U(a, b): mean (a+b)/2, variance (b−a)²/12; the max of 10⁶ draws is within 2·10⁻⁵·(b−a) of b with probability 1 − e⁻²⁰. */
    @Test
    void uniformStaysWithinItsBoundsAndReachesThem() {
        double a = -0.2;
        double b = 0.6;
        SampleStats s = SampleStats.of(filled(new Uniform(a, b), 1000, 1000, 3).data());
        s.assertMoments((a + b) / 2, (b - a) * (b - a) / 12, SampleStats.UNIFORM_KURTOSIS, "U(-0.2, 0.6)");
        assertTrue(s.min() >= (float) a && s.max() <= (float) b, "within bounds: " + s);
        assertTrue(s.min() < a + 2e-5 * (b - a) && s.max() > b - 2e-5 * (b - a), "bounds reached: " + s);
    }

    @Test
    void degenerateAndInvalidParameters() {
        for (float v : filled(new Normal(1.5, 0.0), 3, 3, 4).data()) assertEquals(1.5f, v);
        for (float v : filled(new Uniform(2.0, 2.0), 3, 3, 4).data()) assertEquals(2f, v);
        assertThrows(UserError.class, () -> new Uniform(1, 0));
        assertThrows(UserError.class, () -> new Normal(0, -1));
        assertThrows(UserError.class, () -> new Constant(Double.POSITIVE_INFINITY));
    }

    /** As a bias, PyTorch's nn.Linear default: U(±1/√fan_in), and 0 for a layer without inputs. */
    @Test
    void torchLinearBiasUsesFanIn() {
        float[] b = new float[200_000];
        new TorchLinearDefault().initialize(b, 25, b.length, RandomStreams.of(5));
        SampleStats s = SampleStats.of(b);
        s.assertMoments(0, 1.0 / (3 * 25), SampleStats.UNIFORM_KURTOSIS, "U(±1/5)");
        // 200 000 draws all missing the top 1.5·10⁻⁴ of the range: probability e⁻³⁰.
        assertTrue(s.max() <= 0.2f && s.min() >= -0.2f && s.max() > 0.2 * (1 - 3e-4) && s.min() < -0.2 * (1 - 3e-4));
        float[] none = {7f, 7f};
        new TorchLinearDefault().initialize(none, 0, 2, RandomStreams.of(5));
        assertEquals(0f, none[0]);
        assertEquals(0f, none[1]);
    }

    @Test
    void criticalBiasIsNormalWithStdSigmaB() {
        float[] b = new float[500_000];
        new CriticalBias(0.2).initialize(b, 100, b.length, RandomStreams.of(6));
        SampleStats.of(b).assertMoments(0, 0.04, SampleStats.NORMAL_KURTOSIS, "N(0, 0.2²)");
        new CriticalBias(0.0).initialize(b, 100, b.length, RandomStreams.of(6));
        assertEquals(0f, SampleStats.of(b).max());
    }
}
