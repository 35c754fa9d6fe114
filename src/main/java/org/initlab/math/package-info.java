/**
 * The numerical core: float32 matrices and parameters, the SIMD matrix products of the dense
 * layers ({@link org.initlab.math.Gemm}, whose summation order is fixed so that results are the
 * same bits whatever the vector width or blocking), elementary functions built from IEEE-exact
 * operations ({@link org.initlab.math.FloatFunctions}), norms, and the random streams derived
 * from a seed and a purpose ({@link org.initlab.math.RandomStreams}).
 *
 * <p>A bottom layer: imports the JDK and {@code jdk.incubator.vector} only.
 */
package org.initlab.math;
