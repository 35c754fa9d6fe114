package org.initlab.init;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical parameter map of an initializer: sorted by name, unmodifiable, doubles as
 * {@code Double}, whole numbers as {@code Integer}, choices as their canonical spelling; the
 * same shape {@link org.initlab.catalog.Params#resolved()} gives, so equal initializers give
 * equal maps whichever alias or parameter spelling created them.
 */
final class CanonicalParams {
    private CanonicalParams() {}

    /** {@code of("gain", 1.0, "mode", "fan_in")}. */
    static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("names and values must pair up");
        TreeMap<String, Object> map = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        return Collections.unmodifiableMap(map);
    }
}
