package org.initlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FloatFunctionsTest {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private static float[] grid(float lo, float hi, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = lo + (hi - lo) * i / (n - 1);
        return x;
    }

    private static double ulps(float got, double want) {
        return Math.abs(got - want) / Math.ulp((float) want);
    }

    @Test
    void expIsWithinTwoUlpsOverItsRange() {
        double worst = 0;
        for (float x : grid(FloatFunctions.EXP_MIN, FloatFunctions.EXP_MAX, 200_001)) {
            worst = Math.max(worst, ulps(FloatFunctions.exp(x), Math.exp(x)));
        }
        assertTrue(worst <= 2.0, "worst exp error " + worst + " ulp");
        assertEquals(1f, FloatFunctions.exp(0f));
        assertTrue(Float.isNaN(FloatFunctions.exp(Float.NaN)));
        assertTrue(FloatFunctions.exp(-1000f) > 0f && FloatFunctions.exp(-1000f) < 1e-37f, "saturates low to a tiny normal");
    }

    @Test
    void tanhSigmoidErfAreAccurate() {
        double tanhWorst = 0, sigWorst = 0, erfWorst = 0;
        for (float x : grid(-12f, 12f, 240_001)) {
            tanhWorst = Math.max(tanhWorst, Math.abs(FloatFunctions.tanh(x) - Math.tanh(x)));
            sigWorst = Math.max(sigWorst, Math.abs(FloatFunctions.sigmoid(x) - 1 / (1 + Math.exp(-x))));
            erfWorst = Math.max(erfWorst, Math.abs(FloatFunctions.erf(x) - erfReference(x)));
        }
        assertTrue(tanhWorst < 2.5e-7, "tanh abs error " + tanhWorst);
        assertTrue(sigWorst < 1.5e-7, "sigmoid abs error " + sigWorst);
        assertTrue(erfWorst < 5e-7, "erf abs error " + erfWorst);
        // near zero tanh keeps relative accuracy
        for (float x : grid(-0.6f, 0.6f, 10_001)) {
            if (x != 0) assertTrue(ulps(FloatFunctions.tanh(x), Math.tanh(x)) <= 3, "tanh(" + x + ")");
        }
        assertEquals(0f, FloatFunctions.tanh(0f));
        assertEquals(1f, FloatFunctions.tanh(30f));
        assertEquals(-1f, FloatFunctions.tanh(-30f));
    }

    @Test
    void log1pIsWithinTwoUlpsOnTheUnitInterval() {
        double worst = 0;
        for (float u : grid(0f, 1f, 200_001)) if (u > 0) worst = Math.max(worst, ulps(FloatFunctions.log1p(u), Math.log1p(u)));
        for (float u : grid(1e-30f, 1e-3f, 10_001)) worst = Math.max(worst, ulps(FloatFunctions.log1p(u), Math.log1p(u)));
        assertTrue(worst <= 3, "log1p error " + worst + " ulp");
        assertEquals(0f, FloatFunctions.log1p(0f));
        assertEquals(1e-10f, FloatFunctions.log1p(1e-10f));
    }

    @Test
    void vectorLanesAndScalarGiveTheSameBits() {
        Random r = new Random(7);
        int n = 1000 + 13;
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * 6);
        x[0] = 0f; x[1] = -0f; x[2] = 0.625f; x[3] = -0.625f; x[4] = 100f; x[5] = -100f; x[6] = Float.MIN_NORMAL;
        check(x, FloatFunctions::exp, FloatFunctions::exp);
        check(x, FloatFunctions::tanh, FloatFunctions::tanh);
        check(x, FloatFunctions::sigmoid, FloatFunctions::sigmoid);
        check(x, FloatFunctions::erf, FloatFunctions::erf);
        float[] unit = new float[n];
        for (int i = 0; i < n; i++) unit[i] = Math.abs(x[i]) / 20f % 1f;
        check(unit, FloatFunctions::log1p, FloatFunctions::log1p);
        check(unit, FloatFunctions::erfcFactor, FloatFunctions::erfcFactor);
    }

    /** Cold (interpreted) and hot (compiled) code must agree bit for bit: reproducibility depends on it. */
    @Test
    void resultsDoNotChangeOnceCompiled() {
        float[] x = grid(-20f, 20f, 4099);
        float[] cold = new float[x.length];
        apply(x, cold, FloatFunctions::tanh);
        float[] hot = new float[x.length];
        for (int rep = 0; rep < 3000; rep++) apply(x, hot, FloatFunctions::tanh);
        for (int i = 0; i < x.length; i++) assertEquals(Float.floatToRawIntBits(cold[i]), Float.floatToRawIntBits(hot[i]), "x=" + x[i]);
    }

    private static void apply(float[] x, float[] out, UnaryOperator<FloatVector> f) {
        int i = 0;
        for (; i < S.loopBound(x.length); i += S.length()) f.apply(FloatVector.fromArray(S, x, i)).intoArray(out, i);
        VectorMask<Float> m = S.indexInRange(i, x.length);
        f.apply(FloatVector.fromArray(S, x, i, m)).intoArray(out, i, m);
    }

    private interface FloatOp { float apply(float x); }

    private static void check(float[] x, UnaryOperator<FloatVector> vec, FloatOp scalar) {
        float[] out = new float[x.length];
        apply(x, out, vec);
        for (int i = 0; i < x.length; i++) {
            float want = scalar.apply(x[i]);
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(out[i]), "lane for x=" + x[i] + ": " + out[i] + " vs scalar " + want);
        }
    }

    /** erf in double by its Maclaurin series (small x) or continued fraction for erfc (large x). */
    static double erfReference(double x) {
        double ax = Math.abs(x);
        double result;
        if (ax < 3) {
            double sum = 0, term = ax;
            for (int n = 0; n < 200; n++) {
                sum += term / (2 * n + 1);
                term *= -ax * ax / (n + 1);
                if (Math.abs(term) < 1e-20) break;
            }
            result = 2 / Math.sqrt(Math.PI) * sum;
        } else {
            double f = 0;
            for (int k = 60; k >= 1; k--) f = k / 2.0 / (ax + f);
            result = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
        }
        return Math.copySign(result, x);
    }
}
