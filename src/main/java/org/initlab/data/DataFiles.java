package org.initlab.data;

import org.initlab.UserError;
import org.initlab.io.FileProblem;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/** Opening data files: gzip is recognised by its magic bytes (1f 8b), not by the file name. */
final class DataFiles {
    static final int BUFFER = 1 << 16;

    private DataFiles() {}

    /** True when the file starts with the gzip magic number. */
    static boolean isGzip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * How many bytes {@link #open} will give: the file's size, or for gzip the size its trailer
     * records (ISIZE: the decompressed length modulo 2³², RFC 1952 §2.3.1; a file that
     * decompresses to 4 GiB or more is under-counted).
     */
    static long contentSize(Path file) {
        try {
            long size = Files.size(file);
            if (size < 18 || !isGzip(file)) return size;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(size - 4);
                byte[] isize = in.readNBytes(4); // little-endian
                return (isize[0] & 0xffL) | (isize[1] & 0xffL) << 8 | (isize[2] & 0xffL) << 16 | (isize[3] & 0xffL) << 24;
            }
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The file's bytes, decompressed when it is gzip'd. */
    static InputStream open(Path file) {
        String problem = FileProblem.beforeReading(file);
        if (problem != null) throw new UserError(problem);
        try {
            BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(2);
            boolean gzip = in.read() == 0x1f && in.read() == 0x8b;
            in.reset();
            return gzip ? new GZIPInputStream(in, BUFFER) : in;
        } catch (EOFException e) {
            throw new UserError(file + ": truncated: the gzip header is incomplete");
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** A read failure as one line: truncation and corrupt compressed data get their own words. */
    static UserError readFailure(Path file, IOException e) {
        if (e instanceof EOFException) return new UserError(file + ": truncated: the file ends before its data is complete");
        if (e instanceof ZipException) return new UserError(file + ": corrupt gzip data (" + e.getMessage() + ")");
        return unreadable(file, e);
    }

    /** Missing, a folder, not readable by this user, or the operating system's reason (see {@link FileProblem}). */
    static UserError unreadable(Path file, IOException e) {
        return new UserError(FileProblem.reading(file, e), e);
    }

    /**
     * Reads exactly {@code n} bytes, or fails naming the file as truncated. Up to 256 MiB are read
     * into an array of the final size; a larger announced size (a corrupt header?) is only
     * allocated as the bytes actually arrive.
     */
    static byte[] readExactly(InputStream in, int n, Path file, String what) throws IOException {
        byte[] b;
        if (n <= 1 << 28) {
            b = new byte[n];
            int got = in.readNBytes(b, 0, n);
            if (got != n) b = java.util.Arrays.copyOf(b, got);
        } else {
            b = in.readNBytes(n);
        }
        if (b.length != n) {
            throw new UserError(file + ": truncated: " + what + " needs " + String.format("%,d", n) + " bytes, the file holds "
                    + String.format("%,d", b.length));
        }
        return b;
    }
}
