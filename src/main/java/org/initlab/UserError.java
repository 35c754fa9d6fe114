package org.initlab;

/**
 * A problem with what the user asked for (a bad spec, a missing file, an unknown name).
 * The command line prints its message as one line and exits with code 2; the message says
 * what is wrong and how to fix it.
 */
public class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
