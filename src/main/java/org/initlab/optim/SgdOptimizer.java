package org.initlab.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.Parameter;

/** {@link Sgd} bound to its parameters; the update rule is documented there. */
final class SgdOptimizer implements Optimizer {
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;

    private final Parameter[] parameters;
    /** One buffer per parameter, or null without momentum. */
    private final float[][] momentumBuffers;
    private final float negativeLr;
    private final float momentum;
    private final float oneMinusDampening;
    private final float weightDecay;
    private final boolean nesterov;
    private final boolean maximize;
    private final boolean vectorized;
    private long steps;

    SgdOptimizer(Sgd spec, Parameter[] parameters, boolean vectorized) {
        this.parameters = parameters;
        this.momentumBuffers = spec.momentum() != 0 ? ParameterList.buffers(parameters, 0f) : null;
        this.negativeLr = (float) -spec.lr();
        this.momentum = (float) spec.momentum();
        this.oneMinusDampening = (float) (1 - spec.dampening());
        this.weightDecay = (float) spec.weightDecay();
        this.nesterov = spec.nesterov();
        this.maximize = spec.maximize();
        this.vectorized = vectorized;
    }

    @Override
    public void step() {
        boolean first = steps == 0;
        for (int k = 0; k < parameters.length; k++) {
            Parameter p = parameters[k];
            float decay = p.decays() ? weightDecay : 0f;
            update(p.value(), p.grad(), momentumBuffers == null ? null : momentumBuffers[k], decay, first);
        }
        steps++;
    }

    @Override public long steps() { return steps; }

    private void update(float[] theta, float[] grad, float[] buffer, float decay, boolean first) {
        int n = theta.length;
        int i = 0;
        if (vectorized) {
            for (int bound = LANES.loopBound(n); i < bound; i += LANES.length()) {
                FloatVector t = FloatVector.fromArray(LANES, theta, i);
                FloatVector g = FloatVector.fromArray(LANES, grad, i);
                if (maximize) g = g.neg();
                if (decay != 0f) g = g.add(t.mul(decay));
                if (buffer != null) {
                    FloatVector b = first ? g
                            : FloatVector.fromArray(LANES, buffer, i).mul(momentum).add(g.mul(oneMinusDampening));
                    b.intoArray(buffer, i);
                    g = nesterov ? g.add(b.mul(momentum)) : b;
                }
                t.add(g.mul(negativeLr)).intoArray(theta, i);
            }
        }
        for (; i < n; i++) {
            float t = theta[i];
            float g = grad[i];
            if (maximize) g = -g;
            if (decay != 0f) g = g + t * decay;
            if (buffer != null) {
                float b = first ? g : buffer[i] * momentum + g * oneMinusDampening;
                buffer[i] = b;
                g = nesterov ? g + b * momentum : b;
            }
            theta[i] = t + g * negativeLr;
        }
    }
}
