package org.initlab.init;

import java.util.function.DoubleUnaryOperator;

/**
 * Gauss–Hermite quadrature for the standard normal measure: E[f(Z)] ≈ Σᵢ wᵢ f(xᵢ), Z ~ N(0, 1),
 * exact when f is a polynomial of degree below 2n.
 *
 * <p>The nodes are the roots of the probabilists' Hermite polynomial Heₙ, found by bracketing
 * sign changes on a fine grid and bisecting; the weights are wᵢ = 1 / (n·pₙ₋₁(xᵢ)²) with
 * pₖ = Heₖ/√(k!) the orthonormal polynomials, computed by the three-term recurrence
 * pₖ₊₁ = (x·pₖ − √k·pₖ₋₁)/√(k+1) (Golub &amp; Welsch 1969, Math. Comp. 23). Nodes and weights are
 * mirrored exactly about 0, so odd functions integrate to exactly 0.
 */
final class GaussHermite {
    private final double[] nodes;
    private final double[] weights;

    private GaussHermite(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /** The n-point rule, n in [1, 400]. */
    static GaussHermite of(int n) {
        if (n < 1 || n > 400) throw new IllegalArgumentException("Gauss–Hermite order must be in [1, 400], got " + n);
        int half = n / 2;
        double[] positive = new double[half];
        double limit = Math.sqrt(4.0 * n + 2.0) + 1.0; // all roots lie below √(4n+2)
        double step = 0.05 / Math.sqrt(n);              // well below the smallest root spacing
        int found = 0;
        double left = step * 0.5;                        // skip 0, the middle root of odd n
        double fLeft = orthonormal(n, left)[0];
        while (left < limit && found < half) {
            double right = left + step;
            double fRight = orthonormal(n, right)[0];
            if (fLeft == 0.0 || Math.signum(fLeft) != Math.signum(fRight)) {
                positive[found++] = fLeft == 0.0 ? left : bisect(n, left, right, fLeft);
            }
            left = right;
            fLeft = fRight;
        }
        if (found != half) throw new IllegalStateException("found " + found + " of " + half + " positive Hermite roots");

        double[] x = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < half; i++) {
            double p = orthonormal(n, positive[i])[1];
            double weight = 1.0 / (n * p * p);
            x[half - 1 - i] = -positive[i];
            w[half - 1 - i] = weight;
            x[n - half + i] = positive[i];
            w[n - half + i] = weight;
        }
        if (n % 2 == 1) {
            double p = orthonormal(n, 0.0)[1];
            x[half] = 0.0;
            w[half] = 1.0 / (n * p * p);
        }
        return new GaussHermite(x, w);
    }

    /** {pₙ(x), pₙ₋₁(x)}. */
    private static double[] orthonormal(int n, double x) {
        double previous = 0.0;
        double current = 1.0;
        for (int k = 0; k < n; k++) {
            double next = (x * current - Math.sqrt(k) * previous) / Math.sqrt(k + 1.0);
            previous = current;
            current = next;
        }
        return new double[] {current, previous};
    }

    private static double bisect(int n, double lo, double hi, double fLo) {
        for (int i = 0; i < 200; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            double fMid = orthonormal(n, mid)[0];
            if (fMid == 0.0) return mid;
            if (Math.signum(fMid) == Math.signum(fLo)) {
                lo = mid;
                fLo = fMid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    int order() { return nodes.length; }

    double node(int i) { return nodes[i]; }

    double weight(int i) { return weights[i]; }

    /** Σᵢ wᵢ f(xᵢ) ≈ E[f(Z)], Z ~ N(0, 1), summed in node order. */
    double expectation(DoubleUnaryOperator f) {
        double sum = 0.0;
        for (int i = 0; i < nodes.length; i++) sum += weights[i] * f.applyAsDouble(nodes[i]);
        return sum;
    }
}
