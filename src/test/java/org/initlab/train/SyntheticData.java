package org.initlab.train;

import org.initlab.data.Dataset;
import org.initlab.data.DatasetSource;
import org.initlab.data.Origin;
import org.initlab.data.Preprocessing;
import org.initlab.data.Split;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/** Small, learnable datasets for fast tests: Gaussian blobs around one prototype image per class. */
public final class SyntheticData {
    private SyntheticData() {}

    /** Pixels 0..255 of {@code n} examples; label i % classes. */
    static int[][] pixels(int n, int features, int classes, long seed, int[] labels) {
        Random protoRng = new Random(1234);
        double[][] proto = new double[classes][features];
        for (double[] p : proto) for (int j = 0; j < features; j++) p[j] = protoRng.nextDouble() * 255;
        Random r = new Random(seed);
        int[][] px = new int[n][features];
        for (int i = 0; i < n; i++) {
            int c = i % classes;
            labels[i] = c;
            for (int j = 0; j < features; j++) px[i][j] = (int) Math.max(0, Math.min(255, Math.round(proto[c][j] + r.nextGaussian() * 60)));
        }
        return px;
    }

    private static Split split(String name, int n, int features, int classes, long seed) {
        int[] y = new int[n];
        int[][] px = pixels(n, features, classes, seed, y);
        float[] x = new float[n * features];
        for (int i = 0; i < n; i++) for (int j = 0; j < features; j++) x[i * features + j] = px[i][j] / 255f;
        return new Split(name, n, features, x, y);
    }

    /** An in-memory dataset of blobs (inputs pixel/255). */
    public static Dataset blobs(int train, int validation, int test, int features, int classes) {
        DatasetSource src = new DatasetSource("blobs", "synthetic", "memory", Origin.PATH, List.of(), false,
                Preprocessing.SCALE_01, 0, 1, validation);
        return new Dataset("blobs", classes, split("train", train, features, classes, 1), split("validation", validation, features, classes, 2),
                split("test", test, features, classes, 3), src);
    }

    /** Writes the same kind of data as a custom CSV dataset folder (train.csv, test.csv: label, then pixels). */
    public static Path writeCsvFolder(Path dir, int train, int test, int features, int classes) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve("train.csv"), train, features, classes, 11);
        write(dir.resolve("test.csv"), test, features, classes, 12);
        return dir;
    }

    private static void write(Path file, int n, int features, int classes, long seed) throws IOException {
        int[] y = new int[n];
        int[][] px = pixels(n, features, classes, seed, y);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(y[i]);
            for (int v : px[i]) sb.append(',').append(v);
            sb.append('\n');
        }
        Files.writeString(file, sb);
    }
}
