package org.initlab.init;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GaussHermiteTest {
    /** E[Z^(2k)] = (2k−1)!!; an n-point rule is exact up to degree 2n−1. */
    @Test
    void integratesPolynomialsExactlyUpToDegreeTwoNMinusOne() {
        for (int n : new int[] {1, 2, 5, 10, 41, 100}) {
            GaussHermite rule = GaussHermite.of(n);
            assertEquals(n, rule.order());
            for (int k = 0; 2 * k <= 2 * n - 1 && k <= 12; k++) {
                int power = 2 * k;
                double doubleFactorial = 1;
                for (int j = power - 1; j > 1; j -= 2) doubleFactorial *= j;
                double moment = rule.expectation(x -> Math.pow(x, power));
                assertEquals(doubleFactorial, moment, 1e-12 * doubleFactorial, "n=" + n + ", E[Z^" + power + "]");
                assertEquals(0.0, rule.expectation(x -> Math.pow(x, power + 1)), 1e-12 * Math.max(1, doubleFactorial), "odd moment");
            }
        }
    }

    @Test
    void nodesAreSortedAndMirroredWithEqualWeights() {
        GaussHermite rule = GaussHermite.of(100);
        for (int i = 0; i < 100; i++) {
            assertEquals(-rule.node(i), rule.node(99 - i), 0.0);
            assertEquals(rule.weight(i), rule.weight(99 - i), 0.0);
            if (i > 0) assertEquals(true, rule.node(i) > rule.node(i - 1));
        }
        // He_2 = x² − 1: nodes ±1, weights ½.
        GaussHermite two = GaussHermite.of(2);
        assertEquals(1.0, two.node(1), 1e-15);
        assertEquals(0.5, two.weight(1), 1e-15);
    }
}
