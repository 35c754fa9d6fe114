package org.initlab.theory;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * Expectations under a normal law, E[f(U)] with U ~ N(m, s²), by composite Gauss–Legendre
 * quadrature on panels that follow both the Gaussian and the integrand.
 *
 * <p>Why not plain Gauss–Hermite ({@code init.GaussHermite}, which {@link org.initlab.init.EdgeOfChaos}
 * uses at q*): its nodes are spaced about 0.3 standard deviations apart near the mean, so it
 * cannot see a feature narrower than that. It is exact for ReLU at zero mean only by the mirror
 * symmetry of its nodes; with a bias mean, in the correlation map (the kink of φ(u₂) sits off the
 * nodes) or for a step such as ReLU′, its error is up to half the weight of the node nearest
 * the kink, several percent (a node near 0 carries about 0.1 of the mass).
 * It also fails for a saturating φ when q is large (N(0, 1) weights give q ~ fan_in), where
 * φ(√q·z) changes over |z| ≲ 1/√q. Here the range m ± {@value #RANGE}s is cut at
 * <ul>
 *   <li>the Gaussian grid m + s·k, k = −8, −6, …, 8 (panels two standard deviations wide);</li>
 *   <li>the integrand's centre u₀ (where an activation has its kink: 0) and, when s is large,
 *       the graded grid u₀ ± h·2ᵏ (k = 0, 1, … while h·2ᵏ &lt; 2s), h the integrand's own scale
 *       (1 for every activation in the catalogue), so panels near u₀ are as narrow as the
 *       integrand's features and widen geometrically away from them;</li>
 * </ul>
 * and each panel gets {@value #POINTS} Gauss–Legendre points. On a panel where f is analytic
 * the error falls geometrically with the number of points; with 8 points and panels at most two
 * standard deviations wide the relative error stays below 10⁻¹⁰ for every catalogue activation
 * (smooth except at 0), whatever m and s (12 points would give 10⁻¹⁵ at 2.3 times the cost of
 * the pair integrals, which dominate a prediction). The tests check it against closed forms
 * (ReLU's truncated moments, erf's arcsine kernel, Cho &amp; Saul's arc-cosine kernel) and
 * against Gauss–Hermite where that is accurate. The mass beyond
 * {@value #RANGE} standard deviations (about 10⁻¹⁵) is dropped.
 *
 * <p>Legendre nodes and weights: Newton's method on Pₙ from x = cos(π(i − ¼)/(n + ½)), with
 * Pₙ′ from the three-term recurrence, and wᵢ = 2/((1 − xᵢ²)Pₙ′(xᵢ)²) (Golub &amp; Welsch 1969;
 * Press et al., Numerical Recipes §4.6).
 */
final class NormalQuadrature {
    /** Gauss–Legendre points per panel. */
    static final int POINTS = 8;
    /** Integration range, in standard deviations either side of the mean. */
    static final double RANGE = 8.0;
    /** Width of the Gaussian grid's panels, in standard deviations. */
    private static final double GAUSSIAN_PANEL = 2.0;
    private static final int MAX_GRADED = 60;
    /** The most nodes any rule has: Gaussian panels, the centre, and two graded sequences. */
    static final int MAX_NODES = POINTS * ((int) (2 * RANGE / GAUSSIAN_PANEL) + 2 + 2 * MAX_GRADED + 2);

    private static final double[] LEGENDRE_NODES = new double[POINTS];
    private static final double[] LEGENDRE_WEIGHTS = new double[POINTS];
    private static final double INV_SQRT_2PI = 0.39894228040143267794;

    static {
        int n = POINTS;
        for (int i = 0; i < n; i++) {
            double x = Math.cos(Math.PI * (i + 0.75) / (n + 0.5));
            double derivative = 0;
            for (int iteration = 0; iteration < 100; iteration++) {
                double p0 = 1.0;
                double p1 = x;
                for (int k = 2; k <= n; k++) {
                    double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                    p0 = p1;
                    p1 = p2;
                }
                derivative = n * (x * p1 - p0) / (x * x - 1);
                double step = p1 / derivative;
                x -= step;
                if (Math.abs(step) < 1e-16) break;
            }
            LEGENDRE_NODES[i] = x;
            LEGENDRE_WEIGHTS[i] = 2.0 / ((1 - x * x) * derivative * derivative);
        }
    }

    private NormalQuadrature() {}

    /** E[f(U)], U ~ N(mean, sd²), for an f whose features sit at 0 on the scale 1 (every activation). */
    static double expectation(DoubleUnaryOperator f, double mean, double sd) {
        return expectation(f, mean, sd, 0.0, 1.0);
    }

    /** E[f(U)], U ~ N(mean, sd²), for an f that is smooth except near {@code centre}, on the scale {@code scale}. */
    static double expectation(DoubleUnaryOperator f, double mean, double sd, double centre, double scale) {
        double[] u = new double[MAX_NODES];
        double[] w = new double[MAX_NODES];
        int n = nodes(mean, sd, centre, scale, u, w);
        double sum = 0.0;
        for (int i = 0; i < n; i++) sum += w[i] * f.applyAsDouble(u[i]);
        return sum;
    }

    /**
     * E[f(U₁)·f(U₂)] and E[g(U₁)·g(U₂)] at once (g = f′ in use), for (U₁, U₂) jointly normal with means m₁, m₂,
     * standard deviations s₁, s₂ and correlation c: U₂ given U₁ is N(m₂ + c·s₂·z₁, s₂²(1 − c²)),
     * z₁ = (U₁ − m₁)/s₁, so the double integral is an outer rule over U₁ and, at each of its nodes,
     * an inner rule over U₂ (Poole et al. 2016, eq. for q₁₂: u₁ = √q₁₁·z₁, u₂ = √q₂₂·(c·z₁ + √(1−c²)·z₂)).
     *
     * @return {E[f(U₁)f(U₂)], E[fPrime(U₁)fPrime(U₂)]}
     */
    static double[] pairExpectations(DoubleUnaryOperator f, DoubleUnaryOperator fPrime,
                                     double m1, double s1, double m2, double s2, double c) {
        double r = Math.max(-1.0, Math.min(1.0, c));
        double conditionalSd = s2 * Math.sqrt(Math.max(0.0, (1 - r) * (1 + r)));
        double[] u1 = new double[MAX_NODES];
        double[] w1 = new double[MAX_NODES];
        double[] u2 = new double[MAX_NODES];
        double[] w2 = new double[MAX_NODES];
        // Where φ has a kink at 0, E[g(U₂) | U₁] changes over |U₁| ≲ the conditional sd: the outer
        // rule's graded grid starts there, so that c → 1 (a narrow step in U₁) stays exact.
        double outerScale = conditionalSd > 0 ? Math.min(1.0, conditionalSd) : 1.0;
        int n1 = nodes(m1, s1, 0.0, outerScale, u1, w1);
        double values = 0.0;
        double slopes = 0.0;
        for (int i = 0; i < n1; i++) {
            double z1 = s1 == 0 ? 0.0 : (u1[i] - m1) / s1;
            int n2 = nodes(m2 + r * s2 * z1, conditionalSd, 0.0, 1.0, u2, w2);
            double innerValue = 0.0;
            double innerSlope = 0.0;
            for (int j = 0; j < n2; j++) {
                innerValue += w2[j] * f.applyAsDouble(u2[j]);
                innerSlope += w2[j] * fPrime.applyAsDouble(u2[j]);
            }
            values += w1[i] * f.applyAsDouble(u1[i]) * innerValue;
            slopes += w1[i] * fPrime.applyAsDouble(u1[i]) * innerSlope;
        }
        return new double[] {values, slopes};
    }

    /**
     * Fills u and w (each at least {@link #MAX_NODES} long) with a rule Σᵢ wᵢ f(uᵢ) ≈ E[f(U)],
     * U ~ N(mean, sd²), and returns the number of nodes. The weights include the Gaussian density
     * and sum to 1 up to the dropped tails. sd = 0 gives the single node u = mean.
     */
    static int nodes(double mean, double sd, double centre, double scale, double[] u, double[] w) {
        if (!(sd >= 0) || !Double.isFinite(mean) || !Double.isFinite(sd)) {
            throw new IllegalArgumentException("a normal law needs a finite mean and sd ≥ 0, got N(" + mean + ", " + sd + "²)");
        }
        if (sd == 0) {
            u[0] = mean;
            w[0] = 1.0;
            return 1;
        }
        double lo = mean - RANGE * sd;
        double hi = mean + RANGE * sd;
        double[] cuts = new double[(int) (2 * RANGE / GAUSSIAN_PANEL) + 2 + 2 * MAX_GRADED + 2];
        int count = 0;
        for (double k = -RANGE; k <= RANGE + 1e-9; k += GAUSSIAN_PANEL) cuts[count++] = mean + k * sd;
        if (centre > lo && centre < hi) cuts[count++] = centre;
        double step = scale;
        for (int k = 0; k < MAX_GRADED && step < GAUSSIAN_PANEL * sd; k++, step *= 2) {
            if (centre + step > lo && centre + step < hi) cuts[count++] = centre + step;
            if (centre - step > lo && centre - step < hi) cuts[count++] = centre - step;
        }
        Arrays.sort(cuts, 0, count);
        int n = 0;
        double minWidth = 1e-12 * (hi - lo);
        double left = cuts[0];
        for (int c = 1; c < count; c++) {
            double right = cuts[c];
            if (right - left <= minWidth) continue;
            double half = 0.5 * (right - left);
            double middle = 0.5 * (right + left);
            for (int i = 0; i < POINTS; i++) {
                double x = middle + half * LEGENDRE_NODES[i];
                double z = (x - mean) / sd;
                u[n] = x;
                w[n] = half * LEGENDRE_WEIGHTS[i] * INV_SQRT_2PI * StrictMath.exp(-0.5 * z * z) / sd;
                n++;
            }
            left = right;
        }
        return n;
    }
}
