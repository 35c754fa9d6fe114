package org.initlab.data;

import org.initlab.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Reads LeCun's IDX format (yann.lecun.com/exdb/mnist): a 4-byte magic number 0x0000TTNN — two
 * zero bytes, the element type TT (0x08 = unsigned byte), the number of dimensions NN — then NN
 * big-endian 32-bit sizes, then the elements in row-major order. Images are 0x00000803
 * (count × rows × cols), labels 0x00000801 (count). Only unsigned-byte files are read; the file
 * must hold exactly the data its header announces, no less and no more.
 */
final class IdxReader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxReader() {}

    /** An IDX array of unsigned bytes: its dimension sizes and its elements. */
    record IdxArray(Path file, int[] dims, byte[] data) {
        int count() {
            return dims[0];
        }

        /** Elements per item: the product of all dimensions but the first. */
        int itemSize() {
            int n = 1;
            for (int i = 1; i < dims.length; i++) n = Math.multiplyExact(n, dims[i]);
            return n;
        }
    }

    /** Reads an image file: count × rows × cols unsigned bytes. */
    static IdxArray readImages(Path file) {
        return read(file, IMAGES_MAGIC, "images");
    }

    /** Reads a label file: count unsigned bytes. */
    static IdxArray readLabels(Path file) {
        return read(file, LABELS_MAGIC, "labels");
    }

    private static IdxArray read(Path file, int expectedMagic, String kind) {
        try (InputStream in = DataFiles.open(file)) {
            byte[] head = in.readNBytes(4);
            if (head.length < 4) {
                throw new UserError(file + ": truncated: " + (head.length == 0 ? "the file is empty" : "only " + head.length + " bytes")
                        + ", not an IDX " + kind + " file");
            }
            int magic = ByteBuffer.wrap(head).getInt();
            int ndims = head[3] & 0xff;
            if (head[0] != 0 || head[1] != 0 || (head[2] & 0xff) != UNSIGNED_BYTE || ndims == 0 || ndims > 4) {
                throw new UserError(file + ": wrong magic number " + hex(magic) + ": not an IDX " + kind + " file (expected "
                        + hex(expectedMagic) + ")");
            }
            if (magic != expectedMagic) {
                String is = magic == IMAGES_MAGIC ? "an images file" : magic == LABELS_MAGIC ? "a labels file" : "an IDX file of " + ndims + " dimensions";
                throw new UserError(file + ": wrong magic number " + hex(magic) + ": this is " + is + ", expected " + kind + " ("
                        + hex(expectedMagic) + ")");
            }
            ByteBuffer sizes = ByteBuffer.wrap(DataFiles.readExactly(in, 4 * ndims, file, "the IDX header"));
            int[] dims = new int[ndims];
            long total = 1;
            for (int i = 0; i < ndims; i++) {
                dims[i] = sizes.getInt();
                if (dims[i] <= 0) throw new UserError(file + ": bad IDX header: dimension " + i + " has size " + dims[i]);
                total *= dims[i];
                if (total > Integer.MAX_VALUE - 16) throw new UserError(file + ": bad IDX header: " + total + "+ elements is too many");
            }
            byte[] data = DataFiles.readExactly(in, (int) total, file, "the data announced by the header (" + shape(dims) + ")");
            if (in.read() != -1) {
                throw new UserError(file + ": has bytes after the " + shape(dims) + " data its header announces; the file is corrupt");
            }
            return new IdxArray(file, dims, data);
        } catch (IOException e) {
            throw DataFiles.readFailure(file, e);
        }
    }

    static String hex(int magic) {
        return String.format("0x%08X", magic);
    }

    private static String shape(int[] dims) {
        StringBuilder sb = new StringBuilder();
        for (int d : dims) sb.append(sb.isEmpty() ? "" : "×").append(String.format("%,d", d));
        return sb.toString();
    }

    /** Pairs an image file with its label file, which must hold as many items (see {@link ClassLabels} for their values). */
    static Examples examples(IdxArray images, IdxArray labels) {
        if (images.count() != labels.count()) {
            throw new UserError(labels.file() + ": has " + String.format("%,d", labels.count()) + " labels but " + images.file().getFileName()
                    + " has " + String.format("%,d", images.count()) + " images; the two files must belong together");
        }
        int[] y = new int[labels.count()];
        byte[] raw = labels.data();
        for (int i = 0; i < y.length; i++) y[i] = raw[i] & 0xff;
        return Examples.ofPixels(images.file().toString(), images.count(), images.itemSize(), images.data(), y)
                .labelledFrom(labels.file().toString(), null);
    }
}
