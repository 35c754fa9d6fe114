package org.initlab.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A catalogue dataset: its files and checksums, where to download it, and where a system may
 * already have it.
 *
 * @param name       the catalogue name ({@code mnist}, {@code fashion-mnist}, ...)
 * @param title      one line saying what it is
 * @param format     the file format
 * @param classes    number of classes
 * @param trainSize  examples in the official training set (for {@code mnist-pkl}: training plus
 *                   validation, 50,000 + 10,000)
 * @param testSize   examples in the official test set
 * @param files      the files, in a fixed order
 * @param mirrors    base URLs tried in order; a file's URL is the base followed by its name
 * @param systemDirs directories where an operating-system package installs the files
 * @param source     where the files and their checksums come from
 */
public record DatasetSpec(String name, String title, Format format, int classes, int trainSize, int testSize,
                          List<DatasetFile> files, List<URI> mirrors, List<Path> systemDirs, String source) {
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        files = List.copyOf(files);
        mirrors = List.copyOf(mirrors);
        systemDirs = List.copyOf(systemDirs);
    }

    /** The file with {@code role}. */
    public DatasetFile file(DatasetFile.Role role) {
        return files.stream().filter(f -> f.role() == role).findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " has no " + role + " file"));
    }

    /** The file names, comma-separated, as an error message lists them. */
    public String fileNames() {
        return String.join(", ", files.stream().map(DatasetFile::name).toList());
    }
}
