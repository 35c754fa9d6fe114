package org.initlab.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file cannot be read or written, in the words a user acts on: it is missing, it is a
 * folder where a file is expected, this user may not read it. One line that starts with the
 * path; never the name of a Java exception.
 */
public final class FileProblem {
    private FileProblem() {}

    /** What stops {@code file} being read as a file, or null when nothing visible does. */
    public static String beforeReading(Path file) {
        if (Files.isDirectory(file)) return file + ": is a folder, not a file";
        if (!Files.exists(file)) return file + ": no such file";
        if (!Files.isReadable(file)) return notReadable(file);
        return null;
    }

    /** Why reading {@code file} failed with {@code e}. */
    public static String reading(Path file, IOException e) {
        if (e instanceof AccessDeniedException) return notReadable(file);
        String before = beforeReading(file);
        if (before != null) return before;
        return file + ": cannot be read: " + reason(e);
    }

    /** Why an operation on a file failed, read or write, as the command line reports it. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String file = f.getFile();
            return switch (f) {
                case NoSuchFileException x -> file + ": no such file or folder";
                case AccessDeniedException x -> file + ": permission denied for this user (check its permissions)";
                case FileAlreadyExistsException x -> file + ": already exists"
                        + (Files.isRegularFile(Path.of(file)) ? " as a file, where a folder or a new file is needed" : "");
                case NotDirectoryException x -> file + ": is not a folder";
                case DirectoryNotEmptyException x -> file + ": is a folder that is not empty";
                case FileSystemLoopException x -> file + ": is a loop of symbolic links";
                default -> file + (f.getOtherFile() == null ? "" : " → " + f.getOtherFile()) + ": " + reason(e);
            };
        }
        String r = reason(e);
        return r.equals("input/output error") ? r : "input/output error: " + r;
    }

    private static String notReadable(Path file) {
        return file + ": not readable by this user (check its permissions)";
    }

    /** The operating system's words for the failure (FileSystemException's reason, "No space left on device"), else its message. */
    private static String reason(IOException e) {
        String r = e instanceof FileSystemException f ? f.getReason() : e instanceof FileNotFoundException ? null : e.getMessage();
        return r == null || r.isBlank() ? "input/output error" : r;
    }
}
