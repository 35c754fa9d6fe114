package org.initlab.train;

import org.initlab.nn.Activation;
import org.initlab.nn.Dense;
import org.initlab.nn.Mlp;

/**
 * The {@link RunView} of one {@link Mlp}: the layers as they are, and where training is as its
 * trainer says ({@link #at}). Forward passes go through {@link #forward}, which counts them.
 */
public final class MlpView implements RunView {
    private final Mlp net;
    private final TrainingPlan plan;
    private final Dense[] layers;
    private final int epochs;
    private final long stepsPerEpoch;
    private long step;
    private int epoch;
    private double loss = Double.NaN;
    private int rows;
    private long passes;

    public MlpView(Mlp net, TrainingPlan plan, long stepsPerEpoch) {
        this.net = net;
        this.plan = plan;
        this.layers = net.layers().toArray(new Dense[0]);
        this.epochs = plan.epochs();
        this.stepsPerEpoch = stepsPerEpoch;
    }

    /** Where training is: the step (its number inside a step), the epoch, the step's loss. */
    public void at(long step, int epoch, double loss) {
        this.step = step;
        this.epoch = epoch;
        this.loss = loss;
    }

    @Override
    public float[] forward(float[] x, int rows) {
        float[] out = net.forward(x, rows);
        this.rows = rows;
        passes++;
        return out;
    }

    @Override public TrainingPlan plan() { return plan; }
    @Override public int layers() { return layers.length; }
    @Override public String name(int layer) { return layers[layer].name(); }
    @Override public int fanIn(int layer) { return layers[layer].in(); }
    @Override public int fanOut(int layer) { return layers[layer].out(); }
    @Override public Activation activation(int layer) { return layers[layer].activation(); }
    @Override public float[] weights(int layer) { return layers[layer].weight().data(); }
    @Override public float[] biases(int layer) { return layers[layer].bias(); }
    @Override public float[] weightGradients(int layer) { return layers[layer].weightGrad(); }
    @Override public float[] biasGradients(int layer) { return layers[layer].biasGrad(); }
    @Override public float[] preActivationGradients(int layer) { return layers[layer].preActivationGrad(); }
    @Override public int rows() { return rows; }
    @Override public float[] preActivations(int layer) { return layers[layer].preActivations(); }
    @Override public float[] activations(int layer) { return layers[layer].activations(); }
    @Override public int maxRows() { return net.maxBatch(); }
    @Override public long forwardPasses() { return passes; }
    @Override public long step() { return step; }
    @Override public int epoch() { return epoch; }
    @Override public int epochs() { return epochs; }
    @Override public long stepsPerEpoch() { return stepsPerEpoch; }
    @Override public double loss() { return loss; }
}
