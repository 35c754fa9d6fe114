package org.initlab.study.factor;

import java.util.Map;

/**
 * One value of a factor, as a study spec gives it, already validated and canonical.
 *
 * @param label how tables, legends and file names show it ("he", "relu", "128-64")
 */
public record Level<T>(Factor<T> factor, String label, T value) {
    /** Same value; labels do not matter. */
    public boolean sameValue(Level<?> o) {
        return value.equals(o.value);
    }

    /** Whether a run at this level is one that {@code pattern} (a level of the same factor) names. */
    public boolean matchedBy(Level<?> pattern) {
        return factor.matches(value, pattern.value);
    }

    public void applyTo(RunDraft run) {
        factor.apply(value, run);
    }

    /** Labels for other factors' columns (see {@link Factor#otherLabels}). */
    public Map<String, String> otherLabels() {
        return factor.otherLabels(value);
    }

    /** As {@code --dry-run} lists it. */
    public String show() {
        return factor.show(label, value);
    }
}
