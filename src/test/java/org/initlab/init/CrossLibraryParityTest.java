package org.initlab.init;

import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where PyTorch, Keras and DL4J disagree under similar names, each convention is available and
 * behaves as its library documents it (anchors A.1–A.3). Weight 300 × 500: fan_in 300, fan_avg 400.
 */
class CrossLibraryParityTest {
    private static final int FAN_IN = 300;
    private static final int FAN_OUT = 500;

    private static SampleStats sample(String name, Map<String, ?> params, long seed) {
        Matrix w = new Matrix(FAN_IN, FAN_OUT);
        Initializers.weight(name, params).initialize(w, RandomStreams.of(seed));
        return SampleStats.of(w.data());
    }

    private static SampleStats sample(String name, long seed) {
        return sample(name, Map.of(), seed);
    }

    /** Each extreme of 150 000 uniform draws is within 3·10⁻⁴·bound of it unless all miss a 1.5·10⁻⁴ slice: e⁻²²·⁵. */
    private static void assertBound(SampleStats s, double bound, String what) {
        assertTrue(s.max() <= (float) bound && s.min() >= -(float) bound, what + " exceeds ±" + bound + ": " + s);
        assertTrue(s.max() > bound * (1 - 3e-4) && s.min() < -bound * (1 - 3e-4), what + " does not reach ±" + bound + ": " + s);
    }

    /** Keras LecunUniform: √(3/fan_in); DL4J LECUN_UNIFORM: 3/√fan_in, a variance three times larger. */
    @Test
    void lecunUniformFollowsKerasAndDl4jVariantIsAvailable() {
        SampleStats keras = sample("lecun_uniform", 1);
        SampleStats dl4j = sample("dl4j_lecun_uniform", 1);
        assertBound(keras, Math.sqrt(3.0 / FAN_IN), "lecun_uniform");
        assertBound(dl4j, 3.0 / Math.sqrt(FAN_IN), "dl4j_lecun_uniform");
        keras.assertMoments(0, 1.0 / FAN_IN, SampleStats.UNIFORM_KURTOSIS, "lecun_uniform variance");
        dl4j.assertMoments(0, 3.0 / FAN_IN, SampleStats.UNIFORM_KURTOSIS, "dl4j_lecun_uniform variance");
    }

    /** DL4J VAR_SCALING_UNIFORM_*: 3/√n where Keras has √(3/n); the DL4J name follows Keras. */
    @Test
    void varScalingUniformFollowsKeras() {
        double n = (FAN_IN + FAN_OUT) / 2.0;
        assertBound(sample("VAR_SCALING_UNIFORM_FAN_AVG", 2), Math.sqrt(3.0 / n), "var_scaling_uniform_fan_avg");
        assertBound(sample("dl4j_var_scaling_uniform_fan_avg", 2), 3.0 / Math.sqrt(n), "dl4j_var_scaling_uniform_fan_avg");
        assertBound(sample("var_scaling_uniform_fan_out", 3), Math.sqrt(3.0 / FAN_OUT), "var_scaling_uniform_fan_out");
    }

    /** DL4J VAR_SCALING_NORMAL_* is untruncated; Keras truncates at 2σ/0.8796. Same variance 1/n. */
    @Test
    void varScalingNormalFollowsKerasTruncation() {
        double std = Math.sqrt(1.0 / FAN_IN);
        double cut = 2 * std / VarianceScaling.TRUNCATED_UNIT_STD;
        SampleStats keras = sample("var_scaling_normal_fan_in", 4);
        SampleStats dl4j = sample("dl4j_var_scaling_normal_fan_in", 4);
        keras.assertMoments(0, std * std, SampleStats.truncatedNormalMoments(0, 1, -2, 2)[2], "keras");
        dl4j.assertMoments(0, std * std, SampleStats.NORMAL_KURTOSIS, "dl4j");
        assertTrue(keras.max() <= (float) cut && keras.min() >= -(float) cut, "Keras cut at ±" + cut + ": " + keras);
        assertTrue(dl4j.max() > cut * 1.5, "DL4J has tails: " + dl4j);
    }

    /** PyTorch trunc_normal_ bounds are absolute (±2 whatever std); Keras TruncatedNormal's are mean ± 2·std. */
    @Test
    void truncatedNormalBoundsAreAbsoluteInPyTorchAndRelativeInKeras() {
        SampleStats torch = sample("trunc_normal", Map.of("std", 0.5), 5);
        SampleStats keras = sample("TruncatedNormal", Map.of("std", 0.5), 5);
        assertTrue(torch.max() > 1.5 && torch.max() <= 2.0, "PyTorch cut at ±2 = ±4σ: " + torch);
        assertTrue(keras.max() <= 1.0f && keras.max() > 0.999, "Keras cut at ±2σ = ±1: " + keras);
        double[] torchMoments = SampleStats.truncatedNormalMoments(0, 0.5, -2, 2);
        torch.assertMoments(0, torchMoments[1], torchMoments[2], "trunc_normal std 0.5");
    }

    /** PyTorch he_normal / glorot_normal are untruncated; Keras's keras_* versions truncate; variances agree. */
    @Test
    void normalNamedInitsAreUntruncatedAndKerasFlavoursTruncated() {
        double heStd = Math.sqrt(2.0 / FAN_IN);
        SampleStats torch = sample("he_normal", 6);
        SampleStats keras = sample("keras_he_normal", 6);
        torch.assertMoments(0, heStd * heStd, SampleStats.NORMAL_KURTOSIS, "he_normal");
        keras.assertMoments(0, heStd * heStd, SampleStats.truncatedNormalMoments(0, 1, -2, 2)[2], "keras_he_normal");
        assertTrue(torch.max() > 3 * heStd, "PyTorch untruncated: " + torch);
        assertTrue(keras.max() <= (float) (2 * heStd / VarianceScaling.TRUNCATED_UNIT_STD), "Keras truncated: " + keras);

        double glorotStd = Math.sqrt(2.0 / (FAN_IN + FAN_OUT));
        sample("keras_glorot_normal", 7).assertMoments(0, glorotStd * glorotStd, SampleStats.truncatedNormalMoments(0, 1, -2, 2)[2], "keras_glorot_normal");
        sample("keras_lecun_normal", 8).assertMoments(0, 1.0 / FAN_IN, SampleStats.truncatedNormalMoments(0, 1, -2, 2)[2], "keras_lecun_normal");
    }

    /** DL4J-only names: SIGMOID_UNIFORM = 4·Xavier, XAVIER_LEGACY = N(0, 1/(in+out)), UNIFORM = U(±1/√fan_in). */
    @Test
    void dl4jOnlyNamesMapOntoTheCatalogue() {
        assertBound(sample("SIGMOID_UNIFORM", 9), 4 * Math.sqrt(6.0 / (FAN_IN + FAN_OUT)), "sigmoid_uniform");
        sample("XAVIER_LEGACY", 10).assertMoments(0, 1.0 / (FAN_IN + FAN_OUT), SampleStats.NORMAL_KURTOSIS, "xavier_legacy");
        assertBound(sample("dl4j_uniform", 11), 1 / Math.sqrt(FAN_IN), "dl4j_uniform");
        assertEquals(TorchLinearDefault.NAME, Initializers.weight("dl4j_uniform", Map.of()).name());
        sample("RELU", 12).assertMoments(0, 2.0 / FAN_IN, SampleStats.NORMAL_KURTOSIS, "relu");
        assertBound(sample("RELU_UNIFORM", 13), Math.sqrt(6.0 / FAN_IN), "relu_uniform");
        sample("XAVIER", 14).assertMoments(0, 2.0 / (FAN_IN + FAN_OUT), SampleStats.NORMAL_KURTOSIS, "xavier");
        sample("LECUN_NORMAL", 15).assertMoments(0, 1.0 / FAN_IN, SampleStats.NORMAL_KURTOSIS, "lecun_normal");
    }

    /** Keras's RandomNormal / RandomUniform defaults (0.05) differ from PyTorch's normal_/uniform_ (N(0,1), U(0,1)). */
    @Test
    void kerasRandomDefaultsDifferFromPyTorch() {
        assertEquals(new Normal(0, 0.05), Initializers.weight("RandomNormal", Map.of()));
        assertEquals(new Uniform(-0.05, 0.05), Initializers.weight("random_uniform", Map.of()));
        assertEquals(new Normal(0, 1), Initializers.weight("normal_", Map.of()));
        assertEquals(new Uniform(0, 1), Initializers.weight("uniform", Map.of()));
    }
}
