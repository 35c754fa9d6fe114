package org.initlab.optim;

import jdk.incubator.vector.FloatVector;
import org.initlab.math.Parameter;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/**
 * The Vector API loops give the same bits as the scalar loop run over the whole array, for
 * lengths below, at and around the vector width, so results do not depend on the SIMD width.
 */
class VectorPathTest {
    private static final int[] LENGTHS = {1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 1000};
    private static final int STEPS = 4;

    private static final List<OptimizerSpec> CONFIGS = List.of(
            Optimizers.spec("sgd", Map.of("lr", 0.1)),
            Optimizers.spec("sgd", Map.of("lr", 0.1, "momentum", 0.9, "dampening", 0.1, "weight_decay", 0.01)),
            Optimizers.spec("sgd", Map.of("lr", 0.1, "momentum", 0.9, "nesterov", true, "weight_decay", 0.01, "maximize", true)),
            Optimizers.spec("adam", Map.of("lr", 0.01)),
            Optimizers.spec("adam", Map.of("lr", 0.01, "weight_decay", 0.1, "amsgrad", true, "maximize", true)),
            Optimizers.spec("adamw", Map.of("lr", 0.01, "amsgrad", true)),
            Optimizers.spec("rmsprop", Map.of()),
            Optimizers.spec("rmsprop", Map.of("centered", true, "momentum", 0.9, "weight_decay", 0.01)),
            Optimizers.spec("adagrad", Map.of("lr_decay", 0.1, "weight_decay", 0.01, "initial_accumulator_value", 0.1)));

    @Test
    void vectorAndScalarLoopsGiveIdenticalBits() {
        for (OptimizerSpec spec : CONFIGS) {
            for (int n : LENGTHS) {
                String what = spec + " n=" + n + " lanes=" + FloatVector.SPECIES_PREFERRED.length();
                float[][] vector = run(spec, n, true);
                float[][] scalar = run(spec, n, false);
                for (int k = 0; k < vector.length; k++) assertArrayEquals(bits(scalar[k]), bits(vector[k]), what);
            }
        }
    }

    /** Two parameters (one decaying, one not) with random values and random gradients each step. */
    private static float[][] run(OptimizerSpec spec, int n, boolean vectorized) {
        RandomGenerator random = RandomStreams.stream(42, "optim/vector-path/" + n);
        Parameter weight = new Parameter("w", gaussian(random, n), new float[n], true);
        Parameter bias = new Parameter("b", gaussian(random, n + 3), new float[n + 3], false);
        List<Parameter> parameters = List.of(weight, bias);
        Optimizer opt = switch (spec) {
            case Sgd s -> s.bind(parameters, vectorized);
            case Adam s -> s.bind(parameters, vectorized);
            case AdamW s -> s.bind(parameters, vectorized);
            case RmsProp s -> s.bind(parameters, vectorized);
            case Adagrad s -> s.bind(parameters, vectorized);
            default -> throw new AssertionError(spec);
        };
        for (int t = 0; t < STEPS; t++) {
            for (Parameter p : parameters) System.arraycopy(gaussian(random, p.size()), 0, p.grad(), 0, p.size());
            opt.step();
        }
        return new float[][] {weight.value(), bias.value()};
    }

    private static float[] gaussian(RandomGenerator random, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = (float) random.nextGaussian();
        return a;
    }

    private static int[] bits(float[] a) {
        int[] b = new int[a.length];
        for (int i = 0; i < a.length; i++) b[i] = Float.floatToIntBits(a[i]);
        return b;
    }
}
