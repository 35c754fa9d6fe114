package org.initlab.data;

import org.initlab.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Checks a file against the checksums of its catalogue entry: first the file as stored against
 * each known copy (size and digest); failing that, when the catalogue knows the decompressed
 * content, the SHA-256 of the content, so that a re-gzipped or gunzipped copy of the right data
 * verifies too. A decompressed file whose content the catalogue does not know cannot be verified.
 */
final class FileVerifier {
    private FileVerifier() {}

    static FileCheck check(DatasetFile expected, Path file) {
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
        boolean wantMd5 = expected.digests().stream().anyMatch(d -> d.algorithm().equals(Digest.MD5));
        String[] hex = digestFile(file, wantMd5);
        String sha256 = hex[0];
        for (Digest d : expected.digests()) {
            String actual = d.algorithm().equals(Digest.SHA256) ? sha256 : hex[1];
            if ((d.size() < 0 || d.size() == size) && d.hex().equals(actual)) {
                return new FileCheck(file, size, sha256, FileCheck.Status.VERIFIED, d.label());
            }
        }
        boolean gzip = DataFiles.isGzip(file);
        Digest content = expected.content();
        if (content != null) {
            String contentSha = gzip ? digestContent(file) : sha256;
            if (content.hex().equals(contentSha)) {
                return new FileCheck(file, size, sha256, FileCheck.Status.VERIFIED, "sha256 of the decompressed content");
            }
            return new FileCheck(file, size, sha256, FileCheck.Status.MISMATCH,
                    "its content (SHA-256 " + shortHex(contentSha) + ") is not " + expected.name() + "'s (" + shortHex(content.hex()) + ")"
                            + sizeNote(expected, size, gzip));
        }
        if (!gzip && expected.name().endsWith(".gz")) {
            return new FileCheck(file, size, sha256, FileCheck.Status.UNVERIFIABLE,
                    "no checksum is published for the decompressed file; use the original " + expected.name());
        }
        return new FileCheck(file, size, sha256, FileCheck.Status.MISMATCH,
                "SHA-256 " + shortHex(sha256) + (wantMd5 ? " / MD5 " + shortHex(hex[1]) : "") + " matches no known copy ("
                        + expected.digests().stream().map(d -> d.algorithm() + " " + shortHex(d.hex())).collect(Collectors.joining(", "))
                        + ")" + sizeNote(expected, size, gzip));
    }

    private static String sizeNote(DatasetFile expected, long size, boolean gzip) {
        long official = expected.officialSize();
        if (!gzip || official < 0 || official == size) return "";
        List<Long> sizes = expected.digests().stream().map(Digest::size).filter(s -> s >= 0).distinct().toList();
        if (sizes.contains(size)) return "";
        return "; it has " + String.format("%,d", size) + " bytes, expected " + String.format("%,d", official)
                + (size < official ? " (truncated?)" : "");
    }

    static String shortHex(String hex) {
        return hex.substring(0, 12) + "…";
    }

    /** SHA-256 (and MD5 when asked) of the file's bytes as stored. */
    static String[] digestFile(Path file, boolean md5) {
        MessageDigest sha = sha256();
        MessageDigest m = md5 ? md5() : null;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
                if (m != null) m.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw DataFiles.unreadable(file, e);
        }
        return new String[]{HexFormat.of().formatHex(sha.digest()), m == null ? null : HexFormat.of().formatHex(m.digest())};
    }

    /** SHA-256 of the decompressed bytes. */
    static String digestContent(Path file) {
        MessageDigest sha = sha256();
        try (InputStream in = DataFiles.open(file)) {
            byte[] buf = new byte[1 << 20];
            int n;
            while ((n = in.read(buf)) > 0) sha.update(buf, 0, n);
        } catch (IOException e) {
            throw DataFiles.readFailure(file, e);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance(Digest.SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance(Digest.MD5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails with one line naming the file when the check did not verify. */
    static void require(FileCheck check, String dataset, String remedy) {
        switch (check.status()) {
            case VERIFIED -> { }
            case MISMATCH -> throw new UserError(check.file() + ": checksum mismatch: not the " + dataset + " file: " + check.detail()
                    + "; " + remedy);
            case UNVERIFIABLE -> throw new UserError(check.file() + ": cannot be verified: " + check.detail()
                    + " (or turn verification off, e.g. --no-verify)");
        }
    }
}
