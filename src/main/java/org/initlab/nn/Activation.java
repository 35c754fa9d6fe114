package org.initlab.nn;

import org.initlab.math.Epilogue;

import java.util.Map;

/**
 * An element-wise nonlinearity φ with its derivative, applied to float arrays (vectorized) and
 * available in double as a reference for tests, gradient checks and mean-field calculations.
 *
 * <p>Implementations are immutable. Each writes its own vector loop (rather than sharing one
 * through a virtual call) so that the JIT inlines the vector operations.
 */
public interface Activation extends Epilogue {
    /** Canonical catalogue name, e.g. {@code "leaky_relu"}. */
    String name();

    /** Parameters with their values, defaults included. */
    Map<String, Object> params();

    /** The definition in one line, e.g. {@code "max(0, x)"}. */
    String formula();

    /** φ(x), computed in double with {@link StrictMath} (the same bits on every machine: critical init's σ_w, and so run ids, depend on it). */
    double value(double x);

    /** φ′(x), computed in double (the PyTorch convention at kinks: relu′(0) = 0). */
    double derivative(double x);

    /** a[i] = φ(z[i]) for from ≤ i &lt; to; a may be z. */
    void forward(float[] z, float[] a, int from, int to);

    /**
     * dz[i] = da[i] · φ′(z[i]) for from ≤ i &lt; to, given z and a = φ(z) from the forward pass.
     * dz may be da.
     */
    void backward(float[] z, float[] a, float[] da, float[] dz, int from, int to);

    /** How probes judge its units: dead (rectifiers), saturated (squashing), or neither. */
    default Family family() { return Family.OTHER; }

    /** The largest |φ′| over the real line: the scale for "saturated" (|φ′| ≪ this). */
    default double maxDerivative() { return 1.0; }

    @Override
    default void apply(float[] z, float[] out, int from, int to) {
        forward(z, out, from, to);
    }

    /** What "inactive" means for a unit of this nonlinearity. */
    enum Family {
        /** ReLU-like: a unit whose pre-activation is never positive on a batch is dead. */
        RECTIFIER,
        /** Sigmoid-like: a unit is saturated where |φ′(z)| is far below its maximum. */
        SQUASHING,
        OTHER
    }
}
