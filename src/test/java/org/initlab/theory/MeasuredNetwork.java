package org.initlab.theory;

import org.initlab.init.BiasInitializer;
import org.initlab.init.Initializer;
import org.initlab.init.Initializers;
import org.initlab.math.RandomStreams;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.initlab.nn.Dense;
import org.initlab.nn.Mlp;
import org.initlab.nn.SoftmaxCrossEntropy;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * A real network built as the trainer builds it (each layer's weight and bias from the catalogue's
 * initializers, its own random stream), run forward on random inputs, with the probe quantities
 * measured the way {@code train.Trainer} measures them.
 */
final class MeasuredNetwork {
    final int[] widths;
    final Mlp net;
    final Initializer weightInit;
    final BiasInitializer biasInit;
    final Activation activation;
    final float[] x;
    final int rows;

    MeasuredNetwork(int[] widths, String activation, String weightInit, Map<String, ?> weightParams,
                    String biasInit, Map<String, ?> biasParams, int rows, long seed) {
        this(widths, activation, weightInit, weightParams, biasInit, biasParams, gaussianInputs(rows, widths[0], seed), rows, seed);
    }

    /** The same on given inputs (rows × widths[0]). */
    MeasuredNetwork(int[] widths, String activation, String weightInit, Map<String, ?> weightParams,
                    String biasInit, Map<String, ?> biasParams, float[] x, int rows, long seed) {
        this.widths = widths.clone();
        this.activation = Activations.create(activation);
        this.weightInit = Initializers.weight(weightInit, weightParams);
        this.biasInit = Initializers.bias(biasInit, biasParams);
        this.rows = rows;
        this.net = new Mlp(widths, this.activation, false, rows);
        for (int l = 0; l < net.layers().size(); l++) {
            Dense d = net.layers().get(l);
            this.weightInit.initialize(d.weight(), RandomStreams.stream(seed, "init/weight/" + l));
            this.biasInit.initialize(d.bias(), d.in(), d.out(), RandomStreams.stream(seed, "init/bias/" + l));
        }
        this.x = x;
        net.forward(x, rows);
    }

    /** rows × features standard normal inputs. */
    static float[] gaussianInputs(int rows, int features, long seed) {
        SplittableRandom rng = new SplittableRandom(seed * 31 + 7);
        float[] x = new float[rows * features];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextGaussian();
        return x;
    }

    NetworkSpec spec() {
        return NetworkSpec.of(widths, activation, false, weightInit, biasInit);
    }

    InputStatistics inputStatistics() {
        return InputStatistics.of(x, rows, widths[0]);
    }

    private float[] z(int layer) {
        return net.layers().get(layer - 1).preActivations();
    }

    private int units(int layer) {
        return net.layers().get(layer - 1).out();
    }

    /** (1/(P·n))·Σ z² over the batch and the layer's units. */
    double secondMoment(int layer) {
        float[] z = z(layer);
        int count = rows * units(layer);
        double sum = 0.0;
        for (int i = 0; i < count; i++) sum += (double) z[i] * z[i];
        return sum / count;
    }

    /** The variance of all P·n values together. */
    double pooledVariance(int layer) {
        float[] z = z(layer);
        int count = rows * units(layer);
        double sum = 0.0;
        for (int i = 0; i < count; i++) sum += z[i];
        double mean = sum / count;
        double squares = 0.0;
        for (int i = 0; i < count; i++) squares += (z[i] - mean) * (z[i] - mean);
        return squares / count;
    }

    /** The mean over units of each unit's variance across the batch. */
    double withinUnitVariance(int layer) {
        float[] z = z(layer);
        int n = units(layer);
        double total = 0.0;
        for (int j = 0; j < n; j++) {
            double sum = 0.0;
            double squares = 0.0;
            for (int p = 0; p < rows; p++) {
                double v = z[p * n + j];
                sum += v;
                squares += v * v;
            }
            double mean = sum / rows;
            total += squares / rows - mean * mean;
        }
        return total / n;
    }

    /** Units with z ≤ 0 on each of the first {@code probes} rows (Trainer.deadFraction). */
    double deadFraction(int layer, int probes) {
        float[] z = z(layer);
        int n = units(layer);
        int dead = 0;
        for (int j = 0; j < n; j++) {
            boolean alive = false;
            for (int p = 0; p < probes && !alive; p++) alive = z[p * n + j] > 0;
            if (!alive) dead++;
        }
        return (double) dead / n;
    }

    /** Activations with z ≤ 0. */
    double negativeFraction(int layer) {
        float[] z = z(layer);
        int count = rows * units(layer);
        int negative = 0;
        for (int i = 0; i < count; i++) if (z[i] <= 0) negative++;
        return (double) negative / count;
    }

    /** Activations with |φ′(z)| < t·max|φ′| (Trainer.saturatedFraction). */
    double saturatedFraction(int layer, double t) {
        float[] z = z(layer);
        int count = rows * units(layer);
        double limit = t * activation.maxDerivative();
        int flat = 0;
        for (int i = 0; i < count; i++) if (Math.abs(activation.derivative(z[i])) < limit) flat++;
        return (double) flat / count;
    }

    /**
     * The mean over the first {@code examples} inputs of each layer's squared weight-gradient norm
     * when each example is back-propagated alone (random label): the per-example gradients whose
     * ratios {@link Prediction#weightGradientNorms} predicts with B = 1. Rebuilds the forward
     * state for one row at a time; restore it with {@link #forwardAll()}.
     */
    double[] perExampleSquaredGradientNorms(int examples, long seed) {
        int classes = widths[widths.length - 1];
        int depth = widths.length - 1;
        SplittableRandom rng = new SplittableRandom(seed);
        float[] row = new float[widths[0]];
        float[] dOut = new float[classes];
        double[] sums = new double[depth];
        for (int p = 0; p < examples; p++) {
            System.arraycopy(x, p * widths[0], row, 0, widths[0]);
            float[] out = net.forward(row, 1);
            SoftmaxCrossEntropy.lossAndGradient(out, new int[] {rng.nextInt(classes)}, 1, classes, dOut);
            net.backward(dOut);
            for (int l = 1; l <= depth; l++) sums[l - 1] += weightGradientNorm(l) * weightGradientNorm(l);
        }
        for (int l = 0; l < depth; l++) sums[l] /= examples;
        return sums;
    }

    /** Runs the whole input batch forward again (after per-example passes). */
    void forwardAll() {
        net.forward(x, rows);
    }

    /** Forward and backward on the first {@code batch} rows with random labels; returns ρ of their output gradients. */
    double backwardBatch(int batch, long seed) {
        int classes = widths[widths.length - 1];
        int[] y = new int[batch];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < batch; i++) y[i] = rng.nextInt(classes);
        float[] out = net.forward(x, batch);
        float[] dOut = new float[batch * classes];
        SoftmaxCrossEntropy.lossAndGradient(out, y, batch, classes, dOut);
        net.backward(dOut);
        return Prediction.outputCorrelation(dOut, batch, classes);
    }

    double weightGradientNorm(int layer) {
        float[] g = net.layers().get(layer - 1).weightGrad();
        double sum = 0.0;
        for (float v : g) sum += (double) v * v;
        return Math.sqrt(sum);
    }
}
