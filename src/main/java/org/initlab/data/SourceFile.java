package org.initlab.data;

/**
 * One file a dataset was read from, as a run records it.
 *
 * @param name       the file name
 * @param bytes      its size on disk
 * @param sha256     SHA-256 of the file as stored (compressed if it is gzip'd)
 * @param verifiedBy which published or known checksum it matched (e.g. "sha256 (official
 *                   release)"), or "unverified" for a custom dataset or when verification was off
 */
public record SourceFile(String name, long bytes, String sha256, String verifiedBy) {}
