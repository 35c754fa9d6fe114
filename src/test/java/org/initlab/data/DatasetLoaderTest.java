package org.initlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.initlab.data.TestData.assertUserError;
import static org.initlab.data.TestData.copyOf;
import static org.initlab.data.TestData.fixture;
import static org.initlab.data.TestData.isolatedEnv;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetLoaderTest {
    @TempDir
    Path tmp;

    private DatasetLoader loader() {
        return new DatasetLoader(isolatedEnv(tmp));
    }

    private static DataOptions offline(int validation) {
        return DataOptions.defaults().withAllowDownload(false).withValidationSize(validation);
    }

    @Test
    void folderOfIdxFilesIsACustomDataset() {
        Dataset d = loader().load(fixture("idx").toString(), offline(3));
        assertEquals(9, d.train().size());
        assertEquals(3, d.validation().size());
        assertEquals(4, d.test().size());
        assertEquals(784, d.features());
        assertEquals(10, d.classes());
        // validation is the last 3 training images, in order
        assertEquals(DataFixtures.idxTrainLabel(9), d.validation().y()[0]);
        assertEquals(DataFixtures.idxPixel(9, 5, 7) / 255f, d.validation().x()[5 * 28 + 7]);
        assertArrayEquals(DataFixtures.idxTestLabels(), d.test().y());
        assertEquals("idx", d.source().format());
        assertEquals(Origin.PATH, d.source().origin());
        assertFalse(d.source().verified());
        assertEquals(4, d.source().files().size());
        assertTrue(d.source().files().stream().allMatch(f -> f.sha256().length() == 64 && f.verifiedBy().equals("unverified")));
    }

    @Test
    void folderOfCsvFiles() {
        // the fixture's labels are 1 and 6 only: without the declared count, classes 0, 2..5 would be a gap (ClassLabelsTest)
        Dataset d = loader().load(fixture("csv").toString(), offline(2).withPreprocessing(Preprocessing.SYMMETRIC).withClasses(10));
        assertEquals(6, d.train().size());
        assertEquals(16, d.features());
        assertEquals(10, d.classes());
        assertEquals((float) ((DataFixtures.csvPixel(0, 3) / 255.0 - 0.5) / 0.5), d.train().x()[3]);
        assertEquals(0.5, d.source().shift());
        assertEquals("csv", d.source().format());
    }

    /** The pickle's own split is kept at the default size and re-split otherwise. */
    @Test
    void pickleKeepsOrReSplitsItsValidationPart() {
        Path file = fixture("pickle/tiny.pkl.gz");
        Dataset own = loader().load(file.toString(), offline(2));
        assertEquals(6, own.train().size());
        assertEquals(2, own.validation().size());
        assertEquals(DataFixtures.pklLabel(6), own.validation().y()[0]);
        assertEquals(DataFixtures.pklValue(7, 10), own.validation().x()[784 + 10]);
        Dataset resplit = loader().load(file.toString(), offline(3));
        assertEquals(5, resplit.train().size());
        assertEquals(3, resplit.validation().size());
        assertArrayEquals(new int[]{DataFixtures.pklLabel(5), DataFixtures.pklLabel(6), DataFixtures.pklLabel(7)}, resplit.validation().y());
        assertEquals(DataFixtures.pklValue(5, 0), resplit.validation().x()[0]);
        assertEquals(2, resplit.test().size());
        assertEquals(DataFixtures.pklLabel(8), resplit.test().y()[0]);
    }

    @Test
    void loadedOnceAndSharedAcrossConcurrentRuns() throws Exception {
        DatasetLoader loader = loader();
        String name = fixture("idx").toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Dataset>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) runs.add(pool.submit(() -> loader.load(name, offline(2))));
            Dataset first = runs.getFirst().get();
            for (Future<Dataset> r : runs) assertSame(first, r.get());
        } finally {
            pool.shutdownNow();
        }
        assertFalse(loader.load(name, offline(2)) == loader.load(name, offline(3)), "another split is another dataset");
    }

    @Test
    void sameFilesSameBits() {
        Dataset a = loader().load(fixture("idx").toString(), offline(2).withPreprocessing(Preprocessing.STANDARDIZE));
        Dataset b = loader().load(fixture("idx").toString(), offline(2).withPreprocessing(Preprocessing.STANDARDIZE));
        assertArrayEquals(a.train().x(), b.train().x());
        assertArrayEquals(a.test().x(), b.test().x());
    }

    @Test
    void validationLargerThanTheTrainingSet() {
        assertUserError(() -> loader().load(fixture("idx").toString(), offline(12)), "validation size 12 is too large", "12 training examples",
                "use 0 to 11");
    }

    @Test
    void corruptFileInACustomFolderIsNamed() throws IOException {
        Path dir = copyOf("idx", tmp);
        Files.copy(fixture("idx-bad/eleven.train-labels-idx1-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), StandardCopyOption.REPLACE_EXISTING);
        assertUserError(() -> loader().load(dir.toString(), offline(2)), dir.resolve("train-labels-idx1-ubyte.gz").toString(), "has 11 labels");
    }

    @Test
    void folderWithoutADataset() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("nothing"));
        assertUserError(() -> loader().load(empty.toString(), offline(2)), empty.toString(), "holds no dataset", "train.csv");
        assertUserError(() -> loader().load(tmp.resolve("missing").toString(), offline(2)), "no such folder");
    }

    @Test
    void unknownNameSuggestsTheNearest() {
        assertUserError(() -> loader().load("fashion-minst", offline(2)), "unknown dataset 'fashion-minst'", "did you mean 'fashion-mnist'",
                "a folder path");
    }

    /** Offline and absent: the message says which files to put where, and where initlab looked. */
    @Test
    void offlineAndAbsent() {
        Path data = tmp.resolve("data");
        DataOptions options = offline(10_000).withDataDir(data);
        Path cache = tmp.resolve("home/.cache/initlab/mnist");
        assertUserError(() -> loader().load("mnist", options), "mnist not found and downloads are off",
                "put train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz, t10k-labels-idx1-ubyte.gz",
                "into " + cache, "looked in " + data.resolve("mnist") + ", " + data + ", " + cache);
    }

    @Test
    void cacheFollowsXdgAndInitlabCache() {
        DataLocator xdg = new DataLocator(java.util.Map.of("HOME", "/h", "XDG_CACHE_HOME", "/x"));
        assertEquals(Path.of("/x/initlab"), xdg.cacheRoot(DataOptions.defaults()));
        DataLocator explicit = new DataLocator(java.util.Map.of("HOME", "/h", "XDG_CACHE_HOME", "/x", "INITLAB_CACHE", "/c"));
        assertEquals(Path.of("/c"), explicit.cacheRoot(DataOptions.defaults()));
        assertEquals(Path.of("/o"), explicit.cacheRoot(DataOptions.defaults().withCacheDir(Path.of("/o"))));
        assertEquals(Path.of("/h/.cache/initlab"), new DataLocator(java.util.Map.of("HOME", "/h")).cacheRoot(DataOptions.defaults()));
    }

    /** The search order: --data-dir, then $INITLAB_DATA, then the cache; the first complete folder wins. */
    @Test
    void searchOrder() throws IOException {
        Path explicit = tmp.resolve("explicit");
        Path fromEnv = tmp.resolve("env");
        Path cache = tmp.resolve("cache");
        for (Path root : List.of(explicit, fromEnv, cache.resolve("mnist"))) copyFilesAs(root, "mnist");
        DataLocator locator = new DataLocator(java.util.Map.of("HOME", tmp.toString(), "INITLAB_DATA", fromEnv.toString()));
        DatasetSpec mnist = DatasetCatalogue.find("mnist").orElseThrow();
        DataOptions options = DataOptions.defaults().withCacheDir(cache);
        assertEquals(Origin.DATA_DIR, locator.locate(mnist, options.withDataDir(explicit)).origin());
        assertEquals(Origin.ENVIRONMENT, locator.locate(mnist, options).origin());
        assertEquals(Origin.CACHE, new DataLocator(java.util.Map.of("HOME", tmp.toString())).locate(mnist, options).origin());
    }

    /** A catalogue name served from a folder of other data: the checksum mismatch names the file and the remedy. */
    @Test
    void catalogueDatasetThatIsNotTheRealOne() throws IOException {
        Path data = tmp.resolve("data");
        copyFilesAs(data.resolve("mnist"), "mnist");
        assertUserError(() -> loader().load("mnist", offline(2).withDataDir(data)),
                data.resolve("mnist/train-images-idx3-ubyte.gz").toString(), "checksum mismatch", "not the mnist file",
                "expected 9,912,422", "replace it with the official file");
        // with verification off, the structure is still checked
        assertUserError(() -> loader().load("mnist", offline(2).withDataDir(data).withVerify(false)),
                data.resolve("mnist/train-images-idx3-ubyte.gz").toString(), "has 12 training examples, expected 60,000");
    }

    @Test
    void partialDataDirIsAnError() throws IOException {
        Path data = tmp.resolve("data");
        copyFilesAs(data.resolve("mnist"), "mnist");
        Files.delete(data.resolve("mnist/t10k-labels-idx1-ubyte.gz"));
        assertUserError(() -> loader().load("mnist", offline(2).withDataDir(data)), "has part of mnist but not t10k-labels-idx1-ubyte.gz");
    }

    /** The four tiny IDX fixtures under the official file names of {@code dataset}. */
    private static void copyFilesAs(Path dir, String dataset) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> files = Files.list(fixture("idx"))) {
            for (Path f : files.toList()) {
                Files.copy(f, dir.resolve(f.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
