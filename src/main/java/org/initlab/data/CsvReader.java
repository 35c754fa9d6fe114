package org.initlab.data;

import org.initlab.UserError;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads examples from CSV, one per line: the label (a whole number, checked by
 * {@link ClassLabels}), then the pixel values, comma-separated integers 0..255 (the layout of the
 * widely shared {@code mnist_train.csv}). A first line that
 * does not start with a number is a header and is skipped (Kaggle's {@code label,pixel0,...});
 * blank lines are ignored; the file may be gzip'd. Every line must have the same number of
 * fields.
 */
final class CsvReader {
    private CsvReader() {}

    static Examples read(Path file) {
        byte[] text;
        try (InputStream in = DataFiles.open(file)) {
            text = in.readAllBytes();
        } catch (IOException e) {
            throw DataFiles.readFailure(file, e);
        }
        return parse(file, text);
    }

    static Examples parse(Path file, byte[] text) {
        int pos = 0;
        int line = 1;
        boolean first = true;
        int features = -1;
        int count = 0;
        int[] labels = new int[1024];
        int[] lines = new int[1024];
        ByteArrayOutputStream pixels = new ByteArrayOutputStream(1 << 20);
        byte[] row = new byte[0];
        while (true) {
            while (pos < text.length && (text[pos] == '\n' || text[pos] == '\r' || text[pos] == ' ' || text[pos] == '\t')) {
                if (text[pos] == '\n') line++;
                pos++;
            }
            if (pos >= text.length) break;
            if (first) {
                first = false;
                if (!isNumberStart(text[pos])) {
                    while (pos < text.length && text[pos] != '\n') pos++;
                    continue;
                }
            }
            int fields = 0;
            int label = 0;
            while (true) {
                while (pos < text.length && (text[pos] == ' ' || text[pos] == '\t')) pos++;
                int start = pos;
                boolean negative = fields == 0 && pos < text.length && text[pos] == '-';
                if (negative) pos++;
                int digits = pos;
                long value = 0;
                while (pos < text.length && text[pos] >= '0' && text[pos] <= '9' && pos - digits < 10) {
                    value = value * 10 + (text[pos] - '0');
                    pos++;
                }
                long max = fields == 0 ? Integer.MAX_VALUE : 255;
                if (pos == digits || value > max || pos < text.length && text[pos] >= '0' && text[pos] <= '9') {
                    throw new UserError(file + ": line " + line + ", field " + (fields + 1) + ": expected "
                            + (fields == 0 ? "a class label (a whole number)" : "a pixel value 0-255") + ", got '" + token(text, start) + "'");
                }
                while (pos < text.length && (text[pos] == ' ' || text[pos] == '\t')) pos++;
                if (fields == 0) {
                    label = (int) (negative ? -value : value);
                } else {
                    if (fields - 1 >= row.length) row = Arrays.copyOf(row, Math.max(16, Math.multiplyExact(row.length, 2)));
                    row[fields - 1] = (byte) value;
                }
                fields++;
                if (pos < text.length && text[pos] == ',') {
                    pos++;
                    continue;
                }
                if (pos >= text.length || text[pos] == '\n' || text[pos] == '\r') break;
                throw new UserError(file + ": line " + line + ", field " + fields + ": expected a comma or the end of the line, got '"
                        + token(text, pos) + "'");
            }
            if (fields < 2) throw new UserError(file + ": line " + line + ": has only a label; expected the label, then the pixel values");
            if (features < 0) features = fields - 1;
            else if (fields - 1 != features) {
                throw new UserError(file + ": line " + line + ": has " + (fields - 1) + " pixel values, the lines before have " + features);
            }
            if (count == labels.length) {
                labels = Arrays.copyOf(labels, Math.multiplyExact(count, 2));
                lines = Arrays.copyOf(lines, Math.multiplyExact(count, 2));
            }
            lines[count] = line;
            labels[count++] = label;
            pixels.write(row, 0, features);
        }
        if (count == 0) {
            throw new UserError(file + ": empty: no examples (expected one line per example: the label, then the pixel values 0-255)");
        }
        return Examples.ofPixels(file.toString(), count, features, pixels.toByteArray(), Arrays.copyOf(labels, count))
                .labelledFrom(file.toString(), Arrays.copyOf(lines, count));
    }

    private static boolean isNumberStart(byte b) {
        return b >= '0' && b <= '9' || b == '-';
    }

    private static String token(byte[] text, int start) {
        int end = start;
        while (end < text.length && end - start < 20 && text[end] != ',' && text[end] != '\n' && text[end] != '\r') end++;
        return new String(text, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
    }
}
