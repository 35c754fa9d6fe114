package org.initlab.train.probe;

import org.initlab.train.NamedValues;
import org.initlab.train.RunObserver;
import org.initlab.train.RunView;
import org.initlab.train.Value;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One epoch record being made, as probes see it: the run, the moment, the fixed probe batch, and
 * where values go. A value is recorded once per record, under an output its probe declares, and
 * one measured at the first step ({@link Output.Measured#FIRST_STEP}) only in epoch 1's.
 */
public final class Observation {
    private final RunView run;
    private final ProbeSet probes;
    private final Map<String, Value> runValues = new LinkedHashMap<>();
    private final List<Map<String, Value>> layerValues = new ArrayList<>();
    private Moment moment;
    private Probe probe;

    Observation(RunView run, ProbeSet probes) {
        this.run = run;
        this.probes = probes;
        for (int l = 0; l < run.layers(); l++) layerValues.add(new LinkedHashMap<>());
    }

    void by(Probe probe, Moment moment) {
        this.probe = probe;
        this.moment = moment;
    }

    public RunView run() { return run; }

    /** INIT, EPOCH or END. */
    public Moment moment() { return moment; }

    /** The record's epoch (0 at initialisation). */
    public int epoch() { return run.epoch(); }

    /**
     * The fixed probe batch, which this call makes the network's last forward pass: the run's
     * pre-activations and activations then hold {@code probeBatch().rows()} rows computed from it.
     */
    public ProbeBatch probeBatch() {
        return probes.forwardProbeBatch(run);
    }

    /** Records a run-level value. */
    public <V extends Value> void put(Output<V> out, V value) {
        check(out, Output.Scope.RUN);
        store(runValues, out, value);
    }

    /** Records a value of layer {@code layer}. */
    public <V extends Value> void put(Output<V> out, int layer, V value) {
        check(out, Output.Scope.LAYER);
        store(layerValues.get(layer), out, value);
    }

    public void put(Output<Value.Scalar> out, int layer, double value) {
        put(out, layer, new Value.Scalar(value));
    }

    public void put(Output<Value.Scalar> out, double value) {
        put(out, new Value.Scalar(value));
    }

    private void check(Output<?> out, Output.Scope scope) {
        if (out.scope() != scope) throw new IllegalArgumentException(out.name() + " is a " + out.scope() + " value, recorded as a " + scope + " one");
        if (probe != null && !probe.outputs().contains(out)) {
            throw new IllegalStateException("probe " + probe.name() + " records " + out.name() + ", which it does not declare in outputs()");
        }
        // a diverged run keeps such a value of its partial epoch as measured before it diverged: it must be what it says
        if (out.measured() == Output.Measured.FIRST_STEP && (moment != Moment.EPOCH || epoch() != 1)) {
            throw new IllegalStateException(out.name() + " is measured at the first step and recorded with epoch 1, not at " + moment + " of epoch " + epoch());
        }
    }

    private static void store(Map<String, Value> into, Output<?> out, Value value) {
        if (!out.type().isInstance(value)) throw new IllegalArgumentException(out.name() + " takes a " + out.type().getSimpleName() + ", not " + value);
        if (into.putIfAbsent(out.name(), value) != null) throw new IllegalStateException(out.name() + " recorded twice in one record");
    }

    RunObserver.Observations result() {
        return new RunObserver.Observations(new NamedValues(runValues), layerValues.stream().map(NamedValues::new).toList());
    }
}
