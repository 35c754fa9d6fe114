package org.initlab.train.probe;

import org.initlab.train.Histogram;
import org.initlab.train.RunView;
import org.initlab.train.Summary;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Each layer's weights and biases at initialisation and after every epoch: their {@link Summary}
 * (mean, population standard deviation, extremes, quantiles) and the weight histogram on the
 * universal bins ({@link Histogram}; TensorBoard's weight histograms, made comparable across runs).
 * The initial standard deviation is the initializer's scale, e.g. √(2 / (fan_in + fan_out)) for
 * Xavier-normal (Glorot &amp; Bengio 2010) and √(2 / fan_in) for He-normal (He et al. 2015); how it
 * moves in training shows how far the weights travel from it.
 */
public final class WeightStatistics implements Probe {
    public static final Output<Summary> WEIGHT = Output.perLayer("weight", Summary.class, "the layer's weights W (fan_in × fan_out)");
    public static final Output<Histogram> WEIGHT_HISTOGRAM = Output.perLayer("weight_histogram", Histogram.class,
            "histogram of the weights on the universal bins");
    public static final Output<Summary> BIAS = Output.perLayer("bias", Summary.class, "the layer's biases b");

    private float[] scratch;
    private long[] histogramScratch;

    @Override public String name() { return "weights"; }
    @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT, Moment.EPOCH); }
    @Override public List<Output<?>> outputs() { return List.of(WEIGHT, WEIGHT_HISTOGRAM, BIAS); }

    @Override
    public void start(RunView run) {
        int biggest = 0;
        for (int l = 0; l < run.layers(); l++) biggest = Math.max(biggest, run.weights(l).length);
        scratch = new float[biggest];
        histogramScratch = new long[Histogram.BINS];
    }

    @Override
    public void observe(Observation o) {
        RunView run = o.run();
        for (int l = 0; l < run.layers(); l++) {
            float[] w = run.weights(l), b = run.biases(l);
            o.put(WEIGHT, l, Summary.of(w, 0, w.length, scratch));
            o.put(WEIGHT_HISTOGRAM, l, Histogram.of(w, 0, w.length, histogramScratch));
            o.put(BIAS, l, Summary.of(b, 0, b.length, scratch));
        }
    }
}
