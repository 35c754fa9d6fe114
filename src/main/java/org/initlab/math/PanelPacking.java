package org.initlab.math;

import static org.initlab.math.MicroKernels.L;
import static org.initlab.math.MicroKernels.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;

/**
 * Copies operand blocks into the contiguous layouts the micro-kernels stream through. Packing
 * moves values only (no arithmetic), so it cannot change any result bit.
 */
final class PanelPacking {
    private PanelPacking() {}

    /**
     * B panel from a row-major k×n matrix: {@code bp[p·width + jj] = b[(p0+p)·n + j0 + jj]} for
     * jj &lt; w, and 0 for w ≤ jj &lt; width (width is a whole number of vectors).
     */
    static void rowPanel(float[] b, int n, int p0, int kb, int j0, int w, float[] bp, int width) {
        int full = w / L;
        VectorMask<Float> rest = S.indexInRange(full * L, w);
        for (int p = 0; p < kb; p++) {
            int src = (p0 + p) * n + j0, dst = p * width;
            for (int v = 0; v < full; v++) FloatVector.fromArray(S, b, src + v * L).intoArray(bp, dst + v * L);
            if (full * L < width) FloatVector.fromArray(S, b, src + full * L, rest).intoArray(bp, dst + full * L);
        }
    }

    /**
     * B panel from Bᵀ, i.e. from a row-major n×k matrix: {@code bp[p·width + jj] = b[(j0+jj)·k + p0 + p]}
     * for jj &lt; w, and 0 for w ≤ jj &lt; width.
     */
    static void transposedPanel(float[] b, int k, int p0, int kb, int j0, int w, float[] bp, int width) {
        for (int jj = 0; jj < w; jj++) {
            int src = (j0 + jj) * k + p0;
            for (int p = 0; p < kb; p++) bp[p * width + jj] = b[src + p];
        }
        for (int jj = w; jj < width; jj++) {
            for (int p = 0; p < kb; p++) bp[p * width + jj] = 0f;
        }
    }

    /**
     * A block from a row-major k×m matrix (A stored transposed): {@code ap[p·lda + i] = a[(p0+p)·m + i0 + i]}
     * for i &lt; mc. A leading dimension that is not a multiple of 32 floats keeps the kernel's
     * column walk from piling onto a few cache sets.
     */
    static void columnBlock(float[] a, int m, int p0, int kb, int i0, int mc, float[] ap, int lda) {
        int full = mc / L;
        VectorMask<Float> rest = S.indexInRange(full * L, mc);
        for (int p = 0; p < kb; p++) {
            int src = (p0 + p) * m + i0, dst = p * lda;
            for (int v = 0; v < full; v++) FloatVector.fromArray(S, a, src + v * L).intoArray(ap, dst + v * L);
            if (full * L < mc) FloatVector.fromArray(S, a, src + full * L, rest).intoArray(ap, dst + full * L, rest);
        }
    }
}
