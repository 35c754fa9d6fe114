package org.initlab.catalog;

import java.util.Map;

/**
 * One line of a catalogue (initializers, activations, optimizers, datasets), as
 * {@code initlab list} prints it.
 *
 * @param name     the canonical name a spec uses
 * @param aliases  other accepted spellings (PyTorch, Keras or DL4J names)
 * @param formula  the definition in one line
 * @param defaults each parameter with its default value, in a stable order
 * @param source   the paper or library convention it follows
 * @param presetOf for a preset, the entry it names with some parameters set; null for an entry
 */
public record CatalogueEntry(String name, java.util.List<String> aliases, String formula, Map<String, Object> defaults, String source,
                             String presetOf) {
    public CatalogueEntry {
        aliases = java.util.List.copyOf(aliases);
        defaults = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(defaults));
    }

    /** An entry (not a preset). */
    public CatalogueEntry(String name, java.util.List<String> aliases, String formula, Map<String, Object> defaults, String source) {
        this(name, aliases, formula, defaults, source, null);
    }
}
