package org.initlab.study.factor;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.study.spec.SpecNodes;

import java.util.Map;

/**
 * Something a study can vary: set once under {@code settings:} or listed under {@code factors:}.
 * Each factor is one file and one line in {@link Factors}.
 *
 * @param <T> the value of a level, immutable, with value equality
 */
public interface Factor<T> {
    /** The name in spec files, manifests and CSV columns ("activation"). */
    String key();

    /** What the factor is and how a level is written, for {@code initlab list factors}. */
    String description();

    /**
     * Reads and checks one level as a spec writes it (an item under {@code factors:}, a value under
     * {@code settings:}, or a value in an include/exclude pattern), and labels it. Errors may
     * throw plain {@link org.initlab.UserError}s: {@link Factors#read} puts the path in front.
     */
    Level<T> read(JsonNode node, String path, SpecNodes in);

    /** Puts {@code value} into the run being assembled. */
    void apply(T value, RunDraft run);

    /** Whether a run with this value is one an include/exclude pattern's value names. */
    default boolean matches(T value, Object pattern) {
        return value.equals(pattern);
    }

    /** Labels this value gives other factors' columns (an initializer's own bias). */
    default Map<String, String> otherLabels(T value) {
        return Map.of();
    }

    /** How {@code --dry-run} shows a level: its label, and its value where that says more. */
    default String show(String label, T value) {
        String v = value.toString();
        return label.equals(v) ? v : label + " = " + v;
    }
}
