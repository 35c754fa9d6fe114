package org.initlab.data;

import java.nio.file.Path;

/**
 * The result of checking one file against its catalogue checksums.
 *
 * @param file   the file checked
 * @param bytes  its size
 * @param sha256 SHA-256 of the file as stored
 * @param status verified, mismatch, or nothing published to compare with
 * @param detail what it matched ("sha256 (official release)") or why it failed
 */
public record FileCheck(Path file, long bytes, String sha256, Status status, String detail) {
    public enum Status { VERIFIED, MISMATCH, UNVERIFIABLE }

    public boolean verified() {
        return status == Status.VERIFIED;
    }

    /** The provenance record of this file. */
    public SourceFile sourceFile() {
        return new SourceFile(file.getFileName().toString(), bytes, sha256, verified() ? detail : "unverified");
    }
}
