package org.initlab.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where initlab's product goes: every file of a study folder, a report and an export is written,
 * renamed or deleted through one of these, so that a test can make any one of those operations
 * fail as a full disk or a read-only folder would ({@code FailingDisk} in the tests). {@link #REAL}
 * is the file system, each file written atomically by {@link AtomicFile}. (A study folder's lock
 * file is opened directly: it is a lock, not a product, and holds nothing.)
 */
public interface Disk {
    /** Replaces {@code target} with what {@code body} writes: readers see the old file or the whole new one. */
    void write(Path target, AtomicFile.Body body) throws IOException;

    default void write(Path target, byte[] content) throws IOException {
        write(target, out -> out.write(content));
    }

    /** Renames {@code file} to {@code target}, a name not in use in the same folder, atomically. */
    void move(Path file, Path target) throws IOException;

    /** Deletes {@code file} if it exists. */
    void delete(Path file) throws IOException;

    void createDirectories(Path dir) throws IOException;

    /** The file system. */
    Disk REAL = new Disk() {
        @Override
        public void write(Path target, AtomicFile.Body body) throws IOException {
            AtomicFile.write(target, body);
        }

        @Override
        public void move(Path file, Path target) throws IOException {
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        }

        @Override
        public void delete(Path file) throws IOException {
            Files.deleteIfExists(file);
        }

        @Override
        public void createDirectories(Path dir) throws IOException {
            Files.createDirectories(dir);
        }

        @Override
        public String toString() {
            return "the file system";
        }
    };
}
