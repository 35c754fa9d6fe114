package org.initlab.study;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The study's progress counts every run in training, not only the one reporting. */
class CostInFlightTest {
    @Test
    void everyRunInTrainingCounts() {
        CostInFlight c = new CostInFlight();
        assertEquals(3, c.update("a", 3), 1e-12);
        assertEquals(4, c.update("b", 1), 1e-12, "b reports: a's 3 still count");
        assertEquals(9, c.update("a", 8), 1e-12, "a's latest replaces its earlier");
        c.left("a");
        assertEquals(2, c.update("b", 2), 1e-12, "a left: counted with the finished runs from now on, not here");
        c.clear();
        assertEquals(1, c.update("c", 1), 1e-12);
    }
}
