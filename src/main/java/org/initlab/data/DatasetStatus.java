package org.initlab.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a catalogue dataset is and whether its files verify, as {@code initlab data list} shows it.
 *
 * @param spec     the dataset
 * @param location the directory holding it, or null when it is nowhere
 * @param origin   how it was found, or null
 * @param checks   each file's check, in catalogue order (empty when not found)
 * @param problem  why it is unusable (a partial folder, an unreadable file), or null
 */
public record DatasetStatus(DatasetSpec spec, Path location, Origin origin, List<FileCheck> checks, String problem) {
    public DatasetStatus {
        checks = List.copyOf(checks);
    }

    public boolean found() {
        return location != null;
    }

    /** Found, and every file matched a known checksum. */
    public boolean verified() {
        return found() && problem == null && !checks.isEmpty() && checks.stream().allMatch(FileCheck::verified);
    }
}
