package org.initlab.theory;

import org.initlab.init.BiasInitializer;
import org.initlab.init.Initializer;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.initlab.nn.Mlp;
import org.initlab.theory.EntryDistribution.Structure;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * An MLP as mean-field theory sees it: the input width and each layer's {@link LayerSpec}, plus
 * the reasons (one per initializer, not per layer), if any, why the Gaussian mean-field recursion does not describe it (empty when it
 * does; {@link SignalPropagation#predict} refuses a spec with limitations).
 *
 * @param inputs      n₀, the input width
 * @param layers      the dense layers, input side first; the last one is the output layer
 * @param limitations why the theory does not apply, one sentence each (empty when it does)
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers, List<String> limitations) {
    public NetworkSpec {
        if (inputs < 1) throw new IllegalArgumentException("the input width must be positive, got " + inputs);
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("a network needs at least one layer");
        layers = List.copyOf(layers);
        limitations = List.copyOf(limitations);
    }

    public NetworkSpec(int inputs, List<LayerSpec> layers) {
        this(inputs, layers, List.of());
    }

    /**
     * The network a run builds: widths (input, hidden…, classes), the hidden activation (also
     * on the output when {@code activateOutput}), and each layer's σ_w², β and σ_b² derived
     * exactly from the initializers for that layer's fans ({@link InitializerMoments}).
     */
    public static NetworkSpec of(int[] widths, Activation hidden, boolean activateOutput,
                                 Initializer weightInit, BiasInitializer biasInit) {
        checkWidths(widths);
        List<LayerSpec> layers = new ArrayList<>();
        List<String> limitations = new ArrayList<>();
        for (int l = 1; l < widths.length; l++) {
            int fanIn = widths[l - 1];
            int fanOut = widths[l];
            EntryDistribution w = InitializerMoments.weight(weightInit, fanIn, fanOut);
            EntryDistribution b = InitializerMoments.bias(biasInit, fanIn, fanOut);
            if (!w.meanFieldApplies()) limitations.add("weights " + weightInit.name() + ": " + reason(w));
            if (!Double.isFinite(b.mean()) || !Double.isFinite(b.variance())) limitations.add("biases " + biasInit.name() + ": " + reason(b));
            layers.add(new LayerSpec(fanOut, activationOf(l, widths.length - 1, hidden, activateOutput),
                    finiteOrZero(w.sigmaW2(fanIn)), finiteOrZero(b.mean()), finiteOrZero(b.variance()), w.structure()));
        }
        return new NetworkSpec(widths[0], layers, List.copyOf(new LinkedHashSet<>(limitations)));
    }

    /**
     * The network as initialized, with σ_w² = fan_in·mean(W²), β = mean(b) and σ_b² = Var(b)
     * measured on its actual weights: the way to apply the theory after a data-dependent
     * initializer (LSUV) has set the scale. {@code weights} says how the entries hang together
     * (orthogonal for LSUV, which rescales an orthogonal start).
     */
    public static NetworkSpec measured(Mlp net, Structure weights) {
        return measured(LayerWeights.of(net), weights);
    }

    /** {@link #measured(Mlp, Structure)} for a network given by its layers' parameters. */
    public static NetworkSpec measured(List<LayerWeights> dense, Structure weights) {
        List<LayerSpec> layers = new ArrayList<>();
        List<String> limitations = new ArrayList<>();
        for (int l = 0; l < dense.size(); l++) {
            LayerWeights d = dense.get(l);
            EntryDistribution w = EntryDistribution.measured(d.weight(), weights);
            EntryDistribution b = EntryDistribution.measured(d.bias(), Structure.INDEPENDENT);
            double secondMoment = w.variance() + w.mean() * w.mean();
            if (w.mean() * w.mean() > 0.01 * secondMoment) {
                limitations.add("layer " + (l + 1) + " weights have mean " + w.mean() + " against RMS " + Math.sqrt(secondMoment)
                        + ": not zero-mean, so the mean-field recursion does not apply");
            }
            layers.add(new LayerSpec(d.out(), d.activation(), d.in() * secondMoment, b.mean(), b.variance(), weights));
        }
        return new NetworkSpec(dense.getFirst().in(), layers, limitations);
    }

    /** Whether the Gaussian mean-field recursion describes this network. */
    public boolean meanFieldApplies() {
        return limitations.isEmpty();
    }

    /** n_l for l = 0 (input) … L (output). */
    public int width(int l) {
        return l == 0 ? inputs : layers.get(l - 1).width();
    }

    /** The number of dense layers L. */
    public int depth() {
        return layers.size();
    }

    private static Activation activationOf(int layer, int depth, Activation hidden, boolean activateOutput) {
        return layer < depth || activateOutput ? hidden : Activations.create(org.initlab.nn.Identity.NAME);
    }

    private static void checkWidths(int[] widths) {
        if (widths == null || widths.length < 2) throw new IllegalArgumentException("an MLP needs an input and an output width");
        for (int w : widths) if (w < 1) throw new IllegalArgumentException("layer widths must be positive: " + java.util.Arrays.toString(widths));
    }

    private static String reason(EntryDistribution e) {
        return e.note().isEmpty() ? "mean " + e.mean() + ", variance " + e.variance() : e.note();
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }
}
