package org.initlab.math;

import static org.initlab.math.MicroKernels.L;

/**
 * Single-threaded float32 matrix products for dense layers, on row-major contiguous arrays
 * (each operand at offset 0 with exactly the given dimensions; arrays may be longer; C must not
 * overlap A or B).
 *
 * <p>Reproducibility contract: every output element is the sequential fused multiply-add chain
 * {@code s = 0; for p in 0..k-1: s = fma(a[i][p], b[p][j], s)}, then {@code + bias[j]} as a
 * separate float add, then the epilogue. The result bits are therefore independent of the
 * SIMD width, the blocking and the machine.
 *
 * <p>How (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS
 * 34(3), 2008, without the parallel loops): per K block, B is packed into panels 4 vectors wide
 * that stay in L1, and a {@link MicroKernels register-blocked kernel} of 6 rows × 4 vectors
 * sweeps the rows of A over each panel as outer products, carrying partial sums through C from
 * one K block to the next. The last panel of a width that is not a multiple of 4 vectors uses a
 * kernel with more rows and fewer vectors; narrow products get deeper K blocks. A·Bᵀ packs B
 * transposed (16×16 register transposes); Aᵀ·B copies blocks of Aᵀ to a stride that spreads
 * them over the cache sets. A product with few rows reads B in place (a copy would be reused by
 * one or two tiles). A product with fewer columns than a vector has lanes (N = 10 classes) is
 * computed transposed, so that vectors run along its many rows (see {@link #narrow}).
 *
 * <p>An instance owns fixed-size buffers and is used by one thread; a call allocates nothing
 * (once the JIT has compiled the kernels).
 */
public final class Gemm {
    /** Panel width of the main kernel: 4 vectors. */
    private static final int NR = 4 * L;
    /** Depth of a K block: the packed B panel, KC × NR floats, is 32 KiB with AVX-512. */
    private static final int KC = 128;
    /** Rows of A per block copied for Aᵀ·B come in multiples of every kernel's row count. */
    private static final int MC_STEP = 24;
    private static final int MAX_TILE_ROWS = 12;

    private final float[] panel = new float[KC * NR];
    /** A K×MC block of Aᵀ for Aᵀ·B: 240 rows at depth KC, fewer for deeper blocks. */
    private final float[] block = new float[KC * conflictFreeStride(240)];
    /** A tile of a partial-width panel, computed here at full vector width and then copied to C; or a 16×16 transpose. */
    private final float[] scratch = new float[Math.max(MAX_TILE_ROWS * NR, 16 * 16)];
    private final float[] paddedBias = new float[NR];
    /** Rows of C per block of a narrow product, computed transposed. */
    private static final int NARROW_BLOCK = 4 * NR;
    /** A block of a narrow product, transposed: up to L − 1 rows of NARROW_BLOCK floats. */
    private final float[] transposed = new float[(L - 1) * NARROW_BLOCK];

    /** Buffers are of fixed size: one instance serves products of any shape. */
    public Gemm() {}

    /** The heap bytes of an instance's buffers (the same for every instance on a machine; for memory estimates). */
    public static long workspaceBytes() {
        return ArrayBytes.floats(KC * NR) + ArrayBytes.floats(KC * conflictFreeStride(240))
                + ArrayBytes.floats(Math.max(MAX_TILE_ROWS * NR, 16 * 16)) + ArrayBytes.floats(NR) + ArrayBytes.floats((L - 1) * NARROW_BLOCK);
    }

    /** C[m×n] = A[m×k] · B[k×n]. */
    public void mulNN(int m, int n, int k, float[] a, float[] b, float[] c) {
        check(m, n, k, a, false, b, false, c, null, null);
        multiply(m, n, k, a, k, 1, false, b, false, c, null, null, null);
    }

    /** C[m×n] = Aᵀ · B, where A is stored k×m and B is k×n (the weight gradient Xᵀ·G). */
    public void mulTN(int m, int n, int k, float[] a, float[] b, float[] c) {
        check(m, n, k, a, true, b, false, c, null, null);
        // a one-vector-wide product reads each element of A once per tile: copying would not pay
        multiply(m, n, k, a, 1, m, n > L, b, false, c, null, null, null);
    }

    /** C[m×n] = A · Bᵀ, where A is m×k and B is stored n×k (the input gradient G·Wᵀ). */
    public void mulNT(int m, int n, int k, float[] a, float[] b, float[] c) {
        check(m, n, k, a, false, b, true, c, null, null);
        multiply(m, n, k, a, k, 1, false, b, true, c, null, null, null);
    }

    /**
     * The forward pass of a dense layer: Z = A·B + bias (bias broadcast over rows, may be null),
     * then {@code epilogue} writes f(Z) into {@code out} (which may be {@code z}), applied to each
     * tile of Z right after the kernel writes it.
     */
    public void mulNNBias(int m, int n, int k, float[] a, float[] b, float[] bias, float[] z, Epilogue epilogue, float[] out) {
        if (epilogue == null) throw new IllegalArgumentException("epilogue is null; use Epilogue.IDENTITY");
        if (out == null) throw new IllegalArgumentException("out is null; pass z to apply the epilogue in place");
        check(m, n, k, a, false, b, false, z, bias, out);
        multiply(m, n, k, a, k, 1, false, b, false, z, bias, epilogue, out);
    }

    /**
     * C[rows×cols] = Lft · Rgt over k, where Lft(i, p) = {@code left[i·rs + p·ps]} (copied block-wise
     * to a conflict-free stride when {@code copyLeft}, which needs rs = 1) and Rgt is {@code right}
     * as a row-major k×cols matrix or, when {@code rightTransposed}, cols×k.
     */
    private void multiply(int rows, int cols, int k, float[] left, int rs, int ps, boolean copyLeft,
                          float[] right, boolean rightTransposed, float[] c,
                          float[] bias, Epilogue epilogue, float[] out) {
        if (rows == 0 || cols == 0) return;
        if (k == 0) {
            emptySum(rows, cols, bias, c, epilogue, out);
            return;
        }
        if (cols < L && rows >= 2 * L) {
            narrow(rows, cols, k, left, rs, ps, right, rightTransposed, c, bias, epilogue, out);
            return;
        }
        blocked(rows, cols, k, left, rs, ps, copyLeft, right, rightTransposed ? k : cols, 0, rightTransposed,
                c, cols, false, false, bias, epilogue, out);
    }

    /**
     * A product with fewer columns than a vector has lanes (the output layer's N = 10), computed
     * transposed: Cᵀ = Rgtᵀ·Lftᵀ, whose rows are the few columns of C and whose columns are the
     * many rows of C, so that every lane of every vector does useful work; each Cᵀ element is the
     * same FMA chain as the C element (fma(a, b, s) = fma(b, a, s): the product is exact before
     * the one rounding). Blocks of up to {@value #NARROW_BLOCK} rows of C are computed into a
     * buffer and transposed into C, adding the bias and applying the epilogue on the way.
     */
    private void narrow(int rows, int cols, int k, float[] left, int rs, int ps,
                        float[] right, boolean rightTransposed, float[] c,
                        float[] bias, Epilogue epilogue, float[] out) {
        // Rgtᵀ(j, p): right[p·cols + j], or right[j·k + p] when right is stored transposed
        int trs = rightTransposed ? k : 1, tps = rightTransposed ? 1 : cols;
        // Lftᵀ as the right operand: row-major k×rows when A is stored k×rows (rs = 1), else rows×k
        boolean leftRowMajor = rs == 1;
        // tiles of 5 rows when they waste fewer rows than tiles of 6 (10 classes: 2 × 5, not 2 × 6)
        boolean fiveRowTiles = (cols + 4) / 5 * 5 < (cols + 5) / 6 * 6;
        for (int i0 = 0; i0 < rows; i0 += NARROW_BLOCK) {
            int block = Math.min(NARROW_BLOCK, rows - i0);
            int ld = (block + NR - 1) / NR * NR;
            blocked(cols, block, k, right, trs, tps, false, left, leftRowMajor ? ps : rs, i0, !leftRowMajor,
                    transposed, ld, true, fiveRowTiles, null, null, null);
            PanelPacking.transposeInto(transposed, ld, cols, block, bias, c, i0 * cols, scratch);
            if (epilogue != null) epilogue.apply(c, out, i0 * cols, (i0 + block) * cols);
        }
    }

    /**
     * The blocked product C[rows×cols] = Lft · Rgt over k, C row i at {@code c[i·ldc]}. Rgt(p, j) is
     * {@code right[p·ldr + rightOff + j]}, or {@code right[(rightOff + j)·ldr + p]} when
     * {@code rightTransposed}. With {@code padded}, C's rows have room up to the next whole panel
     * (values written there are meaningless).
     */
    private void blocked(int rows, int cols, int k, float[] left, int rs, int ps, boolean copyLeft,
                         float[] right, int ldr, int rightOff, boolean rightTransposed, float[] c, int ldc, boolean padded,
                         boolean fiveRowTiles, float[] bias, Epilogue epilogue, float[] out) {
        // a K block fills the panel buffer: narrow products get deeper blocks
        int depth = KC * NR / ((Math.min(cols, NR) + L - 1) / L * L);
        int kBlocks = (k + depth - 1) / depth;
        int kc = Math.min(depth, ((k + kBlocks - 1) / kBlocks + L - 1) / L * L); // whole vectors, for the transposes
        int mc = rows, lda = 0;
        if (copyLeft) { // the largest row block, in whole tiles, whose copy fits the block buffer
            mc = block.length / kc / MC_STEP * MC_STEP;
            while (mc > MC_STEP && kc * conflictFreeStride(mc) > block.length) mc -= MC_STEP;
            lda = conflictFreeStride(mc);
        }
        for (int i0 = 0; i0 < rows; i0 += mc) {
            int rowsInBlock = Math.min(mc, rows - i0);
            for (int p0 = 0; p0 < k; p0 += kc) {
                int kb = Math.min(kc, k - p0);
                boolean first = p0 == 0, last = p0 + kb == k;
                float[] aSrc;
                int aOff, ars, aps;
                if (copyLeft) {
                    PanelPacking.columnBlock(left, ps, p0, kb, i0, rowsInBlock, block, lda);
                    aSrc = block; aOff = 0; ars = 1; aps = lda;
                } else {
                    aSrc = left; aOff = i0 * rs + p0 * ps; ars = rs; aps = ps;
                }
                for (int j0 = 0; j0 < cols; j0 += NR) {
                    int w = Math.min(NR, cols - j0);
                    int vectors = (w + L - 1) / L;
                    int width = vectors * L;
                    // B is read in place where its rows hold whole vectors and few tiles would reuse a copy
                    boolean inPlace = !rightTransposed && rowsInBlock <= 2 * MAX_TILE_ROWS && w == width
                            && (p0 + kb - 1) * ldr + rightOff + j0 + width <= right.length;
                    float[] bp = inPlace ? right : panel;
                    int bOff = inPlace ? p0 * ldr + rightOff + j0 : 0, ldb = inPlace ? ldr : width;
                    if (rightTransposed) PanelPacking.transposedPanel(right, ldr, p0, kb, rightOff + j0, w, panel, width);
                    else if (!inPlace) PanelPacking.rowPanel(right, ldr, p0, kb, rightOff + j0, w, panel, width);
                    boolean direct = padded || w == width;
                    float[] tileBias = last ? bias : null;
                    if (!direct && tileBias != null) {
                        System.arraycopy(bias, j0, paddedBias, 0, w);
                        java.util.Arrays.fill(paddedBias, w, width, 0f);
                        tileBias = paddedBias;
                    }
                    boolean five = fiveRowTiles && vectors == 4;
                    int mr = five ? 5 : rowsPerTile(vectors);
                    for (int ir = 0; ir < rowsInBlock; ir += mr) {
                        int tileRows = Math.min(mr, rowsInBlock - ir);
                        int i = i0 + ir;
                        int aTile = aOff + ir * ars;
                        if (direct) {
                            if (five) MicroKernels.rows5x4(aSrc, aTile, ars, aps, tileRows, bp, bOff, ldb, kb, c, i * ldc + j0, ldc, !first, tileBias, j0);
                            else tile(vectors, aSrc, aTile, ars, aps, tileRows, bp, bOff, ldb, kb, c, i * ldc + j0, ldc, !first, tileBias, j0);
                        } else {
                            int cTile = i * ldc + j0;
                            if (!first) for (int r = 0; r < tileRows; r++) System.arraycopy(c, cTile + r * ldc, scratch, r * width, w);
                            tile(vectors, aSrc, aTile, ars, aps, tileRows, bp, bOff, ldb, kb, scratch, 0, width, !first, tileBias, 0);
                            for (int r = 0; r < tileRows; r++) System.arraycopy(scratch, r * width, c, cTile + r * ldc, w);
                        }
                        if (last && epilogue != null) {
                            for (int r = 0; r < tileRows; r++) {
                                int from = (i + r) * ldc + j0;
                                epilogue.apply(c, out, from, from + w);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * A row stride of at least {@code rows} floats that is an odd number of 64-byte lines, so that
     * walking down a column of the block visits every cache set instead of piling onto a few.
     */
    private static int conflictFreeStride(int rows) {
        int lines = (rows + 15) / 16;
        return (lines % 2 == 0 ? lines + 1 : lines) * 16;
    }

    private static int rowsPerTile(int vectors) {
        return switch (vectors) {
            case 4 -> 6;
            case 3 -> 8;
            default -> 12;
        };
    }

    private static void tile(int vectors, float[] a, int aOff, int rs, int ps, int rows, float[] bp, int bOff, int ldb, int kb,
                             float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int biasOff) {
        switch (vectors) {
            case 4 -> MicroKernels.rows6x4(a, aOff, rs, ps, rows, bp, bOff, ldb, kb, c, cOff, ldc, accumulate, bias, biasOff);
            case 3 -> MicroKernels.rows8x3(a, aOff, rs, ps, rows, bp, bOff, ldb, kb, c, cOff, ldc, accumulate, bias, biasOff);
            case 2 -> MicroKernels.rows12x2(a, aOff, rs, ps, rows, bp, bOff, ldb, kb, c, cOff, ldc, accumulate, bias, biasOff);
            default -> MicroKernels.rows12x1(a, aOff, rs, ps, rows, bp, bOff, ldb, kb, c, cOff, ldc, accumulate, bias, biasOff);
        }
    }

    /** k = 0: every chain is the empty sum +0. */
    private static void emptySum(int m, int n, float[] bias, float[] c, Epilogue epilogue, float[] out) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) c[row + j] = bias == null ? 0f : 0f + bias[j];
            if (epilogue != null) epilogue.apply(c, out, row, row + n);
        }
    }

    /** Validates shapes and lengths; messages are built only on failure, so a call allocates nothing. */
    private static void check(int m, int n, int k, float[] a, boolean aTransposed, float[] b, boolean bTransposed, float[] c, float[] bias, float[] out) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative dimension in product " + m + "x" + n + "x" + k);
        }
        long aSize = (long) m * k, bSize = (long) k * n, cSize = (long) m * n;
        if (cSize > Integer.MAX_VALUE || aSize > Integer.MAX_VALUE || bSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("product " + m + "x" + n + "x" + k + " exceeds int indexing");
        }
        if (a.length < aSize) {
            throw new IllegalArgumentException("A has " + a.length + " elements, " + (aTransposed ? k + "x" + m : m + "x" + k) + " needs " + aSize);
        }
        if (b.length < bSize) {
            throw new IllegalArgumentException("B has " + b.length + " elements, " + (bTransposed ? n + "x" + k : k + "x" + n) + " needs " + bSize);
        }
        if (c.length < cSize) throw new IllegalArgumentException("C has " + c.length + " elements, " + m + "x" + n + " needs " + cSize);
        if (bias != null && bias.length < n) throw new IllegalArgumentException("bias has " + bias.length + " elements, needs " + n);
        if (out != null && out.length < cSize) throw new IllegalArgumentException("out has " + out.length + " elements, " + m + "x" + n + " needs " + cSize);
    }
}
