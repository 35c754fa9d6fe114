package org.initlab.data;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import static org.initlab.data.DataFixtures.PKL_FEATURES;
import static org.initlab.data.DataFixtures.PKL_SIZES;
import static org.initlab.data.TestData.assertUserError;
import static org.initlab.data.TestData.fixture;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MnistPickleTest {
    /** Python's own pickler (Python 2 strings, as cPickle wrote mnist.pkl.gz) and the test encoder agree byte for byte. */
    @Test
    void testEncoderWritesWhatPythonWrites() throws IOException {
        try (InputStream in = new GZIPInputStream(java.nio.file.Files.newInputStream(fixture("pickle/tiny-python.pkl.gz")))) {
            assertArrayEquals(in.readAllBytes(), DataFixtures.pickle());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pickle/tiny.pkl.gz", "pickle/tiny-python.pkl.gz", "pickle/tiny-python3-protocol2.pkl.gz",
            "pickle/tiny-python3-protocol4.pkl.gz"})
    void readsEveryValue(String name) {
        MnistPickle.Parts parts = MnistPickle.read(fixture(name));
        Examples[] all = {parts.train(), parts.validation(), parts.test()};
        int start = 0;
        for (int p = 0; p < 3; p++) {
            Examples e = all[p];
            assertEquals(PKL_SIZES[p], e.count());
            assertEquals(PKL_FEATURES, e.features());
            for (int i = 0; i < e.count(); i++) {
                assertEquals(DataFixtures.pklLabel(start + i), e.labels()[i]);
                for (int j = 0; j < PKL_FEATURES; j++) {
                    assertEquals(Float.floatToIntBits(DataFixtures.pklValue(start + i, j)), Float.floatToIntBits(e.values()[i * PKL_FEATURES + j]));
                }
            }
            start += e.count();
        }
    }

    @Test
    void tupleOfTwoParts() {
        Path f = fixture("pickle-bad/two-parts.pkl.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "a pickle of another shape", "(train, valid, test)", "a tuple of 2 items");
    }

    @Test
    void imagesThatAreNotFlat() {
        Path f = fixture("pickle-bad/images-3d.pkl.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "a pickle of another shape", "train images have shape (6, 28, 28)");
    }

    @Test
    void labelCountDiffersFromImageCount() {
        Path f = fixture("pickle-bad/label-count.pkl.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "valid has 2 images but 1 labels");
    }

    @Test
    void pixelsNotScaled() {
        Path f = fixture("pickle-bad/unscaled.pkl.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "pixel value 21.0", "[0, 1]");
    }

    @Test
    void codeIsRefusedNotRun() {
        Path f = fixture("pickle-bad/code.pkl.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "unsupported pickle content", "os.system");
    }

    @Test
    void truncatedGzip() {
        Path f = fixture("pickle-bad/truncated.pkl.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "truncated");
    }

    @Test
    void truncatedPickle() {
        Path f = fixture("pickle-bad/truncated-pickle.pkl.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "truncated: the pickle ends");
    }

    @Test
    void anIdxFileIsNotAPickle() {
        Path f = fixture("idx/train-labels-idx1-ubyte.gz");
        assertUserError(() -> MnistPickle.read(f), f.toString(), "not a pickle initlab can read");
    }
}
