package org.initlab.data;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.initlab.data.DataFixtures.CSV_FEATURES;
import static org.initlab.data.DataFixtures.CSV_TEST;
import static org.initlab.data.DataFixtures.CSV_TRAIN;
import static org.initlab.data.TestData.assertUserError;
import static org.initlab.data.TestData.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvReaderTest {
    @Test
    void readsLabelsAndPixelsSkippingTheHeader() {
        Examples e = CsvReader.read(fixture("csv/train.csv"));
        assertEquals(CSV_TRAIN, e.count());
        assertEquals(CSV_FEATURES, e.features());
        for (int i = 0; i < CSV_TRAIN; i++) {
            assertEquals(DataFixtures.csvLabel(i), e.labels()[i]);
            for (int j = 0; j < CSV_FEATURES; j++) assertEquals(DataFixtures.csvPixel(i, j), e.pixels()[i * CSV_FEATURES + j] & 0xff);
        }
    }

    @Test
    void readsWindowsLineEndingsAndTrailingBlankLines() {
        Examples e = CsvReader.read(fixture("csv/test.csv"));
        assertEquals(CSV_TEST, e.count());
        assertEquals(DataFixtures.csvPixel(CSV_TRAIN + 2, CSV_FEATURES - 1), e.pixels()[3 * CSV_FEATURES - 1] & 0xff);
    }

    @Test
    void emptyFile() {
        Path f = fixture("csv-bad/empty.csv");
        assertUserError(() -> CsvReader.read(f), f.toString(), "empty: no examples");
    }

    @Test
    void headerOnly() {
        Path f = fixture("csv-bad/header-only.csv");
        assertUserError(() -> CsvReader.read(f), f.toString(), "empty: no examples");
    }

    @Test
    void raggedLine() {
        Path f = fixture("csv-bad/ragged.csv");
        assertUserError(() -> CsvReader.read(f), f.toString(), "line 3", "has 15 pixel values", "have 16");
    }

    @Test
    void pixelOutOfRange() {
        Path f = fixture("csv-bad/bad-value.csv");
        assertUserError(() -> CsvReader.read(f), f.toString(), "line 1, field 17", "a pixel value 0-255", "'300'");
    }

    @Test
    void notANumber() {
        Path f = Path.of("x.csv");
        byte[] text = "3,1,2\n4,1,oops\n".getBytes(StandardCharsets.US_ASCII);
        assertUserError(() -> CsvReader.parse(f, text), "x.csv: line 2, field 3", "'oops'");
    }
}
