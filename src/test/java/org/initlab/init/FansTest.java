package org.initlab.init;

import org.initlab.math.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FansTest {
    @Test
    void fanInIsRowsOfTheInputsByOutputsWeight() {
        Fans fans = Fans.of(new Matrix(784, 256));
        assertEquals(784, fans.in());
        assertEquals(256, fans.out());
        assertEquals(784.0, fans.of(FanMode.FAN_IN));
        assertEquals(256.0, fans.of(FanMode.FAN_OUT));
        assertEquals(520.0, fans.of(FanMode.FAN_AVG));
        assertEquals(5.5, new Fans(10, 1).of(FanMode.FAN_AVG));
    }

    @Test
    void emptyFansAreFlooredAtOneAsKerasDoes() {
        Fans fans = new Fans(0, 0);
        assertEquals(1.0, fans.of(FanMode.FAN_IN));
        assertEquals(1.0, fans.of(FanMode.FAN_AVG));
    }
}
