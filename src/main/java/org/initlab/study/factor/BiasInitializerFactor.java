package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.catalog.Component;
import org.initlab.init.BiasInitializer;
import org.initlab.init.Initializers;
import org.initlab.study.spec.Named;
import org.initlab.study.spec.SpecNodes;

import java.util.Set;

/** The bias initializer: a catalogue name or {name, parameters...} (an initializer level's own bias wins). */
public final class BiasInitializerFactor implements Factor<Component> {
    public static final String KEY = "bias_initializer";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "bias initializer: a name or {name, parameters...} (initlab list bias-initializers)";
    }

    @Override
    public Level<Component> read(JsonNode node, String path, SpecNodes in) {
        Named n = Named.read(node, path, Set.of(), in);
        return new Level<>(this, n.label(), component(n));
    }

    /** The canonical bias initializer {@code n} names. */
    static Component component(Named n) {
        BiasInitializer b = Initializers.bias(n.name(), n.params());
        return new Component(b.name(), b.params());
    }

    @Override
    public void apply(Component value, RunDraft run) {
        run.biasInitializer(value);
    }
}
