package org.initlab.optim;

import org.initlab.catalog.Params;
import org.initlab.math.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adagrad (Duchi, Hazan &amp; Singer 2011, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization", JMLR 12), diagonal form, following PyTorch's {@code torch.optim.Adagrad}
 * documentation (https://docs.pytorch.org/docs/stable/generated/torch.optim.Adagrad.html);
 * γ = lr, η = lr_decay, λ = weight_decay, t = step number from 1, s₀ = initial_accumulator_value:
 * <pre>
 *   γ̃ ← γ / (1 + (t − 1)η)
 *   g ← ∇f(θ)  (−∇f(θ) if maximize);   g ← g + λθ if λ ≠ 0
 *   s ← s + g²
 *   θ ← θ − γ̃ g / (√s + ε)
 * </pre>
 * γ̃ is computed in double each step and rounded to float once.
 *
 * @param lr                      γ > 0 (default 1e-2)
 * @param lrDecay                 η ≥ 0, PyTorch's {@code lr_decay} (default 0)
 * @param weightDecay             λ ≥ 0, L2 penalty added to the gradient (default 0)
 * @param initialAccumulatorValue s₀ ≥ 0 (default 0)
 * @param eps                     ε ≥ 0 (default 1e-10)
 * @param maximize                ascend instead of descend
 */
public record Adagrad(double lr, double lrDecay, double weightDecay, double initialAccumulatorValue, double eps,
                      boolean maximize) implements OptimizerSpec {
    static final String NAME = "adagrad";
    static final Adagrad DEFAULTS = new Adagrad(1e-2, 0, 0, 0, 1e-10, false);
    static final String RULE = "lr_t ← lr/(1 + (t−1)·lr_decay); g ← grad + weight_decay·θ; "
            + "s ← s + g² (s = initial_accumulator_value at start); θ ← θ − lr_t·g/(√s + eps)";
    static final String SOURCE = "PyTorch torch.optim.Adagrad; Duchi, Hazan & Singer 2011";

    public Adagrad {
        Hyperparameters.learningRate(NAME, lr);
        Hyperparameters.nonNegative(NAME, "lr_decay", lrDecay);
        Hyperparameters.nonNegative(NAME, "weight_decay", weightDecay);
        Hyperparameters.nonNegative(NAME, "initial_accumulator_value", initialAccumulatorValue);
        Hyperparameters.nonNegative(NAME, "eps", eps);
    }

    static Adagrad parse(Map<String, ?> given) {
        Params p = new Params(NAME, given);
        double lr = p.getDouble("lr", DEFAULTS.lr);
        double lrDecay = p.getDouble("lr_decay", DEFAULTS.lrDecay);
        double weightDecay = p.getDouble("weight_decay", DEFAULTS.weightDecay);
        double initial = p.getDouble("initial_accumulator_value", DEFAULTS.initialAccumulatorValue);
        double eps = p.getDouble("eps", DEFAULTS.eps);
        boolean maximize = p.getBoolean("maximize", DEFAULTS.maximize);
        p.done();
        return new Adagrad(lr, lrDecay, weightDecay, initial, eps, maximize);
    }

    @Override public String name() { return NAME; }

    @Override public double learningRate() { return lr; }

    Map<String, Object> signatureParams() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("lr_decay", lrDecay);
        m.put("weight_decay", weightDecay);
        m.put("initial_accumulator_value", initialAccumulatorValue);
        m.put("eps", eps);
        m.put("maximize", maximize);
        return m;
    }

    @Override public Map<String, Object> params() { return Optimizers.sorted(signatureParams()); }

    @Override public Optimizer bind(List<Parameter> parameters) { return bind(parameters, true); }

    /** The sum of squared gradients. */
    @Override public int stateBuffers() { return 1; }

    Optimizer bind(List<Parameter> parameters, boolean vectorized) {
        return new AdagradOptimizer(this, ParameterList.distinct(parameters), vectorized);
    }

    @Override
    public String formula() {
        StringBuilder f = new StringBuilder();
        String rate = "lr";
        if (lrDecay != 0) {
            f.append("lr_t ← lr/(1 + (t−1)·lr_decay); ");
            rate = "lr_t";
        }
        f.append(maximize ? "g ← −grad; " : "g ← grad; ");
        if (weightDecay != 0) f.append("g ← g + weight_decay·θ; ");
        f.append(initialAccumulatorValue != 0 ? "s ← s + g² (s = initial_accumulator_value at start); " : "s ← s + g²; ");
        return f.append("θ ← θ − ").append(rate).append("·g/(√s + eps)").toString();
    }
}
