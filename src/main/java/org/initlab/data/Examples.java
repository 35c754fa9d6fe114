package org.initlab.data;

/**
 * Labelled examples as read from a file, before splitting and preprocessing: either raw pixels
 * (0..255, from IDX or CSV) or values already scaled to [0, 1] (from the pickle). Exactly one of
 * {@code pixels} and {@code values} is non-null; both are {@code count × features}, row-major.
 */
record Examples(String origin, int count, int features, byte[] pixels, float[] values, int[] labels) {
    Examples {
        if ((pixels == null) == (values == null)) throw new IllegalArgumentException("exactly one of pixels, values");
        long n = (long) count * features;
        if ((pixels != null ? pixels.length : values.length) != n || labels.length != count) {
            throw new IllegalArgumentException(origin + ": inconsistent example arrays");
        }
    }

    static Examples ofPixels(String origin, int count, int features, byte[] pixels, int[] labels) {
        return new Examples(origin, count, features, pixels, null, labels);
    }

    static Examples ofValues(String origin, int count, int features, float[] values, int[] labels) {
        return new Examples(origin, count, features, null, values, labels);
    }

    boolean isPixels() {
        return pixels != null;
    }

    /** The largest label, or -1 when there are no examples. */
    int maxLabel() {
        int max = -1;
        for (int y : labels) max = Math.max(max, y);
        return max;
    }
}
