package org.initlab.report.model;

import org.initlab.train.Histogram;

import java.util.List;

/**
 * Histograms on {@link Histogram}'s universal bins, added up: because every layer, run and study
 * uses the same bins, the histogram of a configuration's seeds together is the bin-wise sum of
 * theirs, exactly.
 *
 * @param counts one count per bin, over all {@link Histogram#BINS} bins
 */
public record HistogramSum(long[] counts, long underflow, long overflow, long nonFinite, int histograms) {
    public static HistogramSum of(List<Histogram> hs) {
        long[] counts = new long[Histogram.BINS];
        long under = 0, over = 0, bad = 0;
        int n = 0;
        for (Histogram h : hs) {
            if (h == null) continue;
            n++;
            for (int i = 0; i < h.counts().length; i++) counts[h.offset() + i] += h.counts()[i];
            under += h.underflow();
            over += h.overflow();
            bad += h.nonFinite();
        }
        return new HistogramSum(counts, under, over, bad, n);
    }

    public long total() {
        long t = underflow + overflow + nonFinite;
        for (long c : counts) t += c;
        return t;
    }

    /** The first and last non-empty bins, or null when all are empty. */
    public int[] range() {
        int lo = 0, hi = counts.length - 1;
        while (lo <= hi && counts[lo] == 0) lo++;
        while (hi >= lo && counts[hi] == 0) hi--;
        return lo > hi ? null : new int[]{lo, hi};
    }

    /** Each bin's share of all values (finite or not), over bins from..to inclusive. */
    public double[] shares(int from, int to) {
        double[] s = new double[to - from + 1];
        long t = total();
        if (t == 0) return s;
        for (int i = from; i <= to; i++) s[i - from] = (double) counts[i] / t;
        return s;
    }

    /** Shares on coarser bins: every {@code k} consecutive bins from {@code from} merged, for drawing. */
    public record Binned(double[] edges, double[] shares) {}

    /**
     * The shares of bins from..to merged k at a time, k the smallest factor that leaves at most
     * {@code maxBins} bins (k = 1 when there are few enough): a 200-px panel shows no more than
     * about one bin per 2 px, and the page stays small. Histograms merged over the same range get
     * the same edges.
     */
    public Binned coarse(int from, int to, int maxBins) {
        int n = to - from + 1, k = Math.max(1, (n + maxBins - 1) / maxBins), m = (n + k - 1) / k;
        double[] fine = shares(from, to), shares = new double[m], edges = new double[m + 1];
        for (int i = 0; i < n; i++) shares[i / k] += fine[i];
        for (int j = 0; j <= m; j++) edges[j] = Histogram.edge(Math.min(from + j * k, to + 1));
        return new Binned(edges, shares);
    }
}
