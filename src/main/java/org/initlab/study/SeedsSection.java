package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import org.initlab.UserError;
import org.initlab.study.spec.SpecNodes;

import java.util.ArrayList;
import java.util.List;

/** The {@code seeds:} section: a count (5 means seeds 0..4) or a list of distinct whole numbers. */
final class SeedsSection {
    static final int MAX_COUNT = 10_000;

    private SeedsSection() {}

    static List<Long> read(JsonNode node, SpecNodes in) {
        if (node.isIntegralNumber()) {
            if (!node.canConvertToInt()) throw new UserError(in.origin() + ": seeds must be between 1 and " + MAX_COUNT + ", got " + node.asText());
            return range(node.asInt(), "seeds", in);
        }
        if (node.isArray() && !node.isEmpty()) {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isIntegralNumber()) throw in.error("seeds[" + i + "]", "a seed is a whole number, got " + node.get(i));
                if (!node.get(i).canConvertToLong()) {
                    throw in.error("seeds[" + i + "]", "a seed is between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE + ", got " + node.get(i).asText());
                }
                long s = node.get(i).asLong();
                if (out.contains(s)) throw in.error("seeds[" + i + "]", "seed " + s + " is listed twice");
                out.add(s);
            }
            return out;
        }
        throw in.error("seeds", "give a count (seeds: 5 means seeds 0..4) or a list (seeds: [1, 7, 42])");
    }

    /** Seeds 0..n-1; {@code what} names where n came from ("seeds", "--seeds"). */
    static List<Long> range(int n, String what, SpecNodes in) {
        if (n < 1 || n > MAX_COUNT) throw new UserError(in.origin() + ": " + what + " must be between 1 and " + MAX_COUNT + ", got " + n);
        List<Long> out = new ArrayList<>();
        for (long s = 0; s < n; s++) out.add(s);
        return out;
    }
}
