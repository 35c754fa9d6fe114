package org.initlab.data;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * A published or known checksum of one file.
 *
 * @param algorithm "SHA-256" or "MD5" (the names {@link java.security.MessageDigest} takes)
 * @param hex       the digest in lower-case hex
 * @param size      the file's size in bytes, or -1 when the source does not state it
 * @param source    where the value comes from, e.g. "official release" or "Debian package"
 */
public record Digest(String algorithm, String hex, long size, String source) {
    public static final String SHA256 = "SHA-256";
    public static final String MD5 = "MD5";

    public Digest {
        Objects.requireNonNull(source, "source");
        if (!algorithm.equals(SHA256) && !algorithm.equals(MD5)) throw new IllegalArgumentException("algorithm " + algorithm);
        hex = hex.toLowerCase(Locale.ROOT);
        int length = algorithm.equals(SHA256) ? 64 : 32;
        if (hex.length() != length) throw new IllegalArgumentException(algorithm + " digest must have " + length + " hex digits: " + hex);
        HexFormat.of().parseHex(hex);
    }

    public static Digest sha256(String hex, long size, String source) {
        return new Digest(SHA256, hex, size, source);
    }

    public static Digest md5(String hex, long size, String source) {
        return new Digest(MD5, hex, size, source);
    }

    /** "sha256 (official release)" — how a verified file says what it matched. */
    public String label() {
        return algorithm.toLowerCase(Locale.ROOT).replace("-", "") + " (" + source + ")";
    }
}
