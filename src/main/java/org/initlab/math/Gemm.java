package org.initlab.math;

import static org.initlab.math.MicroKernels.L;

/**
 * Single-threaded float32 matrix products for dense layers, on row-major contiguous arrays
 * (each operand at offset 0 with exactly the given dimensions; arrays may be longer).
 *
 * <p>Reproducibility contract: every output element is the sequential fused multiply-add chain
 * {@code s = 0; for p in 0..k-1: s = fma(a[i][p], b[p][j], s)}, then {@code + bias[j]} as a
 * separate float add, then the epilogue. The result bits are therefore independent of the
 * SIMD width, the blocking and the machine.
 *
 * <p>How (Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS
 * 2008, without the parallel loops): B is packed per K block into a panel of 4 vectors'
 * width that stays in L1, and a {@link MicroKernels register-blocked kernel} of 6 rows × 4 vectors
 * sweeps the rows of A over it as outer products, with partial sums carried through C between
 * K blocks. Narrow last panels (N mod 64 columns) use kernels with more rows and fewer vectors.
 * A·Bᵀ packs B transposed; Aᵀ·B copies A's K×MC blocks to a buffer whose stride avoids cache-set
 * conflicts.
 *
 * <p>An instance owns fixed-size packing buffers and is used by one thread; a call allocates
 * nothing.
 */
public final class Gemm {
    /** Panel width of the main kernel: 4 vectors. */
    private static final int NR = 4 * L;
    /** Depth of a K block: the packed B panel, KC × NR floats, is 32 KiB with AVX-512. */
    private static final int KC = 128;
    /** Rows of A per block copied for Aᵀ·B; a multiple of every kernel's row count. */
    private static final int MC = 240;
    /** Leading dimension of the copied A block: MC rounded up to an odd number of 64-byte lines. */
    private static final int LDA = MC + 16;
    private static final int MAX_TILE_ROWS = 12;

    private final float[] panel = new float[KC * NR];
    private final float[] block = new float[KC * LDA];
    /** A tile of a partial-width panel, computed here at full vector width and then copied to C. */
    private final float[] scratch = new float[MAX_TILE_ROWS * NR];
    private final float[] paddedBias = new float[NR];
    /** Offsets l·k of the rows of Bᵀ gathered into one vector of a transposed panel. */
    private final int[] rowStarts = new int[L];

    /** Buffers are of fixed size: one instance serves products of any shape. */
    public Gemm() {}

    /** C[m×n] = A[m×k] · B[k×n]. */
    public void mulNN(int m, int n, int k, float[] a, float[] b, float[] c) {
        product(Form.NN, m, n, k, a, b, null, c, null, null);
    }

    /** C[m×n] = Aᵀ · B, where A is stored k×m and B is k×n (the weight gradient Xᵀ·G). */
    public void mulTN(int m, int n, int k, float[] a, float[] b, float[] c) {
        product(Form.TN, m, n, k, a, b, null, c, null, null);
    }

    /** C[m×n] = A · Bᵀ, where A is m×k and B is stored n×k (the input gradient G·Wᵀ). */
    public void mulNT(int m, int n, int k, float[] a, float[] b, float[] c) {
        product(Form.NT, m, n, k, a, b, null, c, null, null);
    }

    /**
     * The forward pass of a dense layer: Z = A·B + bias (bias broadcast over rows, may be null),
     * then {@code epilogue} writes f(Z) into {@code out} (which may be {@code z}), applied to each
     * tile of Z right after the kernel writes it.
     */
    public void mulNNBias(int m, int n, int k, float[] a, float[] b, float[] bias, float[] z, Epilogue epilogue, float[] out) {
        if (epilogue == null) throw new IllegalArgumentException("epilogue is null; use Epilogue.IDENTITY");
        if (out == null) throw new IllegalArgumentException("out is null; pass z to apply the epilogue in place");
        product(Form.NN, m, n, k, a, b, bias, z, epilogue, out);
    }

    private enum Form { NN, TN, NT }

    private void product(Form form, int m, int n, int k, float[] a, float[] b, float[] bias, float[] c, Epilogue epilogue, float[] out) {
        check(form, m, n, k, a, b, bias, c, out);
        if (m == 0 || n == 0) return;
        if (k == 0) {
            emptySum(m, n, bias, c, epilogue, out);
            return;
        }
        int kBlocks = (k + KC - 1) / KC;
        int kc = Math.min(KC, ((k + kBlocks - 1) / kBlocks + L - 1) / L * L); // whole vectors, for the transposes
        int mc = form == Form.TN ? MC : m;
        if (form == Form.NT) for (int l = 0; l < L; l++) rowStarts[l] = l * k;
        for (int i0 = 0; i0 < m; i0 += mc) {
            int rowsInBlock = Math.min(mc, m - i0);
            for (int p0 = 0; p0 < k; p0 += kc) {
                int kb = Math.min(kc, k - p0);
                boolean first = p0 == 0, last = p0 + kb == k;
                float[] aSrc;
                int aOff, rs, ps;
                if (form == Form.TN) {
                    PanelPacking.columnBlock(a, m, p0, kb, i0, rowsInBlock, block, LDA);
                    aSrc = block; aOff = 0; rs = 1; ps = LDA;
                } else {
                    aSrc = a; aOff = i0 * k + p0; rs = k; ps = 1;
                }
                for (int j0 = 0; j0 < n; j0 += NR) {
                    int w = Math.min(NR, n - j0);
                    int vectors = (w + L - 1) / L;
                    int width = vectors * L;
                    if (form == Form.NT) PanelPacking.transposedPanel(b, k, p0, kb, j0, w, panel, width, rowStarts);
                    else PanelPacking.rowPanel(b, n, p0, kb, j0, w, panel, width);
                    boolean partial = w < width;
                    float[] tileBias = last ? bias : null;
                    if (partial && tileBias != null) {
                        System.arraycopy(bias, j0, paddedBias, 0, w);
                        java.util.Arrays.fill(paddedBias, w, width, 0f);
                        tileBias = paddedBias;
                    }
                    int mr = rowsPerTile(vectors);
                    for (int ir = 0; ir < rowsInBlock; ir += mr) {
                        int rows = Math.min(mr, rowsInBlock - ir);
                        int cOff = (i0 + ir) * n + j0;
                        int aTile = aOff + ir * rs;
                        if (!partial) {
                            tile(vectors, aSrc, aTile, rs, ps, rows, kb, c, cOff, n, !first, tileBias, j0);
                        } else {
                            if (!first) for (int r = 0; r < rows; r++) System.arraycopy(c, cOff + r * n, scratch, r * width, w);
                            tile(vectors, aSrc, aTile, rs, ps, rows, kb, scratch, 0, width, !first, tileBias, 0);
                            for (int r = 0; r < rows; r++) System.arraycopy(scratch, r * width, c, cOff + r * n, w);
                        }
                        if (last && epilogue != null) {
                            for (int r = 0; r < rows; r++) epilogue.apply(c, out, cOff + r * n, cOff + r * n + w);
                        }
                    }
                }
            }
        }
    }

    private static int rowsPerTile(int vectors) {
        return switch (vectors) {
            case 4 -> 6;
            case 3 -> 8;
            default -> 12;
        };
    }

    private void tile(int vectors, float[] a, int aOff, int rs, int ps, int rows, int kb,
                      float[] c, int cOff, int ldc, boolean accumulate, float[] bias, int biasOff) {
        switch (vectors) {
            case 4 -> MicroKernels.rows6x4(a, aOff, rs, ps, rows, panel, kb, c, cOff, ldc, accumulate, bias, biasOff);
            case 3 -> MicroKernels.rows8x3(a, aOff, rs, ps, rows, panel, kb, c, cOff, ldc, accumulate, bias, biasOff);
            case 2 -> MicroKernels.rows12x2(a, aOff, rs, ps, rows, panel, kb, c, cOff, ldc, accumulate, bias, biasOff);
            default -> MicroKernels.rows12x1(a, aOff, rs, ps, rows, panel, kb, c, cOff, ldc, accumulate, bias, biasOff);
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

    private static void check(Form form, int m, int n, int k, float[] a, float[] b, float[] bias, float[] c, float[] out) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("negative dimension in product " + m + "x" + n + "x" + k);
        }
        long aSize = (long) m * k, bSize = (long) k * n, cSize = (long) m * n;
        String aShape = form == Form.TN ? k + "x" + m : m + "x" + k;
        String bShape = form == Form.NT ? n + "x" + k : k + "x" + n;
        if (a.length < aSize) throw new IllegalArgumentException("A has " + a.length + " elements, " + aShape + " needs " + aSize);
        if (b.length < bSize) throw new IllegalArgumentException("B has " + b.length + " elements, " + bShape + " needs " + bSize);
        if (c.length < cSize) throw new IllegalArgumentException("C has " + c.length + " elements, " + m + "x" + n + " needs " + cSize);
        if (cSize > Integer.MAX_VALUE || aSize > Integer.MAX_VALUE || bSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("product " + m + "x" + n + "x" + k + " exceeds int indexing");
        }
        if (bias != null && bias.length < n) throw new IllegalArgumentException("bias has " + bias.length + " elements, needs " + n);
        if (out != null && out.length < cSize) throw new IllegalArgumentException("out has " + out.length + " elements, " + m + "x" + n + " needs " + cSize);
    }
}
