package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.study.spec.SpecNodes;

/** Training examples per step: a whole number from 1 to 2²⁰. */
public final class BatchSizeFactor implements Factor<Integer> {
    public static final String KEY = "batch_size";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "training examples per step, 1 to 1048576";
    }

    @Override
    public Level<Integer> read(JsonNode node, String path, SpecNodes in) {
        return new Level<>(this, node.asText(), in.integer(node, path, 1, 1 << 20));
    }

    @Override
    public void apply(Integer value, RunDraft run) {
        run.batchSize(value);
    }
}
