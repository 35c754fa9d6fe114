package org.initlab.data;

import java.net.URI;

/** Hears about downloads as they happen; every method does nothing unless overridden. */
public interface Progress {
    /** Does nothing. */
    Progress NONE = new Progress() {};

    /** A transfer of {@code file} from {@code from} begins; {@code expectedBytes} is -1 when unknown. */
    default void started(String file, URI from, long expectedBytes) {}

    /** {@code bytes} of {@code file} have arrived so far. */
    default void advanced(String file, long bytes, long expectedBytes) {}

    /** The transfer ended: verified and in place, or failed for {@code detail}. */
    default void finished(String file, boolean ok, String detail) {}
}
