package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.optim.OptimizerSpec;
import org.initlab.study.spec.SpecNodes;

/** The learning rate, overriding the optimizer's {@code lr}: a positive number. */
public final class LearningRateFactor implements Factor<Double> {
    public static final String KEY = "learning_rate";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "a positive number; overrides the optimizer's lr";
    }

    @Override
    public Level<Double> read(JsonNode node, String path, SpecNodes in) {
        double lr = in.number(node, path);
        if (!(lr > 0) || !Double.isFinite(lr)) throw in.error(path, "a learning rate must be a positive number, got " + node);
        return new Level<>(this, node.asText(), lr);
    }

    @Override
    public void apply(Double value, RunDraft run) {
        run.optimizerParameter(OptimizerSpec.LR, value);
    }
}
