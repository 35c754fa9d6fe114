package org.initlab.nn;

import org.initlab.math.Gemm;
import org.initlab.math.Parameter;

import java.util.ArrayList;
import java.util.List;

/**
 * A multi-layer perceptron: dense layers of the given widths, the hidden activation after each
 * hidden layer and, when {@code activateOutput} is set (the original notebook's quirk), after the
 * output layer too; otherwise the output layer is linear and its outputs are logits.
 *
 * <p>One instance belongs to one thread: it owns its GEMM workspace and every buffer, sized for
 * batches of up to {@code maxBatch} rows, so training allocates nothing per step.
 */
public final class Mlp {
    private final int[] widths;
    private final List<Dense> layers;
    /** The same layers as an array: the step loops over it (a List's iterator may be allocated
     *  when the JIT has seen several List classes at that call site). */
    private final Dense[] stack;
    private final Gemm gemm;
    private final int maxBatch;
    private final boolean activateOutput;

    /**
     * @param widths         input width, hidden widths..., number of classes (at least two entries)
     * @param hidden         activation after each hidden layer
     * @param activateOutput whether the output layer gets {@code hidden} too
     * @param maxBatch       the largest batch forward will see (training, evaluation or probing)
     */
    public Mlp(int[] widths, Activation hidden, boolean activateOutput, int maxBatch) {
        if (widths.length < 2) throw new IllegalArgumentException("an MLP needs an input and an output width");
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("layer widths must be positive: " + java.util.Arrays.toString(widths));
        if (maxBatch < 1) throw new IllegalArgumentException("maxBatch must be positive");
        this.widths = widths.clone();
        this.maxBatch = maxBatch;
        this.activateOutput = activateOutput;
        this.gemm = new Gemm();
        List<Dense> ls = new ArrayList<>();
        for (int l = 0; l + 1 < widths.length; l++) {
            boolean last = l + 2 == widths.length;
            Activation act = last && !activateOutput ? new Identity() : hidden;
            ls.add(new Dense("dense" + (l + 1), widths[l], widths[l + 1], act, maxBatch, l > 0));
        }
        this.layers = List.copyOf(ls);
        this.stack = ls.toArray(new Dense[0]);
    }

    /** Runs the first {@code batch} rows of x (batch × inputs) forward; returns the outputs (batch × classes). */
    public float[] forward(float[] x, int batch) {
        if (batch < 1 || batch > maxBatch) throw new IllegalArgumentException("batch " + batch + " outside 1.." + maxBatch);
        float[] h = x;
        for (Dense layer : stack) h = layer.forward(gemm, h, batch);
        return h;
    }

    /** Back-propagates ∂L/∂outputs of the last forward pass into every parameter gradient. */
    public void backward(float[] dOutputs) {
        float[] g = dOutputs;
        for (int l = stack.length - 1; l >= 0; l--) g = stack[l].backward(gemm, g);
    }

    /** Weights and biases, layer by layer: the order optimizers and exports use. */
    public List<Parameter> parameters() {
        List<Parameter> ps = new ArrayList<>();
        for (Dense d : layers) {
            ps.add(d.weightParameter());
            ps.add(d.biasParameter());
        }
        return ps;
    }

    public List<Dense> layers() { return layers; }
    public int[] widths() { return widths.clone(); }
    public int inputs() { return widths[0]; }
    public int outputs() { return widths[widths.length - 1]; }
    public int maxBatch() { return maxBatch; }
    public boolean activateOutput() { return activateOutput; }
}
