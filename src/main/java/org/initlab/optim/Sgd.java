package org.initlab.optim;

import org.initlab.UserError;
import org.initlab.catalog.Params;
import org.initlab.math.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay,
 * following the algorithm in PyTorch's {@code torch.optim.SGD} documentation
 * (https://docs.pytorch.org/docs/stable/generated/torch.optim.SGD.html); γ = lr, λ = weight_decay,
 * μ = momentum, τ = dampening:
 * <pre>
 *   g ← ∇f(θ)            (−∇f(θ) if maximize)
 *   g ← g + λθ           if λ ≠ 0
 *   if μ ≠ 0:  b ← g at the first step, else b ← μb + (1 − τ)g
 *              g ← g + μb if nesterov, else g ← b
 *   θ ← θ − γg
 * </pre>
 * The first momentum buffer is the gradient itself, not (1 − τ)g. Momentum here is PyTorch's
 * form (velocity without the learning rate), not that of Sutskever, Martens, Dahl &amp; Hinton
 * 2013 ("On the importance of initialization and momentum in deep learning", ICML), whose
 * Nesterov momentum the {@code nesterov} option follows in PyTorch's reformulation.
 *
 * @param lr          learning rate γ > 0 (PyTorch's default 1e-3)
 * @param momentum    μ ≥ 0
 * @param dampening   τ, scales the gradient added to the buffer after the first step
 * @param weightDecay λ ≥ 0, PyTorch's {@code weight_decay} (L2 penalty added to the gradient)
 * @param nesterov    Nesterov momentum; needs μ &gt; 0 and τ = 0
 * @param maximize    ascend instead of descend
 */
public record Sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov, boolean maximize)
        implements OptimizerSpec {
    static final String NAME = "sgd";
    static final Sgd DEFAULTS = new Sgd(1e-3, 0, 0, 0, false, false);
    static final String RULE = "g ← grad + weight_decay·θ; b ← momentum·b + (1−dampening)·g (b = g at step 1); "
            + "θ ← θ − lr·(nesterov ? g + momentum·b : b)";
    static final String SOURCE = "PyTorch torch.optim.SGD; Nesterov: Sutskever et al. 2013";

    public Sgd {
        Hyperparameters.learningRate(NAME, lr);
        Hyperparameters.nonNegative(NAME, "momentum", momentum);
        Hyperparameters.finite(NAME, "dampening", dampening);
        Hyperparameters.nonNegative(NAME, "weight_decay", weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new UserError(NAME + ": nesterov=true requires momentum > 0 and dampening = 0, got momentum="
                    + momentum + ", dampening=" + dampening + "; set momentum (e.g. 0.9) and dampening=0, or nesterov=false");
        }
    }

    /** Reads PyTorch's parameter names; unknown names and bad values are {@link UserError}s. */
    static Sgd parse(Map<String, ?> given) {
        Params p = new Params(NAME, given);
        double lr = p.getDouble("lr", DEFAULTS.lr);
        double momentum = p.getDouble("momentum", DEFAULTS.momentum);
        double dampening = p.getDouble("dampening", DEFAULTS.dampening);
        double weightDecay = p.getDouble("weight_decay", DEFAULTS.weightDecay);
        boolean nesterov = p.getBoolean("nesterov", DEFAULTS.nesterov);
        boolean maximize = p.getBoolean("maximize", DEFAULTS.maximize);
        p.done();
        return new Sgd(lr, momentum, dampening, weightDecay, nesterov, maximize);
    }

    @Override public String name() { return NAME; }

    @Override public double learningRate() { return lr; }

    /** In PyTorch's signature order. */
    Map<String, Object> signatureParams() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("momentum", momentum);
        m.put("dampening", dampening);
        m.put("weight_decay", weightDecay);
        m.put("nesterov", nesterov);
        m.put("maximize", maximize);
        return m;
    }

    @Override public Map<String, Object> params() { return Optimizers.sorted(signatureParams()); }

    @Override public Optimizer bind(List<Parameter> parameters) { return bind(parameters, true); }

    /** The momentum buffer, when there is momentum. */
    @Override public int stateBuffers() { return momentum != 0 ? 1 : 0; }

    /** {@code vectorized = false} runs the scalar loop over whole arrays (for testing the vector path). */
    Optimizer bind(List<Parameter> parameters, boolean vectorized) {
        return new SgdOptimizer(this, ParameterList.distinct(parameters), vectorized);
    }

    @Override
    public String formula() {
        StringBuilder f = new StringBuilder();
        if (maximize) f.append("g ← −grad; ");
        if (weightDecay != 0) f.append(maximize ? "g ← g + weight_decay·θ; " : "g ← grad + weight_decay·θ; ");
        String g = maximize || weightDecay != 0 ? "g" : "grad";
        if (momentum == 0) return f.append("θ ← θ − lr·").append(g).toString();
        f.append("b ← momentum·b + ").append(dampening == 0 ? "" : "(1−dampening)·").append(g)
                .append(" (b = ").append(g).append(" at step 1); ");
        return f.append(nesterov ? "θ ← θ − lr·(" + g + " + momentum·b)" : "θ ← θ − lr·b").toString();
    }
}
