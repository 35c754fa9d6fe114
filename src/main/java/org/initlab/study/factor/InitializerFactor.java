package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.UserError;
import org.initlab.catalog.Component;
import org.initlab.init.CriticalGaussian;
import org.initlab.init.Initializer;
import org.initlab.init.Initializers;
import org.initlab.study.spec.Named;
import org.initlab.study.spec.SpecNodes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The weight initializer: a catalogue name, or {@code {name: ..., <parameter>: ..., label: ...,
 * bias: <bias initializer>}}. A level's own {@code bias} overrides {@code bias_initializer} for
 * its runs; {@code {name: critical, sigma_w: auto}} is solved per run ({@link CriticalInit}).
 */
public final class InitializerFactor implements Factor<InitializerChoice> {
    public static final String KEY = "initializer";
    /** The key under which a level gives its own bias initializer. */
    static final String BIAS = "bias";

    @Override public String key() { return KEY; }

    @Override
    public String description() {
        return "weight initializer: a name or {name, parameters..., bias: <bias initializer>} (initlab list initializers)";
    }

    @Override
    public Level<InitializerChoice> read(JsonNode node, String path, SpecNodes in) {
        Named n = Named.read(node, path, Set.of(BIAS), in);
        Component weights = weights(n, path, in);
        Component bias = n.extra().containsKey(BIAS) ? bias(n.extra().get(BIAS), path + "." + BIAS, in) : null;
        return new Level<>(this, n.label(), new InitializerChoice(weights, bias));
    }

    private static Component bias(JsonNode node, String path, SpecNodes in) {
        try {
            return BiasInitializerFactor.component(Named.read(node, path, Set.of(), in));
        } catch (UserError e) {
            throw in.at(path, e);
        }
    }

    private static Component weights(Named n, String path, SpecNodes in) {
        if (!CriticalInit.AUTO.equals(n.params().get(CriticalGaussian.SIGMA_W))) {
            Initializer init = Initializers.weight(n.name(), n.params());
            return new Component(init.name(), init.params());
        }
        // critical init tuned to each run's activation: solved when the grid is expanded
        Map<String, Object> rest = new LinkedHashMap<>(n.params());
        rest.remove(CriticalGaussian.SIGMA_W);
        Initializer init = Initializers.weight(n.name(), rest);
        if (!init.name().equals(CriticalGaussian.NAME)) {
            throw in.error(path + "." + CriticalGaussian.SIGMA_W, "'" + CriticalInit.AUTO + "' is only for the critical initializer");
        }
        return CriticalInit.auto();
    }

    @Override
    public void apply(InitializerChoice value, RunDraft run) {
        run.initializer(value.weights(), value.bias());
    }

    /** A pattern without a bias names the initializer whatever its bias. */
    @Override
    public boolean matches(InitializerChoice value, Object pattern) {
        return pattern instanceof InitializerChoice p && p.weights().equals(value.weights())
                && (p.bias() == null || p.bias().equals(value.bias()));
    }

    @Override
    public Map<String, String> otherLabels(InitializerChoice value) {
        return value.bias() == null ? Map.of() : Map.of(BiasInitializerFactor.KEY, value.bias().toString());
    }

    @Override
    public String show(String label, InitializerChoice value) {
        String base = Factor.super.show(label, value);
        return value.bias() == null ? base : base + " (bias " + value.bias() + ")";
    }
}
