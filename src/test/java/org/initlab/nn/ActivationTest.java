package org.initlab.nn;

import org.initlab.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class ActivationTest {
    /** Every activation of the catalogue, plus non-default parameters. */
    public static List<Activation> all() {
        List<Activation> as = new ArrayList<>();
        for (String n : Activations.names()) as.add(Activations.create(n));
        as.add(Activations.create("leaky_relu", Map.of("negative_slope", 0.2)));
        as.add(Activations.create("elu", Map.of("alpha", 0.5)));
        as.add(Activations.create("gelu", Map.of("approximate", "tanh")));
        as.add(Activations.create("softplus", Map.of("beta", 2.0, "threshold", 10.0)));
        return as;
    }

    private static float[] inputs(int n, long seed) {
        Random r = new Random(seed);
        float[] z = new float[n];
        for (int i = 0; i < n; i++) z[i] = (float) (r.nextGaussian() * 3);
        return z;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void forwardMatchesTheDoubleDefinition(Activation act) {
        float[] z = inputs(1037, 1);
        float[] a = new float[z.length];
        act.forward(z, a, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            double want = act.value(z[i]);
            assertEquals(want, a[i], 4e-7 * Math.max(1, Math.abs(want)), act.name() + "(" + z[i] + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void backwardIsGradientTimesDerivative(Activation act) {
        float[] z = inputs(1037, 2);
        float[] a = new float[z.length];
        float[] da = inputs(z.length, 3);
        float[] dz = new float[z.length];
        act.forward(z, a, 0, z.length);
        act.backward(z, a, da, dz, 0, z.length);
        for (int i = 0; i < z.length; i++) {
            double want = da[i] * act.derivative(z[i]);
            assertEquals(want, dz[i], 2e-6 * Math.max(1, Math.abs(want)), act.name() + "'(" + z[i] + ")");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void derivativeIsTheSlopeOfTheValue(Activation act) {
        for (double x = -6.05; x < 6; x += 0.1) {
            double h = 1e-6;
            double numeric = (act.value(x + h) - act.value(x - h)) / (2 * h);
            assertEquals(numeric, act.derivative(x), 2e-6, act.name() + "'(" + x + ")");
            assertTrue(Math.abs(act.derivative(x)) <= act.maxDerivative() + 1e-4, act.name() + " max derivative");
        }
    }

    /**
     * Vector lanes and the scalar tail compute the same bits: the whole array (vector lanes) equals
     * each element computed alone (one-element ranges run the scalar tail), forward and backward,
     * and a range writes nothing outside it.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void vectorLanesAndScalarTailAgreeBitForBit(Activation act) {
        float[] z = inputs(100, 4);
        z[0] = 0f; z[1] = -0f; z[2] = 30f; z[3] = -30f; z[4] = 0.625f; z[5] = 1e-6f;
        float[] da = inputs(100, 5);
        float[] whole = new float[z.length], alone = new float[z.length];
        act.forward(z, whole, 0, z.length);
        for (int i = 0; i < z.length; i++) act.forward(z, alone, i, i + 1);
        float[] gWhole = new float[z.length], gAlone = new float[z.length];
        act.backward(z, whole, da, gWhole, 0, z.length);
        for (int i = 0; i < z.length; i++) act.backward(z, whole, da, gAlone, i, i + 1);
        for (int i = 0; i < z.length; i++) {
            assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(alone[i]), "forward at z=" + z[i]);
            assertEquals(Float.floatToRawIntBits(gWhole[i]), Float.floatToRawIntBits(gAlone[i]), "backward at z=" + z[i]);
        }
        float[] inPlace = z.clone();
        act.forward(inPlace, inPlace, 0, inPlace.length);
        for (int i = 0; i < z.length; i++) assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(inPlace[i]), "in place at z=" + z[i]);
        float[] part = new float[z.length];
        java.util.Arrays.fill(part, -7f);
        act.forward(z, part, 3, 40);
        for (int i = 0; i < z.length; i++) {
            if (i < 3 || i >= 40) assertEquals(-7f, part[i], "outside the range");
            else assertEquals(Float.floatToRawIntBits(whole[i]), Float.floatToRawIntBits(part[i]));
        }
    }

    @Test
    void nanPropagatesForward() {
        for (Activation act : all()) {
            if (act instanceof Identity) continue;
            float[] z = {Float.NaN, 1f};
            float[] a = new float[2];
            act.forward(z, a, 0, 2);
            assertTrue(Float.isNaN(a[0]), act.name() + " must keep NaN so divergence is seen");
        }
    }

    @Test
    void catalogueRejectsUnknownNamesAndParameters() {
        UserError e = assertThrows(UserError.class, () -> Activations.create("rleu"));
        assertTrue(e.getMessage().contains("did you mean 'relu'"), e.getMessage());
        e = assertThrows(UserError.class, () -> Activations.create("leaky_relu", Map.of("slope", 0.1)));
        assertTrue(e.getMessage().contains("negative_slope"), e.getMessage());
        e = assertThrows(UserError.class, () -> Activations.create("relu", Map.of("alpha", 1)));
        assertTrue(e.getMessage().contains("takes no parameters"), e.getMessage());
        assertEquals("leaky_relu", Activations.create("LeakyReLU").name());
        assertEquals(0.01, Activations.create("leaky_relu").params().get("negative_slope"));
    }

    @Test
    void seluHasItsPublishedConstants() {
        assertEquals(1.0507009873554805, Selu.LAMBDA, 1e-15);
        assertEquals(1.6732632423543772, Selu.ALPHA, 1e-15);
        // self-normalising fixed point: for z ~ N(0,1), E[selu(z)] = 0 and E[selu(z)^2] = 1 (Klambauer et al. 2017)
        Selu s = new Selu();
        double m1 = 0, m2 = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double z = -10 + 20.0 * (i + 0.5) / n;
            double w = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * 20.0 / n;
            double v = s.value(z);
            m1 += w * v;
            m2 += w * v * v;
        }
        assertEquals(0, m1, 1e-6);
        assertEquals(1, m2, 1e-6);
    }
}
