package org.initlab.cli;

import org.initlab.UserError;
import org.initlab.catalog.NearestName;
import org.initlab.catalog.Spelling;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which runs of a study folder a user means by {@code --where initializer=he,activation=tanh}:
 * each {@code KEY=LABEL} names a factor (or {@code seed}, {@code experiment}, {@code status}) and
 * one of its labels as the study shows them, both matched by the {@link Spelling} rule ("HE" is
 * "he", "1hidden" is "1 hidden"). A key or label the study does not have is a one-line error with
 * the nearest one. A label may hold commas ({@code normal(mean=0, std=1)}): a comma ends a
 * condition only where a known key and '=' follow it.
 *
 * @param conditions key → label, as the study spells them
 */
record RunFilter(Map<String, String> conditions) {
    static final RunFilter ALL = new RunFilter(Map.of());

    /** The keys besides the label keys: a run's experiments and its status. */
    static final String EXPERIMENT = "experiment", STATUS = "status";

    RunFilter {
        conditions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
    }

    /**
     * The filter {@code texts} ({@code --where} given once or more) asks for, against the
     * {@code rows} of a study: their keys and labels.
     */
    static RunFilter parse(List<String> texts, List<RunListing.Row> rows) {
        if (texts == null || texts.isEmpty()) return ALL;
        Map<String, Set<String>> values = values(rows);
        Map<String, String> out = new LinkedHashMap<>();
        for (String text : texts) {
            for (String condition : split(text, values.keySet())) {
                int eq = condition.indexOf('=');
                if (eq < 0) {
                    throw new UserError("--where: '" + condition.strip() + "' is not KEY=LABEL (e.g. --where initializer=he,activation=tanh;"
                            + " keys: " + String.join(", ", values.keySet()) + ")");
                }
                String key = key(condition.substring(0, eq), values.keySet());
                String label = label(key, condition.substring(eq + 1), values.get(key));
                String before = out.put(key, label);
                if (before != null && !before.equals(label)) {
                    throw new UserError("--where: " + key + " is given twice (" + before + ", " + label + "); a run has one " + key);
                }
            }
        }
        return new RunFilter(out);
    }

    /** Whether {@code row} has every label asked for. */
    boolean matches(RunListing.Row row) {
        for (Map.Entry<String, String> c : conditions.entrySet()) {
            if (!row.values(c.getKey()).contains(c.getValue())) return false;
        }
        return true;
    }

    boolean isAll() {
        return conditions.isEmpty();
    }

    /** "initializer=he, activation=tanh". */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        conditions.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(", ", parts);
    }

    /** Every key the rows have, each with every label it takes, in the order first seen. */
    private static Map<String, Set<String>> values(List<RunListing.Row> rows) {
        Map<String, Set<String>> v = new LinkedHashMap<>();
        for (RunListing.Row r : rows) {
            r.labels().forEach((k, l) -> v.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(l));
        }
        for (RunListing.Row r : rows) v.computeIfAbsent(EXPERIMENT, x -> new LinkedHashSet<>()).addAll(r.experiments());
        for (RunListing.Row r : rows) v.computeIfAbsent(STATUS, x -> new LinkedHashSet<>()).add(r.status().word());
        for (RunListing.Status s : RunListing.Status.values()) v.get(STATUS).add(s.word());
        return v;
    }

    /** The conditions of one --where: split at a comma followed by a known key and '='. */
    static List<String> split(String text, Collection<String> keys) {
        Set<String> known = new LinkedHashSet<>();
        for (String k : keys) known.add(Spelling.key(k));
        List<String> parts = new ArrayList<>();
        for (String piece : text.split(",")) {
            int eq = piece.indexOf('=');
            boolean starts = parts.isEmpty() || eq > 0 && known.contains(Spelling.key(piece.substring(0, eq)));
            if (starts) parts.add(piece);
            else parts.set(parts.size() - 1, parts.getLast() + "," + piece);
        }
        parts.removeIf(p -> p.isBlank());
        return parts;
    }

    private static String key(String given, Collection<String> keys) {
        for (String k : keys) if (Spelling.same(k, given)) return k;
        String near = NearestName.of(Spelling.key(given), keys);
        throw new UserError("--where: this study has no '" + given.strip() + "'" + (near == null ? "" : "; did you mean '" + near + "'?")
                + " (keys: " + String.join(", ", keys) + ")");
    }

    private static String label(String key, String given, Collection<String> labels) {
        for (String l : labels) if (Spelling.same(l, given)) return l;
        List<String> keysOfLabels = new ArrayList<>(labels);
        String near = NearestName.of(given.strip(), keysOfLabels);
        throw new UserError("--where: no run has " + key + " '" + given.strip() + "'" + (near == null ? "" : "; did you mean '" + near + "'?")
                + " (" + key + ": " + String.join(", ", labels) + ")");
    }
}
