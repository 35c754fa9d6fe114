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

    /** Bin edges from..to+1. */
    public static double[] edges(int from, int to) {
        double[] e = new double[to - from + 2];
        for (int i = from; i <= to + 1; i++) e[i - from] = Histogram.edge(i);
        return e;
    }
}
