package org.initlab.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.Parameter;

/** {@link RmsProp} bound to its parameters; the update rule is documented there. */
final class RmsPropOptimizer implements Optimizer {
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;

    private final Parameter[] parameters;
    private final float[][] squareAverages;
    /** The centered variant's running mean of g, or null. */
    private final float[][] gradAverages;
    /** One buffer per parameter, or null without momentum. */
    private final float[][] momentumBuffers;
    private final float negativeLr;
    private final float alpha;
    private final float oneMinusAlpha;
    private final float eps;
    private final float weightDecay;
    private final float momentum;
    private final boolean maximize;
    private final boolean vectorized;
    private long steps;

    RmsPropOptimizer(RmsProp spec, Parameter[] parameters, boolean vectorized) {
        this.parameters = parameters;
        this.squareAverages = ParameterList.buffers(parameters, 0f);
        this.gradAverages = spec.centered() ? ParameterList.buffers(parameters, 0f) : null;
        this.momentumBuffers = spec.momentum() > 0 ? ParameterList.buffers(parameters, 0f) : null;
        this.negativeLr = (float) -spec.lr();
        this.alpha = (float) spec.alpha();
        this.oneMinusAlpha = (float) (1 - spec.alpha());
        this.eps = (float) spec.eps();
        this.weightDecay = (float) spec.weightDecay();
        this.momentum = (float) spec.momentum();
        this.maximize = spec.maximize();
        this.vectorized = vectorized;
    }

    @Override
    public void step() {
        for (int k = 0; k < parameters.length; k++) {
            Parameter p = parameters[k];
            update(p.value(), p.grad(), squareAverages[k], gradAverages == null ? null : gradAverages[k],
                    momentumBuffers == null ? null : momentumBuffers[k], p.decays() ? weightDecay : 0f);
        }
        steps++;
    }

    @Override public long steps() { return steps; }

    private void update(float[] theta, float[] grad, float[] v, float[] gAvg, float[] buffer, float decay) {
        int n = theta.length;
        int i = 0;
        if (vectorized) {
            for (int bound = LANES.loopBound(n); i < bound; i += LANES.length()) {
                FloatVector t = FloatVector.fromArray(LANES, theta, i);
                FloatVector g = FloatVector.fromArray(LANES, grad, i);
                if (maximize) g = g.neg();
                if (decay != 0f) g = g.add(t.mul(decay));
                FloatVector vi = FloatVector.fromArray(LANES, v, i).mul(alpha).add(g.mul(g).mul(oneMinusAlpha));
                vi.intoArray(v, i);
                if (gAvg != null) {
                    FloatVector a = FloatVector.fromArray(LANES, gAvg, i).mul(alpha).add(g.mul(oneMinusAlpha));
                    a.intoArray(gAvg, i);
                    vi = vi.sub(a.mul(a));
                }
                FloatVector denominator = vi.sqrt().add(eps);
                if (buffer != null) {
                    FloatVector b = FloatVector.fromArray(LANES, buffer, i).mul(momentum).add(g.div(denominator));
                    b.intoArray(buffer, i);
                    t.add(b.mul(negativeLr)).intoArray(theta, i);
                } else {
                    t.add(g.mul(negativeLr).div(denominator)).intoArray(theta, i);
                }
            }
        }
        for (; i < n; i++) {
            float t = theta[i];
            float g = grad[i];
            if (maximize) g = -g;
            if (decay != 0f) g = g + t * decay;
            float vi = v[i] * alpha + g * g * oneMinusAlpha;
            v[i] = vi;
            if (gAvg != null) {
                float a = gAvg[i] * alpha + g * oneMinusAlpha;
                gAvg[i] = a;
                vi = vi - a * a;
            }
            float denominator = (float) Math.sqrt(vi) + eps;
            if (buffer != null) {
                float b = buffer[i] * momentum + g / denominator;
                buffer[i] = b;
                theta[i] = t + b * negativeLr;
            } else {
                theta[i] = t + g * negativeLr / denominator;
            }
        }
    }
}
