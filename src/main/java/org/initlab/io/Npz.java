package org.initlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npy} format (version 1.0: magic {@code \x93NUMPY}, a header dict padded so the
 * data starts on a 64-byte boundary, then little-endian data) and {@code .npz} (a zip of .npy
 * files, as {@code numpy.savez_compressed} writes). {@code numpy.load} reads both.
 */
public final class Npz {
    private Npz() {}

    /** Writes a float32 array of the given shape as one .npy stream. */
    public static void writeNpy(OutputStream out, float[] data, int... shape) throws IOException {
        long n = 1;
        for (int d : shape) n *= d;
        if (n != data.length) throw new IllegalArgumentException("shape does not match " + data.length + " values");
        String tuple = shape.length == 1 ? "(" + shape[0] + ",)"
                : "(" + String.join(", ", java.util.Arrays.stream(shape).mapToObj(Integer::toString).toList()) + ")";
        String header = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        int total = 10 + header.length() + 1;
        int pad = (64 - total % 64) % 64;
        header = header + " ".repeat(pad) + "\n";
        byte[] h = header.getBytes(StandardCharsets.US_ASCII);
        out.write(new byte[]{(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (h.length & 0xff), (byte) (h.length >>> 8)});
        out.write(h);
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            if (!buf.hasRemaining()) {
                out.write(buf.array(), 0, buf.position());
                buf.clear();
            }
            buf.putFloat(f);
        }
        out.write(buf.array(), 0, buf.position());
    }

    /** One named float32 array of an .npz file: {@code numpy.load(f)[name]} has this shape. */
    public record Array(String name, float[] data, int... shape) {}

    /**
     * Writes the arrays as one .npz, atomically. Entries carry a fixed time, so equal arrays give
     * equal files.
     */
    public static void write(Path file, List<Array> arrays) throws IOException {
        write(Disk.REAL, file, arrays);
    }

    /** {@link #write(Path, List)} through {@code disk}. */
    public static void write(Disk disk, Path file, List<Array> arrays) throws IOException {
        disk.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) { // closing it closes only AtomicFile's shield
                for (Array a : arrays) {
                    entry(zip, a.name() + ".npy");
                    writeNpy(zip, a.data(), a.shape());
                    zip.closeEntry();
                }
            }
        });
    }

    /** 1980-01-01, the earliest time a zip entry holds. */
    private static final long ZIP_EPOCH = 315_532_800_000L;

    private static void entry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ZIP_EPOCH);
        zip.putNextEntry(e);
    }
}
