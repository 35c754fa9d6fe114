package org.initlab.data;

import org.initlab.io.FileProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.initlab.data.TestData.assertUserError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A file that cannot be read says why: missing, a folder, not readable by this user; no Java names. */
class FileProblemTest {
    @TempDir
    Path tmp;

    /** Root reads mode-000 files, so the words for a refused read are checked on the exception the OS gives others. */
    @Test
    void accessDeniedIsNotReadableByThisUser() throws IOException {
        Path f = Files.writeString(tmp.resolve("locked.csv"), "1,2\n");
        assertEquals(f + ": not readable by this user (check its permissions)", FileProblem.reading(f, new AccessDeniedException(f.toString())));
        assertEquals(f + ": not readable by this user (check its permissions)", DataFiles.unreadable(f, new AccessDeniedException(f.toString())).getMessage());
    }

    @Test
    void missingAndFolderBeforeReading() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("train.csv"));
        Path missing = tmp.resolve("missing.csv");
        Path file = Files.writeString(tmp.resolve("ok.csv"), "1,2\n");
        assertEquals(folder + ": is a folder, not a file", FileProblem.beforeReading(folder));
        assertEquals(missing + ": no such file", FileProblem.beforeReading(missing));
        assertNull(FileProblem.beforeReading(file));
        assertEquals(missing + ": no such file", FileProblem.reading(missing, new NoSuchFileException(missing.toString())));
    }

    @Test
    void everyReaderNamesAFolderOrAMissingFile() throws IOException {
        Path folder = Files.createDirectories(tmp.resolve("folder"));
        Path missing = tmp.resolve("missing");
        assertUserError(() -> IdxReader.readImages(folder), folder + ": is a folder, not a file");
        assertUserError(() -> IdxReader.readLabels(missing), missing + ": no such file");
        assertUserError(() -> CsvReader.read(folder), folder + ": is a folder, not a file");
        assertUserError(() -> CsvReader.read(missing), missing + ": no such file");
        assertUserError(() -> MnistPickle.read(folder), folder + ": is a folder, not a file");
        assertUserError(() -> MnistPickle.read(missing), missing + ": no such file");
    }

    @Test
    void writeFailuresInWords() throws IOException {
        Path file = Files.writeString(tmp.resolve("out"), "x");
        assertEquals(file + ": already exists as a file, where a folder or a new file is needed",
                FileProblem.describe(new FileAlreadyExistsException(file.toString())));
        assertEquals(file + ": No space left on device", FileProblem.describe(new FileSystemException(file.toString(), null, "No space left on device")));
        assertEquals("/x: permission denied for this user (check its permissions)", FileProblem.describe(new AccessDeniedException("/x")));
        assertEquals("input/output error", FileProblem.describe(new IOException()));
    }
}
