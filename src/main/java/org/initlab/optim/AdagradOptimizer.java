package org.initlab.optim;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.initlab.math.Parameter;


/** {@link Adagrad} bound to its parameters; the update rule is documented there. */
final class AdagradOptimizer implements Optimizer {
    private static final VectorSpecies<Float> LANES = FloatVector.SPECIES_PREFERRED;

    private final Parameter[] parameters;
    private final float[][] sums;
    private final double lr;
    private final double lrDecay;
    private final float eps;
    private final float weightDecay;
    private final boolean maximize;
    private final boolean vectorized;
    private long steps;

    AdagradOptimizer(Adagrad spec, Parameter[] parameters, boolean vectorized) {
        this.parameters = parameters;
        this.sums = ParameterList.buffers(parameters, (float) spec.initialAccumulatorValue());
        this.lr = spec.lr();
        this.lrDecay = spec.lrDecay();
        this.eps = (float) spec.eps();
        this.weightDecay = (float) spec.weightDecay();
        this.maximize = spec.maximize();
        this.vectorized = vectorized;
    }

    @Override
    public void step() {
        float negativeRate = (float) -(lr / (1 + steps * lrDecay));
        for (int k = 0; k < parameters.length; k++) {
            Parameter p = parameters[k];
            update(p.value(), p.grad(), sums[k], p.decays() ? weightDecay : 0f, negativeRate);
        }
        steps++;
    }

    @Override public long steps() { return steps; }

    private void update(float[] theta, float[] grad, float[] sum, float decay, float negativeRate) {
        int n = theta.length;
        int i = 0;
        if (vectorized) {
            for (int bound = LANES.loopBound(n); i < bound; i += LANES.length()) {
                FloatVector t = FloatVector.fromArray(LANES, theta, i);
                FloatVector g = FloatVector.fromArray(LANES, grad, i);
                if (maximize) g = g.neg();
                if (decay != 0f) g = g.add(t.mul(decay));
                FloatVector s = FloatVector.fromArray(LANES, sum, i).add(g.mul(g));
                s.intoArray(sum, i);
                t.add(g.mul(negativeRate).div(s.sqrt().add(eps))).intoArray(theta, i);
            }
        }
        for (; i < n; i++) {
            float t = theta[i];
            float g = grad[i];
            if (maximize) g = -g;
            if (decay != 0f) g = g + t * decay;
            float s = sum[i] + g * g;
            sum[i] = s;
            theta[i] = t + g * negativeRate / ((float) Math.sqrt(s) + eps);
        }
    }
}
