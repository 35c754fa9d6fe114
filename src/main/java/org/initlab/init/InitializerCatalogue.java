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
    private final Function<T, Map<String, Object>> paramsOf;
    private final Function<T, String> formulaOf;
    private final List<Entry<T>> entries;
    private final List<Preset> presets;
    private final Map<String, Entry<T>> entryByKey = new LinkedHashMap<>();
    private final Map<String, Preset> presetByKey = new LinkedHashMap<>();
    /** Every accepted spelling, by key, as listed. */
    private final Map<String, String> spellingByKey = new LinkedHashMap<>();

    InitializerCatalogue(String kind, List<Entry<T>> entries, List<Preset> presets,
                         Function<T, Map<String, Object>> paramsOf, Function<T, String> formulaOf) {
        this.kind = kind;
        this.entries = List.copyOf(entries);
        this.presets = List.copyOf(presets);
        this.paramsOf = paramsOf;
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
        if (name == null || name.isBlank()) {
            throw new UserError("missing " + kind + " name (valid: " + String.join(", ", names()) + ")");
        }
        String k = key(name);
        Map<String, ?> params = given == null ? Map.of() : given;
        Entry<T> entry = entryByKey.get(k);
        if (entry != null) return entry.factory().apply(new Params(name.trim(), params));
        Preset preset = presetByKey.get(k);
        if (preset != null) {
            Map<String, Object> merged = new LinkedHashMap<>(preset.params());
            merged.putAll(params);
            return entryByKey.get(key(preset.target())).factory().apply(new Params(name.trim(), merged));
        }
        String near = NearestName.of(k, spellingByKey.keySet());
        throw new UserError("unknown " + kind + " '" + name + "'"
                + (near == null ? "" : "; did you mean '" + spellingByKey.get(near) + "'?")
                + " (valid: " + String.join(", ", names()) + ")");
    }

    /** Entry names, then preset names. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Entry<T> e : entries) names.add(e.name());
        for (Preset p : presets) names.add(p.name());
        return names;
    }

    /** One line per entry (with aliases), then one per preset, each with its defaults and formula. */
    List<CatalogueEntry> describe() {
        List<CatalogueEntry> lines = new ArrayList<>();
        for (Entry<T> e : entries) {
            T instance = e.factory().apply(Params.none(e.name()));
            lines.add(new CatalogueEntry(e.name(), e.aliases(), formulaOf.apply(instance), paramsOf.apply(instance), e.source()));
        }
        for (Preset p : presets) {
            T instance = create(p.name(), Map.of());
            String formula = "= " + Params.label(p.target(), p.params()) + ": " + formulaOf.apply(instance);
            lines.add(new CatalogueEntry(p.name(), List.of(), formula, paramsOf.apply(instance), p.source()));
        }
        return List.copyOf(lines);
    }
}
