package org.initlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Register-blocked micro-kernels: each computes a tile of R rows × V vectors of C with R·V
 * accumulators held in vector registers, as a sum of outer products
 * {@code C[i][j..j+L) += a(i,p) · panel[p][j..j+L)} for p = 0, 1, …, kb−1 in order.
 *
 * <p>Each output lane therefore sees exactly the scalar chain {@code s = fma(a(i,p), b(p,j), s)},
 * one lane of one FMA per step, whatever L is; a tile continued over several K blocks reloads
 * its partial sums from C, which is exact because they are floats already.
 *
 * <p>Operands: A element (i, p) of the tile is {@code a[aOff + i·rs + p·ps]} (so one kernel
 * serves A and Aᵀ); B row p is the V·L floats from {@code bp[bOff + p·ldb]} (a packed panel, or B
 * itself); C row i is the V·L floats from {@code c[cOff + i·ldc]}, all of which are loaded and
 * stored (partial panels go through a scratch tile, so the kernels need no masks).
 *
 * <p>Rows past {@code rows} alias the last valid row: they recompute the same values and store
 * the same bits to the same place, so a partial tile needs no separate kernel.
 * With {@code accumulate} false the tile starts from +0 (the chain's s = 0); with a non-null
 * {@code bias}, {@code bias[biasOff + j]} is added to each finished sum by a separate float add.
 *
 * <p>The kernels are kept small enough in bytecode for the JIT's profiling tier to compile them;
 * a larger one stays interpreted-speed until the optimising compiler happens to pick it up.
 */
final class MicroKernels {
    static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Lanes per vector: 16 floats with AVX-512, 8 with AVX2. */
    static final int L = S.length();

    private MicroKernels() {}

    /** 6 rows × 4 vectors: 24 accumulators, a B panel 4·L floats wide. */
    static void rows6x4(float[] a, int aOff, int rs, int ps, int rows, float[] bp, int bOff, int ldb, int kb,
            float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int biasOff) {
        int last = rows - 1;
        int a0 = aOff, c0 = cOff;
        int a1 = aOff + Math.min(1, last) * rs, c1 = cOff + Math.min(1, last) * ldc;
        int a2 = aOff + Math.min(2, last) * rs, c2 = cOff + Math.min(2, last) * ldc;
        int a3 = aOff + Math.min(3, last) * rs, c3 = cOff + Math.min(3, last) * ldc;
        int a4 = aOff + Math.min(4, last) * rs, c4 = cOff + Math.min(4, last) * ldc;
        int a5 = aOff + Math.min(5, last) * rs, c5 = cOff + Math.min(5, last) * ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector x00 = z, x01 = z, x02 = z, x03 = z;
        FloatVector x10 = z, x11 = z, x12 = z, x13 = z;
        FloatVector x20 = z, x21 = z, x22 = z, x23 = z;
        FloatVector x30 = z, x31 = z, x32 = z, x33 = z;
        FloatVector x40 = z, x41 = z, x42 = z, x43 = z;
        FloatVector x50 = z, x51 = z, x52 = z, x53 = z;
        if (accumulate) {
            x00 = FloatVector.fromArray(S, c, c0); x01 = FloatVector.fromArray(S, c, c0 + L); x02 = FloatVector.fromArray(S, c, c0 + 2 * L); x03 = FloatVector.fromArray(S, c, c0 + 3 * L);
            x10 = FloatVector.fromArray(S, c, c1); x11 = FloatVector.fromArray(S, c, c1 + L); x12 = FloatVector.fromArray(S, c, c1 + 2 * L); x13 = FloatVector.fromArray(S, c, c1 + 3 * L);
            x20 = FloatVector.fromArray(S, c, c2); x21 = FloatVector.fromArray(S, c, c2 + L); x22 = FloatVector.fromArray(S, c, c2 + 2 * L); x23 = FloatVector.fromArray(S, c, c2 + 3 * L);
            x30 = FloatVector.fromArray(S, c, c3); x31 = FloatVector.fromArray(S, c, c3 + L); x32 = FloatVector.fromArray(S, c, c3 + 2 * L); x33 = FloatVector.fromArray(S, c, c3 + 3 * L);
            x40 = FloatVector.fromArray(S, c, c4); x41 = FloatVector.fromArray(S, c, c4 + L); x42 = FloatVector.fromArray(S, c, c4 + 2 * L); x43 = FloatVector.fromArray(S, c, c4 + 3 * L);
            x50 = FloatVector.fromArray(S, c, c5); x51 = FloatVector.fromArray(S, c, c5 + L); x52 = FloatVector.fromArray(S, c, c5 + 2 * L); x53 = FloatVector.fromArray(S, c, c5 + 3 * L);
        }
        for (int p = 0; p < kb; p++) {
            int bo = bOff + p * ldb, q = p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo), b1 = FloatVector.fromArray(S, bp, bo + L), b2 = FloatVector.fromArray(S, bp, bo + 2 * L), b3 = FloatVector.fromArray(S, bp, bo + 3 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + q]);
            x00 = s.fma(b0, x00); x01 = s.fma(b1, x01); x02 = s.fma(b2, x02); x03 = s.fma(b3, x03);
            s = FloatVector.broadcast(S, a[a1 + q]);
            x10 = s.fma(b0, x10); x11 = s.fma(b1, x11); x12 = s.fma(b2, x12); x13 = s.fma(b3, x13);
            s = FloatVector.broadcast(S, a[a2 + q]);
            x20 = s.fma(b0, x20); x21 = s.fma(b1, x21); x22 = s.fma(b2, x22); x23 = s.fma(b3, x23);
            s = FloatVector.broadcast(S, a[a3 + q]);
            x30 = s.fma(b0, x30); x31 = s.fma(b1, x31); x32 = s.fma(b2, x32); x33 = s.fma(b3, x33);
            s = FloatVector.broadcast(S, a[a4 + q]);
            x40 = s.fma(b0, x40); x41 = s.fma(b1, x41); x42 = s.fma(b2, x42); x43 = s.fma(b3, x43);
            s = FloatVector.broadcast(S, a[a5 + q]);
            x50 = s.fma(b0, x50); x51 = s.fma(b1, x51); x52 = s.fma(b2, x52); x53 = s.fma(b3, x53);
        }
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, biasOff), b1 = FloatVector.fromArray(S, bias, biasOff + L), b2 = FloatVector.fromArray(S, bias, biasOff + 2 * L), b3 = FloatVector.fromArray(S, bias, biasOff + 3 * L);
            x00 = x00.add(b0); x01 = x01.add(b1); x02 = x02.add(b2); x03 = x03.add(b3);
            x10 = x10.add(b0); x11 = x11.add(b1); x12 = x12.add(b2); x13 = x13.add(b3);
            x20 = x20.add(b0); x21 = x21.add(b1); x22 = x22.add(b2); x23 = x23.add(b3);
            x30 = x30.add(b0); x31 = x31.add(b1); x32 = x32.add(b2); x33 = x33.add(b3);
            x40 = x40.add(b0); x41 = x41.add(b1); x42 = x42.add(b2); x43 = x43.add(b3);
            x50 = x50.add(b0); x51 = x51.add(b1); x52 = x52.add(b2); x53 = x53.add(b3);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L); x03.intoArray(c, c0 + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + L); x42.intoArray(c, c4 + 2 * L); x43.intoArray(c, c4 + 3 * L);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + L); x52.intoArray(c, c5 + 2 * L); x53.intoArray(c, c5 + 3 * L);
    }

    /** 5 rows × 4 vectors: 20 accumulators, a B panel 4·L floats wide (for 5 or 10 rows without waste). */
    static void rows5x4(float[] a, int aOff, int rs, int ps, int rows, float[] bp, int bOff, int ldb, int kb,
            float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int biasOff) {
        int last = rows - 1;
        int a0 = aOff, c0 = cOff;
        int a1 = aOff + Math.min(1, last) * rs, c1 = cOff + Math.min(1, last) * ldc;
        int a2 = aOff + Math.min(2, last) * rs, c2 = cOff + Math.min(2, last) * ldc;
        int a3 = aOff + Math.min(3, last) * rs, c3 = cOff + Math.min(3, last) * ldc;
        int a4 = aOff + Math.min(4, last) * rs, c4 = cOff + Math.min(4, last) * ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector x00 = z, x01 = z, x02 = z, x03 = z;
        FloatVector x10 = z, x11 = z, x12 = z, x13 = z;
        FloatVector x20 = z, x21 = z, x22 = z, x23 = z;
        FloatVector x30 = z, x31 = z, x32 = z, x33 = z;
        FloatVector x40 = z, x41 = z, x42 = z, x43 = z;
        if (accumulate) {
            x00 = FloatVector.fromArray(S, c, c0); x01 = FloatVector.fromArray(S, c, c0 + L); x02 = FloatVector.fromArray(S, c, c0 + 2 * L); x03 = FloatVector.fromArray(S, c, c0 + 3 * L);
            x10 = FloatVector.fromArray(S, c, c1); x11 = FloatVector.fromArray(S, c, c1 + L); x12 = FloatVector.fromArray(S, c, c1 + 2 * L); x13 = FloatVector.fromArray(S, c, c1 + 3 * L);
            x20 = FloatVector.fromArray(S, c, c2); x21 = FloatVector.fromArray(S, c, c2 + L); x22 = FloatVector.fromArray(S, c, c2 + 2 * L); x23 = FloatVector.fromArray(S, c, c2 + 3 * L);
            x30 = FloatVector.fromArray(S, c, c3); x31 = FloatVector.fromArray(S, c, c3 + L); x32 = FloatVector.fromArray(S, c, c3 + 2 * L); x33 = FloatVector.fromArray(S, c, c3 + 3 * L);
            x40 = FloatVector.fromArray(S, c, c4); x41 = FloatVector.fromArray(S, c, c4 + L); x42 = FloatVector.fromArray(S, c, c4 + 2 * L); x43 = FloatVector.fromArray(S, c, c4 + 3 * L);
        }
        for (int p = 0; p < kb; p++) {
            int bo = bOff + p * ldb, q = p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo), b1 = FloatVector.fromArray(S, bp, bo + L), b2 = FloatVector.fromArray(S, bp, bo + 2 * L), b3 = FloatVector.fromArray(S, bp, bo + 3 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + q]);
            x00 = s.fma(b0, x00); x01 = s.fma(b1, x01); x02 = s.fma(b2, x02); x03 = s.fma(b3, x03);
            s = FloatVector.broadcast(S, a[a1 + q]);
            x10 = s.fma(b0, x10); x11 = s.fma(b1, x11); x12 = s.fma(b2, x12); x13 = s.fma(b3, x13);
            s = FloatVector.broadcast(S, a[a2 + q]);
            x20 = s.fma(b0, x20); x21 = s.fma(b1, x21); x22 = s.fma(b2, x22); x23 = s.fma(b3, x23);
            s = FloatVector.broadcast(S, a[a3 + q]);
            x30 = s.fma(b0, x30); x31 = s.fma(b1, x31); x32 = s.fma(b2, x32); x33 = s.fma(b3, x33);
            s = FloatVector.broadcast(S, a[a4 + q]);
            x40 = s.fma(b0, x40); x41 = s.fma(b1, x41); x42 = s.fma(b2, x42); x43 = s.fma(b3, x43);
        }
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, biasOff), b1 = FloatVector.fromArray(S, bias, biasOff + L), b2 = FloatVector.fromArray(S, bias, biasOff + 2 * L), b3 = FloatVector.fromArray(S, bias, biasOff + 3 * L);
            x00 = x00.add(b0); x01 = x01.add(b1); x02 = x02.add(b2); x03 = x03.add(b3);
            x10 = x10.add(b0); x11 = x11.add(b1); x12 = x12.add(b2); x13 = x13.add(b3);
            x20 = x20.add(b0); x21 = x21.add(b1); x22 = x22.add(b2); x23 = x23.add(b3);
            x30 = x30.add(b0); x31 = x31.add(b1); x32 = x32.add(b2); x33 = x33.add(b3);
            x40 = x40.add(b0); x41 = x41.add(b1); x42 = x42.add(b2); x43 = x43.add(b3);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L); x03.intoArray(c, c0 + 3 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L); x13.intoArray(c, c1 + 3 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L); x23.intoArray(c, c2 + 3 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L); x33.intoArray(c, c3 + 3 * L);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + L); x42.intoArray(c, c4 + 2 * L); x43.intoArray(c, c4 + 3 * L);
    }

    /** 8 rows × 3 vectors: 24 accumulators, a B panel 3·L floats wide. */
    static void rows8x3(float[] a, int aOff, int rs, int ps, int rows, float[] bp, int bOff, int ldb, int kb,
            float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int biasOff) {
        int last = rows - 1;
        int a0 = aOff, c0 = cOff;
        int a1 = aOff + Math.min(1, last) * rs, c1 = cOff + Math.min(1, last) * ldc;
        int a2 = aOff + Math.min(2, last) * rs, c2 = cOff + Math.min(2, last) * ldc;
        int a3 = aOff + Math.min(3, last) * rs, c3 = cOff + Math.min(3, last) * ldc;
        int a4 = aOff + Math.min(4, last) * rs, c4 = cOff + Math.min(4, last) * ldc;
        int a5 = aOff + Math.min(5, last) * rs, c5 = cOff + Math.min(5, last) * ldc;
        int a6 = aOff + Math.min(6, last) * rs, c6 = cOff + Math.min(6, last) * ldc;
        int a7 = aOff + Math.min(7, last) * rs, c7 = cOff + Math.min(7, last) * ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector x00 = z, x01 = z, x02 = z;
        FloatVector x10 = z, x11 = z, x12 = z;
        FloatVector x20 = z, x21 = z, x22 = z;
        FloatVector x30 = z, x31 = z, x32 = z;
        FloatVector x40 = z, x41 = z, x42 = z;
        FloatVector x50 = z, x51 = z, x52 = z;
        FloatVector x60 = z, x61 = z, x62 = z;
        FloatVector x70 = z, x71 = z, x72 = z;
        if (accumulate) {
            x00 = FloatVector.fromArray(S, c, c0); x01 = FloatVector.fromArray(S, c, c0 + L); x02 = FloatVector.fromArray(S, c, c0 + 2 * L);
            x10 = FloatVector.fromArray(S, c, c1); x11 = FloatVector.fromArray(S, c, c1 + L); x12 = FloatVector.fromArray(S, c, c1 + 2 * L);
            x20 = FloatVector.fromArray(S, c, c2); x21 = FloatVector.fromArray(S, c, c2 + L); x22 = FloatVector.fromArray(S, c, c2 + 2 * L);
            x30 = FloatVector.fromArray(S, c, c3); x31 = FloatVector.fromArray(S, c, c3 + L); x32 = FloatVector.fromArray(S, c, c3 + 2 * L);
            x40 = FloatVector.fromArray(S, c, c4); x41 = FloatVector.fromArray(S, c, c4 + L); x42 = FloatVector.fromArray(S, c, c4 + 2 * L);
            x50 = FloatVector.fromArray(S, c, c5); x51 = FloatVector.fromArray(S, c, c5 + L); x52 = FloatVector.fromArray(S, c, c5 + 2 * L);
            x60 = FloatVector.fromArray(S, c, c6); x61 = FloatVector.fromArray(S, c, c6 + L); x62 = FloatVector.fromArray(S, c, c6 + 2 * L);
            x70 = FloatVector.fromArray(S, c, c7); x71 = FloatVector.fromArray(S, c, c7 + L); x72 = FloatVector.fromArray(S, c, c7 + 2 * L);
        }
        for (int p = 0; p < kb; p++) {
            int bo = bOff + p * ldb, q = p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo), b1 = FloatVector.fromArray(S, bp, bo + L), b2 = FloatVector.fromArray(S, bp, bo + 2 * L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + q]);
            x00 = s.fma(b0, x00); x01 = s.fma(b1, x01); x02 = s.fma(b2, x02);
            s = FloatVector.broadcast(S, a[a1 + q]);
            x10 = s.fma(b0, x10); x11 = s.fma(b1, x11); x12 = s.fma(b2, x12);
            s = FloatVector.broadcast(S, a[a2 + q]);
            x20 = s.fma(b0, x20); x21 = s.fma(b1, x21); x22 = s.fma(b2, x22);
            s = FloatVector.broadcast(S, a[a3 + q]);
            x30 = s.fma(b0, x30); x31 = s.fma(b1, x31); x32 = s.fma(b2, x32);
            s = FloatVector.broadcast(S, a[a4 + q]);
            x40 = s.fma(b0, x40); x41 = s.fma(b1, x41); x42 = s.fma(b2, x42);
            s = FloatVector.broadcast(S, a[a5 + q]);
            x50 = s.fma(b0, x50); x51 = s.fma(b1, x51); x52 = s.fma(b2, x52);
            s = FloatVector.broadcast(S, a[a6 + q]);
            x60 = s.fma(b0, x60); x61 = s.fma(b1, x61); x62 = s.fma(b2, x62);
            s = FloatVector.broadcast(S, a[a7 + q]);
            x70 = s.fma(b0, x70); x71 = s.fma(b1, x71); x72 = s.fma(b2, x72);
        }
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, biasOff), b1 = FloatVector.fromArray(S, bias, biasOff + L), b2 = FloatVector.fromArray(S, bias, biasOff + 2 * L);
            x00 = x00.add(b0); x01 = x01.add(b1); x02 = x02.add(b2);
            x10 = x10.add(b0); x11 = x11.add(b1); x12 = x12.add(b2);
            x20 = x20.add(b0); x21 = x21.add(b1); x22 = x22.add(b2);
            x30 = x30.add(b0); x31 = x31.add(b1); x32 = x32.add(b2);
            x40 = x40.add(b0); x41 = x41.add(b1); x42 = x42.add(b2);
            x50 = x50.add(b0); x51 = x51.add(b1); x52 = x52.add(b2);
            x60 = x60.add(b0); x61 = x61.add(b1); x62 = x62.add(b2);
            x70 = x70.add(b0); x71 = x71.add(b1); x72 = x72.add(b2);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L); x02.intoArray(c, c0 + 2 * L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L); x12.intoArray(c, c1 + 2 * L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L); x22.intoArray(c, c2 + 2 * L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L); x32.intoArray(c, c3 + 2 * L);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + L); x42.intoArray(c, c4 + 2 * L);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + L); x52.intoArray(c, c5 + 2 * L);
        x60.intoArray(c, c6); x61.intoArray(c, c6 + L); x62.intoArray(c, c6 + 2 * L);
        x70.intoArray(c, c7); x71.intoArray(c, c7 + L); x72.intoArray(c, c7 + 2 * L);
    }

    /** 12 rows × 2 vectors: 24 accumulators, a B panel 2·L floats wide. */
    static void rows12x2(float[] a, int aOff, int rs, int ps, int rows, float[] bp, int bOff, int ldb, int kb,
            float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int biasOff) {
        int last = rows - 1;
        int a0 = aOff, c0 = cOff;
        int a1 = aOff + Math.min(1, last) * rs, c1 = cOff + Math.min(1, last) * ldc;
        int a2 = aOff + Math.min(2, last) * rs, c2 = cOff + Math.min(2, last) * ldc;
        int a3 = aOff + Math.min(3, last) * rs, c3 = cOff + Math.min(3, last) * ldc;
        int a4 = aOff + Math.min(4, last) * rs, c4 = cOff + Math.min(4, last) * ldc;
        int a5 = aOff + Math.min(5, last) * rs, c5 = cOff + Math.min(5, last) * ldc;
        int a6 = aOff + Math.min(6, last) * rs, c6 = cOff + Math.min(6, last) * ldc;
        int a7 = aOff + Math.min(7, last) * rs, c7 = cOff + Math.min(7, last) * ldc;
        int a8 = aOff + Math.min(8, last) * rs, c8 = cOff + Math.min(8, last) * ldc;
        int a9 = aOff + Math.min(9, last) * rs, c9 = cOff + Math.min(9, last) * ldc;
        int a10 = aOff + Math.min(10, last) * rs, c10 = cOff + Math.min(10, last) * ldc;
        int a11 = aOff + Math.min(11, last) * rs, c11 = cOff + Math.min(11, last) * ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector x00 = z, x01 = z;
        FloatVector x10 = z, x11 = z;
        FloatVector x20 = z, x21 = z;
        FloatVector x30 = z, x31 = z;
        FloatVector x40 = z, x41 = z;
        FloatVector x50 = z, x51 = z;
        FloatVector x60 = z, x61 = z;
        FloatVector x70 = z, x71 = z;
        FloatVector x80 = z, x81 = z;
        FloatVector x90 = z, x91 = z;
        FloatVector x100 = z, x101 = z;
        FloatVector x110 = z, x111 = z;
        if (accumulate) {
            x00 = FloatVector.fromArray(S, c, c0); x01 = FloatVector.fromArray(S, c, c0 + L);
            x10 = FloatVector.fromArray(S, c, c1); x11 = FloatVector.fromArray(S, c, c1 + L);
            x20 = FloatVector.fromArray(S, c, c2); x21 = FloatVector.fromArray(S, c, c2 + L);
            x30 = FloatVector.fromArray(S, c, c3); x31 = FloatVector.fromArray(S, c, c3 + L);
            x40 = FloatVector.fromArray(S, c, c4); x41 = FloatVector.fromArray(S, c, c4 + L);
            x50 = FloatVector.fromArray(S, c, c5); x51 = FloatVector.fromArray(S, c, c5 + L);
            x60 = FloatVector.fromArray(S, c, c6); x61 = FloatVector.fromArray(S, c, c6 + L);
            x70 = FloatVector.fromArray(S, c, c7); x71 = FloatVector.fromArray(S, c, c7 + L);
            x80 = FloatVector.fromArray(S, c, c8); x81 = FloatVector.fromArray(S, c, c8 + L);
            x90 = FloatVector.fromArray(S, c, c9); x91 = FloatVector.fromArray(S, c, c9 + L);
            x100 = FloatVector.fromArray(S, c, c10); x101 = FloatVector.fromArray(S, c, c10 + L);
            x110 = FloatVector.fromArray(S, c, c11); x111 = FloatVector.fromArray(S, c, c11 + L);
        }
        for (int p = 0; p < kb; p++) {
            int bo = bOff + p * ldb, q = p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo), b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector s = FloatVector.broadcast(S, a[a0 + q]);
            x00 = s.fma(b0, x00); x01 = s.fma(b1, x01);
            s = FloatVector.broadcast(S, a[a1 + q]);
            x10 = s.fma(b0, x10); x11 = s.fma(b1, x11);
            s = FloatVector.broadcast(S, a[a2 + q]);
            x20 = s.fma(b0, x20); x21 = s.fma(b1, x21);
            s = FloatVector.broadcast(S, a[a3 + q]);
            x30 = s.fma(b0, x30); x31 = s.fma(b1, x31);
            s = FloatVector.broadcast(S, a[a4 + q]);
            x40 = s.fma(b0, x40); x41 = s.fma(b1, x41);
            s = FloatVector.broadcast(S, a[a5 + q]);
            x50 = s.fma(b0, x50); x51 = s.fma(b1, x51);
            s = FloatVector.broadcast(S, a[a6 + q]);
            x60 = s.fma(b0, x60); x61 = s.fma(b1, x61);
            s = FloatVector.broadcast(S, a[a7 + q]);
            x70 = s.fma(b0, x70); x71 = s.fma(b1, x71);
            s = FloatVector.broadcast(S, a[a8 + q]);
            x80 = s.fma(b0, x80); x81 = s.fma(b1, x81);
            s = FloatVector.broadcast(S, a[a9 + q]);
            x90 = s.fma(b0, x90); x91 = s.fma(b1, x91);
            s = FloatVector.broadcast(S, a[a10 + q]);
            x100 = s.fma(b0, x100); x101 = s.fma(b1, x101);
            s = FloatVector.broadcast(S, a[a11 + q]);
            x110 = s.fma(b0, x110); x111 = s.fma(b1, x111);
        }
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, biasOff), b1 = FloatVector.fromArray(S, bias, biasOff + L);
            x00 = x00.add(b0); x01 = x01.add(b1);
            x10 = x10.add(b0); x11 = x11.add(b1);
            x20 = x20.add(b0); x21 = x21.add(b1);
            x30 = x30.add(b0); x31 = x31.add(b1);
            x40 = x40.add(b0); x41 = x41.add(b1);
            x50 = x50.add(b0); x51 = x51.add(b1);
            x60 = x60.add(b0); x61 = x61.add(b1);
            x70 = x70.add(b0); x71 = x71.add(b1);
            x80 = x80.add(b0); x81 = x81.add(b1);
            x90 = x90.add(b0); x91 = x91.add(b1);
            x100 = x100.add(b0); x101 = x101.add(b1);
            x110 = x110.add(b0); x111 = x111.add(b1);
        }
        x00.intoArray(c, c0); x01.intoArray(c, c0 + L);
        x10.intoArray(c, c1); x11.intoArray(c, c1 + L);
        x20.intoArray(c, c2); x21.intoArray(c, c2 + L);
        x30.intoArray(c, c3); x31.intoArray(c, c3 + L);
        x40.intoArray(c, c4); x41.intoArray(c, c4 + L);
        x50.intoArray(c, c5); x51.intoArray(c, c5 + L);
        x60.intoArray(c, c6); x61.intoArray(c, c6 + L);
        x70.intoArray(c, c7); x71.intoArray(c, c7 + L);
        x80.intoArray(c, c8); x81.intoArray(c, c8 + L);
        x90.intoArray(c, c9); x91.intoArray(c, c9 + L);
        x100.intoArray(c, c10); x101.intoArray(c, c10 + L);
        x110.intoArray(c, c11); x111.intoArray(c, c11 + L);
    }

    /** 12 rows × 1 vector: 12 accumulators, a B panel 1·L floats wide. */
    static void rows12x1(float[] a, int aOff, int rs, int ps, int rows, float[] bp, int bOff, int ldb, int kb,
            float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int biasOff) {
        int last = rows - 1;
        int a0 = aOff, c0 = cOff;
        int a1 = aOff + Math.min(1, last) * rs, c1 = cOff + Math.min(1, last) * ldc;
        int a2 = aOff + Math.min(2, last) * rs, c2 = cOff + Math.min(2, last) * ldc;
        int a3 = aOff + Math.min(3, last) * rs, c3 = cOff + Math.min(3, last) * ldc;
        int a4 = aOff + Math.min(4, last) * rs, c4 = cOff + Math.min(4, last) * ldc;
        int a5 = aOff + Math.min(5, last) * rs, c5 = cOff + Math.min(5, last) * ldc;
        int a6 = aOff + Math.min(6, last) * rs, c6 = cOff + Math.min(6, last) * ldc;
        int a7 = aOff + Math.min(7, last) * rs, c7 = cOff + Math.min(7, last) * ldc;
        int a8 = aOff + Math.min(8, last) * rs, c8 = cOff + Math.min(8, last) * ldc;
        int a9 = aOff + Math.min(9, last) * rs, c9 = cOff + Math.min(9, last) * ldc;
        int a10 = aOff + Math.min(10, last) * rs, c10 = cOff + Math.min(10, last) * ldc;
        int a11 = aOff + Math.min(11, last) * rs, c11 = cOff + Math.min(11, last) * ldc;
        FloatVector z = FloatVector.zero(S);
        FloatVector x00 = z;
        FloatVector x10 = z;
        FloatVector x20 = z;
        FloatVector x30 = z;
        FloatVector x40 = z;
        FloatVector x50 = z;
        FloatVector x60 = z;
        FloatVector x70 = z;
        FloatVector x80 = z;
        FloatVector x90 = z;
        FloatVector x100 = z;
        FloatVector x110 = z;
        if (accumulate) {
            x00 = FloatVector.fromArray(S, c, c0);
            x10 = FloatVector.fromArray(S, c, c1);
            x20 = FloatVector.fromArray(S, c, c2);
            x30 = FloatVector.fromArray(S, c, c3);
            x40 = FloatVector.fromArray(S, c, c4);
            x50 = FloatVector.fromArray(S, c, c5);
            x60 = FloatVector.fromArray(S, c, c6);
            x70 = FloatVector.fromArray(S, c, c7);
            x80 = FloatVector.fromArray(S, c, c8);
            x90 = FloatVector.fromArray(S, c, c9);
            x100 = FloatVector.fromArray(S, c, c10);
            x110 = FloatVector.fromArray(S, c, c11);
        }
        for (int p = 0; p < kb; p++) {
            int bo = bOff + p * ldb, q = p * ps;
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector s = FloatVector.broadcast(S, a[a0 + q]);
            x00 = s.fma(b0, x00);
            s = FloatVector.broadcast(S, a[a1 + q]);
            x10 = s.fma(b0, x10);
            s = FloatVector.broadcast(S, a[a2 + q]);
            x20 = s.fma(b0, x20);
            s = FloatVector.broadcast(S, a[a3 + q]);
            x30 = s.fma(b0, x30);
            s = FloatVector.broadcast(S, a[a4 + q]);
            x40 = s.fma(b0, x40);
            s = FloatVector.broadcast(S, a[a5 + q]);
            x50 = s.fma(b0, x50);
            s = FloatVector.broadcast(S, a[a6 + q]);
            x60 = s.fma(b0, x60);
            s = FloatVector.broadcast(S, a[a7 + q]);
            x70 = s.fma(b0, x70);
            s = FloatVector.broadcast(S, a[a8 + q]);
            x80 = s.fma(b0, x80);
            s = FloatVector.broadcast(S, a[a9 + q]);
            x90 = s.fma(b0, x90);
            s = FloatVector.broadcast(S, a[a10 + q]);
            x100 = s.fma(b0, x100);
            s = FloatVector.broadcast(S, a[a11 + q]);
            x110 = s.fma(b0, x110);
        }
        if (bias != null) {
            FloatVector b0 = FloatVector.fromArray(S, bias, biasOff);
            x00 = x00.add(b0);
            x10 = x10.add(b0);
            x20 = x20.add(b0);
            x30 = x30.add(b0);
            x40 = x40.add(b0);
            x50 = x50.add(b0);
            x60 = x60.add(b0);
            x70 = x70.add(b0);
            x80 = x80.add(b0);
            x90 = x90.add(b0);
            x100 = x100.add(b0);
            x110 = x110.add(b0);
        }
        x00.intoArray(c, c0);
        x10.intoArray(c, c1);
        x20.intoArray(c, c2);
        x30.intoArray(c, c3);
        x40.intoArray(c, c4);
        x50.intoArray(c, c5);
        x60.intoArray(c, c6);
        x70.intoArray(c, c7);
        x80.intoArray(c, c8);
        x90.intoArray(c, c9);
        x100.intoArray(c, c10);
        x110.intoArray(c, c11);
    }
}
