package org.initlab.init;

import org.initlab.UserError;
import org.initlab.catalog.CatalogueEntry;
import org.initlab.catalog.NearestName;
import org.initlab.catalog.Params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A name → initializer table (weights or biases). Names match ignoring case, '_', '-' and
 * spaces, so "GlorotUniform", "glorot_uniform" and "xavier_uniform_" are one name. Two kinds of
 * name: an entry (canonical name plus aliases that mean exactly it) and a preset (a name for an
 * entry with some parameters preset, which the user may still override).
 *
 * @param <T> Initializer or BiasInitializer
 */
final class InitializerCatalogue<T> {
    /** A canonical name, its aliases, where it comes from, and how to build it from parameters. */
    record Entry<T>(String name, List<String> aliases, String source, Function<Params, ? extends T> factory) {
        Entry {
            aliases = List.copyOf(aliases);
        }
    }

    /** A name for {@code target} with {@code params} preset (kept sorted by name). */
    record Preset(String name, String target, Map<String, Object> params, String source) {
        Preset {
            params = Collections.unmodifiableMap(new TreeMap<>(params));
        }
    }

    private final String kind;
    private final Function<T, String> formulaOf;
    private final List<Entry<T>> entries;
    private final List<Preset> presets;
    private final Map<String, Entry<T>> entryByKey = new LinkedHashMap<>();
    private final Map<String, Preset> presetByKey = new LinkedHashMap<>();
    /** Every accepted spelling, by key, as listed. */
    private final Map<String, String> spellingByKey = new LinkedHashMap<>();

    InitializerCatalogue(String kind, List<Entry<T>> entries, List<Preset> presets,
                         Function<T, String> formulaOf) {
        this.kind = kind;
        this.entries = List.copyOf(entries);
        this.presets = List.copyOf(presets);
        this.formulaOf = formulaOf;
        for (Entry<T> e : this.entries) {
            register(e.name(), e, null);
            for (String alias : e.aliases()) register(alias, e, null);
        }
        for (Preset p : this.presets) {
            Entry<T> target = entryByKey.get(key(p.target()));
            if (target == null || !target.name().equals(p.target())) {
                throw new IllegalStateException("preset " + p.name() + " names unknown entry " + p.target());
            }
            register(p.name(), null, p);
        }
    }

    private void register(String spelling, Entry<T> entry, Preset preset) {
        String k = key(spelling);
        if (spellingByKey.containsKey(k)) {
            throw new IllegalStateException(kind + " name '" + spelling + "' clashes with '" + spellingByKey.get(k) + "'");
        }
        spellingByKey.put(k, spelling);
        if (entry != null) entryByKey.put(k, entry);
        else presetByKey.put(k, preset);
    }

    /** The matching key of a spelling: lower case without '_', '-' or blanks. */
    static String key(String spelling) {
        StringBuilder sb = new StringBuilder(spelling.length());
        for (char c : spelling.trim().toLowerCase(Locale.ROOT).toCharArray()) {
            if (c != '_' && c != '-' && !Character.isWhitespace(c)) sb.append(c);
        }
        return sb.toString();
    }

    /** The initializer {@code name} with {@code given} parameters; UserError for a bad name or parameter. */
    T create(String name, Map<String, ?> given) {
        return create(name, given, null);
    }

    /** As {@link #create(String, Map)}; {@code read}, if given, receives the Params the factory read. */
    private T create(String name, Map<String, ?> given, List<Params> read) {
        if (name == null || name.isBlank()) {
            throw new UserError("missing " + kind + " name (valid: " + String.join(", ", names()) + ")");
        }
        String k = key(name);
        Map<String, Object> params = new LinkedHashMap<>();
        Entry<T> entry = entryByKey.get(k);
        Preset preset = presetByKey.get(k);
        if (entry == null && preset != null) {
            entry = entryByKey.get(key(preset.target()));
            params.putAll(preset.params());
        }
        if (entry == null) {
            String near = NearestName.of(k, spellingByKey.keySet());
            throw new UserError("unknown " + kind + " '" + name + "'"
                    + (near == null ? "" : "; did you mean '" + spellingByKey.get(near) + "'?")
                    + " (valid: " + String.join(", ", names()) + ")");
        }
        if (given != null) params.putAll(given);
        Params p = new Params(name.trim(), params);
        T instance = entry.factory().apply(p);
        if (read != null) read.add(p);
        return instance;
    }

    /** Entry names, then preset names. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Entry<T> e : entries) names.add(e.name());
        for (Preset p : presets) names.add(p.name());
        return names;
    }

    /**
     * One line per entry (with aliases), then one per preset; the defaults are the parameters
     * the factory read ({@link Params#resolved()}), the formula the built initializer's.
     */
    List<CatalogueEntry> describe() {
        List<CatalogueEntry> lines = new ArrayList<>();
        for (Entry<T> e : entries) {
            List<Params> read = new ArrayList<>();
            T instance = create(e.name(), Map.of(), read);
            lines.add(new CatalogueEntry(e.name(), e.aliases(), formulaOf.apply(instance), read.getFirst().resolved(), e.source()));
        }
        for (Preset p : presets) {
            List<Params> read = new ArrayList<>();
            T instance = create(p.name(), Map.of(), read);
            String formula = "= " + Params.label(p.target(), p.params()) + ": " + formulaOf.apply(instance);
            lines.add(new CatalogueEntry(p.name(), List.of(), formula, read.getFirst().resolved(), p.source()));
        }
        return List.copyOf(lines);
    }
}
