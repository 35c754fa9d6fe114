package org.initlab.optim;

import org.initlab.math.Parameter;

import java.util.List;
import java.util.Map;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov &amp; Hutter 2019, "Decoupled Weight Decay
 * Regularization", ICLR), following PyTorch's {@code torch.optim.AdamW} documentation
 * (https://docs.pytorch.org/docs/stable/generated/torch.optim.AdamW.html). Each step first shrinks
 * the parameter, θ ← θ − γλθ, then takes the {@link Adam} step with the raw gradient (no L2 term):
 * <pre>
 *   θ ← θ − γλθ
 *   m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  (amsgrad: vᵐᵃˣ ← max(vᵐᵃˣ, v), v ← vᵐᵃˣ)
 *   θ ← θ − γ (m / (1 − β₁ᵗ)) / (√(v / (1 − β₂ᵗ)) + ε)
 * </pre>
 * The decay is applied as PyTorch does, θ ← θ·(1 − γλ) with the factor computed in double and
 * rounded to float. λ is multiplied by γ (PyTorch's convention), unlike the paper's schedule
 * multiplier η_t.
 *
 * @param lr          γ > 0 (default 1e-3)
 * @param beta1       β₁ ∈ [0, 1) (default 0.9)
 * @param beta2       β₂ ∈ [0, 1) (default 0.999)
 * @param eps         ε ≥ 0 (default 1e-8)
 * @param weightDecay λ ≥ 0, decoupled (default 1e-2)
 * @param amsgrad     use the AMSGrad maximum
 * @param maximize    ascend instead of descend
 */
public record AdamW(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad, boolean maximize)
        implements OptimizerSpec {
    static final String NAME = "adamw";
    static final AdamW DEFAULTS = new AdamW(1e-3, 0.9, 0.999, 1e-8, 1e-2, false, false);
    static final String RULE = "θ ← θ − lr·weight_decay·θ; m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; "
            + "v ← max(v_max, v) if amsgrad; θ ← θ − lr·(m/(1−β1ᵗ)) / (√(v/(1−β2ᵗ)) + eps)";
    static final String SOURCE = "PyTorch torch.optim.AdamW; Loshchilov & Hutter 2019";

    public AdamW {
        Adam.checkAdamFamily(NAME, lr, beta1, beta2, eps, weightDecay);
    }

    static AdamW parse(Map<String, ?> given) {
        Adam a = Adam.parse(NAME, new Adam(DEFAULTS.lr, DEFAULTS.beta1, DEFAULTS.beta2, DEFAULTS.eps, DEFAULTS.weightDecay,
                DEFAULTS.amsgrad, DEFAULTS.maximize), given);
        return new AdamW(a.lr(), a.beta1(), a.beta2(), a.eps(), a.weightDecay(), a.amsgrad(), a.maximize());
    }

    @Override public String name() { return NAME; }

    @Override public double learningRate() { return lr; }

    Map<String, Object> signatureParams() {
        return new Adam(lr, beta1, beta2, eps, weightDecay, amsgrad, maximize).signatureParams();
    }

    @Override public Map<String, Object> params() { return Optimizers.sorted(signatureParams()); }

    @Override public Optimizer bind(List<Parameter> parameters) { return bind(parameters, true); }

    /** m and v, and AMSGrad's running maximum of v. */
    @Override public int stateBuffers() { return amsgrad ? 3 : 2; }

    Optimizer bind(List<Parameter> parameters, boolean vectorized) {
        return new AdamOptimizer(ParameterList.distinct(parameters), lr, beta1, beta2, eps, weightDecay, true,
                amsgrad, maximize, vectorized);
    }

    @Override
    public String formula() {
        return AdamOptimizer.formula(weightDecay != 0, true, amsgrad, maximize);
    }
}
