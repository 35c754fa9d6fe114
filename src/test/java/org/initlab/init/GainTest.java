package org.initlab.init;

import org.initlab.UserError;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Expected values are what PyTorch's calculate_gain returns (Python doubles). */
class GainTest {
    @Test
    void tableMatchesPyTorchExactly() {
        for (String linear : new String[] {"linear", "identity", "conv1d", "conv2d", "conv3d",
                "conv_transpose1d", "conv_transpose2d", "conv_transpose3d", "sigmoid"}) {
            assertEquals(1.0, Gain.of(linear), 0.0, linear);
        }
        assertEquals(1.6666666666666667, Gain.of("tanh"), 0.0);
        assertEquals(1.4142135623730951, Gain.of("relu"), 0.0);
        assertEquals(0.75, Gain.of("selu"), 0.0);
        assertEquals(1.4141428569978354, Gain.of("leaky_relu"), 0.0);      // slope 0.01
        assertEquals(1.4142135623730951, Gain.of("leaky_relu", 0.0), 0.0); // = relu
        assertEquals(Math.sqrt(2.0 / 1.04), Gain.of("leaky_relu", 0.2), 0.0);
        assertEquals(Math.sqrt(1.0 / 3), Gain.of("leaky_relu", Math.sqrt(5)), 1e-16); // nn.Linear's a = √5
        assertEquals(5.0 / 3, Gain.of("TANH", 0.5), 0.0);                  // param ignored, case-insensitive
    }

    @Test
    void unknownNonlinearityIsAUserErrorWithASuggestion() {
        UserError e = assertThrows(UserError.class, () -> Gain.of("tahn"));
        assertTrue(e.getMessage().contains("did you mean 'tanh'"), e.getMessage());
        assertThrows(UserError.class, () -> Gain.of("gelu"));
        assertThrows(UserError.class, () -> Gain.of("leaky_relu", Double.NaN));
    }
}
