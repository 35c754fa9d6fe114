package org.initlab.report.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Holm's step-down adjustment of p-values for multiple comparisons (Holm 1979, "A simple
 * sequentially rejective multiple test procedure"), in the adjusted-p form of R's
 * {@code p.adjust(p, "holm")}: with p₍₁₎ ≤ … ≤ p₍ₘ₎, p̃₍ᵢ₎ = maxⱼ≤ᵢ min(1, (m − j + 1)·p₍ⱼ₎).
 * Rejecting where p̃ ≤ α controls the family-wise error rate at α.
 */
public final class Holm {
    private Holm() {}

    /** The adjusted p-values, in the input's order; NaN entries stay NaN and do not count in m. */
    public static double[] adjust(double[] p) {
        double[] out = new double[p.length];
        Arrays.fill(out, Double.NaN);
        Integer[] order = IntStream.range(0, p.length).filter(i -> !Double.isNaN(p[i])).boxed()
                .sorted(Comparator.<Integer>comparingDouble(i -> p[i]).thenComparingInt(i -> i)).toArray(Integer[]::new);
        int m = order.length;
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * p[order[j]]));
            out[order[j]] = running;
        }
        return out;
    }
}
