package org.initlab.serve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret a server reachable from other machines asks for: 128 random bits from the system's
 * strong source, printed once in the URL (as Jupyter does), checked on every request in constant
 * time (an attacker learns nothing from how long a wrong guess takes to refuse).
 */
final class AccessToken {
    private final String value;

    private AccessToken(String value) {
        this.value = value;
    }

    static AccessToken random() {
        byte[] b = new byte[16];
        new SecureRandom().nextBytes(b);
        return new AccessToken(HexFormat.of().formatHex(b));
    }

    String value() { return value; }

    /** Whether {@code candidate} is the token, in time that does not depend on where it differs. */
    boolean matches(String candidate) {
        if (candidate == null) return false;
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AccessToken[…]";
    }
}
