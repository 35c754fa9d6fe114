package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.optim.OptimizerSpec;
import org.initlab.study.spec.SpecNodes;

/**
 * The weight decay λ, overriding the optimizer's {@code weight_decay} (every optimizer takes
 * one: L2 added to the gradient, decoupled for adamw): a number ≥ 0.
 */
public final class WeightDecayFactor implements Factor<Double> {
    public static final String KEY = "weight_decay";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "a number >= 0; overrides the optimizer's weight_decay";
    }

    @Override
    public Level<Double> read(JsonNode node, String path, SpecNodes in) {
        double wd = in.number(node, path);
        if (!(wd >= 0) || !Double.isFinite(wd)) throw in.error(path, "a weight decay must be a number >= 0, got " + node);
        return new Level<>(this, node.asText(), wd);
    }

    @Override
    public void apply(Double value, RunDraft run) {
        run.optimizerParameter(OptimizerSpec.WEIGHT_DECAY, value);
    }
}
