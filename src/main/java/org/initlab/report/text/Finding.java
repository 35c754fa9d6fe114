package org.initlab.report.text;

/**
 * A sentence the report states, computed from the data.
 *
 * @param significant whether the claim in it passed its test (false also when untested)
 * @param tested      whether a test was possible (two or more paired seeds)
 */
public record Finding(Kind kind, String text, boolean significant, boolean tested) {
    public enum Kind {
        /** The best of a scenario against the runner-up. */
        BEST,
        /** How the best choice changes with another factor. */
        INTERACTION,
        /** Configurations that do not learn (near chance). */
        FAILURE,
        /** Configurations whose runs diverged. */
        DIVERGENCE
    }
}
