package org.initlab.optim;

import org.initlab.math.Parameter;

import java.util.IdentityHashMap;
import java.util.List;

/** The parameters an optimizer is bound to, checked once at bind time. */
final class ParameterList {
    private ParameterList() {}

    /**
     * The parameters as an array for the step loop. A tensor listed twice would be updated twice
     * per step (PyTorch warns about duplicate parameters), so it is rejected.
     */
    static Parameter[] distinct(List<Parameter> parameters) {
        if (parameters == null) throw new IllegalArgumentException("parameters must not be null");
        Parameter[] array = parameters.toArray(new Parameter[0]);
        IdentityHashMap<float[], Parameter> seen = new IdentityHashMap<>();
        for (Parameter p : array) {
            if (p == null) throw new IllegalArgumentException("parameters must not contain null");
            Parameter before = seen.put(p.value(), p);
            if (before != null) {
                throw new IllegalArgumentException("parameter '" + p.name() + "' is bound twice (same value array as '"
                        + before.name() + "')");
            }
        }
        return array;
    }

    /** One state buffer per parameter, each of its size, filled with {@code initial}. */
    static float[][] buffers(Parameter[] parameters, float initial) {
        float[][] b = new float[parameters.length][];
        for (int k = 0; k < parameters.length; k++) {
            b[k] = new float[parameters[k].size()];
            if (initial != 0f) java.util.Arrays.fill(b[k], initial);
        }
        return b;
    }
}
