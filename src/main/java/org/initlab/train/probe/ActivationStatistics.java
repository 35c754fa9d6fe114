package org.initlab.train.probe;

import org.initlab.train.Histogram;
import org.initlab.train.RunView;
import org.initlab.train.Summary;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each layer computes on the fixed probe batch, at initialisation and after every epoch:
 * summaries and histograms of the pre-activations z = x·W + b and of the activations a = φ(z).
 * Keeping their spread from shrinking or growing with depth is what initialization schemes are
 * designed for (Glorot &amp; Bengio 2010, §3 and §4.2; He et al. 2015, §2.2), and what LSUV sets
 * directly (Mishkin &amp; Matas 2016).
 */
public final class ActivationStatistics implements Probe {
    public static final Output<Summary> PREACT = Output.perLayer("preact", Summary.class, "pre-activations z = x·W + b on the probe batch");
    public static final Output<Histogram> PREACT_HISTOGRAM = Output.perLayer("preact_histogram", Histogram.class,
            "histogram of the pre-activations on the universal bins");
    public static final Output<Summary> ACT = Output.perLayer("act", Summary.class, "activations φ(z) on the probe batch");
    public static final Output<Histogram> ACT_HISTOGRAM = Output.perLayer("act_histogram", Histogram.class,
            "histogram of the activations on the universal bins");

    private final int probeBatch;
    private float[] scratch = new float[0];
    private long[] histogramScratch;

    public ActivationStatistics(int probeBatch) {
        this.probeBatch = probeBatch;
    }

    @Override public String name() { return "activations"; }
    @Override public Map<String, Object> settings() { return Map.of("probe_batch", probeBatch); }
    @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT, Moment.EPOCH); }
    @Override public List<Output<?>> outputs() { return List.of(PREACT, PREACT_HISTOGRAM, ACT, ACT_HISTOGRAM); }

    @Override
    public void start(RunView run) {
        histogramScratch = new long[Histogram.BINS];
    }

    @Override
    public void observe(Observation o) {
        int rows = o.probeBatch().rows();
        RunView run = o.run();
        for (int l = 0; l < run.layers(); l++) {
            int m = rows * run.fanOut(l);
            if (scratch.length < m) scratch = new float[m];
            float[] z = run.preActivations(l), a = run.activations(l);
            o.put(PREACT, l, Summary.of(z, 0, m, scratch));
            o.put(PREACT_HISTOGRAM, l, Histogram.of(z, 0, m, histogramScratch));
            o.put(ACT, l, Summary.of(a, 0, m, scratch));
            o.put(ACT_HISTOGRAM, l, Histogram.of(a, 0, m, histogramScratch));
        }
    }
}
