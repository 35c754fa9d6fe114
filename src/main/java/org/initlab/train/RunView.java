package org.initlab.train;

import org.initlab.nn.Activation;

/**
 * What an observer sees of one run in training: its dense layers (shape, activation, parameters,
 * the gradients of the current step, the last forward pass) and where training is (step, epoch,
 * loss). Probes see a run only through this view, never the trainer, so the same probes can watch
 * runs trained alone or several together.
 *
 * <p>Arrays are the network's own, not copies: read them, never write them. Layer {@code l}'s
 * weight is {@code fanIn(l) × fanOut(l)}, row-major (so {@code x·W + b} computes the layer); its
 * pre-activations and activations hold {@code rows() × fanOut(l)} values of the last forward pass.
 */
public interface RunView {
    /** How the run was set up (widths, activation, initializers, ...): what a prediction at initialisation starts from. */
    TrainingPlan plan();

    int layers();

    /** "dense1", "dense2", ...: the layer's name in records and weight files. */
    String name(int layer);

    int fanIn(int layer);

    int fanOut(int layer);

    Activation activation(int layer);

    float[] weights(int layer);

    float[] biases(int layer);

    /** ∂L/∂W of the current step: valid after backward, i.e. from {@code beforeUpdate} on. */
    float[] weightGradients(int layer);

    /** ∂L/∂b of the current step. */
    float[] biasGradients(int layer);

    /** δ = ∂L/∂z of the current step, {@code rows() × fanOut(layer)}: valid after backward, i.e. from {@code beforeUpdate} on. */
    float[] preActivationGradients(int layer);

    /** Rows of the last forward pass (the minibatch's, inside a step). */
    int rows();

    /** z = x·W + b of the last forward pass. */
    float[] preActivations(int layer);

    /** φ(z) of the last forward pass. */
    float[] activations(int layer);

    /**
     * Runs the first {@code rows} rows of {@code x} (rows × fanIn(0)) forward and returns the
     * outputs; the pre-activations and activations then hold this pass. Only at observations (at
     * initialisation, after an epoch, at the end), never inside a step: the step's backward pass
     * needs its own forward pass.
     */
    float[] forward(float[] x, int rows);

    /** The largest {@code rows} {@link #forward} accepts. */
    int maxRows();

    /** Forward passes so far: a pass is still the last one while this has not changed. */
    long forwardPasses();

    /** Optimizer steps so far; inside a step, its number (the first step is 1). */
    long step();

    /** The current epoch (0 before training). */
    int epoch();

    /** Epochs the run is planned for. */
    int epochs();

    /** Steps in one epoch (the last minibatch of an epoch may be smaller). */
    long stepsPerEpoch();

    /** The current step's minibatch loss (NaN before the first step; maybe not finite). */
    double loss();
}
