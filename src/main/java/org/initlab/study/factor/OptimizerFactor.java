package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.catalog.Component;
import org.initlab.optim.OptimizerSpec;
import org.initlab.optim.Optimizers;
import org.initlab.study.spec.Named;
import org.initlab.study.spec.SpecNodes;

import java.util.Set;

/** The optimizer: a catalogue name or {name, parameters...} with PyTorch's parameter names. */
public final class OptimizerFactor implements Factor<Component> {
    public static final String KEY = "optimizer";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "optimizer: a name or {name, parameters...} (initlab list optimizers)";
    }

    @Override
    public Level<Component> read(JsonNode node, String path, SpecNodes in) {
        Named n = Named.read(node, path, Set.of(), in);
        OptimizerSpec o = Optimizers.spec(n.name(), n.params());
        return new Level<>(this, n.label(), new Component(o.name(), o.params()));
    }

    @Override
    public void apply(Component value, RunDraft run) {
        run.optimizer(value);
    }
}
