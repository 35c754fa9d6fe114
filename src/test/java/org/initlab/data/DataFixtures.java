package org.initlab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.initlab.data.PickleEncoder.Reduce;
import static org.initlab.data.PickleEncoder.Tuple;

/**
 * The small synthetic datasets committed under {@code src/test/resources/data}, and the code that
 * made them. The formulas below are what the tests check the readers against.
 *
 * <p>Regenerate with {@code java -cp target/classes:target/test-classes org.initlab.data.DataFixtures
 * src/test/resources/data} after {@code mvn test-compile}. {@code tiny-python*.pkl.gz} come from
 * {@code make_pickle_fixture.py} instead (Python's own pickler, an independent cross-check).
 */
final class DataFixtures {
    static final int IDX_TRAIN = 12;
    static final int IDX_TEST = 4;
    static final int SIDE = 28;
    static final int CSV_FEATURES = 16;
    static final int CSV_TRAIN = 8;
    static final int CSV_TEST = 3;
    static final int PKL_FEATURES = 784;
    static final int[] PKL_SIZES = {6, 2, 2};

    private DataFixtures() {}

    // ---- the data ----

    static int idxTrainLabel(int i) {
        return i % 10;
    }

    static int idxTestLabel(int i) {
        return (7 * i + 3) % 10;
    }

    /** Pixel (r, c) of IDX image i; test images are numbered after the training ones. */
    static int idxPixel(int i, int r, int c) {
        int label = i < IDX_TRAIN ? idxTrainLabel(i) : idxTestLabel(i - IDX_TRAIN);
        boolean ink = r >= 4 && r < 24 && c >= 4 && c < 24 && (r + c + i) % (label + 2) == 0;
        return ink ? (37 * i + 11 * r + 3 * c) % 200 + 56 : 0;
    }

    static int csvLabel(int i) {
        return (5 * i + 1) % 10;
    }

    /** Feature j of CSV example i (test examples numbered after the training ones). */
    static int csvPixel(int i, int j) {
        return (i * 31 + j * 17) % 256;
    }

    /** Label of pickle example i, counted over train, valid, test in order. */
    static int pklLabel(int i) {
        return (3 * i) % 10;
    }

    /** Pixel j of pickle example i, before scaling. */
    static int pklPixel(int i, int j) {
        return j % 5 == 0 ? ((i + 1) * (j + 3) * 7) % 256 : 0;
    }

    /** The stored value: the pixel over 255, rounded to float32 (as NumPy's float32(p / 255.)). */
    static float pklValue(int i, int j) {
        return (float) (pklPixel(i, j) / 255.0);
    }

    // ---- the formats ----

    static byte[] idxImages(int first, int count) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * SIDE * SIDE);
        b.putInt(IdxReader.IMAGES_MAGIC).putInt(count).putInt(SIDE).putInt(SIDE);
        for (int i = first; i < first + count; i++) {
            for (int r = 0; r < SIDE; r++) for (int c = 0; c < SIDE; c++) b.put((byte) idxPixel(i, r, c));
        }
        return b.array();
    }

    static byte[] idxLabels(int[] labels) {
        ByteBuffer b = ByteBuffer.allocate(8 + labels.length);
        b.putInt(IdxReader.LABELS_MAGIC).putInt(labels.length);
        for (int y : labels) b.put((byte) y);
        return b.array();
    }

    static int[] idxTrainLabels() {
        int[] y = new int[IDX_TRAIN];
        for (int i = 0; i < y.length; i++) y[i] = idxTrainLabel(i);
        return y;
    }

    static int[] idxTestLabels() {
        int[] y = new int[IDX_TEST];
        for (int i = 0; i < y.length; i++) y[i] = idxTestLabel(i);
        return y;
    }

    static String csv(int first, int count, boolean header, String newline) {
        StringBuilder sb = new StringBuilder();
        if (header) {
            sb.append("label");
            for (int j = 0; j < CSV_FEATURES; j++) sb.append(",pixel").append(j);
            sb.append(newline);
        }
        for (int i = first; i < first + count; i++) {
            sb.append(csvLabel(i));
            for (int j = 0; j < CSV_FEATURES; j++) sb.append(',').append(csvPixel(i, j));
            sb.append(newline);
        }
        return sb.toString();
    }

    /** The mnist.pkl.gz layout: ((x_train, y_train), (x_valid, y_valid), (x_test, y_test)). */
    static byte[] pickle() {
        Reduce f4 = PickleEncoder.dtype("f4");
        Reduce i8 = PickleEncoder.dtype("i8");
        Object[] parts = new Object[3];
        int start = 0;
        for (int p = 0; p < 3; p++) {
            parts[p] = pklPart(f4, i8, start, PKL_SIZES[p], new long[]{PKL_SIZES[p], PKL_FEATURES});
            start += PKL_SIZES[p];
        }
        return PickleEncoder.encode(new Tuple(parts));
    }

    static Tuple pklPart(Reduce xType, Reduce yType, int start, int n, long[] shape) {
        float[] x = new float[n * PKL_FEATURES];
        long[] y = new long[n];
        for (int i = 0; i < n; i++) {
            y[i] = pklLabel(start + i);
            for (int j = 0; j < PKL_FEATURES; j++) x[i * PKL_FEATURES + j] = pklValue(start + i, j);
        }
        return new Tuple(PickleEncoder.array(xType, shape, PickleEncoder.float32(x)), PickleEncoder.array(yType, new long[]{n}, PickleEncoder.int64(y)));
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    // ---- writing them ----

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "src/test/resources/data");
        byte[] trainImages = idxImages(0, IDX_TRAIN);
        byte[] trainLabels = idxLabels(idxTrainLabels());
        byte[] testImages = idxImages(IDX_TRAIN, IDX_TEST);
        byte[] testLabels = idxLabels(idxTestLabels());
        write(root.resolve("idx/train-images-idx3-ubyte.gz"), gzip(trainImages));
        write(root.resolve("idx/train-labels-idx1-ubyte.gz"), gzip(trainLabels));
        write(root.resolve("idx/t10k-images-idx3-ubyte"), testImages); // one raw file: both forms are read
        write(root.resolve("idx/t10k-labels-idx1-ubyte.gz"), gzip(testLabels));

        byte[] trainImagesGz = gzip(trainImages);
        write(root.resolve("idx-bad/truncated.train-images-idx3-ubyte.gz"), Arrays.copyOf(trainImagesGz, trainImagesGz.length / 2));
        write(root.resolve("idx-bad/short.train-images-idx3-ubyte"), Arrays.copyOf(trainImages, trainImages.length - 100));
        byte[] wrongMagic = trainImages.clone();
        ByteBuffer.wrap(wrongMagic).putInt(IdxReader.LABELS_MAGIC);
        write(root.resolve("idx-bad/labels-magic.train-images-idx3-ubyte"), wrongMagic);
        write(root.resolve("idx-bad/not-idx.train-images-idx3-ubyte"), "<html><body>404 Not Found</body></html>\n".getBytes(StandardCharsets.US_ASCII));
        write(root.resolve("idx-bad/eleven.train-labels-idx1-ubyte.gz"), gzip(idxLabels(Arrays.copyOf(idxTrainLabels(), 11))));
        byte[] corrupt = trainImagesGz.clone();
        for (int k = 0; k < 8; k++) corrupt[corrupt.length / 2 + k] ^= (byte) 0x5a;
        write(root.resolve("idx-bad/corrupt.train-images-idx3-ubyte.gz"), corrupt);
        byte[] trailing = Arrays.copyOf(trainImages, trainImages.length + 5);
        write(root.resolve("idx-bad/trailing.train-images-idx3-ubyte"), trailing);

        write(root.resolve("csv/train.csv"), csv(0, CSV_TRAIN, true, "\n").getBytes(StandardCharsets.US_ASCII));
        write(root.resolve("csv/test.csv"), (csv(CSV_TRAIN, CSV_TEST, false, "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
        write(root.resolve("csv-bad/empty.csv"), new byte[0]);
        write(root.resolve("csv-bad/header-only.csv"), csv(0, 0, true, "\n").getBytes(StandardCharsets.US_ASCII));
        String ragged = csv(0, 3, false, "\n");
        ragged = ragged.substring(0, ragged.length() - 1).replaceFirst(",[0-9]+$", "") + "\n";
        write(root.resolve("csv-bad/ragged.csv"), ragged.getBytes(StandardCharsets.US_ASCII));
        write(root.resolve("csv-bad/bad-value.csv"), csv(0, 2, false, "\n").replaceFirst(",([0-9]+)\n", ",300\n").getBytes(StandardCharsets.US_ASCII));

        byte[] pickle = pickle();
        write(root.resolve("pickle/tiny.pkl.gz"), gzip(pickle));
        byte[] pickleGz = gzip(pickle);
        write(root.resolve("pickle-bad/truncated.pkl.gz"), Arrays.copyOf(pickleGz, pickleGz.length / 2));
        write(root.resolve("pickle-bad/truncated-pickle.pkl.gz"), gzip(Arrays.copyOf(pickle, pickle.length - 1000)));
        Reduce f4 = PickleEncoder.dtype("f4");
        Reduce i8 = PickleEncoder.dtype("i8");
        write(root.resolve("pickle-bad/two-parts.pkl.gz"), gzip(PickleEncoder.encode(new Tuple(
                pklPart(f4, i8, 0, 6, new long[]{6, PKL_FEATURES}), pklPart(f4, i8, 6, 2, new long[]{2, PKL_FEATURES})))));
        write(root.resolve("pickle-bad/images-3d.pkl.gz"), gzip(PickleEncoder.encode(new Tuple(
                pklPart(f4, i8, 0, 6, new long[]{6, 28, 28}), pklPart(f4, i8, 6, 2, new long[]{2, PKL_FEATURES}),
                pklPart(f4, i8, 8, 2, new long[]{2, PKL_FEATURES})))));
        write(root.resolve("pickle-bad/label-count.pkl.gz"), gzip(PickleEncoder.encode(new Tuple(
                pklPart(f4, i8, 0, 6, new long[]{6, PKL_FEATURES}), new Tuple(
                        PickleEncoder.array(f4, new long[]{2, PKL_FEATURES}, PickleEncoder.float32(new float[2 * PKL_FEATURES])),
                        PickleEncoder.array(i8, new long[]{1}, PickleEncoder.int64(new long[]{3}))),
                pklPart(f4, i8, 8, 2, new long[]{2, PKL_FEATURES})))));
        float[] unscaled = new float[6 * PKL_FEATURES];
        for (int i = 0; i < 6; i++) for (int j = 0; j < PKL_FEATURES; j++) unscaled[i * PKL_FEATURES + j] = pklPixel(i, j);
        write(root.resolve("pickle-bad/unscaled.pkl.gz"), gzip(PickleEncoder.encode(new Tuple(
                new Tuple(PickleEncoder.array(f4, new long[]{6, PKL_FEATURES}, PickleEncoder.float32(unscaled)),
                        PickleEncoder.array(i8, new long[]{6}, PickleEncoder.int64(new long[]{0, 3, 6, 9, 2, 5}))),
                pklPart(f4, i8, 6, 2, new long[]{2, PKL_FEATURES}), pklPart(f4, i8, 8, 2, new long[]{2, PKL_FEATURES})))));
        write(root.resolve("pickle-bad/code.pkl.gz"), gzip(PickleEncoder.encode(
                new Reduce(new PickleEncoder.Global("os", "system"), new Tuple("echo pwned".getBytes(StandardCharsets.US_ASCII)), null))));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
