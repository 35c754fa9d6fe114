package org.initlab.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.Parameter;

/**
 * {@link Adam} and {@link AdamW} bound to their parameters; they differ only in where the weight
 * decay goes (into the gradient, or a shrink of θ before the step). The rules are documented there.
 */
final class AdamOptimizer implements Optimizer {
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;

    private final Parameter[] parameters;
    private final float[][] firstMoments;
    private final float[][] secondMoments;
    /** AMSGrad's running maximum of the second moments, or null. */
    private final float[][] maxSecondMoments;
    private final double lr;
    private final double beta1;
    private final double beta2;
    private final float beta1f;
    private final float oneMinusBeta1;
    private final float beta2f;
    private final float oneMinusBeta2;
    private final float eps;
    /** λ added to the gradient (Adam), or 0. */
    private final float l2Decay;
    /** 1 − γλ, the per-step shrink of θ (AdamW), or 1. */
    private final float decoupledFactor;
    private final boolean maximize;
    private final boolean vectorized;
    private long steps;

    AdamOptimizer(Parameter[] parameters, double lr, double beta1, double beta2, double eps, double weightDecay,
                  boolean decoupled, boolean amsgrad, boolean maximize, boolean vectorized) {
        this.parameters = parameters;
        this.firstMoments = ParameterList.buffers(parameters, 0f);
        this.secondMoments = ParameterList.buffers(parameters, 0f);
        this.maxSecondMoments = amsgrad ? ParameterList.buffers(parameters, 0f) : null;
        this.lr = lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.beta1f = (float) beta1;
        this.oneMinusBeta1 = (float) (1 - beta1);
        this.beta2f = (float) beta2;
        this.oneMinusBeta2 = (float) (1 - beta2);
        this.eps = (float) eps;
        this.l2Decay = decoupled ? 0f : (float) weightDecay;
        this.decoupledFactor = decoupled ? (float) (1 - lr * weightDecay) : 1f;
        this.maximize = maximize;
        this.vectorized = vectorized;
    }

    @Override
    public void step() {
        double biasCorrection1 = 1 - power(beta1, steps + 1);
        double biasCorrection2 = 1 - power(beta2, steps + 1);
        float negativeStepSize = (float) -(lr / biasCorrection1);
        float biasCorrection2Sqrt = (float) StrictMath.sqrt(biasCorrection2);
        for (int k = 0; k < parameters.length; k++) {
            Parameter p = parameters[k];
            update(p.value(), p.grad(), firstMoments[k], secondMoments[k],
                    maxSecondMoments == null ? null : maxSecondMoments[k],
                    p.decays() ? l2Decay : 0f, p.decays() ? decoupledFactor : 1f,
                    negativeStepSize, biasCorrection2Sqrt);
        }
        steps++;
    }

    @Override public long steps() { return steps; }

    private void update(float[] theta, float[] grad, float[] m, float[] v, float[] vMax, float l2, float shrink,
                        float negativeStepSize, float biasCorrection2Sqrt) {
        int n = theta.length;
        int i = 0;
        if (vectorized) {
            for (int bound = LANES.loopBound(n); i < bound; i += LANES.length()) {
                FloatVector th = FloatVector.fromArray(LANES, theta, i);
                FloatVector g = FloatVector.fromArray(LANES, grad, i);
                if (maximize) g = g.neg();
                if (shrink != 1f) th = th.mul(shrink);
                if (l2 != 0f) g = g.add(th.mul(l2));
                FloatVector mi = FloatVector.fromArray(LANES, m, i).mul(beta1f).add(g.mul(oneMinusBeta1));
                FloatVector vi = FloatVector.fromArray(LANES, v, i).mul(beta2f).add(g.mul(g).mul(oneMinusBeta2));
                mi.intoArray(m, i);
                vi.intoArray(v, i);
                if (vMax != null) {
                    vi = FloatVector.fromArray(LANES, vMax, i).max(vi);
                    vi.intoArray(vMax, i);
                }
                FloatVector denominator = vi.sqrt().div(biasCorrection2Sqrt).add(eps);
                th.add(mi.mul(negativeStepSize).div(denominator)).intoArray(theta, i);
            }
        }
        for (; i < n; i++) {
            float th = theta[i];
            float g = grad[i];
            if (maximize) g = -g;
            if (shrink != 1f) th = th * shrink;
            if (l2 != 0f) g = g + th * l2;
            float mi = m[i] * beta1f + g * oneMinusBeta1;
            float vi = v[i] * beta2f + g * g * oneMinusBeta2;
            m[i] = mi;
            v[i] = vi;
            if (vMax != null) {
                vi = Math.max(vMax[i], vi);
                vMax[i] = vi;
            }
            float denominator = (float) Math.sqrt(vi) / biasCorrection2Sqrt + eps;
            theta[i] = th + mi * negativeStepSize / denominator;
        }
    }

    /**
     * βᵗ by binary exponentiation in double: no allocation (StrictMath.pow allocates scratch arrays
     * until the JIT compiles it) and the same bits on every JVM. Its relative error grows like
     * t·2⁻⁵³ against a correctly rounded pow (Python's {@code beta ** step}); the cast of the bias
     * corrections to float hides that except at rare rounding boundaries.
     */
    static double power(double base, long exponent) {
        double result = 1;
        for (double square = base; exponent > 0 && result != 0; exponent >>>= 1, square *= square) {
            if ((exponent & 1) != 0) result *= square;
        }
        return result;
    }

    /** The one-line rule for a configuration of the Adam family. */
    static String formula(boolean weightDecay, boolean decoupled, boolean amsgrad, boolean maximize) {
        StringBuilder f = new StringBuilder();
        if (weightDecay && decoupled) f.append("θ ← θ − lr·weight_decay·θ; ");
        f.append(maximize ? "g ← −grad; " : "g ← grad; ");
        if (weightDecay && !decoupled) f.append("g ← g + weight_decay·θ; ");
        f.append("m ← β1·m + (1−β1)·g; v ← β2·v + (1−β2)·g²; ");
        String v = "v";
        if (amsgrad) {
            f.append("v_max ← max(v_max, v); ");
            v = "v_max";
        }
        return f.append("θ ← θ − lr·(m/(1−β1ᵗ)) / (√(").append(v).append("/(1−β2ᵗ)) + eps)").toString();
    }
}
