package org.initlab.optim;

import org.initlab.UserError;
import org.initlab.catalog.Params;
import org.initlab.math.Parameter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam (Kingma &amp; Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR) with L2 weight
 * decay added to the gradient and the optional AMSGrad maximum (Reddi, Kale &amp; Kumar 2018, "On
 * the Convergence of Adam and Beyond", ICLR), following the algorithm in PyTorch's
 * {@code torch.optim.Adam} documentation (https://docs.pytorch.org/docs/stable/generated/torch.optim.Adam.html);
 * γ = lr, λ = weight_decay, ε = eps, t = step number from 1, m₀ = v₀ = v₀ᵐᵃˣ = 0:
 * <pre>
 *   g ← ∇f(θ)  (−∇f(θ) if maximize);   g ← g + λθ if λ ≠ 0
 *   m ← β₁m + (1 − β₁)g
 *   v ← β₂v + (1 − β₂)g²
 *   m̂ ← m / (1 − β₁ᵗ)
 *   v̂ ← v / (1 − β₂ᵗ),  or with amsgrad: vᵐᵃˣ ← max(vᵐᵃˣ, v), v̂ ← vᵐᵃˣ / (1 − β₂ᵗ)
 *   θ ← θ − γ m̂ / (√v̂ + ε)
 * </pre>
 * ε is added after the square root and after the bias correction (not ε̂ of the paper's
 * efficient form). AMSGrad keeps the maximum of the raw v, as PyTorch's current algorithm and
 * implementation do (older versions of its documentation, e.g. 1.13, wrote the maximum of v̂).
 *
 * <p>The scalars follow PyTorch's implementation: step size γ/(1 − β₁ᵗ) and √(1 − β₂ᵗ) in double,
 * rounded to float once per step; then θ ← θ + (−step·m) / (√v / √(1 − β₂ᵗ) + ε) in float. The
 * moments use the documented form β₁m + (1 − β₁)g, where PyTorch's code uses lerp, m + (1 − β₁)(g − m):
 * equal in exact arithmetic, not always in float, so results match PyTorch closely but not bitwise.
 *
 * @param lr          γ > 0 (default 1e-3)
 * @param beta1       β₁ ∈ [0, 1) (PyTorch's {@code betas[0]}, default 0.9)
 * @param beta2       β₂ ∈ [0, 1) (PyTorch's {@code betas[1]}, default 0.999)
 * @param eps         ε ≥ 0 (default 1e-8)
 * @param weightDecay λ ≥ 0, L2 penalty added to the gradient (default 0); see {@link AdamW} for decoupled decay
 * @param amsgrad     use the AMSGrad maximum
 * @param maximize    ascend instead of descend
 */
public record Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean maximize)
        implements OptimizerSpec {
    static final String NAME = "adam";
    static final Adam DEFAULTS = new Adam(1e-3, 0.9, 0.999, 1e-8, 0, false, false);
    static final String RULE = "g ← grad + weight_decay·θ; m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; "
            + "v ← max(v_max, v) if amsgrad; θ ← θ − lr·(m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + eps)";
    static final String SOURCE = "PyTorch torch.optim.Adam; Kingma & Ba 2015; AMSGrad: Reddi et al. 2018";

    public Adam {
        checkAdamFamily(NAME, lr, beta1, beta2, eps, weightDecay);
    }

    static void checkAdamFamily(String name, double lr, double beta1, double beta2, double eps, double weightDecay) {
        Hyperparameters.learningRate(name, lr);
        Hyperparameters.unitInterval(name, "beta1", beta1);
        Hyperparameters.unitInterval(name, "beta2", beta2);
        Hyperparameters.nonNegative(name, "eps", eps);
        Hyperparameters.nonNegative(name, "weight_decay", weightDecay);
    }

    static Adam parse(Map<String, ?> given) {
        return parse(NAME, DEFAULTS, given);
    }

    /** Adam's hyper-parameters as the component {@code name} reads them, with {@code defaults}' values (AdamW shares them). */
    static Adam parse(String name, Adam defaults, Map<String, ?> given) {
        Params p = new Params(name, splitBetas(name, given));
        double lr = p.getDouble("lr", defaults.lr);
        double beta1 = p.getDouble("beta1", defaults.beta1);
        double beta2 = p.getDouble("beta2", defaults.beta2);
        double eps = p.getDouble("eps", defaults.eps);
        double weightDecay = p.getDouble("weight_decay", defaults.weightDecay);
        boolean amsgrad = p.getBoolean("amsgrad", defaults.amsgrad);
        boolean maximize = p.getBoolean("maximize", defaults.maximize);
        p.done();
        checkAdamFamily(name, lr, beta1, beta2, eps, weightDecay);
        return new Adam(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize);
    }

    /**
     * PyTorch's {@code betas=(0.9, 0.999)} as {@code beta1}/{@code beta2}: a two-element list or
     * array, or a string such as "0.9, 0.999" or "(0.9, 0.999)".
     */
    static Map<String, ?> splitBetas(String name, Map<String, ?> given) {
        if (given == null || !given.containsKey("betas")) return given;
        if (given.containsKey("beta1") || given.containsKey("beta2")) {
            throw new UserError(name + ": give either betas=[beta1, beta2] or beta1/beta2, not both");
        }
        Object betas = given.get("betas");
        List<?> items = switch (betas) {
            case List<?> list -> list;
            case Object[] array -> java.util.Arrays.asList(array);
            case double[] array -> java.util.Arrays.stream(array).boxed().toList();
            case String s -> List.of(s.replaceAll("[\\[\\]()\\s]", "").split(",", -1));
            case null, default -> List.of();
        };
        if (items.size() != 2 || items.stream().anyMatch(java.util.Objects::isNull)) {
            throw new UserError(name + ": parameter 'betas' must be two numbers [beta1, beta2], e.g. [0.9, 0.999], got " + betas);
        }
        Map<String, Object> split = new LinkedHashMap<>(given);
        split.remove("betas");
        split.put("beta1", items.get(0));
        split.put("beta2", items.get(1));
        return split;
    }

    @Override public String name() { return NAME; }

    @Override public double learningRate() { return lr; }

    Map<String, Object> signatureParams() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lr", lr);
        m.put("beta1", beta1);
        m.put("beta2", beta2);
        m.put("eps", eps);
        m.put("weight_decay", weightDecay);
        m.put("amsgrad", amsgrad);
        m.put("maximize", maximize);
        return m;
    }

    @Override public Map<String, Object> params() { return Optimizers.sorted(signatureParams()); }

    @Override public Optimizer bind(List<Parameter> parameters) { return bind(parameters, true); }

    /** m and v, and AMSGrad's running maximum of v. */
    @Override public int stateBuffers() { return amsgrad ? 3 : 2; }

    Optimizer bind(List<Parameter> parameters, boolean vectorized) {
        return new AdamOptimizer(ParameterList.distinct(parameters), lr, beta1, beta2, eps, weightDecay, false,
                amsgrad, maximize, vectorized);
    }

    @Override
    public String formula() {
        return AdamOptimizer.formula(weightDecay != 0, false, amsgrad, maximize);
    }
}
