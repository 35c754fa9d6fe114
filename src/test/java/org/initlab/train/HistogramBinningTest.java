package org.initlab.train;

import org.initlab.math.RandomStreams;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The table-driven binning of {@link Histogram#of} gives {@link Histogram#bin}'s result for every float it meets. */
class HistogramBinningTest {
    private static void check(float x) {
        assertEquals(Histogram.bin(x), Histogram.binOf(x), () -> "bin of " + x + " (bits " + Integer.toHexString(Float.floatToRawIntBits(x)) + ")");
    }

    /** Every float of every bucket that holds a bin edge: where a wrong table would show. */
    @Test
    void everyFloatOfEveryEdgeBucketIsBinnedAsByTheDefinition() {
        int edgeBuckets = 0;
        for (int q = 0; q < 1 << 16; q++) {
            if ((q >>> 7 & 0xFF) == 0xFF) continue;
            if (Histogram.bin(Histogram.valueInBucket(q, 0)) == Histogram.bin(Histogram.valueInBucket(q, 0xFFFF))) continue;
            edgeBuckets++;
            for (int t = 0; t <= 0xFFFF; t++) check(Histogram.valueInBucket(q, t));
        }
        assertTrue(edgeBuckets >= Histogram.BINS, "only " + edgeBuckets + " buckets hold an edge");
    }

    @Test
    void randomFloatsAndWholeBucketsAreBinnedAsByTheDefinition() {
        RandomGenerator rnd = RandomStreams.stream(1, "histogram-binning-test");
        for (int i = 0; i < 1_000_000; i++) {
            float x = Float.intBitsToFloat(rnd.nextInt());
            if (Float.isFinite(x)) check(x);
            check((float) (rnd.nextGaussian() * Math.scalb(1.0, rnd.nextInt(-20, 12))));
        }
        for (int i = 0; i < 40; i++) {
            int q = rnd.nextInt(1 << 16);
            if ((q >>> 7 & 0xFF) == 0xFF) continue;
            for (int t = 0; t <= 0xFFFF; t++) check(Histogram.valueInBucket(q, t));
        }
        for (float x : new float[] {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1000f, -1000f, 1098f, 1099f}) check(x);
    }
}
