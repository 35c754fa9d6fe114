package org.initlab.train.probe;

import org.initlab.nn.Activation;
import org.initlab.train.RunView;
import org.initlab.train.Value;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rectifier-family layers (ReLU, leaky ReLU, ELU, ...), at initialisation and after every epoch:
 * the fraction of units whose pre-activation is ≤ 0 on every example of the fixed probe batch.
 * A ReLU unit there is "dead": it passes no gradient for that data (Lu, Shin, Su &amp; Karniadakis
 * 2019, "Dying ReLU and initialization"); a leaky or exponential one never leaves its flat,
 * small-gradient side. Other layers record nothing.
 */
public final class DeadUnits implements Probe {
    public static final Output<Value.Scalar> DEAD = Output.perLayer("dead_fraction", Value.Scalar.class,
            "rectifier layers: fraction of units with z ≤ 0 on every probe example");

    private final int probeBatch;

    public DeadUnits(int probeBatch) {
        this.probeBatch = probeBatch;
    }

    @Override public String name() { return "dead_units"; }
    @Override public Map<String, Object> settings() { return Map.of("probe_batch", probeBatch); }
    @Override public Set<Moment> moments() { return EnumSet.of(Moment.INIT, Moment.EPOCH); }
    @Override public List<Output<?>> outputs() { return List.of(DEAD); }

    @Override
    public void observe(Observation o) {
        int rows = o.probeBatch().rows();
        RunView run = o.run();
        for (int l = 0; l < run.layers(); l++) {
            if (run.activation(l).family() != Activation.Family.RECTIFIER) continue;
            o.put(DEAD, l, fraction(run.preActivations(l), rows, run.fanOut(l)));
        }
    }

    /** The fraction of the {@code units} columns of z (rows × units) with no entry &gt; 0. */
    static double fraction(float[] z, int rows, int units) {
        int dead = 0;
        for (int j = 0; j < units; j++) {
            boolean alive = false;
            for (int i = 0; i < rows && !alive; i++) alive = z[i * units + j] > 0;
            if (!alive) dead++;
        }
        return (double) dead / units;
    }
}
