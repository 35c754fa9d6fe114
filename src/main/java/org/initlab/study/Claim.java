package org.initlab.study;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A hypothesis a study states about its own results, to be tested by the report: either that
 * some levels of one factor do better than others on a metric ({@code better}, {@code than}),
 * or that one level's metric stays at most or at least a bound ({@code level}, {@code atMost} /
 * {@code atLeast}), in the part of the grid {@code where} names (all of it when empty). Read
 * from the spec's {@code claims:} ({@link ClaimsSection}) and kept in {@code study.json}.
 *
 * @param text    the claim in words, as the spec states it
 * @param metric  the {@link ClaimMetric} key it is judged on
 * @param factor  the factor whose levels it names
 * @param better  levels claimed better (a comparison; empty for a bound)
 * @param than    levels they are claimed better than, each one separately
 * @param level   the level a bound is about (null for a comparison)
 * @param atMost  the bound its metric is claimed to stay at or below (null if none)
 * @param atLeast the bound its metric is claimed to reach (null if none)
 * @param where   factor → the levels it is restricted to
 */
public record Claim(String text, String metric, String factor, List<String> better, List<String> than,
                    String level, Double atMost, Double atLeast, Map<String, List<String>> where) {
    public Claim {
        better = better == null ? List.of() : List.copyOf(better);
        than = than == null ? List.of() : List.copyOf(than);
        where = where == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(where));
        boolean comparison = !better.isEmpty() && !than.isEmpty();
        boolean bound = level != null && (atMost != null || atLeast != null);
        if (comparison == bound) throw new IllegalArgumentException("a claim compares levels (better, than) or bounds one level (level, at_most/at_least): " + text);
    }

    /** Whether it compares levels (else it bounds one). */
    public boolean comparesLevels() {
        return level == null;
    }
}
