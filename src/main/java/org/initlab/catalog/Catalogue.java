package org.initlab.catalog;

import org.initlab.UserError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A name → thing table: initializers, activations, optimizers, datasets, factors. Spellings match
 * by the one {@link Spelling} rule. Two kinds of name: an {@link Entry} (a canonical name plus
 * aliases that mean exactly it) and a {@link Preset} (a name for an entry with some parameters
 * preset, which the user may still override). Two names that spell the same key are a mistake
 * caught when the catalogue is built. Aliases are listed with their entry and nowhere else.
 *
 * @param <T> what an entry builds
 */
public final class Catalogue<T> {
    /** A canonical name, its aliases, where it comes from, and how to build it from parameters. */
    public record Entry<T>(String name, List<String> aliases, String source, Function<Params, ? extends T> factory) {
        public Entry {
            aliases = List.copyOf(aliases);
        }

        /** An entry that takes no parameters and always gives {@code value}. */
        public static <T> Entry<T> of(String name, List<String> aliases, String source, T value) {
            return new Entry<>(name, aliases, source, p -> {
                p.done();
                return value;
            });
        }
    }

    /** A name for {@code target} with {@code params} preset (kept sorted by name). */
    public record Preset(String name, String target, Map<String, Object> params, String source) {
        public Preset {
            params = Collections.unmodifiableMap(new TreeMap<>(params));
        }
    }

    /** How {@code initlab list} shows a thing built with its defaults. */
    public interface Listing<T> {
        String formula(T thing);

        /** Its parameters with their defaults; {@code read} is what the factory read. */
        Map<String, Object> defaults(T thing, Params read);
    }

    private final String kind;
    private final List<Entry<T>> entries;
    private final List<Preset> presets;
    private final Map<String, Entry<T>> entryByKey = new LinkedHashMap<>();
    private final Map<String, Preset> presetByKey = new LinkedHashMap<>();
    /** Every accepted spelling, by key, as listed. */
    private final Map<String, String> spellingByKey = new LinkedHashMap<>();

    /** @throws IllegalStateException when two names clash or a preset names no entry */
    public Catalogue(String kind, List<Entry<T>> entries, List<Preset> presets) {
        this.kind = kind;
        this.entries = List.copyOf(entries);
        this.presets = List.copyOf(presets);
        for (Entry<T> e : this.entries) {
            register(e.name(), e, null);
            for (String alias : e.aliases()) register(alias, e, null);
        }
        for (Preset p : this.presets) {
            Entry<T> target = entryByKey.get(Spelling.key(p.target()));
            if (target == null || !target.name().equals(p.target())) {
                throw new IllegalStateException("preset " + p.name() + " names unknown entry " + p.target());
            }
            register(p.name(), null, p);
        }
    }

    public Catalogue(String kind, List<Entry<T>> entries) {
        this(kind, entries, List.of());
    }

    private void register(String spelling, Entry<T> entry, Preset preset) {
        String k = Spelling.key(spelling);
        if (spellingByKey.containsKey(k)) {
            throw new IllegalStateException(kind + " name '" + spelling + "' clashes with '" + spellingByKey.get(k) + "'");
        }
        spellingByKey.put(k, spelling);
        if (entry != null) entryByKey.put(k, entry);
        else presetByKey.put(k, preset);
    }

    /** "weight initializer", "activation": how messages name one. */
    public String kind() {
        return kind;
    }

    /** The listed name (an entry's or a preset's) that {@code spelling} stands for, if any. */
    public Optional<String> canonical(String spelling) {
        if (spelling == null) return Optional.empty();
        String k = Spelling.key(spelling);
        Entry<T> e = entryByKey.get(k);
        if (e != null) return Optional.of(e.name());
        return Optional.ofNullable(presetByKey.get(k)).map(Preset::name);
    }

    /** The listed name {@code spelling} stands for; a {@link UserError} with the nearest name otherwise. */
    public String require(String spelling) {
        if (spelling == null || spelling.isBlank()) {
            throw new UserError(kind + " name is missing (valid: " + String.join(", ", names()) + ")");
        }
        return canonical(spelling).orElseThrow(() -> unknown(spelling));
    }

    private UserError unknown(String spelling) {
        String near = NearestName.of(Spelling.key(spelling), spellingByKey.keySet());
        return new UserError("unknown " + kind + " '" + spelling.trim() + "'"
                + (near == null ? "" : "; did you mean '" + spellingByKey.get(near) + "'?")
                + " (valid: " + String.join(", ", names()) + ")");
    }

    /** The thing {@code name} with {@code given} parameters; UserError for a bad name or parameter. */
    public T create(String name, Map<String, ?> given) {
        return create(name, given, null);
    }

    /** As {@link #create(String, Map)}; {@code read}, if given, receives the Params the factory read. */
    private T create(String name, Map<String, ?> given, List<Params> read) {
        String k = Spelling.key(require(name));
        Map<String, Object> params = new LinkedHashMap<>();
        Entry<T> entry = entryByKey.get(k);
        if (entry == null) {
            Preset preset = presetByKey.get(k);
            entry = entryByKey.get(Spelling.key(preset.target()));
            params.putAll(preset.params());
        }
        if (given != null) params.putAll(given);
        Params p = new Params(name.trim(), params);
        T thing = entry.factory().apply(p);
        if (read != null) read.add(p);
        return thing;
    }

    /** Entry names, then preset names. */
    public List<String> names() {
        List<String> names = new ArrayList<>();
        for (Entry<T> e : entries) names.add(e.name());
        for (Preset p : presets) names.add(p.name());
        return names;
    }

    /** One line per entry (with aliases), then one per preset, each built with its defaults. */
    public List<CatalogueEntry> describe(Listing<T> listing) {
        List<CatalogueEntry> lines = new ArrayList<>();
        for (Entry<T> e : entries) {
            List<Params> read = new ArrayList<>();
            T thing = create(e.name(), Map.of(), read);
            lines.add(new CatalogueEntry(e.name(), e.aliases(), listing.formula(thing), listing.defaults(thing, read.getFirst()), e.source()));
        }
        for (Preset p : presets) {
            List<Params> read = new ArrayList<>();
            T thing = create(p.name(), Map.of(), read);
            String formula = "= " + Params.label(p.target(), p.params()) + ": " + listing.formula(thing);
            lines.add(new CatalogueEntry(p.name(), List.of(), formula, listing.defaults(thing, read.getFirst()), p.source(), p.target()));
        }
        return List.copyOf(lines);
    }
}
