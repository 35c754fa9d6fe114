package org.initlab.init;

import org.initlab.UserError;
import org.initlab.math.Matrix;
import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityAndSparseTest {
    @Test
    void identityIsGainOnTheLeadingDiagonalOfAnyShape() {
        for (int[] shape : new int[][] {{3, 5}, {5, 3}, {4, 4}}) {
            Matrix w = new Matrix(shape[0], shape[1]);
            java.util.Arrays.fill(w.data(), 9f);
            new Identity(2.0).initialize(w, RandomStreams.of(1));
            for (int r = 0; r < shape[0]; r++) {
                for (int c = 0; c < shape[1]; c++) assertEquals(r == c ? 2f : 0f, w.get(r, c), "at " + r + "," + c);
            }
        }
    }

    /** PyTorch's per-column zeros of its (out × in) weight are per-row zeros of our (in × out) one: ⌈0.3·40⌉ = 12 each. */
    @Test
    void sparseZeroesTheSameCountInEveryInputRow() {
        Matrix w = new Matrix(50, 40);
        new Sparse(0.3, 0.01).initialize(w, RandomStreams.of(70));
        Set<Set<Integer>> patterns = new HashSet<>();
        for (int r = 0; r < 50; r++) {
            Set<Integer> zeros = new HashSet<>();
            for (int c = 0; c < 40; c++) if (w.get(r, c) == 0f) zeros.add(c);
            assertEquals(12, zeros.size(), "row " + r);
            patterns.add(zeros);
        }
        assertTrue(patterns.size() > 45, "rows pick their zeros independently: " + patterns.size() + " distinct patterns");
        assertEquals(1, new Sparse(0.01, 0.01).zerosPerInput(40)); // ceil, as PyTorch
    }

    /** The surviving values are N(0, std²): 500 × 1000 with 10% zeros leaves 450 000 draws. */
    @Test
    void sparseNonzerosAreNormalWithTheGivenStd() {
        Matrix w = new Matrix(500, 1000);
        new Sparse(0.1, 0.02).initialize(w, RandomStreams.of(71));
        float[] kept = new float[450_000];
        int k = 0;
        for (float v : w.data()) if (v != 0f) kept[k++] = v;
        assertEquals(450_000, k);
        SampleStats.of(kept).assertMoments(0, 0.0004, SampleStats.NORMAL_KURTOSIS, "sparse nonzeros");
    }

    @Test
    void sparseExtremesAndValidation() {
        Matrix w = new Matrix(6, 5);
        new Sparse(1.0, 0.01).initialize(w, RandomStreams.of(72));
        for (float v : w.data()) assertEquals(0f, v);
        new Sparse(0.0, 0.01).initialize(w, RandomStreams.of(72));
        for (float v : w.data()) assertTrue(v != 0f);
        assertThrows(UserError.class, () -> new Sparse(1.5, 0.01));
        assertThrows(UserError.class, () -> new Sparse(0.5, 0));
    }
}
