package org.initlab.optim;

import com.sun.management.ThreadMXBean;
import org.initlab.math.Parameter;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** After JIT warm-up, {@code step()} allocates no bytes, for every optimizer in its richest configuration. */
class StepAllocationTest {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final int BATCH = 200;
    private static final long WARM_UP_LIMIT_NANOS = 30_000_000_000L;

    private static final List<OptimizerSpec> CONFIGS = List.of(
            Optimizers.spec("sgd", Map.of("lr", 0.01, "momentum", 0.9, "nesterov", true, "weight_decay", 1e-4, "maximize", true)),
            Optimizers.spec("sgd", Map.of("lr", 0.01, "momentum", 0.9, "dampening", 0.1)),
            Optimizers.spec("adam", Map.of("weight_decay", 1e-4, "amsgrad", true)),
            Optimizers.spec("adamw", Map.of()),
            Optimizers.spec("rmsprop", Map.of("centered", true, "momentum", 0.9, "weight_decay", 1e-4)),
            Optimizers.spec("adagrad", Map.of("lr_decay", 1e-3, "weight_decay", 1e-4)));

    /**
     * Warm-up runs until several batches in a row allocate nothing (C2 has compiled the Vector API
     * loops; before that, vectors are boxed). A deoptimisation and recompilation can still allocate
     * once, so the steady state is judged on the best of three long windows: an allocation in every
     * step would show in all of them.
     */
    @Test
    void stepAllocatesNothingAfterWarmUp() {
        for (OptimizerSpec spec : CONFIGS) {
            Parameter w = new Parameter("w", filled(515, 0.5f), filled(515, 0.01f), true);
            Parameter b = new Parameter("b", filled(19, 0.1f), filled(19, -0.01f), false);
            Optimizer opt = spec.bind(List.of(w, b));
            long deadline = System.nanoTime() + WARM_UP_LIMIT_NANOS;
            int zeroBatchesInARow = 0;
            while (zeroBatchesInARow < 5 && System.nanoTime() < deadline) {
                zeroBatchesInARow = allocatedBy(opt, BATCH) == 0 ? zeroBatchesInARow + 1 : 0;
            }
            long least = Long.MAX_VALUE;
            for (int window = 0; window < 3 && least != 0; window++) least = Math.min(least, allocatedBy(opt, 10 * BATCH));
            assertEquals(0, least, () -> spec + " allocates in step()");
        }
    }

    private static long allocatedBy(Optimizer opt, int steps) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < steps; i++) opt.step();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    private static float[] filled(int n, float value) {
        float[] a = new float[n];
        java.util.Arrays.fill(a, value);
        return a;
    }
}
