package org.initlab.nn;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.Gemm;
import org.initlab.math.Matrix;
import org.initlab.math.Parameter;

/**
 * A fully connected layer a = φ(x·W + b) on a batch, with its backward pass beside it.
 *
 * <pre>
 * forward:  z = x·W + b          (batch×in · in×out, bias broadcast over rows)
 *           a = φ(z)
 * backward: dz = da ⊙ φ′(z)
 *           dW = xᵀ·dz            (in×batch · batch×out)
 *           db = Σ_rows dz
 *           dx = dz·Wᵀ            (batch×out · out×in), skipped for the first layer
 * </pre>
 * W is stored in × out. Every buffer is allocated here, once, for batches up to
 * {@code maxBatch}; forward and backward allocate nothing.
 */
public final class Dense {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private final String name;
    private final int in;
    private final int out;
    private final Activation activation;
    private final Matrix weight;
    private final float[] bias;
    private final float[] weightGrad;
    private final float[] biasGrad;
    private final float[] z;
    private final float[] a;
    private final float[] dz;
    private final float[] dx;
    private float[] input;
    private int batch;

    Dense(String name, int in, int out, Activation activation, int maxBatch, boolean needsInputGrad) {
        this.name = name;
        this.in = in;
        this.out = out;
        this.activation = activation;
        this.weight = new Matrix(in, out);
        this.bias = new float[out];
        // sizes checked once here, so that the products in forward and backward cannot overflow
        this.weightGrad = new float[Math.multiplyExact(in, out)];
        this.biasGrad = new float[out];
        this.z = new float[Math.multiplyExact(maxBatch, out)];
        this.a = activation instanceof Identity ? z : new float[z.length];
        this.dz = new float[z.length];
        this.dx = needsInputGrad ? new float[Math.multiplyExact(maxBatch, in)] : null;
    }

    /** Computes a = φ(x·W + b) for the first {@code batch} rows of x; returns a (owned by this layer). */
    float[] forward(Gemm gemm, float[] x, int batch) {
        this.input = x;
        this.batch = batch;
        gemm.mulNNBias(batch, out, in, x, weight.data(), bias, z, activation, a);
        return a;
    }

    /** From da = ∂L/∂a, fills the parameter gradients and returns dx = ∂L/∂x (null for the first layer). */
    float[] backward(Gemm gemm, float[] da) {
        int n = batch * out;
        activation.backward(z, a, da, dz, 0, n);
        gemm.mulTN(in, out, batch, input, dz, weightGrad);
        columnSums(dz, batch, out, biasGrad);
        if (dx == null) return null;
        gemm.mulNT(batch, in, out, dz, weight.data(), dx);
        return dx;
    }

    /** s[j] = Σᵢ m[i][j], rows added in order (the same bits for any vector width). */
    static void columnSums(float[] m, int rows, int cols, float[] s) {
        java.util.Arrays.fill(s, 0, cols, 0f);
        for (int i = 0; i < rows; i++) {
            int row = i * cols;
            int j = 0;
            for (int bound = S.loopBound(cols); j < bound; j += S.length()) {
                FloatVector.fromArray(S, s, j).add(FloatVector.fromArray(S, m, row + j)).intoArray(s, j);
            }
            for (; j < cols; j++) s[j] += m[row + j];
        }
    }

    public String name() { return name; }
    public int in() { return in; }
    public int out() { return out; }
    public Activation activation() { return activation; }
    /** The weight, in × out; initializers fill it in place. */
    public Matrix weight() { return weight; }
    public float[] bias() { return bias; }
    /** Pre-activations of the last forward pass (batch × out, valid for its batch rows). */
    public float[] preActivations() { return z; }
    /** Activations of the last forward pass. */
    public float[] activations() { return a; }
    public float[] weightGrad() { return weightGrad; }
    public float[] biasGrad() { return biasGrad; }
    /** dz = ∂L/∂z of the last backward pass (batch × out). */
    public float[] preActivationGrad() { return dz; }

    public Parameter weightParameter() { return new Parameter(name + ".weight", weight.data(), weightGrad, true); }
    public Parameter biasParameter() { return new Parameter(name + ".bias", bias, biasGrad, true); }
}
