package org.initlab.math;

/**
 * An element-wise function applied to a finished stretch of a GEMM's output while it is
 * still in cache: {@code out[i] = f(z[i])} for {@code from <= i < to}. Activations provide
 * one; {@code out} may be {@code z} itself.
 */
@FunctionalInterface
public interface Epilogue {
    void apply(float[] z, float[] out, int from, int to);

    /** Leaves {@code z} as it is and copies it to {@code out} when they differ. */
    Epilogue IDENTITY = (z, out, from, to) -> {
        if (out != z) System.arraycopy(z, from, out, from, to - from);
    };
}
