package org.initlab.catalog;

import java.util.Collection;
import java.util.Locale;

/** Suggests the closest valid name for a misspelt one (Damerau–Levenshtein distance). */
public final class NearestName {
    private NearestName() {}

    /** The candidate nearest to {@code name}, or null when none is plausibly meant. */
    public static String of(String name, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(lower, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        if (best == null) return null;
        int limit = Math.max(2, Math.min(name.length(), best.length()) / 3);
        if (bestDistance <= limit) return best;
        if (lower.length() >= 3) {
            // a prefix or a word of a longer name: "fashion" → "fashion-mnist", "glorot" → "glorot_uniform"
            for (String c : candidates) if (c.toLowerCase(Locale.ROOT).startsWith(lower)) return c;
        }
        return null;
    }

    /** "unknown activation 'rleu'; did you mean 'relu'? valid: identity, relu, ..." */
    public static String unknown(String kind, String name, Collection<String> valid) {
        String near = of(name, valid);
        return "unknown " + kind + " '" + name + "'" + (near == null ? "" : "; did you mean '" + near + "'?")
                + " (valid: " + String.join(", ", valid) + ")";
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[a.length()][b.length()];
    }
}
