package org.initlab.data;

import org.initlab.UserError;

import java.util.List;

/**
 * Splits labelled examples into train / validation / test and maps them to network inputs.
 *
 * <p>The training examples (for IDX and CSV the official training set; for the pickle its
 * train and valid parts, which together are the official training set in order) are treated as
 * one sequence: validation is its last {@code validationSize} examples and train the rest, which
 * for MNIST with the default 10,000 reproduces the original study's 50,000 / 10,000 split.
 *
 * <p>Every {@link Preprocessing} is x' = (x − shift)/scale with x = pixel/255 (or the pickle's
 * value), evaluated in double and rounded once to float; for pixels it is a 256-entry table, so
 * the result does not depend on evaluation order and is the same bit for bit on every run.
 */
final class Preprocessor {
    /** The affine map x' = (x − shift)/scale. */
    record Affine(double shift, double scale) {
        float apply(double x) {
            return (float) ((x - shift) / scale);
        }
    }

    private Preprocessor() {}

    /** The table mapping each pixel value 0..255 to its input. */
    static float[] table(Affine map) {
        float[] t = new float[256];
        for (int p = 0; p < 256; p++) t[p] = map.apply(p / 255.0);
        return t;
    }

    /**
     * The map for {@code preprocessing}; for {@link Preprocessing#STANDARDIZE} its shift and scale
     * are the mean and population standard deviation over examples [0, trainEnd) of
     * {@code training}.
     */
    static Affine affine(Preprocessing preprocessing, List<Examples> training, int trainEnd) {
        return switch (preprocessing) {
            case SCALE_01 -> new Affine(0, 1);
            // p/256 from pixels; a pickle already holds p/256
            case SCALE_256 -> training.getFirst().isPixels() ? new Affine(0, 256.0 / 255.0) : new Affine(0, 1);
            case SYMMETRIC -> new Affine(0.5, 0.5);
            case STANDARDIZE -> standardization(training, trainEnd);
        };
    }

    private static Affine standardization(List<Examples> training, int trainEnd) {
        double sum = 0;
        long n = 0;
        // pixels: an exact histogram; values: a sum in a fixed order
        long[] histogram = new long[256];
        boolean pixels = training.getFirst().isPixels();
        int start = 0;
        for (Examples e : training) {
            int take = Math.max(0, Math.min(e.count(), trainEnd - start));
            int values = Math.multiplyExact(take, e.features());
            if (pixels) {
                byte[] p = e.pixels();
                for (int i = 0; i < values; i++) histogram[p[i] & 0xff]++;
            } else {
                float[] v = e.values();
                for (int i = 0; i < values; i++) sum += v[i];
            }
            n += values;
            start += e.count();
        }
        if (n == 0) throw new UserError("cannot standardise: the training split is empty");
        double mean;
        double squares = 0;
        if (pixels) {
            for (int p = 0; p < 256; p++) sum += histogram[p] * (p / 255.0);
            mean = sum / n;
            for (int p = 0; p < 256; p++) {
                double d = p / 255.0 - mean;
                squares += histogram[p] * d * d;
            }
        } else {
            mean = sum / n;
            start = 0;
            for (Examples e : training) {
                int take = Math.max(0, Math.min(e.count(), trainEnd - start));
                float[] v = e.values();
                for (int i = 0, m = Math.multiplyExact(take, e.features()); i < m; i++) {
                    double d = v[i] - mean;
                    squares += d * d;
                }
                start += e.count();
            }
        }
        double std = Math.sqrt(squares / n);
        if (!(std > 0)) throw new UserError("cannot standardise: every training pixel has the same value " + mean);
        return new Affine(mean, std);
    }

    /** Conversion runs in chunks through small methods, which the JIT compiles after a few calls. */
    private static final int CHUNK = 1 << 14;

    private static void lookUp(byte[] src, int from, float[] dst, int to, int n, float[] table) {
        for (int i = 0; i < n; i++) dst[to + i] = table[src[from + i] & 0xff];
    }

    private static void apply(float[] src, int from, float[] dst, int to, int n, Affine map) {
        for (int i = 0; i < n; i++) dst[to + i] = map.apply(src[from + i]);
    }

    /**
     * Examples [from, to) of the concatenation of {@code parts}, mapped by {@code map}, as a split
     * called {@code name}. A split that is exactly one part of already-scaled values under the
     * identity map takes over that part's arrays: {@code parts} must not be used afterwards.
     */
    static Split split(String name, List<Examples> parts, int from, int to, Affine map) {
        int features = parts.getFirst().features();
        int size = to - from;
        boolean identity = map.shift() == 0 && map.scale() == 1;
        int begin = 0;
        for (Examples e : parts) {
            // a whole part of values, unchanged: hand its arrays over instead of copying them
            if (!e.isPixels() && identity && begin == from && begin + e.count() == to) {
                return new Split(name, size, features, e.values(), e.labels());
            }
            begin += e.count();
        }
        float[] x = new float[Math.multiplyExact(size, features)];
        int[] y = new int[size];
        float[] table = parts.getFirst().isPixels() ? table(map) : null;
        int start = 0;
        for (Examples e : parts) {
            int lo = Math.max(from, start);
            int hi = Math.min(to, start + e.count());
            if (lo < hi) {
                int src = Math.multiplyExact(lo - start, features);
                int dst = Math.multiplyExact(lo - from, features);
                int len = Math.multiplyExact(hi - lo, features);
                if (identity && table == null) {
                    System.arraycopy(e.values(), src, x, dst, len);
                } else {
                    for (int done = 0; done < len; done += CHUNK) {
                        int n = Math.min(CHUNK, len - done);
                        if (table != null) lookUp(e.pixels(), src + done, x, dst + done, n, table);
                        else apply(e.values(), src + done, x, dst + done, n, map);
                    }
                }
                System.arraycopy(e.labels(), lo - start, y, lo - from, hi - lo);
            }
            start += e.count();
        }
        return new Split(name, size, features, x, y);
    }
}
