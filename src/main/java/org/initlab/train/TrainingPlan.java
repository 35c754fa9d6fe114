package org.initlab.train;

import org.initlab.init.BiasInitializer;
import org.initlab.init.Initializer;
import org.initlab.nn.Activation;
import org.initlab.optim.OptimizerSpec;

import java.util.Arrays;

/**
 * Everything that determines one training run, as live objects (the study layer builds it from a
 * RunSpec). The same plan and dataset give the same bits; what is observed is not part of it.
 *
 * @param hidden         hidden layer widths (input and output widths come from the dataset)
 * @param activateOutput apply {@code activation} after the output layer too (the original notebook)
 */
public record TrainingPlan(int[] hidden, Activation activation, boolean activateOutput,
                           Initializer weightInit, BiasInitializer biasInit, OptimizerSpec optimizer,
                           int batchSize, int epochs, long seed, Evaluation evaluation) {
    public TrainingPlan {
        hidden = hidden.clone();
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be positive");
        if (epochs < 0) throw new IllegalArgumentException("epochs must be ≥ 0");
        if (evaluation.batchSize() < 1) throw new IllegalArgumentException("the evaluation batch size is not resolved: " + evaluation);
    }

    @Override
    public int[] hidden() { return hidden.clone(); }

    /** Layer widths: inputs, hidden..., classes. */
    public int[] widths(int inputs, int classes) {
        int[] w = new int[hidden.length + 2];
        w[0] = inputs;
        System.arraycopy(hidden, 0, w, 1, hidden.length);
        w[w.length - 1] = classes;
        return w;
    }

    @Override
    public String toString() {
        return "TrainingPlan[hidden=" + Arrays.toString(hidden) + ", " + activation.name() + ", " + weightInit.name()
                + ", " + optimizer.name() + ", batch " + batchSize + ", " + epochs + " epochs, seed " + seed + "]";
    }
}
