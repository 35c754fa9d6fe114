package org.initlab.init;

import org.initlab.UserError;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VarianceScalingTest {
    private static final int FAN_IN = 400;
    private static final int FAN_OUT = 1000;

    private static Matrix draw(VarianceScaling vs, long seed) {
        Matrix w = new Matrix(FAN_IN, FAN_OUT);
        vs.initialize(w, RandomStreams.of(seed));
        return w;
    }

    /** Every distribution and mode gives variance scale/n; n = 400, 1000 or 700. */
    @Test
    void varianceIsScaleOverFanForEveryDistributionAndMode() {
        double truncatedKurtosis = SampleStats.truncatedNormalMoments(0, 1, -2, 2)[2];
        long seed = 20;
        for (FanMode mode : FanMode.values()) {
            double n = new Fans(FAN_IN, FAN_OUT).of(mode);
            for (VarianceScaling.Distribution d : VarianceScaling.Distribution.values()) {
                double scale = 2.0;
                VarianceScaling vs = new VarianceScaling(scale, mode, d);
                SampleStats s = SampleStats.of(draw(vs, seed++).data());
                double kurtosis = switch (d) {
                    case TRUNCATED_NORMAL -> truncatedKurtosis;
                    case UNTRUNCATED_NORMAL -> SampleStats.NORMAL_KURTOSIS;
                    case UNIFORM -> SampleStats.UNIFORM_KURTOSIS;
                };
                s.assertMoments(0, scale / n, kurtosis, d.label() + ", " + mode.label());
                assertEquals(Math.sqrt(scale / n), vs.std(new Fans(FAN_IN, FAN_OUT)), 1e-15);
            }
        }
    }

    /**
     * Keras truncated_normal: σ = √(scale/n)/0.87962566 and values within ±2σ — so the
     * post-truncation variance is scale/n (checked above) and the cut is reached but not passed.
     */
    @Test
    void truncatedNormalIsCutAtTwoInflatedStd() {
        VarianceScaling vs = new VarianceScaling(1.0, FanMode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL);
        SampleStats s = SampleStats.of(draw(vs, 30).data());
        double cut = 2 * Math.sqrt(1.0 / FAN_IN) / VarianceScaling.TRUNCATED_UNIT_STD;
        assertTrue(s.max() <= (float) cut && s.min() >= -(float) cut, "within ±2σ: " + s);
        // density at the cut ≈ φ(2)/0.954 per σ: about 45 of 400 000 draws land in the last 0.1%.
        assertTrue(s.max() > 0.999 * cut && s.min() < -0.999 * cut, "cut reached: " + s);

        VarianceScaling untruncated = new VarianceScaling(1.0, FanMode.FAN_IN, VarianceScaling.Distribution.UNTRUNCATED_NORMAL);
        SampleStats u = SampleStats.of(draw(untruncated, 30).data());
        assertTrue(u.max() > 4 * Math.sqrt(1.0 / FAN_IN), "untruncated has tails: " + u);
    }

    @Test
    void uniformLimitIsSqrtOfThreeScaleOverN() {
        VarianceScaling vs = new VarianceScaling(3.0, FanMode.FAN_AVG, VarianceScaling.Distribution.UNIFORM);
        SampleStats s = SampleStats.of(draw(vs, 31).data());
        double limit = Math.sqrt(3 * 3.0 / 700);
        assertTrue(s.max() <= (float) limit && s.min() >= -(float) limit, "within limit: " + s);
        // 400 000 draws all missing the top 5·10⁻⁵ of the range: probability e⁻²⁰.
        assertTrue(s.max() > limit * (1 - 1e-4) && s.min() < -limit * (1 - 1e-4), "limit reached: " + s);
    }

    @Test
    void parametersAreValidatedAndKerasAmbiguousNormalIsRejected() {
        assertThrows(UserError.class, () -> new VarianceScaling(0, FanMode.FAN_IN, VarianceScaling.Distribution.UNIFORM));
        UserError e = assertThrows(UserError.class, () -> Initializers.weight("variance_scaling", Map.of("distribution", "normal")));
        assertTrue(e.getMessage().contains("truncated_normal"), e.getMessage());
        e = assertThrows(UserError.class, () -> Initializers.weight("variance_scaling", Map.of("mode", "fan_sum")));
        assertTrue(e.getMessage().contains("fan_avg"), e.getMessage());
        VarianceScaling vs = (VarianceScaling) Initializers.weight("variance_scaling", Map.of());
        assertEquals(new VarianceScaling(1.0, FanMode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL), vs);
        assertEquals(Map.of("scale", 1.0, "mode", "fan_in", "distribution", "truncated_normal"), vs.params());
    }
}
