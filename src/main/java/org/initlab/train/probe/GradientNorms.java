package org.initlab.train.probe;

import org.initlab.math.Norms;
import org.initlab.train.RunView;
import org.initlab.train.Value;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * ‖∂L/∂W‖₂ (the Frobenius norm of a layer's weight gradient) at every step, recorded per epoch
 * as its mean and maximum over the epoch's steps, and at the run's first step on its own, before
 * any update: gradients that shrink or grow from layer to layer are the vanishing and exploding
 * gradients initialization is meant to prevent (Glorot &amp; Bengio 2010, §4.2–4.3; Pascanu,
 * Mikolov &amp; Bengio 2013). The squares are summed in vector lanes, so the last bits may differ
 * between machines of different vector width.
 */
public final class GradientNorms implements Probe {
    public static final Output<Value.Scalar> FIRST_STEP = Output.perLayer("grad_norm_first_step", Value.Scalar.class,
            "‖∂L/∂W‖₂ at the run's first step (in the epoch that holds it)").atFirstStep();
    public static final Output<Value.Scalar> MEAN = Output.perLayer("grad_norm_mean", Value.Scalar.class,
            "mean of ‖∂L/∂W‖₂ over the epoch's steps");
    public static final Output<Value.Scalar> MAX = Output.perLayer("grad_norm_max", Value.Scalar.class,
            "largest ‖∂L/∂W‖₂ of the epoch");

    private double[] sum;
    private double[] max;
    private double[] first;
    private long steps;
    private boolean sawFirst;

    @Override public String name() { return "gradient_norms"; }
    @Override public Set<Moment> moments() { return EnumSet.of(Moment.BEFORE_UPDATE, Moment.EPOCH); }
    @Override public List<Output<?>> outputs() { return List.of(FIRST_STEP, MEAN, MAX); }

    @Override
    public void start(RunView run) {
        sum = new double[run.layers()];
        max = new double[run.layers()];
        first = new double[run.layers()];
    }

    @Override
    public void beforeUpdate(RunView run) {
        boolean firstStep = run.step() == 1;
        for (int l = 0; l < sum.length; l++) {
            float[] g = run.weightGradients(l);
            double norm = Math.sqrt(Norms.squaredNorm(g, g.length));
            sum[l] += norm;
            max[l] = Math.max(max[l], norm);
            if (firstStep) first[l] = norm;
        }
        steps++;
        sawFirst |= firstStep;
    }

    /** An epoch without a finished step (one that diverged at its first) records nothing. */
    @Override
    public void observe(Observation o) {
        if (steps > 0) {
            for (int l = 0; l < sum.length; l++) {
                if (sawFirst) o.put(FIRST_STEP, l, first[l]);
                o.put(MEAN, l, sum[l] / steps);
                o.put(MAX, l, max[l]);
            }
        }
        Arrays.fill(sum, 0);
        Arrays.fill(max, 0);
        steps = 0;
        sawFirst = false;
    }
}
