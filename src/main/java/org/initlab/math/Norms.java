package org.initlab.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Squared Euclidean norms of float arrays, vectorized. Each lane accumulates its own partial sum
 * in float and the lanes are then added in order in double, so the result does not depend on
 * when the JIT compiles the loop (it depends only on the vector width).
 */
public final class Norms {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Norms() {}

    /** Σ v[i]² over [0, n). */
    public static double squaredNorm(float[] v, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector x = FloatVector.fromArray(S, v, i);
            acc = x.fma(x, acc);
        }
        double sum = 0;
        for (int l = 0; l < S.length(); l++) sum += acc.lane(l);
        for (; i < n; i++) sum += (double) v[i] * v[i];
        return sum;
    }

    /** Σ (a[i] − b[i])² over [0, n). */
    public static double squaredDistance(float[] a, float[] b, int n) {
        FloatVector acc = FloatVector.zero(S);
        int i = 0;
        for (int bound = S.loopBound(n); i < bound; i += S.length()) {
            FloatVector d = FloatVector.fromArray(S, a, i).sub(FloatVector.fromArray(S, b, i));
            acc = d.fma(d, acc);
        }
        double sum = 0;
        for (int l = 0; l < S.length(); l++) sum += acc.lane(l);
        for (; i < n; i++) {
            double d = (double) a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
