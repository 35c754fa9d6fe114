package org.initlab.study.factor;

import org.initlab.catalog.Component;
import org.initlab.optim.OptimizerSpec;
import org.initlab.optim.Optimizers;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run being assembled from its levels: each factor puts its value here
 * ({@link Factor#apply}), then {@link #settle} applies the rules that join factors: an
 * initializer's own bias wins over {@code bias_initializer}, optimizer parameters set by other
 * factors ({@code learning_rate}) override the optimizer's, and {@code critical(sigma_w=auto)} is
 * solved for the run's activation and bias.
 */
public final class RunDraft {
    private List<Integer> hidden;
    private Component activation;
    private Boolean outputActivation;
    private Component initializer;
    private Component initializerBias;
    private Component biasInitializer;
    private Component optimizer;
    private final Map<String, Object> optimizerOverrides = new TreeMap<>();
    private Integer batchSize;
    private Integer epochs;

    /** What a run's spec takes from its factors, every rule applied. */
    public record Settled(List<Integer> hidden, Component activation, boolean outputActivation, Component initializer,
                          Component biasInitializer, Component optimizer, int batchSize, int epochs) {}

    public void hidden(List<Integer> widths) { hidden = widths; }

    public void activation(Component c) { activation = c; }

    public void outputActivation(boolean on) { outputActivation = on; }

    /** The weight initializer, and the bias initializer that goes with it (null: the bias_initializer factor's). */
    public void initializer(Component weights, Component ownBias) {
        initializer = weights;
        initializerBias = ownBias;
    }

    public void biasInitializer(Component c) { biasInitializer = c; }

    public void optimizer(Component c) { optimizer = c; }

    /** Sets one of the optimizer's parameters, whatever the optimizer factor says. */
    public void optimizerParameter(String name, Object value) { optimizerOverrides.put(name, value); }

    public void batchSize(int n) { batchSize = n; }

    public void epochs(int n) { epochs = n; }

    /** The run's settings; {@code critical} solves σ_w once per (activation, bias) of a grid. */
    public Settled settle(CriticalInit critical) {
        if (hidden == null || activation == null || outputActivation == null || initializer == null
                || optimizer == null || batchSize == null || epochs == null || (initializerBias == null && biasInitializer == null)) {
            throw new IllegalStateException("a run needs every factor set (the protocol's defaults give them all)");
        }
        Component bias = initializerBias != null ? initializerBias : biasInitializer;
        Component opt = optimizer;
        if (!optimizerOverrides.isEmpty()) {
            Map<String, Object> p = new TreeMap<>(optimizer.params());
            p.putAll(optimizerOverrides);
            OptimizerSpec o = Optimizers.spec(optimizer.name(), p);
            opt = new Component(o.name(), o.params());
        }
        Component init = CriticalInit.isAuto(initializer) ? critical.resolve(activation, bias) : initializer;
        return new Settled(hidden, activation, outputActivation, init, bias, opt, batchSize, epochs);
    }
}
