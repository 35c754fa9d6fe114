package org.initlab.data;

import org.initlab.catalog.CatalogueEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.initlab.data.TestData.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetCatalogueTest {
    @Test
    void knowsTheStudysDatasets() {
        assertEquals(List.of("mnist", "fashion-mnist", "kmnist", "mnist-pkl"), DatasetCatalogue.names());
        assertEquals("fashion-mnist", DatasetCatalogue.find(" Fashion-MNIST ").orElseThrow().name());
        assertTrue(DatasetCatalogue.find("cifar10").isEmpty());
    }

    @Test
    void everyIdxDatasetHasTheFourFilesEachWithASizedChecksum() {
        for (DatasetSpec s : DatasetCatalogue.all()) {
            assertTrue(!s.mirrors().isEmpty(), s.name());
            for (DatasetFile f : s.files()) assertTrue(!f.digests().isEmpty(), s.name() + " " + f.name());
            if (s.format() != Format.IDX) continue;
            Set<DatasetFile.Role> roles = s.files().stream().map(DatasetFile::role).collect(Collectors.toSet());
            assertEquals(Set.of(DatasetFile.Role.TRAIN_IMAGES, DatasetFile.Role.TRAIN_LABELS, DatasetFile.Role.TEST_IMAGES,
                    DatasetFile.Role.TEST_LABELS), roles, s.name());
            for (DatasetFile f : s.files()) {
                assertTrue(f.officialSize() > 0, s.name() + " " + f.name());
                assertTrue(f.digests().stream().allMatch(d -> d.algorithm().equals(Digest.SHA256)), s.name() + " " + f.name());
            }
        }
    }

    /** The catalogue's MNIST checksums are those of the verified copy's SHA256SUMS. */
    @Test
    void mnistChecksumsMatchTheVerifiedCopy() throws IOException {
        Map<String, String> sums = new HashMap<>();
        for (String line : Files.readAllLines(TestData.realMnist().resolve("SHA256SUMS"))) {
            String[] parts = line.trim().split("\\s+");
            sums.put(parts[1], parts[0]);
        }
        for (DatasetFile f : DatasetCatalogue.find("mnist").orElseThrow().files()) {
            assertEquals(sums.get(f.name()), f.digests().getFirst().hex(), f.name());
            assertEquals(Files.size(TestData.realMnist().resolve(f.name())), f.officialSize(), f.name());
        }
    }

    /**
     * Debian's Fashion-MNIST files are the official ones re-gzipped without the name field: each
     * is shorter by the name's length plus its terminating zero byte.
     */
    @Test
    void debianFashionFilesLackOnlyTheGzipNameField() {
        for (DatasetFile f : DatasetCatalogue.find("fashion-mnist").orElseThrow().files()) {
            List<Digest> d = f.digests();
            String stored = f.name().substring(0, f.name().length() - 3);
            assertEquals(d.get(0).size() - d.get(1).size(), stored.length() + 1, f.name());
            assertTrue(d.get(1).source().contains("Debian"));
            assertTrue(f.content() != null && f.content().size() > 0);
        }
    }

    @Test
    void acceptedFileNames() {
        DatasetFile f = DatasetCatalogue.find("mnist").orElseThrow().file(DatasetFile.Role.TRAIN_IMAGES);
        assertEquals(List.of("train-images-idx3-ubyte.gz", "train-images-idx3-ubyte", "train-images.idx3-ubyte"), f.acceptedNames());
        assertEquals(List.of("mnist.pkl.gz", "mnist.pkl"), DatasetCatalogue.find("mnist-pkl").orElseThrow().files().getFirst().acceptedNames());
    }

    @Test
    void catalogueEntries() {
        List<CatalogueEntry> entries = DatasetCatalogue.entries();
        assertEquals(4, entries.size());
        assertEquals(10_000, entries.getFirst().defaults().get("validation"));
        assertEquals("scale01", entries.getFirst().defaults().get("preprocessing"));
        assertTrue(entries.get(3).formula().contains("mnist.pkl.gz"));
    }

    @Test
    void preprocessingNames() {
        assertEquals(Preprocessing.STANDARDIZE, Preprocessing.parse("standardize"));
        assertEquals(Preprocessing.SCALE_01, Preprocessing.parse("SCALE_01"));
        assertEquals(Preprocessing.SYMMETRIC, Preprocessing.parse(" Symmetric "));
        assertUserError(() -> Preprocessing.parse("standardise"), "unknown preprocessing 'standardise'", "did you mean 'standardize'");
    }
}
