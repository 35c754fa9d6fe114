package org.initlab.data;

import org.initlab.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the layout of {@code mnist.pkl.gz} (the LISA lab's, distributed with Nielsen's book): a
 * gzip'd pickle of {@code ((x_train, y_train), (x_valid, y_valid), (x_test, y_test))}, where each
 * x is a float32 NumPy array [n, features] of pixels already scaled to [0, 1] and each y an
 * integer array [n] of class labels. float64 images are accepted and rounded to float32; values
 * outside [0, 1] are rejected, since the preprocessing maps assume that range.
 */
final class MnistPickle {
    /** The three parts, in the file's order. */
    record Parts(Examples train, Examples validation, Examples test) {}

    private static final String LAYOUT = "expected a tuple (train, valid, test) of (images, labels) pairs";

    private MnistPickle() {}

    static Parts read(Path file) {
        Object top;
        try (InputStream in = DataFiles.open(file)) {
            top = Unpickler.load(file, in);
            if (in.read() != -1) throw new UserError(file + ": has bytes after the end of the pickle; the file is corrupt");
        } catch (IOException e) {
            throw DataFiles.readFailure(file, e);
        }
        List<?> parts = tuple(file, top, 3, LAYOUT);
        String[] names = {"train", "valid", "test"};
        Examples[] out = new Examples[3];
        int features = -1;
        for (int i = 0; i < 3; i++) {
            List<?> pair = tuple(file, parts.get(i), 2, LAYOUT + "; part " + names[i] + " is not an (images, labels) pair");
            Examples e = examples(file, names[i], pair.get(0), pair.get(1));
            if (features >= 0 && e.features() != features) {
                throw new UserError(file + ": the " + names[i] + " images have " + e.features() + " features, the train images " + features);
            }
            features = e.features();
            out[i] = e;
        }
        return new Parts(out[0], out[1], out[2]);
    }

    private static List<?> tuple(Path file, Object o, int size, String expected) {
        if (o instanceof List<?> l && l.size() == size) return l;
        String got = o instanceof List<?> l ? "a tuple of " + l.size() + " items"
                : o instanceof Unpickler.NdArray a ? "an array of shape " + a.shapeText() : "something else";
        throw new UserError(file + ": a pickle of another shape: " + expected + ", got " + got);
    }

    private static Examples examples(Path file, String part, Object xo, Object yo) {
        if (!(xo instanceof Unpickler.NdArray x) || !(yo instanceof Unpickler.NdArray y)) {
            throw new UserError(file + ": a pickle of another shape: the " + part + " part does not hold two NumPy arrays");
        }
        if (x.shape().length != 2) {
            throw new UserError(file + ": a pickle of another shape: " + part + " images have shape " + x.shapeText()
                    + ", expected (n, features) such as (50000, 784)");
        }
        if (y.shape().length != 1) {
            throw new UserError(file + ": a pickle of another shape: " + part + " labels have shape " + y.shapeText() + ", expected (n,)");
        }
        int n = x.shape()[0];
        int features = x.shape()[1];
        if (y.shape()[0] != n) {
            throw new UserError(file + ": " + part + " has " + String.format("%,d", n) + " images but " + String.format("%,d", y.shape()[0])
                    + " labels; they must match");
        }
        if (features == 0) throw new UserError(file + ": a pickle of another shape: " + part + " images have no features");
        float[] values = floats(file, part, x, n, features);
        int[] labels = labels(file, part, y);
        String origin = file + " (" + part + ")";
        return Examples.ofValues(origin, n, features, values, labels).labelledFrom(origin, null);
    }

    private static float[] floats(Path file, String part, Unpickler.NdArray x, int n, int features) {
        if (x.kind() != 'f' || (x.itemSize() != 4 && x.itemSize() != 8)) {
            throw new UserError(file + ": " + part + " images have dtype " + x.dtype() + "; expected float32 pixels in [0, 1]");
        }
        float[] v = new float[Math.multiplyExact(n, features)];
        ByteBuffer b = ByteBuffer.wrap(x.data()).order(x.order());
        if (x.itemSize() == 4) b.asFloatBuffer().get(v);
        else for (int i = 0; i < v.length; i++) v[i] = (float) b.getDouble(8 * i);
        if (x.fortran()) v = transpose(v, features, n);
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] >= 0f && v[i] <= 1f)) {
                throw new UserError(file + ": " + part + " image " + i / features + " has pixel value " + v[i]
                        + "; expected values in [0, 1] as in mnist.pkl.gz");
            }
        }
        return v;
    }

    /** Column-major [cols × rows] storage to row-major. */
    private static float[] transpose(float[] columnMajor, int cols, int rows) {
        float[] out = new float[columnMajor.length];
        for (int c = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++) out[r * cols + c] = columnMajor[c * rows + r];
        }
        return out;
    }

    /** The labels as ints (see {@link ClassLabels} for their values). */
    private static int[] labels(Path file, String part, Unpickler.NdArray y) {
        if (y.kind() != 'i' && y.kind() != 'u') {
            throw new UserError(file + ": " + part + " labels have dtype " + y.dtype() + "; expected integers");
        }
        int n = y.shape()[0];
        int size = y.itemSize();
        ByteBuffer b = ByteBuffer.wrap(y.data()).order(y.order());
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long v = switch (size) {
                case 1 -> y.kind() == 'u' ? b.get(i) & 0xff : b.get(i);
                case 2 -> y.kind() == 'u' ? b.getShort(2 * i) & 0xffff : b.getShort(2 * i);
                case 4 -> y.kind() == 'u' ? b.getInt(4 * i) & 0xffffffffL : b.getInt(4 * i);
                default -> b.getLong(8 * i);
            };
            if (v != (int) v) throw new UserError(file + " (" + part + "): label " + v + " at index " + i + " is not a class number");
            out[i] = (int) v;
        }
        return out;
    }
}
