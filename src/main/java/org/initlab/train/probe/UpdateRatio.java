package org.initlab.train.probe;

import org.initlab.math.Norms;
import org.initlab.train.RunView;
import org.initlab.train.Value;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ‖ΔW‖₂ / ‖W‖₂ of each layer's weight over one optimizer step, sampled every
 * {@code ratio_every}-th step and averaged per epoch: the optimizer's step relative to the
 * weights, the health check of Karpathy's CS231n notes ("around 1e-3") and of the DL4J training
 * UI. A layer whose ‖W‖ was 0 at every sampled step (as after zero init) records nothing.
 */
public final class UpdateRatio implements Probe {
    public static final Output<Value.Scalar> RATIO = Output.perLayer("update_ratio", Value.Scalar.class,
            "mean over the epoch's sampled steps of ‖ΔW‖₂ / ‖W‖₂");

    private final int every;
    private float[][] before;
    private double[] sum;
    private int[] count;

    public UpdateRatio(int every) {
        if (every < 1) throw new IllegalArgumentException("ratio_every must be positive");
        this.every = every;
    }

    @Override public String name() { return "update_ratio"; }
    @Override public Map<String, Object> settings() { return Map.of("ratio_every", every); }
    @Override public Set<Moment> moments() { return EnumSet.of(Moment.BEFORE_UPDATE, Moment.AFTER_UPDATE, Moment.EPOCH); }
    @Override public List<Output<?>> outputs() { return List.of(RATIO); }

    @Override
    public void start(RunView run) {
        before = new float[run.layers()][];
        for (int l = 0; l < before.length; l++) before[l] = new float[run.weights(l).length];
        sum = new double[run.layers()];
        count = new int[run.layers()];
    }

    @Override
    public void beforeUpdate(RunView run) {
        if (run.step() % every != 0) return;
        for (int l = 0; l < before.length; l++) System.arraycopy(run.weights(l), 0, before[l], 0, before[l].length);
    }

    @Override
    public void afterUpdate(RunView run) {
        if (run.step() % every != 0) return;
        for (int l = 0; l < before.length; l++) {
            float[] w = run.weights(l);
            double norm2 = Norms.squaredNorm(before[l], w.length);
            if (norm2 == 0) continue;
            sum[l] += Math.sqrt(Norms.squaredDistance(w, before[l], w.length) / norm2);
            count[l]++;
        }
    }

    @Override
    public void observe(Observation o) {
        for (int l = 0; l < sum.length; l++) if (count[l] > 0) o.put(RATIO, l, sum[l] / count[l]);
        Arrays.fill(sum, 0);
        Arrays.fill(count, 0);
    }
}
