package org.initlab.train;

import org.initlab.init.Initializers;
import org.initlab.nn.Activations;
import org.initlab.optim.Optimizers;
import org.initlab.train.probe.ProbeSet;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Once a run is set up and compiled, a training step allocates nothing (the probes' step hooks included). */
class StepAllocationTest {
    @Test
    void aTrainingStepAllocatesNothing() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (String act : new String[]{"relu", "tanh", "gelu"}) {
            TrainingPlan plan = new TrainingPlan(new int[]{64, 32}, Activations.create(act), false,
                    Initializers.weight("xavier_uniform", Map.of()), Initializers.bias("zeros", Map.of()),
                    Optimizers.spec("adam", Map.of("lr", 0.001)), 50, 1, 0, Evaluation.standard());
            Trainer t = new Trainer(plan, TrainerTest.DATA, ProbeSet.of(new ProbeSettings(10, 100, 5, 0.1), TrainerTest.DATA), RunListener.NONE);
            long best = Long.MAX_VALUE;
            // warm up until the JIT has compiled the step; then the best of several windows must be 0 bytes
            for (int window = 0; window < 40 && best > 0; window++) {
                steps(t, window < 20 ? 500 : 50);
                long before = mx.getCurrentThreadAllocatedBytes();
                steps(t, 200);
                best = Math.min(best, mx.getCurrentThreadAllocatedBytes() - before);
            }
            assertEquals(0L, best, act + ": bytes allocated by 200 training steps");
        }
    }

    private static void steps(Trainer t, int count) {
        for (int i = 0; i < count; i++) t.step();
    }
}
