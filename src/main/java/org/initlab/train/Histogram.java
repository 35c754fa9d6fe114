package org.initlab.train;

import java.util.Arrays;

/**
 * A histogram on one fixed set of bins shared by every layer, snapshot, run and study, so
 * histograms add up exactly across seeds and compare across initializers.
 *
 * <p>Bins are uniform in u = asinh(x / s) with s = {@value #SCALE}: about {@value #SCALE}·{@value #DU}
 * wide near zero and 10% of |x| wide for |x| ≫ s, over at least ±{@value #LIMIT} (the bin count
 * is rounded up to whole bins, so the edges are ±1098; {@value #BINS} bins; values beyond go to
 * underflow/overflow, non-finite ones to nonFinite). {@link StrictMath} keeps the binning the same
 * bits on every JVM and machine.
 * The same idea as TensorBoard's exponentially spaced buckets, made symmetric and smooth
 * through zero.
 *
 * <p>Only the non-empty stretch is stored: {@code counts[k]} is the count of bin
 * {@code offset + k}.
 *
 * <p>{@link #of} bins a float without the logarithm: the floats whose bit patterns share their top
 * 16 bits (sign, exponent and 7 mantissa bits, about 0.8% of |x| wide) form a bucket much narrower
 * than a bin, so a bucket lies within one bin or holds one bin edge; a table built from
 * {@link #bin} at class initialisation gives each bucket's bin and, for the edge buckets, the
 * edge (the least float of the upper bin, found by bisection), so that one comparison settles it.
 * This is {@link #bin}'s result bit for bit (bin is monotone in x: HistogramBinningTest checks every
 * float of every edge bucket); a bucket that would hold two edges falls back to {@link #bin}.
 */
public record Histogram(int offset, long[] counts, long underflow, long overflow, long nonFinite) implements Value {
    public static final double SCALE = 0.01;
    public static final double LIMIT = 1000;
    public static final double DU = 0.1;
    public static final int BINS = 2 * (int) Math.ceil(asinh(LIMIT / SCALE) / DU);
    private static final double U_MAX = BINS / 2 * DU;

    /** The lower edge of bin i (0 ≤ i ≤ BINS; edge BINS is the upper edge of the last bin). */
    public static double edge(int i) {
        return SCALE * StrictMath.sinh(-U_MAX + i * DU);
    }

    /** The bin of x, or −1 below the range, BINS above it. */
    public static int bin(double x) {
        double u = asinh(x / SCALE);
        int i = (int) Math.floor((u + U_MAX) / DU);
        return Math.max(-1, Math.min(BINS, i));
    }

    static double asinh(double x) {
        return Math.copySign(StrictMath.log(Math.abs(x) + Math.sqrt(x * x + 1)), x);
    }

    /** Per bucket of floats (their top 16 bits): 1 + the bin of its least value, EDGE_FLAG when a bin edge lies inside, or SLOW. */
    private static final short[] BUCKETS = new short[1 << 16];
    /** EDGES[b]: the least float whose bin is b, for the edges that lie inside a bucket. */
    private static final float[] EDGES = new float[BINS + 2];
    private static final int EDGE_FLAG = 0x400, SLOW = -1;

    static {
        boolean[] found = new boolean[BINS + 2];
        for (int q = 0; q < BUCKETS.length; q++) {
            if ((q >>> 7 & 0xFF) == 0xFF) continue; // infinities and NaNs
            int lo = bin(valueInBucket(q, 0)), hi = bin(valueInBucket(q, 0xFFFF));
            if (lo == hi) {
                BUCKETS[q] = (short) (lo + 1);
            } else if (hi == lo + 1 && !found[hi + 1]) {
                int t0 = 0, t1 = 0xFFFF; // bin(value t0) = lo, bin(value t1) = hi
                while (t1 - t0 > 1) {
                    int t = (t0 + t1) >>> 1;
                    if (bin(valueInBucket(q, t)) >= hi) t1 = t;
                    else t0 = t;
                }
                EDGES[hi + 1] = valueInBucket(q, t1);
                found[hi + 1] = true;
                BUCKETS[q] = (short) ((lo + 1) | EDGE_FLAG);
            } else {
                BUCKETS[q] = SLOW;
            }
        }
    }

    /** The t-th smallest float (t in 0..0xFFFF) of the bucket of floats whose top 16 bits are q. */
    static float valueInBucket(int q, int t) {
        return Float.intBitsToFloat(q << 16 | (q < 0x8000 ? t : 0xFFFF - t));
    }

    /** {@link #bin}(x) for a finite float, through the bucket table. */
    static int binOf(float x) {
        int code = BUCKETS[Float.floatToRawIntBits(x) >>> 16];
        if (code == SLOW) return bin(x);
        int b = (code & (EDGE_FLAG - 1)) - 1;
        return (code & EDGE_FLAG) != 0 && x >= EDGES[b + 2] ? b + 1 : b;
    }

    /** The histogram of v[from..to); {@code scratch} needs BINS longs and is overwritten. */
    public static Histogram of(float[] v, int from, int to, long[] scratch) {
        Arrays.fill(scratch, 0, BINS, 0L);
        long under = 0, over = 0, bad = 0;
        for (int i = from; i < to; i++) {
            float x = v[i];
            if (!Float.isFinite(x)) { bad++; continue; }
            int b = binOf(x);
            if (b < 0) under++;
            else if (b >= BINS) over++;
            else scratch[b]++;
        }
        int lo = 0, hi = BINS - 1;
        while (lo <= hi && scratch[lo] == 0) lo++;
        while (hi >= lo && scratch[hi] == 0) hi--;
        long[] counts = lo > hi ? new long[0] : Arrays.copyOfRange(scratch, lo, hi + 1);
        return new Histogram(lo > hi ? 0 : lo, counts, under, over, bad);
    }

    public long total() {
        long t = underflow + overflow + nonFinite;
        for (long c : counts) t += c;
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && offset == h.offset && underflow == h.underflow && overflow == h.overflow
                && nonFinite == h.nonFinite && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return 31 * offset + Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "Histogram[offset=" + offset + ", bins=" + counts.length + ", total=" + total() + "]";
    }
}
