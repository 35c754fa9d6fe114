package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.catalog.Component;
import org.initlab.nn.Activation;
import org.initlab.nn.Activations;
import org.initlab.study.spec.Named;
import org.initlab.study.spec.SpecNodes;

import java.util.Set;

/** The hidden layers' activation: a catalogue name or {name, parameters...}. */
public final class ActivationFactor implements Factor<Component> {
    public static final String KEY = "activation";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "hidden activation: a name or {name, parameters...} (initlab list activations)";
    }

    @Override
    public Level<Component> read(JsonNode node, String path, SpecNodes in) {
        Named n = Named.read(node, path, Set.of(), in);
        Activation a = Activations.create(n.name(), n.params());
        return new Level<>(this, n.label(), new Component(a.name(), a.params()));
    }

    @Override
    public void apply(Component value, RunDraft run) {
        run.activation(value);
    }
}
