package org.initlab.init;

import org.initlab.catalog.Params;
import org.initlab.math.ArrayBytes;
import org.initlab.math.Matrix;

import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Saxe, McClelland &amp; Ganguli 2013 (arXiv:1312.6120): W = gain·Q with Q uniformly distributed
 * (Haar) among matrices with orthonormal columns or rows. Q comes from the QR decomposition of
 * a Gaussian matrix, multiplied by sign(diag R) (Mezzadri 2007, arXiv:math-ph/0609050) — without
 * that fix Q is not Haar. As PyTorch {@code orthogonal_(gain=1)} and Keras {@code Orthogonal(gain=1)}.
 *
 * <p>Our W is fan_in × fan_out: when fan_in ≥ fan_out the columns are orthonormal,
 * WᵀW = gain²·I; otherwise the rows are, WWᵀ = gain²·I. PyTorch's (out × in) weight is our
 * transpose and gets the transposed property, the same Haar distribution. The QR is
 * Householder's, in double precision.
 */
public record Orthogonal(double gain) implements Initializer {
    public static final String NAME = "orthogonal";

    public Orthogonal {
        ParameterCheck.positive(NAME, "gain", gain);
    }

    static Orthogonal from(Params p) {
        double gain = p.getDouble("gain", 1.0);
        p.done();
        return new Orthogonal(gain);
    }

    @Override
    public void initialize(Matrix w, RandomGenerator rng) {
        int rows = w.rows();
        int cols = w.cols();
        if (rows == 0 || cols == 0) return;
        boolean tall = rows >= cols;
        int m = tall ? rows : cols;
        int n = tall ? cols : rows;
        double[][] q = haarColumns(m, n, rng); // q[j] is column j of an m × n Q with QᵀQ = I
        float[] data = w.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                float v = (float) (gain * q[j][i]);
                if (tall) data[i * cols + j] = v;
                else data[j * cols + i] = v;
            }
        }
    }

    /** A, the Householder vectors and Q: three n × m arrays of doubles (m ≥ n), and diag R. */
    @Override
    public long scratchBytes(int rows, int cols) {
        long m = Math.max(rows, cols), n = Math.min(rows, cols);
        long matrix = ArrayBytes.references(n) + n * ArrayBytes.doubles(m);
        return 3 * matrix + ArrayBytes.doubles(n);
    }

    /** The n orthonormal columns (length m ≥ n) of Q·diag(sign(diag R)) for a Gaussian m × n A = QR. */
    static double[][] haarColumns(int m, int n, RandomGenerator rng) {
        double[][] a = new double[n][m];
        for (int j = 0; j < n; j++) for (int i = 0; i < m; i++) a[j][i] = rng.nextGaussian();

        // Householder: H_k = I − 2·v_k·v_kᵀ (‖v_k‖ = 1, zero above row k) maps column k below the diagonal to 0.
        double[][] v = new double[n][];
        double[] diagonalR = new double[n];
        for (int k = 0; k < n; k++) {
            double[] x = a[k];
            double norm = 0.0;
            for (int i = k; i < m; i++) norm += x[i] * x[i];
            norm = Math.sqrt(norm);
            double alpha = x[k] >= 0 ? -norm : norm; // opposite sign to x_k: no cancellation in x_k − alpha
            double[] vk = new double[m];
            double vNorm = 0.0;
            for (int i = k; i < m; i++) vk[i] = x[i];
            vk[k] -= alpha;
            for (int i = k; i < m; i++) vNorm += vk[i] * vk[i];
            vNorm = Math.sqrt(vNorm);
            if (vNorm > 0) for (int i = k; i < m; i++) vk[i] /= vNorm;
            v[k] = vk;
            diagonalR[k] = vNorm > 0 ? alpha : x[k];
            for (int j = k + 1; j < n; j++) reflect(vk, a[j], k, m);
        }

        // Q = H_0·H_1···H_{n−1}·[I_n; 0], applied right to left; H_k leaves columns j < k alone.
        double[][] q = new double[n][m];
        for (int j = 0; j < n; j++) q[j][j] = 1.0;
        for (int k = n - 1; k >= 0; k--) {
            for (int j = k; j < n; j++) reflect(v[k], q[j], k, m);
        }
        for (int j = 0; j < n; j++) {
            if (diagonalR[j] < 0) for (int i = 0; i < m; i++) q[j][i] = -q[j][i];
        }
        return q;
    }

    /** column ← (I − 2vvᵀ)·column, on rows from..m−1 (v is zero above). */
    private static void reflect(double[] v, double[] column, int from, int m) {
        double dot = 0.0;
        for (int i = from; i < m; i++) dot += v[i] * column[i];
        dot *= 2.0;
        for (int i = from; i < m; i++) column[i] -= dot * v[i];
    }

    @Override public String name() { return NAME; }

    @Override public Map<String, Object> params() { return CanonicalParams.of("gain", gain); }

    @Override
    public String formula() {
        return "gain·Q, Q from QR of a Gaussian matrix with Q·sign(diag R); WᵀW = gain²·I if fan_in ≥ fan_out, else WWᵀ = gain²·I";
    }
}
