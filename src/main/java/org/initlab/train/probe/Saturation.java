package org.initlab.train.probe;

import org.initlab.nn.Activation;
import org.initlab.train.RunView;
import org.initlab.train.Value;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Squashing layers (sigmoid, tanh, softsign), at initialisation and after every epoch: the
 * fraction of activations on the fixed probe batch in the flat part of φ,
 * |φ′(z)| &lt; threshold · max|φ′| — the saturation Glorot &amp; Bengio (2010, §3) watch in sigmoid
 * and tanh layers, where gradients hardly pass. Other layers record nothing.
 */
public final class Saturation implements Probe {
    public static final Output<Value.Scalar> SATURATED = Output.perLayer("saturated_fraction", Value.Scalar.class,
            "squashing layers: fraction of probe activations with |φ′(z)| < saturation_threshold · max|φ′|");

    private final int probeBatch;
    private final double threshold;

    public Saturation(int probeBatch, double threshold) {
        if (!(threshold > 0 && threshold < 1)) throw new IllegalArgumentException("saturation threshold must be in (0, 1)");
        this.probeBatch = probeBatch;
        this.threshold = threshold;
    }

    @Override public String name() { return "saturation"; }
    @Override public Map<String, Object> settings() { return Map.of("probe_batch", probeBatch, "saturation_threshold", threshold); }
    @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT, Moment.EPOCH); }
    @Override public List<Output<?>> outputs() { return List.of(SATURATED); }

    @Override
    public void observe(Observation o) {
        int rows = o.probeBatch().rows();
        RunView run = o.run();
        for (int l = 0; l < run.layers(); l++) {
            Activation act = run.activation(l);
            if (act.family() != Activation.Family.SQUASHING) continue;
            o.put(SATURATED, l, fraction(act, run.preActivations(l), rows * run.fanOut(l), threshold));
        }
    }

    /** The fraction of z[0..count) where |φ′(z)| &lt; threshold · max|φ′|. */
    static double fraction(Activation act, float[] z, int count, double threshold) {
        double limit = threshold * act.maxDerivative();
        int flat = 0;
        for (int i = 0; i < count; i++) if (Math.abs(act.derivative(z[i])) < limit) flat++;
        return (double) flat / count;
    }
}
