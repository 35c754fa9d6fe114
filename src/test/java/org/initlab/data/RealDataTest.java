package org.initlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.initlab.data.TestData.assertUserError;
import static org.initlab.data.TestData.isolatedEnv;
import static org.initlab.data.TestData.realMnist;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The real files: the official MNIST (when this machine has a copy) and Debian's Fashion-MNIST (when installed). */
class RealDataTest {
    private static final int[] MNIST_TRAIN_CLASS_COUNTS = {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949};

    @TempDir
    Path tmp;

    /** One loader for the class: each distinct request is read once, as in a study. */
    @TempDir
    static Path home;
    private static DatasetLoader shared;

    private static byte[] trainPixels;

    private static synchronized DatasetLoader loader() {
        if (shared == null) shared = new DatasetLoader(isolatedEnv(home));
        return shared;
    }

    /** The raw training pixels, read directly with the IDX reader. */
    private static synchronized byte[] trainPixels() {
        if (trainPixels == null) trainPixels = IdxReader.readImages(realMnist().resolve("train-images-idx3-ubyte.gz")).data();
        return trainPixels;
    }

    /** All 60,000 training images standardised, shared by the tests that need them. */
    private Dataset standardizedFull() {
        return loader().load("mnist", mnistOptions().withValidationSize(0).withPreprocessing(Preprocessing.STANDARDIZE));
    }

    private DataOptions mnistOptions() {
        return DataOptions.defaults().withDataDir(realMnist().getParent()).withAllowDownload(false);
    }

    @Test
    void officialMnistLoadsVerifiedWithTheOriginalSplit() {
        DatasetLoader loader = new DatasetLoader(isolatedEnv(tmp));
        long start = System.nanoTime();
        Dataset d = loader.load("mnist", mnistOptions());
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("mnist: loaded and verified in " + millis + " ms; " + d.footprintBytes() / 1_000_000 + " MB");
        assertEquals(50_000, d.train().size());
        assertEquals(10_000, d.validation().size());
        assertEquals(10_000, d.test().size());
        assertEquals(784, d.features());
        assertEquals(10, d.classes());
        assertArrayEquals(new int[]{5, 0, 4, 1, 9}, Arrays.copyOf(d.train().y(), 5));
        assertTrue(d.source().verified());
        assertEquals(Origin.DATA_DIR, d.source().origin());
        assertTrue(d.source().files().stream().allMatch(f -> f.verifiedBy().equals("sha256 (official release)")), d.source().files().toString());
        assertEquals("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", d.source().files().getFirst().sha256());
        assertEquals(219_520_000 + 280_000, d.footprintBytes());
        // pixels are p/255, PyTorch's ToTensor: compare with the raw bytes of the first image
        for (int i = 0; i < 784; i++) assertEquals((trainPixels()[i] & 0xff) / 255f, d.train().x()[i]);
        assertSame(d, loader.load("mnist", mnistOptions()));
    }

    /** The notebook's inputs: mnist.pkl.gz's first image holds 3/256, 18/256, ..., 255/256 where the IDX has 3, 18, ..., 255. */
    @Test
    void scale256ReproducesThePickleValues() {
        DatasetLoader loader = loader();
        Dataset by255 = loader.load("mnist", mnistOptions());
        Dataset by256 = loader.load("mnist", mnistOptions().withPreprocessing(Preprocessing.SCALE_256));
        float[] a = by255.train().x(), b = by256.train().x();
        for (int i = 0; i < 784 * 100; i++) {
            int pixel = Math.round(a[i] * 255f);
            assertEquals(pixel / 256f, b[i], 0f, "value " + i);
        }
        // the first non-zero pixels of the first training image, as stored in mnist.pkl.gz
        float[] first = java.util.Arrays.copyOfRange(b, 0, 784);
        int k = 0;
        while (first[k] == 0f) k++;
        assertArrayEquals(new float[]{0.01171875f, 0.0703125f, 0.0703125f, 0.0703125f, 0.4921875f, 0.53125f, 0.68359375f},
                java.util.Arrays.copyOfRange(first, k, k + 7));
    }

    @Test
    void officialMnistCounts() {
        Dataset d = standardizedFull();
        assertEquals(60_000, d.train().size());
        assertEquals(0, d.validation().size());
        assertArrayEquals(MNIST_TRAIN_CLASS_COUNTS, d.train().classCounts(10));
        assertEquals(10_000, Arrays.stream(d.test().classCounts(10)).sum());
    }

    /**
     * Global mean and population std over all 60,000 training images, against an exact integer
     * computation; PyTorch's MNIST example rounds them to 0.1307 and 0.3081.
     */
    @Test
    void standardizationStatisticsAreExact() {
        Dataset d = standardizedFull();
        byte[] pixels = trainPixels();
        long sum = 0;
        long sq = 0;
        for (byte b : pixels) {
            int p = b & 0xff;
            sum += p;
            sq += (long) p * p;
        }
        long n = pixels.length;
        double mean = sum / (255.0 * n);
        // population variance of p/255: (n·Σp² − (Σp)²) / (n² · 255²), with the numerator exact
        java.math.BigInteger num = java.math.BigInteger.valueOf(n).multiply(java.math.BigInteger.valueOf(sq))
                .subtract(java.math.BigInteger.valueOf(sum).pow(2));
        double std = Math.sqrt(num.doubleValue() / ((double) n * n * 255.0 * 255.0));
        assertEquals(mean, d.source().shift(), 1e-12);
        assertEquals(std, d.source().scale(), 1e-12);
        assertEquals(0.1307, d.source().shift(), 5e-5);
        assertEquals(0.3081, d.source().scale(), 5e-5);
        assertEquals((float) ((pixels[300] & 0xff) / 255.0 - mean) / std, d.train().x()[300], 1e-6);
    }

    /** A gunzipped or re-gzipped copy has other file checksums but the same content, and verifies by it. */
    @Test
    void recompressedAndDecompressedCopiesVerifyByContent() throws IOException {
        Path dir = tmp.resolve("copy/mnist");
        Files.createDirectories(dir);
        Path real = realMnist();
        try (InputStream in = DataFiles.open(real.resolve("train-images-idx3-ubyte.gz"));
             OutputStream out = new GZIPOutputStream(Files.newOutputStream(dir.resolve("train-images-idx3-ubyte.gz"))) {
                 {
                     def.setLevel(java.util.zip.Deflater.BEST_SPEED);
                 }
             }) {
            in.transferTo(out);
        }
        try (InputStream in = DataFiles.open(real.resolve("t10k-images-idx3-ubyte.gz"))) {
            Files.copy(in, dir.resolve("t10k-images.idx3-ubyte"));
        }
        Files.copy(real.resolve("train-labels-idx1-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"));
        Files.copy(real.resolve("t10k-labels-idx1-ubyte.gz"), dir.resolve("t10k-labels-idx1-ubyte.gz"));
        DatasetStatus status = new DatasetLoader(isolatedEnv(tmp)).status(DatasetCatalogue.find("mnist").orElseThrow(),
                DataOptions.defaults().withDataDir(tmp.resolve("copy")));
        assertTrue(status.verified(), status.toString());
        assertEquals("sha256 of the decompressed content", status.checks().getFirst().detail());
        assertEquals("sha256 of the decompressed content", status.checks().get(2).detail());
        assertEquals("sha256 (official release)", status.checks().get(1).detail());
    }

    @Test
    void truncatedOfficialFileIsCaughtBeforeReading() throws IOException {
        Path dir = tmp.resolve("cut/mnist");
        Files.createDirectories(dir);
        Path real = realMnist();
        for (String f : new String[]{"train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"}) {
            Files.copy(real.resolve(f), dir.resolve(f));
        }
        byte[] images = Files.readAllBytes(real.resolve("train-images-idx3-ubyte.gz"));
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), Arrays.copyOf(images, images.length - 4096));
        DataOptions options = DataOptions.defaults().withDataDir(tmp.resolve("cut")).withAllowDownload(false);
        assertUserError(() -> new DatasetLoader(isolatedEnv(tmp)).load("mnist", options), dir.resolve("train-images-idx3-ubyte.gz").toString(),
                "truncated");
    }

    /** Debian's dataset-fashion-mnist, found in its system location and verified against the package's checksums. */
    @Test
    void debianFashionMnist() {
        Path system = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(Files.isRegularFile(system.resolve("train-images-idx3-ubyte.gz")), "dataset-fashion-mnist is not installed");
        DatasetLoader loader = loader();
        DataOptions options = DataOptions.defaults().withAllowDownload(false);
        DatasetStatus status = loader.status(DatasetCatalogue.find("fashion-mnist").orElseThrow(), options);
        assertTrue(status.verified(), status.toString());
        assertEquals(Origin.SYSTEM, status.origin());
        assertEquals("sha256 (Debian package dataset-fashion-mnist)", status.checks().getFirst().detail());
        Dataset d = loader.load("fashion-mnist", options.withValidationSize(0));
        int[] counts = d.train().classCounts(10);
        for (int c : counts) assertEquals(6000, c);
        for (int c : d.test().classCounts(10)) assertEquals(1000, c);
    }
}
