package org.initlab.optim;

import org.initlab.catalog.Params;
import org.initlab.math.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RMSprop (Tieleman &amp; Hinton 2012, COURSERA "Neural Networks for Machine Learning", lecture
 * 6.5), with the centered variant of Graves 2013 ("Generating Sequences With Recurrent Neural
 * Networks", arXiv:1308.0850), following PyTorch's {@code torch.optim.RMSprop} documentation
 * (https://docs.pytorch.org/docs/stable/generated/torch.optim.RMSprop.html); γ = lr, α = alpha,
 * λ = weight_decay, μ = momentum, v₀ = ḡ₀ = b₀ = 0:
 * <pre>
 *   g ← ∇f(θ)  (−∇f(θ) if maximize);   g ← g + λθ if λ ≠ 0
 *   v ← αv + (1 − α)g²
 *   ṽ ← v,   or if centered: ḡ ← αḡ + (1 − α)g,  ṽ ← v − ḡ²
 *   if μ &gt; 0:  b ← μb + g / (√ṽ + ε),  θ ← θ − γb
 *   else:      θ ← θ − γ g / (√ṽ + ε)
 * </pre>
 * ε is added outside the square root (PyTorch; Keras adds it inside). Unlike SGD's, the momentum
 * buffer starts at zero. ḡ uses the documented form αḡ + (1 − α)g where PyTorch's code uses lerp
 * (equal in exact arithmetic, not always bitwise in float).
 *
 * @param lr          γ > 0 (default 1e-2)
 * @param alpha       α ≥ 0, smoothing constant (default 0.99)
 * @param eps         ε ≥ 0 (default 1e-8)
 * @param weightDecay λ ≥ 0, L2 penalty added to the gradient (default 0)
 * @param momentum    μ ≥ 0 (default 0)
 * @param centered    normalise by the estimated variance instead of the uncentered second moment
 * @param maximize    ascend instead of descend
 */
public record RmsProp(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered,
                      boolean maximize) implements OptimizerSpec {
    static final String NAME = "rmsprop";
    static final RmsProp DEFAULTS = new RmsProp(1e-2, 0.99, 1e-8, 0, 0, false, false);
    static final String RULE = "g ← grad + weight_decay·θ; v ← alpha·v + (1−alpha)·g²; "
            + "if centered: ḡ ← alpha·ḡ + (1−alpha)·g, v ← v − ḡ²; b ← momentum·b + g/(√v + eps); θ ← θ − lr·b";
    static final String SOURCE = "PyTorch torch.optim.RMSprop; Tieleman & Hinton 2012; centered: Graves 2013";

    public RmsProp {
        Hyperparameters.learningRate(NAME, lr);
        Hyperparameters.nonNegative(NAME, "alpha", alpha);
        Hyperparameters.nonNegative(NAME, "eps", eps);
        Hyperparameters.nonNegative(NAME, "weight_decay", weightDecay);
        Hyperparameters.nonNegative(NAME, "momentum", momentum);
    }

    static RmsProp parse(Map<String, ?> given) {
        Params p = new Params(NAME, given);
        double lr = p.getDouble("lr", DEFAULTS.lr);
        double alpha = p.getDouble("alpha", DEFAULTS.alpha);
        double eps = p.getDouble("eps", DEFAULTS.eps);
        double weightDecay = p.getDouble("weight_decay", DEFAULTS.weightDecay);
        double momentum = p.getDouble("momentum", DEFAULTS.momentum);
        boolean centered = p.getBoolean("centered", DEFAULTS.centered);
        boolean maximize = p.getBoolean("maximize", DEFAULTS.maximize);
        p.done();
        return new RmsProp(lr, alpha, eps, weightDecay, momentum, centered, maximize);
    }

    @Override public String name() { return NAME; }

    @Override public double learningRate() { return lr; }

    Map<String, Object> signatureParams() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("alpha", alpha);
        m.put("eps", eps);
        m.put("weight_decay", weightDecay);
        m.put("momentum", momentum);
        m.put("centered", centered);
        m.put("maximize", maximize);
        return m;
    }

    @Override public Map<String, Object> params() { return Optimizers.sorted(signatureParams()); }

    @Override public Optimizer bind(List<Parameter> parameters) { return bind(parameters, true); }

    /** The square average, and the gradient average when centered, and the momentum buffer with momentum. */
    @Override public int stateBuffers() { return 1 + (centered ? 1 : 0) + (momentum > 0 ? 1 : 0); }

    Optimizer bind(List<Parameter> parameters, boolean vectorized) {
        return new RmsPropOptimizer(this, ParameterList.distinct(parameters), vectorized);
    }

    @Override
    public String formula() {
        StringBuilder f = new StringBuilder(maximize ? "g ← −grad; " : "g ← grad; ");
        if (weightDecay != 0) f.append("g ← g + weight_decay·θ; ");
        f.append("v ← alpha·v + (1−alpha)·g²; ");
        String denominator = "(√v + eps)";
        if (centered) {
            f.append("ḡ ← alpha·ḡ + (1−alpha)·g; ");
            denominator = "(√(v − ḡ²) + eps)";
        }
        if (momentum > 0) return f.append("b ← momentum·b + g/").append(denominator).append("; θ ← θ − lr·b").toString();
        return f.append("θ ← θ − lr·g/").append(denominator).toString();
    }
}
