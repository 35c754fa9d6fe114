package org.initlab.nn;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every activation's compiled loops allocate nothing. A vector function that the JIT fails to
 * inline whole makes it box every vector (hundreds of KB per call, and ten times slower), so this
 * guards the shape of the code in {@code org.initlab.math.FloatFunctions} and the activations.
 */
class ActivationAllocationTest {
    @Test
    void forwardAndBackwardAllocateNothingOnceCompiled() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        float[] z = new float[3203], a = new float[z.length], g = new float[z.length];
        for (int i = 0; i < z.length; i++) z[i] = (float) Math.sin(i) * 3;
        for (Activation act : ActivationTest.all()) {
            long best = Long.MAX_VALUE;
            for (int window = 0; window < 30 && best > 0; window++) {
                for (int i = 0; i < (window < 10 ? 2000 : 200); i++) {
                    act.forward(z, a, 0, z.length);
                    act.backward(z, a, a, g, 0, z.length);
                }
                long before = mx.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < 50; i++) {
                    act.forward(z, a, 0, z.length);
                    act.backward(z, a, a, g, 0, z.length);
                }
                best = Math.min(best, mx.getCurrentThreadAllocatedBytes() - before);
            }
            assertEquals(0L, best, act + ": bytes allocated by 50 forward and backward passes");
        }
    }
}
