package org.initlab.math;

import static org.initlab.math.MicroKernels.L;
import static org.initlab.math.MicroKernels.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorShuffle;

/**
 * Copies operand blocks into the contiguous layouts the micro-kernels stream through. Packing
 * moves values only (no arithmetic), so it cannot change any result bit.
 *
 * <p>Only operations whose whole call chain the JIT force-inlines are used (plain and masked
 * loads and stores, lane shuffles; no gathers, no masks built per call): at a rarely taken call
 * site the JIT may otherwise leave a vector operation to the Vector API's boxing fallback,
 * which allocates.
 */
final class PanelPacking {
    /** PREFIX[t] enables lanes 0..t−1; built once so that packing creates no masks. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static final VectorMask<Float>[] PREFIX = new VectorMask[L + 1];

    static {
        for (int t = 0; t <= L; t++) PREFIX[t] = S.indexInRange(0, t);
    }

    private PanelPacking() {}

    /**
     * B panel from a row-major k×n matrix: {@code bp[p·width + jj] = b[(p0+p)·n + j0 + jj]} for
     * jj &lt; w, and 0 for w ≤ jj &lt; width (width is a whole number of vectors).
     */
    static void rowPanel(float[] b, int n, int p0, int kb, int j0, int w, float[] bp, int width) {
        int full = w / L * L;
        VectorMask<Float> rest = PREFIX[w - full];
        for (int p = 0; p < kb; p++) {
            int src = (p0 + p) * n + j0, dst = p * width;
            for (int jj = 0; jj < full; jj += L) FloatVector.fromArray(S, b, src + jj).intoArray(bp, dst + jj);
            if (full < width) FloatVector.fromArray(S, b, src + full, rest).intoArray(bp, dst + full);
        }
    }

    /**
     * B panel from Bᵀ, i.e. from a row-major n×k matrix: {@code bp[p·width + jj] = b[(j0+jj)·k + p0 + p]}
     * for jj &lt; w, and 0 for w ≤ jj &lt; width. Rows kb..15 of the panel may be overwritten.
     *
     * <p>Whole groups of 16 columns (with 16-lane vectors) are transposed as 16×16 blocks in
     * registers; a depth that is not a multiple of 16 ends with a block that overlaps the previous
     * one (rewriting equal values) or, when shallower than 16, reads past the block into the next
     * rows of B and leaves the extra panel rows unused. Anything else is copied element by element.
     */
    static void transposedPanel(float[] b, int k, int p0, int kb, int j0, int w, float[] bp, int width) {
        for (int v = 0; v * L < width; v++) {
            int base = (j0 + v * L) * k + p0, dst = v * L;
            int cols = Math.min(L, w - v * L);
            boolean blocks = L == 16 && cols == 16 && (kb >= 16 || base + 15 * k + 16 <= b.length);
            if (blocks) {
                int p = 0;
                for (; p + 16 <= kb; p += 16) transpose16(b, base + p, k, bp, p * width + dst, width);
                if (p < kb) {
                    int last = Math.max(0, kb - 16);
                    transpose16(b, base + last, k, bp, last * width + dst, width);
                }
            } else {
                for (int p = 0; p < kb; p++) {
                    int to = p * width + dst;
                    for (int l = 0; l < cols; l++) bp[to + l] = b[base + l * k + p];
                    for (int l = cols; l < L; l++) bp[to + l] = 0f;
                }
            }
        }
    }

    private static final VectorShuffle<Float> ZIP_LOW = VectorShuffle.makeZip(S, 0);
    private static final VectorShuffle<Float> ZIP_HIGH = VectorShuffle.makeZip(S, 1);

    /**
     * Transposes the 16×16 block whose row r starts at {@code src[from + r·ld]} into
     * {@code dst[to + c·dstLd ...]} (16-lane vectors only). Four rounds of pairing row r with row
     * r+8 and interleaving their lanes rotate the 4 row-index bits into the lane index and the 4
     * lane-index bits into the row index, which is the transpose.
     */
    private static void transpose16(float[] src, int from, int ld, float[] dst, int to, int dstLd) {
        FloatVector r0 = FloatVector.fromArray(S, src, from), r1 = FloatVector.fromArray(S, src, from + ld);
        FloatVector r2 = FloatVector.fromArray(S, src, from + 2 * ld), r3 = FloatVector.fromArray(S, src, from + 3 * ld);
        FloatVector r4 = FloatVector.fromArray(S, src, from + 4 * ld), r5 = FloatVector.fromArray(S, src, from + 5 * ld);
        FloatVector r6 = FloatVector.fromArray(S, src, from + 6 * ld), r7 = FloatVector.fromArray(S, src, from + 7 * ld);
        FloatVector r8 = FloatVector.fromArray(S, src, from + 8 * ld), r9 = FloatVector.fromArray(S, src, from + 9 * ld);
        FloatVector r10 = FloatVector.fromArray(S, src, from + 10 * ld), r11 = FloatVector.fromArray(S, src, from + 11 * ld);
        FloatVector r12 = FloatVector.fromArray(S, src, from + 12 * ld), r13 = FloatVector.fromArray(S, src, from + 13 * ld);
        FloatVector r14 = FloatVector.fromArray(S, src, from + 14 * ld), r15 = FloatVector.fromArray(S, src, from + 15 * ld);
        for (int round = 0; round < 4; round++) {
            FloatVector t0 = r0.rearrange(ZIP_LOW, r8), t1 = r0.rearrange(ZIP_HIGH, r8);
            FloatVector t2 = r1.rearrange(ZIP_LOW, r9), t3 = r1.rearrange(ZIP_HIGH, r9);
            FloatVector t4 = r2.rearrange(ZIP_LOW, r10), t5 = r2.rearrange(ZIP_HIGH, r10);
            FloatVector t6 = r3.rearrange(ZIP_LOW, r11), t7 = r3.rearrange(ZIP_HIGH, r11);
            FloatVector t8 = r4.rearrange(ZIP_LOW, r12), t9 = r4.rearrange(ZIP_HIGH, r12);
            FloatVector t10 = r5.rearrange(ZIP_LOW, r13), t11 = r5.rearrange(ZIP_HIGH, r13);
            FloatVector t12 = r6.rearrange(ZIP_LOW, r14), t13 = r6.rearrange(ZIP_HIGH, r14);
            FloatVector t14 = r7.rearrange(ZIP_LOW, r15), t15 = r7.rearrange(ZIP_HIGH, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7;
            r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        r0.intoArray(dst, to); r1.intoArray(dst, to + dstLd); r2.intoArray(dst, to + 2 * dstLd); r3.intoArray(dst, to + 3 * dstLd);
        r4.intoArray(dst, to + 4 * dstLd); r5.intoArray(dst, to + 5 * dstLd); r6.intoArray(dst, to + 6 * dstLd); r7.intoArray(dst, to + 7 * dstLd);
        r8.intoArray(dst, to + 8 * dstLd); r9.intoArray(dst, to + 9 * dstLd); r10.intoArray(dst, to + 10 * dstLd); r11.intoArray(dst, to + 11 * dstLd);
        r12.intoArray(dst, to + 12 * dstLd); r13.intoArray(dst, to + 13 * dstLd); r14.intoArray(dst, to + 14 * dstLd); r15.intoArray(dst, to + 15 * dstLd);
    }

    /**
     * A block from a row-major k×m matrix (A stored transposed): {@code ap[p·lda + i] = a[(p0+p)·m + i0 + i]}
     * for i &lt; mc.
     */
    static void columnBlock(float[] a, int m, int p0, int kb, int i0, int mc, float[] ap, int lda) {
        int full = mc / L * L;
        VectorMask<Float> rest = PREFIX[mc - full];
        for (int p = 0; p < kb; p++) {
            int src = (p0 + p) * m + i0, dst = p * lda;
            for (int i = 0; i < full; i += L) FloatVector.fromArray(S, a, src + i).intoArray(ap, dst + i);
            if (full < mc) FloatVector.fromArray(S, a, src + full, rest).intoArray(ap, dst + full, rest);
        }
    }
}
