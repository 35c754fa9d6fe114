package org.initlab.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * The file system, but an operation chosen by the test fails as a full disk or a read-only folder
 * makes it fail: a file write stops after half its bytes (the temporary file is written in part,
 * then the write throws) or, {@link #renameFails}, after all of them, as when the rename over the
 * target fails; a rename, delete or folder creation throws before doing anything. Operations are
 * numbered from 1 in the order they are asked for; thread-safe.
 */
public final class FailingDisk implements Disk {
    /** What a full disk throws from a write: the operating system's words, no path. */
    public static final Function<Path, IOException> FULL = p -> new FileSystemException(p.toString(), null, "No space left on device");
    /** What a folder this user may not write throws. */
    public static final Function<Path, IOException> READ_ONLY = p -> new AccessDeniedException(p.toString());

    private final BiPredicate<Integer, Path> fails;
    private final Function<Path, IOException> error;
    private final AtomicInteger operations = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final java.util.List<Path> failed = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final boolean renameFails;

    private FailingDisk(BiPredicate<Integer, Path> fails, Function<Path, IOException> error, boolean renameFails) {
        this.fails = fails;
        this.error = error;
        this.renameFails = renameFails;
    }

    private FailingDisk(BiPredicate<Integer, Path> fails, Function<Path, IOException> error) {
        this(fails, error, false);
    }

    /** This disk, but a failing file write writes all its bytes to the temporary file and then fails: the rename is what fails. */
    public FailingDisk renameFails() {
        return new FailingDisk(fails, error, true);
    }

    /** Fails nothing: counts the operations. */
    public static FailingDisk counting() {
        return new FailingDisk((n, p) -> false, FULL);
    }

    /** Fails the {@code k}-th operation (1-based) with {@code error}. */
    public static FailingDisk failingAt(int k, Function<Path, IOException> error) {
        return new FailingDisk((n, p) -> n == k, error);
    }

    /** Fails every operation on a path that {@code where} accepts (its number and the path). */
    public static FailingDisk failingWhere(BiPredicate<Integer, Path> where, Function<Path, IOException> error) {
        return new FailingDisk(where, error);
    }

    /** Operations asked for so far. */
    public int operations() {
        return operations.get();
    }

    /** Operations that failed so far. */
    public int failures() {
        return failures.get();
    }

    /** The paths whose operation failed, in order. */
    public java.util.List<Path> failed() {
        return java.util.List.copyOf(failed);
    }

    private boolean fails(Path p) {
        Path path = p.toAbsolutePath().normalize();
        boolean f = fails.test(operations.incrementAndGet(), path);
        if (f) {
            failures.incrementAndGet();
            failed.add(path);
        }
        return f;
    }

    @Override
    public void write(Path target, AtomicFile.Body body) throws IOException {
        if (!fails(target)) {
            REAL.write(target, body);
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        body.write(bytes);
        REAL.write(target, out -> {
            out.write(bytes.toByteArray(), 0, renameFails ? bytes.size() : bytes.size() / 2);
            throw error.apply(target);
        });
    }

    @Override
    public void move(Path file, Path target) throws IOException {
        if (fails(target)) throw error.apply(target);
        REAL.move(file, target);
    }

    @Override
    public void delete(Path file) throws IOException {
        if (fails(file)) throw error.apply(file);
        REAL.delete(file);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        if (fails(dir)) throw error.apply(dir);
        REAL.createDirectories(dir);
    }
}
