package org.initlab.study;

import org.initlab.study.spec.SpecNodes;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Exclude patterns that matched no level of some experiment, and those that matched one: a
 * pattern (shared by every experiment, or an experiment's own) that matches nowhere is a mistake.
 */
final class ExcludeCheck {
    private final Map<String, String> unmatched = new LinkedHashMap<>();
    private final Set<String> matched = new HashSet<>();

    /** Records the pattern at {@code path}: {@code why} is null when it matched a level of an experiment. */
    void record(String path, String why) {
        if (why == null) matched.add(path);
        else unmatched.putIfAbsent(path, why);
    }

    /** Fails on the first pattern that matched in no experiment. */
    void check(SpecNodes in) {
        for (Map.Entry<String, String> u : unmatched.entrySet()) {
            if (!matched.contains(u.getKey())) throw in.error(u.getKey(), u.getValue());
        }
    }
}
