package org.initlab.train.probe;

import org.initlab.train.RunView;
import org.initlab.train.Value;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The minibatch loss as training goes: at step 1 and every {@code loss_every}-th step, recorded
 * per epoch as two lists of equal length, the steps and the softmax cross-entropy of their
 * minibatches (null where it was not finite: the step at which a run diverged). The first curve
 * to look at (Karpathy, "A Recipe for Training Neural Networks", 2019); the epoch's mean training
 * loss is the trainer's own.
 */
public final class MinibatchLoss implements Probe {
    public static final Output<Value.Numbers> LOSS = Output.perRun("minibatch_loss", Value.Numbers.class,
            "softmax cross-entropy of the minibatch at each recorded step (nats)");
    public static final Output<Value.Numbers> STEP = Output.perRun("minibatch_loss_step", Value.Numbers.class,
            "the steps at which minibatch_loss was recorded: step 1, then every loss_every-th");

    private final int every;
    private double[] steps;
    private double[] losses;
    private int count;

    public MinibatchLoss(int every) {
        if (every < 1) throw new IllegalArgumentException("loss_every must be positive");
        this.every = every;
    }

    @Override public String name() { return "minibatch_loss"; }
    @Override public Map<String, Object> settings() { return Map.of("loss_every", every); }
    @Override public Set<Moment> moments() { return EnumSet.of(Moment.AFTER_LOSS, Moment.EPOCH); }
    @Override public List<Output<?>> outputs() { return List.of(LOSS, STEP); }

    /** An epoch holds at most stepsPerEpoch / every + 1 multiples of every, and step 1. */
    @Override
    public void start(RunView run) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, run.stepsPerEpoch() / every + 2);
        steps = new double[capacity];
        losses = new double[capacity];
    }

    /** Steps taken beyond an epoch without its record (benchmarks) are not recorded. */
    @Override
    public void afterLoss(RunView run) {
        long s = run.step();
        if ((s == 1 || s % every == 0) && count < losses.length) {
            steps[count] = s;
            losses[count++] = run.loss();
        }
    }

    @Override
    public void observe(Observation o) {
        o.put(STEP, new Value.Numbers(Arrays.copyOf(steps, count)));
        o.put(LOSS, new Value.Numbers(Arrays.copyOf(losses, count)));
        count = 0;
    }
}
