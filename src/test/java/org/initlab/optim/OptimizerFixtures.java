package org.initlab.optim;

import org.initlab.math.Parameter;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A tiny parameter vector with known gradients, run through an optimizer step by step. */
final class OptimizerFixtures {
    private OptimizerFixtures() {}

    static final double[] THETA0 = {1.0, -2.0, 0.5};
    /** The gradient at steps 1, 2, 3 (fixed, so the expected values follow from the formulas alone). */
    static final double[][] GRADS = {{0.5, -1.0, 2.0}, {0.25, 0.5, -1.5}, {-0.75, 1.0, 0.1}};

    static Parameter parameter(String name, double[] values, boolean decays) {
        float[] v = new float[values.length];
        for (int i = 0; i < v.length; i++) v[i] = (float) values[i];
        return new Parameter(name, v, new float[v.length], decays);
    }

    /** θ after feeding {@code grads} one step at a time to {@code spec} bound to θ₀. */
    static float[] run(OptimizerSpec spec, double[] theta0, double[][] grads, boolean decays) {
        Parameter p = parameter("w", theta0, decays);
        Optimizer opt = spec.bind(List.of(p));
        for (double[] g : grads) {
            for (int i = 0; i < g.length; i++) p.grad()[i] = (float) g[i];
            opt.step();
        }
        assertEquals(grads.length, opt.steps());
        return p.value();
    }

    static float[] run(String name, Map<String, ?> params) {
        return run(Optimizers.spec(name, params), THETA0, GRADS, true);
    }

    /** Float32 results against a double-precision expectation: a few float roundings allowed. */
    static void assertClose(double[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            double tolerance = 2e-6 * Math.max(1, Math.abs(expected[i]));
            assertEquals(expected[i], actual[i], tolerance, "element " + i);
        }
    }

    /** The largest absolute difference, to show that two rules a test tells apart really differ. */
    static double maxDifference(double[] a, double[] b) {
        double d = 0;
        for (int i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
        return d;
    }
}
