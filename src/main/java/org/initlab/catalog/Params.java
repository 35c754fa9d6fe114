package org.initlab.catalog;

import org.initlab.UserError;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The parameters a user gave a named component (an initializer, activation, optimizer...),
 * read with defaults and checked: a value of the wrong type or a name the component does not
 * take is a {@link UserError} naming the component, the parameter and the valid choices.
 *
 * <p>Typical use: read every parameter with a default, then call {@link #done()}; the
 * component records {@link #resolved()} (every parameter, defaults included) as its
 * canonical description.
 */
public final class Params {
    private final String component;
    private final Map<String, Object> given;
    private final Map<String, Object> resolved = new TreeMap<>();
    private final Set<String> known = new LinkedHashSet<>();

    public Params(String component, Map<String, ?> given) {
        this.component = component;
        this.given = new LinkedHashMap<>(given == null ? Map.of() : given);
    }

    public static Params none(String component) {
        return new Params(component, Map.of());
    }

    public String component() { return component; }

    /** The parameters as given, for a component that reads them its own way (Adam's betas). */
    public Map<String, Object> given() { return Collections.unmodifiableMap(given); }

    public double getDouble(String name, double defaultValue) {
        known.add(name);
        Object v = given.get(name);
        double d;
        if (v == null) d = defaultValue;
        else if (v instanceof Number n) d = n.doubleValue();
        else if (v instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new UserError(component + ": parameter '" + name + "' must be a number, got '" + s + "'");
            }
        } else throw new UserError(component + ": parameter '" + name + "' must be a number, got " + v);
        if (!Double.isFinite(d)) throw new UserError(component + ": parameter '" + name + "' must be a finite number, got " + (v instanceof String ? v : d));
        resolved.put(name, d);
        return d;
    }

    /** A number that must lie in [min, max]. */
    public double getDouble(String name, double defaultValue, double min, double max) {
        double d = getDouble(name, defaultValue);
        if (d < min || d > max) {
            throw new UserError(component + ": parameter '" + name + "' must be in [" + min + ", " + max + "], got " + d);
        }
        return d;
    }

    public int getInt(String name, int defaultValue, int min, int max) {
        double d = getDouble(name, defaultValue);
        if (d != Math.rint(d)) throw new UserError(component + ": parameter '" + name + "' must be a whole number, got " + d);
        if (d < min || d > max) {
            throw new UserError(component + ": parameter '" + name + "' must be in [" + min + ", " + max + "], got " + (long) d);
        }
        resolved.put(name, (int) d);
        return (int) d;
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        known.add(name);
        Object v = given.get(name);
        boolean b;
        if (v == null) b = defaultValue;
        else if (v instanceof Boolean bool) b = bool;
        else if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) b = Boolean.parseBoolean(s);
        else throw new UserError(component + ": parameter '" + name + "' must be true or false, got " + v);
        resolved.put(name, b);
        return b;
    }

    /** One of {@code choices}, matched by the {@link Spelling} rule and returned as spelt in {@code choices}. */
    public String getChoice(String name, String defaultValue, List<String> choices) {
        known.add(name);
        Object v = given.get(name);
        String s = v == null ? defaultValue : v.toString().trim();
        try {
            String c = Spelling.choose("value", s, choices);
            resolved.put(name, c);
            return c;
        } catch (UserError e) {
            throw new UserError(component + ": parameter '" + name + "': " + e.getMessage());
        }
    }

    /** Fails if the user gave a parameter that was never read. */
    public Params done() {
        for (String key : given.keySet()) {
            if (!known.contains(key)) {
                String msg = known.isEmpty()
                        ? component + " takes no parameters, got '" + key + "'"
                        : component + ": " + NearestName.unknown("parameter", key, List.copyOf(known));
                throw new UserError(msg);
            }
        }
        return this;
    }

    /** Every parameter read, defaults included, sorted by name. */
    public Map<String, Object> resolved() {
        return Collections.unmodifiableMap(new TreeMap<>(resolved));
    }

    /** "name(a=1, b=2)" — a compact label, as used in tables and figure legends. */
    public static String label(String name, Map<String, Object> params) {
        if (params.isEmpty()) return name;
        StringBuilder sb = new StringBuilder(name).append('(');
        boolean first = true;
        for (var e : params.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(e.getKey()).append('=').append(format(e.getValue()));
        }
        return sb.append(')').toString();
    }

    static String format(Object v) {
        if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString(d.longValue());
            return String.format(Locale.ROOT, "%s", d);
        }
        return String.valueOf(v);
    }
}
