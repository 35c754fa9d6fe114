package org.initlab.catalog;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named, parameterised part of a run (initializer, activation, optimizer) in canonical form:
 * the catalogue's canonical name and every parameter resolved, defaults included, sorted by name.
 * Two spellings of the same thing give equal components, hence the same run hash.
 */
public record Component(String name, Map<String, Object> params) {
    public Component {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public static Component of(String name) {
        return new Component(name, Map.of());
    }

    @Override
    public String toString() {
        return Params.label(name, params);
    }
}
