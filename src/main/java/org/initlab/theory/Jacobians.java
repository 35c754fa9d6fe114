package org.initlab.theory;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.initlab.nn.Activation;
import org.initlab.nn.Mlp;

import java.util.List;

/**
 * The input–output Jacobian of an MLP at one input, in double precision from its float weights,
 * and its singular values (EJML's implicit-QR SVD).
 *
 * <p>With weights stored in × out (z^l = h^(l−1)·W_l + b_l, h^l = φ(z^l)) and D_l = diag(φ′(z^l)),
 * a row perturbation dx moves the output by dx·W₁D₁W₂D₂···W_LD_L. So the Jacobian, as an
 * in × out matrix M (J = Mᵀ in the usual out × in orientation, with the same singular values), is
 * <ul>
 *   <li>{@link #inputToOutput}: M = W₁D₁···W_LD_L, n₀ × n_L, from the input to the network's
 *       outputs (the logits: D_L = I for a linear output layer). With 10 classes it has only 10
 *       singular values;</li>
 *   <li>{@link #hiddenToHidden}: M = W₂D₂···W_(L−1)D_(L−1), n₁ × n_(L−1), from the first hidden
 *       layer's activations to the last hidden layer's: square when the hidden layers are equally
 *       wide, the product of L−2 layers that Pennington, Schoenholz &amp; Ganguli 2017 study.</li>
 * </ul>
 * M is built right to left (scale rows by D, multiply by W) so that each product is a plain
 * matrix product. Cost: Σ n_(l−1)·n_l·(n_out + 1) multiply–adds (the forward pass in double
 * and the product) plus an SVD. The input–output Jacobian is cheap (n_out = 10: about 10 ms at
 * 784–512³–10); the hidden one costs (L−3)·n³ multiply–adds and an n × n SVD, about a second per
 * input at n = 512 with four hidden layers on this machine: a probe should take it on a few
 * inputs only.
 */
public final class Jacobians {
    private Jacobians() {}

    /** The Jacobian from the input x (length n₀) to the network's outputs (the logits when the output layer is linear). */
    public static JacobianSpectrum inputToOutput(Mlp net, float[] x) {
        return inputToOutput(LayerWeights.of(net), x);
    }

    /** {@link #inputToOutput(Mlp, float[])} for a network given by its layers' parameters. */
    public static JacobianSpectrum inputToOutput(List<LayerWeights> layers, float[] x) {
        double[][] slopes = slopes(layers, x);
        DMatrixRMaj m = product(layers, slopes, 1, layers.size());
        return new JacobianSpectrum(SingularOps_DDRM.singularValues(m), m.numCols);
    }

    /** The Jacobian from the first hidden layer's activations to the last hidden layer's; the identity for one hidden layer. */
    public static JacobianSpectrum hiddenToHidden(Mlp net, float[] x) {
        return hiddenToHidden(LayerWeights.of(net), x);
    }

    /** {@link #hiddenToHidden(Mlp, float[])} for a network given by its layers' parameters. */
    public static JacobianSpectrum hiddenToHidden(List<LayerWeights> layers, float[] x) {
        if (layers.size() < 3) {
            int n = layers.getFirst().out();
            double[] ones = new double[n];
            java.util.Arrays.fill(ones, 1.0);
            return new JacobianSpectrum(ones, n);
        }
        double[][] slopes = slopes(layers, x);
        DMatrixRMaj m = product(layers, slopes, 2, layers.size() - 1);
        return new JacobianSpectrum(SingularOps_DDRM.singularValues(m), m.numCols);
    }

    /** φ′(z^l) for every layer at input x, from a forward pass in double. */
    static double[][] slopes(List<LayerWeights> layers, float[] x) {
        if (x.length != layers.getFirst().in()) {
            throw new IllegalArgumentException("input has " + x.length + " features, the network takes " + layers.getFirst().in());
        }
        double[] h = new double[x.length];
        for (int i = 0; i < x.length; i++) h[i] = x[i];
        double[][] slopes = new double[layers.size()][];
        for (int l = 0; l < layers.size(); l++) {
            LayerWeights d = layers.get(l);
            float[] w = d.weight();
            float[] b = d.bias();
            int in = d.in();
            int out = d.out();
            double[] z = new double[out];
            for (int j = 0; j < out; j++) z[j] = b[j];
            for (int i = 0; i < in; i++) {
                double hi = h[i];
                if (hi == 0) continue;
                int row = i * out;
                for (int j = 0; j < out; j++) z[j] += hi * w[row + j];
            }
            Activation phi = d.activation();
            double[] slope = new double[out];
            double[] next = new double[out];
            for (int j = 0; j < out; j++) {
                slope[j] = phi.derivative(z[j]);
                next[j] = phi.value(z[j]);
            }
            slopes[l] = slope;
            h = next;
        }
        return slopes;
    }

    /**
     * W_first·D_first···W_last·D_last (1-based layers), built from the right in double, each step
     * (D_l·R, then W_l·(D_l·R)) read straight from the float weights: no weight matrix is copied,
     * which is what the cost of a Jacobian per probe input would otherwise be made of.
     */
    private static DMatrixRMaj product(List<LayerWeights> layers, double[][] slopes, int first, int last) {
        LayerWeights top = layers.get(last - 1);
        int cols = top.out();
        float[] wTop = top.weight();
        double[] sTop = slopes[last - 1];
        double[] right = new double[top.in() * cols];
        for (int i = 0; i < top.in(); i++) for (int c = 0; c < cols; c++) right[i * cols + c] = wTop[i * cols + c] * sTop[c];
        int rows = top.in();
        for (int l = last - 1; l >= first; l--) {
            LayerWeights layer = layers.get(l - 1);
            int in = layer.in(), out = layer.out();
            double[] d = slopes[l - 1];
            for (int j = 0; j < out; j++) for (int c = 0; c < cols; c++) right[j * cols + c] *= d[j];
            float[] w = layer.weight();
            double[] next = new double[in * cols];
            for (int i = 0; i < in; i++) {
                int row = i * out, dst = i * cols;
                for (int j = 0; j < out; j++) {
                    double wij = w[row + j];
                    if (wij == 0) continue;
                    int src = j * cols;
                    for (int c = 0; c < cols; c++) next[dst + c] += wij * right[src + c];
                }
            }
            right = next;
            rows = in;
        }
        return DMatrixRMaj.wrap(rows, cols, right);
    }
}
