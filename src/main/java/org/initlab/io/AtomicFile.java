package org.initlab.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes a file so that readers see the old content or the whole new content, never a part:
 * write a temporary file in the same folder, force it to disk, rename it over the target.
 * A crash leaves at most a {@code .NAME-UUID.tmp} file beside the target ({@link #temporaries}
 * finds them; the command that next writes the folder removes them).
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static final String TEMP_SUFFIX = ".tmp";

    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    public static void write(Path target, Body body) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // not Files.createTempFile: it makes the file private (0600); results should be as readable as any file the user writes
        Path tmp = dir.resolve("." + target.getFileName() + "-" + java.util.UUID.randomUUID() + TEMP_SUFFIX);
        FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW);
        try {
            try (ch; OutputStream out = new java.io.BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16)) {
                body.write(new java.io.FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        flush(); // writers such as Jackson close the stream they were given: keep ours open
                    }
                });
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Makes the rename itself durable (POSIX: fsync the folder); best effort where not supported. */
    private static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems and platforms cannot open or sync a directory: the data is on disk, the name may lag
        }
    }

    /** Whether {@code file} is named as this class names its temporary files. */
    public static boolean isTemporary(Path file) {
        String f = file.getFileName().toString();
        return f.startsWith(".") && f.endsWith(TEMP_SUFFIX);
    }

    /** The temporary files under {@code dir}, at any depth, that interrupted writes left (none when it is not a folder). */
    public static List<Path> temporaries(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return List.of();
        try (var files = Files.walk(dir)) {
            return files.filter(p -> isTemporary(p) && Files.isRegularFile(p)).toList();
        }
    }

    /** The temporary files an interrupted write of {@code target} left beside it. */
    public static List<Path> temporariesOf(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) return List.of();
        String prefix = "." + target.getFileName() + "-";
        try (var files = Files.list(dir)) {
            return files.filter(p -> isTemporary(p) && p.getFileName().toString().startsWith(prefix) && Files.isRegularFile(p)).toList();
        }
    }
}
