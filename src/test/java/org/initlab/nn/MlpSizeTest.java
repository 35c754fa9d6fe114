package org.initlab.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;

/** Buffer sizes are products of widths and the batch: one that overflows an int is an error, not a short buffer. */
class MlpSizeTest {
    @Test
    void anOverflowingBufferSizeIsAnError() {
        // 65,536 × 65,536 = 2³² wraps to 0 in int arithmetic: unchecked, the layer would get empty activation buffers
        assertThrows(ArithmeticException.class, () -> new Mlp(new int[]{4, 65_536, 10}, new Relu(), false, 65_536));
    }
}
