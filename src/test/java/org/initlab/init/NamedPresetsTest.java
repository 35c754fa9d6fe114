package org.initlab.init;

import org.initlab.UserError;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The PyTorch-named inits against their closed forms, on a 300 × 700 weight (fan_in 300, fan_out 700). */
class NamedPresetsTest {
    private static final int FAN_IN = 300;
    private static final int FAN_OUT = 700;

    private static SampleStats sample(Initializer init, long seed) {
        Matrix w = new Matrix(FAN_IN, FAN_OUT);
        init.initialize(w, RandomStreams.of(seed));
        return SampleStats.of(w.data());
    }

    /** Values within ±bound; each extreme of 210 000 draws is within 2·10⁻⁴·bound of it unless all miss a 10⁻⁴ slice: e⁻²¹. */
    private static void assertUniform(SampleStats s, double bound, String what) {
        s.assertMoments(0, bound * bound / 3, SampleStats.UNIFORM_KURTOSIS, what);
        assertTrue(s.max() <= (float) bound && s.min() >= -(float) bound, what + " within ±" + bound + ": " + s);
        assertTrue(s.max() > bound * (1 - 2e-4) && s.min() < -bound * (1 - 2e-4), what + " reaches ±" + bound + ": " + s);
    }

    private static void assertNormal(SampleStats s, double std, String what) {
        s.assertMoments(0, std * std, SampleStats.NORMAL_KURTOSIS, what);
        assertTrue(s.max() > 3.5 * std, what + " is untruncated: " + s);
    }

    @Test
    void xavier() {
        assertUniform(sample(new XavierUniform(1.0), 40), Math.sqrt(6.0 / (FAN_IN + FAN_OUT)), "xavier_uniform");
        assertUniform(sample(new XavierUniform(1.5), 41), 1.5 * Math.sqrt(6.0 / (FAN_IN + FAN_OUT)), "xavier_uniform gain 1.5");
        assertNormal(sample(new XavierNormal(2.0), 42), 2.0 * Math.sqrt(2.0 / (FAN_IN + FAN_OUT)), "xavier_normal gain 2");
    }

    @Test
    void kaiming() {
        assertUniform(sample(new KaimingUniform(0, FanMode.FAN_IN, "leaky_relu"), 43), Math.sqrt(6.0 / FAN_IN), "kaiming_uniform defaults");
        assertUniform(sample(new KaimingUniform(0, FanMode.FAN_OUT, "relu"), 44), Math.sqrt(6.0 / FAN_OUT), "kaiming_uniform fan_out");
        assertUniform(sample(new KaimingUniform(0, FanMode.FAN_IN, "tanh"), 45), 5.0 / 3 * Math.sqrt(3.0 / FAN_IN), "kaiming_uniform tanh");
        assertNormal(sample(new KaimingNormal(0, FanMode.FAN_IN, "leaky_relu"), 46), Math.sqrt(2.0 / FAN_IN), "kaiming_normal defaults");
        assertNormal(sample(new KaimingNormal(0.2, FanMode.FAN_OUT, "leaky_relu"), 47),
                Math.sqrt(2.0 / 1.04) / Math.sqrt(FAN_OUT), "kaiming_normal leaky 0.2 fan_out");
    }

    /** nn.Linear's weight is kaiming_uniform_(a=√5): bound √3·√(1/3)/√fan_in = 1/√fan_in. */
    @Test
    void torchLinearDefaultIsKaimingUniformWithSlopeRootFive() {
        assertUniform(sample(new TorchLinearDefault(), 48), 1 / Math.sqrt(FAN_IN), "torch_linear");
        assertUniform(sample(new KaimingUniform(Math.sqrt(5), FanMode.FAN_IN, "leaky_relu"), 49), 1 / Math.sqrt(FAN_IN), "kaiming a=√5");
    }

    @Test
    void lecunAndCritical() {
        assertUniform(sample(new LecunUniform(), 50), Math.sqrt(3.0 / FAN_IN), "lecun_uniform");
        assertNormal(sample(new LecunNormal(), 51), Math.sqrt(1.0 / FAN_IN), "lecun_normal");
        assertNormal(sample(new CriticalGaussian(1.5), 52), 1.5 / Math.sqrt(FAN_IN), "critical σ_w = 1.5");
    }

    /** Each named init samples through its VarianceScaling form: the same bits from the same seed. */
    @Test
    void namedInitsAreVarianceScalingPresetsBitForBit() {
        assertSameBits(new XavierUniform(1.3), new XavierUniform(1.3).asVarianceScaling());
        assertSameBits(new XavierNormal(0.5), new XavierNormal(0.5).asVarianceScaling());
        assertSameBits(new KaimingUniform(0, FanMode.FAN_OUT, "selu"), new KaimingUniform(0, FanMode.FAN_OUT, "selu").asVarianceScaling());
        assertSameBits(new KaimingNormal(0, FanMode.FAN_IN, "relu"), new KaimingNormal(0, FanMode.FAN_IN, "relu").asVarianceScaling());
        assertSameBits(new LecunUniform(), new VarianceScaling(1, FanMode.FAN_IN, VarianceScaling.Distribution.UNIFORM));
        assertSameBits(new LecunNormal(), new VarianceScaling(1, FanMode.FAN_IN, VarianceScaling.Distribution.UNTRUNCATED_NORMAL));
        assertSameBits(new CriticalGaussian(2), new VarianceScaling(4, FanMode.FAN_IN, VarianceScaling.Distribution.UNTRUNCATED_NORMAL));
        assertSameBits(new XavierUniform(1), new VarianceScaling(1, FanMode.FAN_AVG, VarianceScaling.Distribution.UNIFORM));
    }

    private static void assertSameBits(Initializer a, Initializer b) {
        Matrix x = new Matrix(31, 17);
        Matrix y = new Matrix(31, 17);
        a.initialize(x, RandomStreams.of(99));
        b.initialize(y, RandomStreams.of(99));
        assertArrayEquals(x.data(), y.data(), a + " vs " + b);
    }

    @Test
    void kaimingRejectsSlopeForOtherNonlinearitiesAndFanAvg() {
        assertEquals("relu", new KaimingNormal(0, FanMode.FAN_IN, "ReLU").nonlinearity(), "canonical spelling");
        UserError e = assertThrows(UserError.class, () -> new KaimingNormal(0.1, FanMode.FAN_IN, "relu"));
        assertTrue(e.getMessage().contains("leaky_relu"), e.getMessage());
        assertThrows(UserError.class, () -> new KaimingUniform(0, FanMode.FAN_AVG, "relu"));
        assertThrows(UserError.class, () -> new KaimingUniform(0, FanMode.FAN_IN, "swish"));
        assertThrows(UserError.class, () -> new XavierUniform(0));
    }
}
