package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.study.spec.SpecNodes;

/** Passes over the training split: a whole number from 0 (evaluate the initial network only) to 100000. */
public final class EpochsFactor implements Factor<Integer> {
    public static final String KEY = "epochs";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "passes over the training data, 0 to 100000 (--epochs overrides it)";
    }

    @Override
    public Level<Integer> read(JsonNode node, String path, SpecNodes in) {
        return new Level<>(this, node.asText(), in.integer(node, path, 0, 100_000));
    }

    @Override
    public void apply(Integer value, RunDraft run) {
        run.epochs(value);
    }
}
