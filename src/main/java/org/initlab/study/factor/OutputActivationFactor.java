package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.study.spec.SpecNodes;

/** Whether the output layer applies the hidden activation too (the notebook's quirk): true or false. */
public final class OutputActivationFactor implements Factor<Boolean> {
    public static final String KEY = "output_activation";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "true: the output layer applies the hidden activation too (labelled activated); false: linear";
    }

    @Override
    public Level<Boolean> read(JsonNode node, String path, SpecNodes in) {
        boolean on = in.bool(node, path);
        return new Level<>(this, on ? "activated" : "linear", on);
    }

    @Override
    public void apply(Boolean value, RunDraft run) {
        run.outputActivation(value);
    }
}
