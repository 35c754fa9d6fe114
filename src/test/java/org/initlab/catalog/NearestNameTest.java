package org.initlab.catalog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NearestNameTest {
    @Test
    void suggestsTyposTranspositionsAndPrefixes() {
        List<String> names = List.of("mnist", "fashion-mnist", "kmnist", "mnist-pkl");
        assertEquals("mnist", NearestName.of("mnsit", names));
        assertEquals("fashion-mnist", NearestName.of("fashion", names));
        assertEquals("kmnist", NearestName.of("kminst", names));
        assertNull(NearestName.of("cifar10", names));
        assertEquals(1, NearestName.distance("relu", "rleu"));
        assertEquals(3, NearestName.distance("kitten", "sitting"));
    }

    @Test
    void unknownListsTheValidNames() {
        String m = NearestName.unknown("activation", "rleu", List.of("relu", "tanh"));
        assertEquals("unknown activation 'rleu'; did you mean 'relu'? (valid: relu, tanh)", m);
        assertTrue(NearestName.unknown("x", "zzzz", List.of("a")).endsWith("(valid: a)"));
    }
}
