package org.initlab.math;

/**
 * Single-threaded float32 matrix products for dense layers, on row-major contiguous arrays.
 * An instance owns its packing buffers, sized once for the largest product it will see, so a
 * training step allocates nothing.
 *
 * <p>Reproducibility contract: every output element is the sequential fused multiply-add chain
 * {@code c = 0; for p in 0..k-1: c = fma(a[i][p], b[p][j], c)} (bias added after), so results
 * are the same bits whatever the SIMD width and whatever the blocking.
 *
 * <p>This is the plain reference implementation; the register-blocked Vector API kernels
 * replace its loops without changing results.
 */
public final class Gemm {
    private final int maxM;
    private final int maxN;
    private final int maxK;

    /** A workspace for products with m ≤ maxM, n ≤ maxN, k ≤ maxK (in any of the three forms). */
    public Gemm(int maxM, int maxN, int maxK) {
        this.maxM = maxM;
        this.maxN = maxN;
        this.maxK = maxK;
    }

    /** C[m×n] = A[m×k] · B[k×n]. */
    public void mulNN(int m, int n, int k, float[] a, float[] b, float[] c) {
        check(m, n, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) s = Math.fma(a[i * k + p], b[p * n + j], s);
                c[i * n + j] = s;
            }
        }
    }

    /** C[m×n] = Aᵀ · B, where A is stored k×m and B is k×n (the weight gradient Xᵀ·G). */
    public void mulTN(int m, int n, int k, float[] a, float[] b, float[] c) {
        check(m, n, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) s = Math.fma(a[p * m + i], b[p * n + j], s);
                c[i * n + j] = s;
            }
        }
    }

    /** C[m×n] = A · Bᵀ, where A is m×k and B is stored n×k (the input gradient G·Wᵀ). */
    public void mulNT(int m, int n, int k, float[] a, float[] b, float[] c) {
        check(m, n, k);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0f;
                for (int p = 0; p < k; p++) s = Math.fma(a[i * k + p], b[j * k + p], s);
                c[i * n + j] = s;
            }
        }
    }

    /**
     * The forward pass of a dense layer: Z = A·B + bias (bias broadcast over rows), then
     * {@code epilogue} writes f(Z) into {@code out}. {@code bias} may be null.
     */
    public void mulNNBias(int m, int n, int k, float[] a, float[] b, float[] bias, float[] z, Epilogue epilogue, float[] out) {
        mulNN(m, n, k, a, b, z);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            if (bias != null) for (int j = 0; j < n; j++) z[row + j] += bias[j];
            epilogue.apply(z, out, row, row + n);
        }
    }

    private void check(int m, int n, int k) {
        if (m > maxM || n > maxN || k > maxK || m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("product " + m + "x" + n + "x" + k + " exceeds workspace " + maxM + "x" + maxN + "x" + maxK);
        }
    }
}
