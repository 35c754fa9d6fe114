package org.initlab.data;

/**
 * Labelled examples as read from a file, before splitting and preprocessing: either raw pixels
 * (0..255, from IDX or CSV) or values already scaled to [0, 1] (from the pickle). Exactly one of
 * {@code pixels} and {@code values} is non-null; both are {@code count × features}, row-major.
 *
 * @param labelOrigin the file (and part) the labels were read from, as errors name it
 * @param lines       the line of each example in a text file, or null: errors then give its index
 */
record Examples(String origin, int count, int features, byte[] pixels, float[] values, int[] labels, String labelOrigin, int[] lines) {
    Examples {
        if ((pixels == null) == (values == null)) throw new IllegalArgumentException("exactly one of pixels, values");
        long n = (long) count * features;
        if ((pixels != null ? pixels.length : values.length) != n || labels.length != count || lines != null && lines.length != count) {
            throw new IllegalArgumentException(origin + ": inconsistent example arrays");
        }
    }

    static Examples ofPixels(String origin, int count, int features, byte[] pixels, int[] labels) {
        return new Examples(origin, count, features, pixels, null, labels, origin, null);
    }

    static Examples ofValues(String origin, int count, int features, float[] values, int[] labels) {
        return new Examples(origin, count, features, null, values, labels, origin, null);
    }

    /** The same examples, their labels named as read from {@code labelOrigin} (at {@code lines}, when a text file). */
    Examples labelledFrom(String from, int[] atLines) {
        return new Examples(origin, count, features, pixels, values, labels, from, atLines);
    }

    boolean isPixels() {
        return pixels != null;
    }

    /** Where label i is and what it is, as an error starts: "train.csv: line 12: label 200". */
    String label(int i) {
        return lines != null ? labelOrigin + ": line " + lines[i] + ": label " + labels[i]
                : labelOrigin + ": label " + labels[i] + " at index " + i;
    }
}
