package org.initlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.initlab.data.DataFixtures.IDX_TEST;
import static org.initlab.data.DataFixtures.IDX_TRAIN;
import static org.initlab.data.DataFixtures.SIDE;
import static org.initlab.data.TestData.assertUserError;
import static org.initlab.data.TestData.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class IdxReaderTest {
    @Test
    void readsGzippedImagesPixelForPixel() {
        IdxReader.IdxArray a = IdxReader.readImages(fixture("idx/train-images-idx3-ubyte.gz"));
        assertArrayEquals(new int[]{IDX_TRAIN, SIDE, SIDE}, a.dims());
        assertEquals(SIDE * SIDE, a.itemSize());
        for (int i = 0; i < IDX_TRAIN; i++) {
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    assertEquals(DataFixtures.idxPixel(i, r, c), a.data()[(i * SIDE + r) * SIDE + c] & 0xff);
                }
            }
        }
    }

    @Test
    void readsRawImagesAndPairsThemWithLabels() {
        Examples test = IdxReader.examples(IdxReader.readImages(fixture("idx/t10k-images-idx3-ubyte")),
                IdxReader.readLabels(fixture("idx/t10k-labels-idx1-ubyte.gz")));
        assertEquals(IDX_TEST, test.count());
        assertEquals(784, test.features());
        assertArrayEquals(DataFixtures.idxTestLabels(), test.labels());
        assertEquals(DataFixtures.idxPixel(IDX_TRAIN + 2, 10, 12), test.pixels()[2 * 784 + 10 * SIDE + 12] & 0xff);
    }

    @Test
    void truncatedGzipIsNamedAsTruncated() {
        Path f = fixture("idx-bad/truncated.train-images-idx3-ubyte.gz");
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "truncated");
    }

    @Test
    void rawFileShorterThanItsHeaderSays() {
        Path f = fixture("idx-bad/short.train-images-idx3-ubyte");
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "truncated", "12×28×28", "9,408 bytes", "9,308");
    }

    @Test
    void labelsMagicInAnImagesFile() {
        Path f = fixture("idx-bad/labels-magic.train-images-idx3-ubyte");
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "wrong magic number 0x00000801", "labels file", "0x00000803");
    }

    @Test
    void somethingElseEntirely() {
        Path f = fixture("idx-bad/not-idx.train-images-idx3-ubyte");
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "wrong magic number 0x3C68746D", "not an IDX images file");
    }

    @Test
    void labelCountMustMatchImageCount() {
        Path labels = fixture("idx-bad/eleven.train-labels-idx1-ubyte.gz");
        IdxReader.IdxArray images = IdxReader.readImages(fixture("idx/train-images-idx3-ubyte.gz"));
        assertUserError(() -> IdxReader.examples(images, IdxReader.readLabels(labels)), labels.toString(), "has 11 labels",
                "12 images");
    }

    @Test
    void corruptCompressedData() {
        Path f = fixture("idx-bad/corrupt.train-images-idx3-ubyte.gz");
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "corrupt gzip data");
    }

    @Test
    void bytesAfterTheAnnouncedData() {
        Path f = fixture("idx-bad/trailing.train-images-idx3-ubyte");
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "bytes after");
    }

    @Test
    void emptyFile(@TempDir Path tmp) throws IOException {
        Path f = Files.createFile(tmp.resolve("train-images-idx3-ubyte"));
        assertUserError(() -> IdxReader.readImages(f), f.toString(), "the file is empty");
    }

    @Test
    void labelOutsideTheClasses() {
        IdxReader.IdxArray images = IdxReader.readImages(fixture("idx/train-images-idx3-ubyte.gz"));
        IdxReader.IdxArray labels = IdxReader.readLabels(fixture("idx/train-labels-idx1-ubyte.gz"));
        Examples e = IdxReader.examples(images, labels);
        assertUserError(() -> ClassLabels.count(java.util.List.of(e), 5, "declared"), fixture("idx/train-labels-idx1-ubyte.gz").toString(),
                "label 5 at index 5", "not a class 0..4");
    }
}
