package org.initlab.train.probe;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which probe watched a run and with which settings, as {@code result.json} records it beside the
 * spec: equal descriptions, equal values (for the same spec). Settings are integers, doubles,
 * booleans or strings, so a description read back from JSON equals the one written.
 */
public record ProbeDescription(String name, Map<String, Object> settings) {
    public ProbeDescription {
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(settings));
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof Integer || v instanceof Double || v instanceof Boolean || v instanceof String)) {
                throw new IllegalArgumentException(name + "." + e.getKey() + ": a probe setting is an int, double, boolean or string, got " + v);
            }
        }
    }

    @Override
    public String toString() {
        return settings.isEmpty() ? name : name + settings;
    }
}
