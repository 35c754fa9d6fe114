package org.initlab.math;

import static org.initlab.math.MicroKernels.L;
import static org.initlab.math.MicroKernels.S;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

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
     * <p>Groups of up to 16 columns (with 16-lane vectors) are transposed as 16×16 blocks in
     * registers, missing columns as zeros; a depth that is not a multiple of 16 ends with a block
     * that overlaps the previous one (rewriting equal values) or, when shallower than 16, reads
     * past the block into the next rows of B and leaves the extra panel rows unused. Anything else
     * is copied element by element.
     */
    static void transposedPanel(float[] b, int k, int p0, int kb, int j0, int w, float[] bp, int width) {
        for (int v = 0; v * L < width; v++) {
            int base = (j0 + v * L) * k + p0, dst = v * L;
            int cols = Math.min(L, w - v * L);
            boolean blocks = L == 16 && (kb >= 16 || base + (cols - 1) * k + 16 <= b.length);
            if (blocks) {
                int p = 0;
                for (; p + 16 <= kb; p += 16) transpose16(b, base + p, k, cols, bp, p * width + dst, width);
                if (p < kb) {
                    int last = Math.max(0, kb - 16);
                    transpose16(b, base + last, k, cols, bp, last * width + dst, width);
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

    /**
     * The transpose of the {@code cols} × {@code count} block {@code t[j·ld + i]} (cols &lt; L) into
     * the first {@code cols} columns of C's rows, plus {@code bias[j]} when it is not null:
     * {@code c[cOff + i·cols + j] = t[j·ld + i] (+ bias[j])}. {@code scratch} holds 16×16 floats;
     * ld is at least count rounded up to 16, and t's columns count..ld−1 are read but not stored.
     */
    static void transposeInto(float[] t, int ld, int cols, int count, float[] bias, float[] c, int cOff, float[] scratch) {
        if (L != 16) {
            for (int i = 0; i < count; i++) {
                for (int j = 0; j < cols; j++) {
                    float v = t[j * ld + i];
                    c[cOff + i * cols + j] = bias == null ? v : v + bias[j];
                }
            }
            return;
        }
        VectorMask<Float> valid = PREFIX[cols];
        // two loops, not a vector that may be null: a nullable vector would be boxed on the heap
        if (bias == null) {
            for (int i0 = 0; i0 < count; i0 += 16) {
                transpose16(t, i0, ld, cols, scratch, 0, 16);
                int n = Math.min(16, count - i0);
                for (int r = 0; r < n; r++) FloatVector.fromArray(S, scratch, r * 16).intoArray(c, cOff + (i0 + r) * cols, valid);
            }
        } else {
            FloatVector b = FloatVector.fromArray(S, bias, 0, valid);
            for (int i0 = 0; i0 < count; i0 += 16) {
                transpose16(t, i0, ld, cols, scratch, 0, 16);
                int n = Math.min(16, count - i0);
                for (int r = 0; r < n; r++) FloatVector.fromArray(S, scratch, r * 16).add(b).intoArray(c, cOff + (i0 + r) * cols, valid);
            }
        }
    }

    private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_PREFERRED;
    /**
     * Lane indices into the concatenation (a, b) that interleave the low halves (a₀ b₀ a₁ b₁ …)
     * and the high halves. Integer lanes: a two-vector {@code selectFrom} on them is one
     * permute instruction (vpermi2d), where float indices are converted and checked first and a
     * shuffle-based {@code rearrange(shuffle, v)} takes two permutes and a blend.
     */
    private static final IntVector ZIP_LOW = zipIndexes(0), ZIP_HIGH = zipIndexes(L / 2);

    private static IntVector zipIndexes(int from) {
        int[] idx = new int[L];
        for (int l = 0; l < L; l++) idx[l] = l % 2 == 0 ? from + l / 2 : L + from + l / 2;
        return IntVector.fromArray(INTS, idx, 0);
    }

    /**
     * Transposes the 16×16 block whose row r starts at {@code src[from + r·ld]} into
     * {@code dst[to + c·dstLd ...]} (16-lane vectors only), rows {@code rows}..15 taken as zeros.
     * Four rounds of pairing row r with row r+8 and interleaving their lanes rotate the 4
     * row-index bits into the lane index and the 4 lane-index bits into the row index, which is
     * the transpose.
     */
    private static void transpose16(float[] src, int from, int ld, int rows, float[] dst, int to, int dstLd) {
        IntVector z = IntVector.zero(INTS);
        IntVector r0 = FloatVector.fromArray(S, src, from).reinterpretAsInts();
        IntVector r1 = rows > 1 ? FloatVector.fromArray(S, src, from + ld).reinterpretAsInts() : z;
        IntVector r2 = rows > 2 ? FloatVector.fromArray(S, src, from + 2 * ld).reinterpretAsInts() : z;
        IntVector r3 = rows > 3 ? FloatVector.fromArray(S, src, from + 3 * ld).reinterpretAsInts() : z;
        IntVector r4 = rows > 4 ? FloatVector.fromArray(S, src, from + 4 * ld).reinterpretAsInts() : z;
        IntVector r5 = rows > 5 ? FloatVector.fromArray(S, src, from + 5 * ld).reinterpretAsInts() : z;
        IntVector r6 = rows > 6 ? FloatVector.fromArray(S, src, from + 6 * ld).reinterpretAsInts() : z;
        IntVector r7 = rows > 7 ? FloatVector.fromArray(S, src, from + 7 * ld).reinterpretAsInts() : z;
        IntVector r8 = rows > 8 ? FloatVector.fromArray(S, src, from + 8 * ld).reinterpretAsInts() : z;
        IntVector r9 = rows > 9 ? FloatVector.fromArray(S, src, from + 9 * ld).reinterpretAsInts() : z;
        IntVector r10 = rows > 10 ? FloatVector.fromArray(S, src, from + 10 * ld).reinterpretAsInts() : z;
        IntVector r11 = rows > 11 ? FloatVector.fromArray(S, src, from + 11 * ld).reinterpretAsInts() : z;
        IntVector r12 = rows > 12 ? FloatVector.fromArray(S, src, from + 12 * ld).reinterpretAsInts() : z;
        IntVector r13 = rows > 13 ? FloatVector.fromArray(S, src, from + 13 * ld).reinterpretAsInts() : z;
        IntVector r14 = rows > 14 ? FloatVector.fromArray(S, src, from + 14 * ld).reinterpretAsInts() : z;
        IntVector r15 = rows > 15 ? FloatVector.fromArray(S, src, from + 15 * ld).reinterpretAsInts() : z;
        for (int round = 0; round < 4; round++) {
            IntVector t0 = ZIP_LOW.selectFrom(r0, r8), t1 = ZIP_HIGH.selectFrom(r0, r8);
            IntVector t2 = ZIP_LOW.selectFrom(r1, r9), t3 = ZIP_HIGH.selectFrom(r1, r9);
            IntVector t4 = ZIP_LOW.selectFrom(r2, r10), t5 = ZIP_HIGH.selectFrom(r2, r10);
            IntVector t6 = ZIP_LOW.selectFrom(r3, r11), t7 = ZIP_HIGH.selectFrom(r3, r11);
            IntVector t8 = ZIP_LOW.selectFrom(r4, r12), t9 = ZIP_HIGH.selectFrom(r4, r12);
            IntVector t10 = ZIP_LOW.selectFrom(r5, r13), t11 = ZIP_HIGH.selectFrom(r5, r13);
            IntVector t12 = ZIP_LOW.selectFrom(r6, r14), t13 = ZIP_HIGH.selectFrom(r6, r14);
            IntVector t14 = ZIP_LOW.selectFrom(r7, r15), t15 = ZIP_HIGH.selectFrom(r7, r15);
            r0 = t0; r1 = t1; r2 = t2; r3 = t3; r4 = t4; r5 = t5; r6 = t6; r7 = t7;
            r8 = t8; r9 = t9; r10 = t10; r11 = t11; r12 = t12; r13 = t13; r14 = t14; r15 = t15;
        }
        r0.reinterpretAsFloats().intoArray(dst, to); r1.reinterpretAsFloats().intoArray(dst, to + dstLd); r2.reinterpretAsFloats().intoArray(dst, to + 2 * dstLd); r3.reinterpretAsFloats().intoArray(dst, to + 3 * dstLd);
        r4.reinterpretAsFloats().intoArray(dst, to + 4 * dstLd); r5.reinterpretAsFloats().intoArray(dst, to + 5 * dstLd); r6.reinterpretAsFloats().intoArray(dst, to + 6 * dstLd); r7.reinterpretAsFloats().intoArray(dst, to + 7 * dstLd);
        r8.reinterpretAsFloats().intoArray(dst, to + 8 * dstLd); r9.reinterpretAsFloats().intoArray(dst, to + 9 * dstLd); r10.reinterpretAsFloats().intoArray(dst, to + 10 * dstLd); r11.reinterpretAsFloats().intoArray(dst, to + 11 * dstLd);
        r12.reinterpretAsFloats().intoArray(dst, to + 12 * dstLd); r13.reinterpretAsFloats().intoArray(dst, to + 13 * dstLd); r14.reinterpretAsFloats().intoArray(dst, to + 14 * dstLd); r15.reinterpretAsFloats().intoArray(dst, to + 15 * dstLd);
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
