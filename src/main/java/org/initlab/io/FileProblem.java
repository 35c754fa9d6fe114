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
                default -> (f.getOtherFile() == null ? file : f.getOtherFile()) + ": " + words(reason(e));
            };
        }
        String r = reason(e);
        return r.equals("input/output error") ? r : "input/output error: " + r;
    }

    /**
     * Why a write (or a read) failed, in words and without the temporary file's name: "no space
     * left on the device", "permission denied", "the file system is read-only", "a folder is in
     * the way: PATH". The operating system's reason is looked for through the causes (a JSON
     * writer wraps the stream's failure).
     */
    public static String why(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileSystemException f) return why(f);
        }
        return reason(e).equals("input/output error") ? "input/output error" : words(reason(e));
    }

    private static String why(FileSystemException f) {
        String target = f.getOtherFile() != null ? f.getOtherFile() : f.getFile();
        return switch (f) {
            case AccessDeniedException x -> "permission denied";
            case NoSuchFileException x -> "no such file or folder: " + target;
            case FileAlreadyExistsException x -> (Files.isDirectory(Path.of(target)) ? "a folder" : "a file") + " is in the way: " + target;
            case NotDirectoryException x -> "a file is where a folder must go: " + target;
            case DirectoryNotEmptyException x -> "a folder is in the way: " + target;
            case FileSystemLoopException x -> "a loop of symbolic links: " + target;
            default -> switch (words(reason(f))) {
                case "is a folder" -> "a folder is in the way: " + target;
                case "is not a folder" -> "a file is where a folder must go: " + target;
                case "already exists" -> "a file is in the way: " + target;
                case String w -> w;
            };
        };
    }

    /** The operating system's reasons (strerror) in initlab's words; others with a lower-case first letter. */
    private static String words(String reason) {
        return switch (reason) {
            case "No space left on device" -> "no space left on the device";
            case "Disk quota exceeded" -> "the disk quota is used up";
            case "Read-only file system" -> "the file system is read-only";
            case "Permission denied", "Operation not permitted" -> "permission denied";
            case "Is a directory" -> "is a folder";
            case "Not a directory" -> "is not a folder";
            case "File exists" -> "already exists";
            case "File name too long" -> "a file name is too long";
            case "Too many open files" -> "too many open files";
            default -> reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
        };
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
